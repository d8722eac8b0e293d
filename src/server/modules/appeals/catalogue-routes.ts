import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appealTopicInputSchema,
  appealTopicListSchema,
  appealTopicPatchSchema,
  appealTopicSchema,
  slaSettingsSchema,
} from '../../../shared/appeals-api';
import { STAFF_ROLES } from '../../../shared/roles';
import type { AppealServices } from './index';

const TAGS = ['appeal-catalogue'];

/** The dispatch catalogue (派单目录) and the district SLA settings. */
export const appealCatalogueRoutes: FastifyPluginAsyncZod<{ services: AppealServices }> = async (
  app,
  { services },
) => {
  const { catalogue } = services;

  app.get(
    '/appeal-topics',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '诉求事项分类（派单目录）：名称、分组、主办部门、时限；管理员 ?all=1 含已停用',
        querystring: z.object({ all: z.enum(['0', '1']).optional() }),
        response: { 200: appealTopicListSchema },
      },
    },
    async (req) => ({
      items: await catalogue.listTopics(req.query.all === '1' && !!req.principal?.roles.includes('admin')),
    }),
  );

  app.post(
    '/appeal-topics',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '新增事项分类（主办部门须存在；时限覆盖为 1–60 个工作日）',
        body: appealTopicInputSchema,
        response: { 201: appealTopicSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await catalogue.createTopic(req.ctx, req.body)),
  );

  app.patch(
    '/appeal-topics/:code',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '修改事项分类（名称、主办部门、时限、启停用）',
        params: z.object({ code: z.string().min(1).max(64) }),
        body: appealTopicPatchSchema,
        response: { 200: appealTopicSchema },
      },
    },
    async (req) => catalogue.updateTopic(req.ctx, req.params.code, req.body),
  );

  app.get(
    '/appeal-settings/sla',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: '全区诉求时限设置（受理、办理、延期、评价与重办期限、临期规则、办公时间）',
        response: { 200: slaSettingsSchema },
      },
    },
    async () => catalogue.getSettings(),
  );

  app.put(
    '/appeal-settings/sla',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '修改全区诉求时限设置',
        body: slaSettingsSchema,
        response: { 200: slaSettingsSchema },
      },
    },
    async (req) => catalogue.putSettings(req.ctx, req.body),
  );
};
