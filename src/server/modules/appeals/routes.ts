import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppealAction } from '../../../shared/appeals';
import {
  appealActionBodySchema,
  appealActionParamsSchema,
  appealDetailSchema,
  appealListQuerySchema,
  appealListSchema,
  appealOpinionSchema,
  submitAppealHeadersSchema,
  submitAppealSchema,
} from '../../../shared/appeals-api';
import type { Role } from '../../../shared/roles';
import { notFound } from '../../platform/errors';
import { contentDisposition, FileStore } from '../../platform/files';
import type { AppealServices } from './index';

const TAGS = ['appeals'];
const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const SUBMITTERS: readonly Role[] = ['enterprise_admin', 'enterprise_member', 'liaison', 'dispatcher'];

/** The appeals core: submission, lists, detail, attachments, workflow actions and the assisting opinion. */
export const appealCoreRoutes: FastifyPluginAsyncZod<{ services: AppealServices }> = async (
  app,
  { services },
) => {
  const { appeals, platform } = services;
  const files = new FileStore(platform.database.db, platform.config.dataDir, platform.clock);

  app.post(
    '/appeals',
    {
      config: { access: SUBMITTERS },
      schema: {
        tags: TAGS,
        summary:
          '提交诉求（企业用户为本企业；企业专员代所负责企业提交；分拨员登记电话诉求 channel=phone）。请求头 idempotency-key 相同则返回首次提交的诉求（200）',
        headers: submitAppealHeadersSchema,
        body: submitAppealSchema,
        response: { 200: appealDetailSchema, 201: appealDetailSchema },
      },
    },
    async (req, reply) => {
      const { detail, created } = await appeals.submit(req.ctx, req.body, {
        idempotencyKey: req.headers['idempotency-key'],
      });
      return reply.status(created ? 201 : 200).send(detail);
    },
  );

  app.get(
    '/appeals',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary:
          '诉求列表（mine 我的 / queue 待办 / all 全部，按可见范围）；按状态、类型、分类、部门、时限状态、关键词筛选',
        querystring: appealListQuerySchema,
        response: { 200: appealListSchema },
      },
    },
    async (req) => appeals.list(req.ctx, req.query),
  );

  app.get(
    '/appeals/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '诉求详情：部门、办理过程、附件、当前可执行的操作、时限（id 或诉求编号）',
        params: idParam,
        response: { 200: appealDetailSchema },
      },
    },
    async (req) => appeals.get(req.ctx, req.params.id),
  );

  app.get(
    '/appeals/:id/files/:fileId',
    {
      config: { access: 'authenticated' },
      schema: { tags: TAGS, summary: '下载诉求附件', params: z.object({ id, fileId: id }) },
    },
    async (req, reply) => {
      const row = await appeals.file(req.ctx, req.params.id, req.params.fileId);
      const stream = files.open(row);
      if (!stream) throw notFound('附件');
      const inline = ['jpg', 'png', 'pdf'].includes(row.ext);
      return reply
        .type(row.mime)
        .header('content-disposition', contentDisposition(row.name, inline))
        .header('content-length', String(row.size))
        .send(stream);
    },
  );

  app.post(
    '/appeals/:id/actions/:action',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary:
          '办理操作（受理、派单、签收、答复、退单、延期、催办、督办、评价、重办、并单、办结……）；请求体为该操作的输入，可带 expectedVersion',
        params: appealActionParamsSchema,
        body: appealActionBodySchema.optional(),
        response: { 200: appealDetailSchema },
      },
    },
    async (req) =>
      appeals.act(
        req.ctx,
        req.params.id,
        req.params.action as Exclude<AppealAction, 'auto_close'>,
        (req.body ?? {}) as Record<string, unknown>,
      ),
  );

  app.post(
    '/appeals/:id/opinion',
    {
      config: { access: ['handler'] },
      schema: {
        tags: TAGS,
        summary: '填写协办意见（协办部门承办人）',
        params: idParam,
        body: appealOpinionSchema,
        response: { 200: appealDetailSchema },
      },
    },
    async (req) => appeals.opinion(req.ctx, req.params.id, req.body),
  );
};
