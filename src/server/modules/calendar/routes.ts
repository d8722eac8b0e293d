import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coded, isoDateSchema } from '../../../shared/validation';
import type { Platform } from '../../app';

const dayEntry = z.strictObject({ date: isoDateSchema, name: z.string().trim().min(1).max(20) });
const yearSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(4, '请填写通知的标题和文号').max(200),
  holidays: z.array(dayEntry).min(1, '至少包含一个节假日').max(60),
  makeupWorkdays: z.array(dayEntry).max(30),
});
const yearOut = yearSchema.extend({});

export const calendarRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const { calendar, audit } = platform;

  app.get(
    '/calendar/add-workdays',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '计算 N 个工作日之后的日期（严格晚于 from 的第 N 个工作日）',
        querystring: z.object({
          from: isoDateSchema.describe('起算日期 YYYY-MM-DD（Asia/Shanghai）'),
          days: z.coerce
            .number({ message: 'days 应为整数' })
            .int(coded('VALIDATION_FAILED', 'days 应为整数'))
            .min(1, coded('VALIDATION_FAILED', 'days 至少为 1'))
            .max(3650, coded('VALIDATION_FAILED', 'days 不能超过 3650')),
        }),
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async (req) => {
      const cal = await calendar.current();
      return { date: cal.addWorkdays(req.query.from, req.query.days) };
    },
  );

  app.get(
    '/calendar/is-workday',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '判断某日是否为工作日（含调休上班日）',
        querystring: z.object({ date: isoDateSchema }),
        response: { 200: z.object({ date: z.string(), workday: z.boolean() }) },
      },
    },
    async (req) => {
      const cal = await calendar.current();
      return { date: req.query.date, workday: cal.isWorkday(req.query.date) };
    },
  );

  app.get(
    '/calendar/years',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '已收录的年度节假日与调休安排',
        response: { 200: z.object({ items: z.array(yearOut) }) },
      },
    },
    async () => {
      await calendar.current();
      return { items: calendar.listYears() };
    },
  );

  app.post(
    '/calendar/years',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: '新增一个年度的节假日安排（依据国务院办公厅通知）',
        body: yearSchema,
        response: { 201: yearOut },
      },
    },
    async (req, reply) => {
      const year = await calendar.addYear(req.ctx, audit, req.body);
      return reply.status(201).send(year);
    },
  );
};
