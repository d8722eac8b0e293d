import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appealKbEntrySchema,
  appealKbInputSchema,
  appealKbListSchema,
  appealKbManageQuerySchema,
  appealKbPatchSchema,
  appealKbSearchQuerySchema,
  appealKbSearchSchema,
} from '../../../shared/appeals-api';
import type { Platform } from '../../app';
import { AppealKbService, KB_CURATORS } from './kb';

const TAGS = ['appeals'];
const idParam = z.object({ id: z.string().min(1).max(64) });

/** Routes of the knowledge base (知识库): public search and reading, curation by dispatchers and content editors. */
export const appealKbRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, opts) => {
  const kb = new AppealKbService(opts.platform);

  app.get(
    '/appeal-kb',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '知识库搜索（已发布条目，中文全文检索，结果高亮）',
        querystring: appealKbSearchQuerySchema,
        response: { 200: appealKbSearchSchema },
      },
    },
    async (req) => {
      opts.platform.searchTerms.record('appeals_kb', req.query.q, req.query.page); // insights: counted in memory
      return kb.search(req.query);
    },
  );

  // Before /appeal-kb/:id, so that "manage" is not read as an id.
  app.get(
    '/appeal-kb/manage',
    {
      config: { access: KB_CURATORS },
      schema: {
        tags: TAGS,
        summary: '知识库管理列表（含草稿和已归档）',
        querystring: appealKbManageQuerySchema,
        response: { 200: appealKbListSchema },
      },
    },
    async (req) => kb.manage(req.query),
  );

  app.get(
    '/appeal-kb/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '知识库条目详情（公众仅可查看已发布条目）',
        params: idParam,
        response: { 200: appealKbEntrySchema },
      },
    },
    async (req) => kb.get(req.ctx, req.params.id),
  );

  app.post(
    '/appeal-kb',
    {
      config: { access: KB_CURATORS },
      schema: {
        tags: TAGS,
        summary: '新建知识库条目（草稿；可由已办结的咨询诉求转入）',
        body: appealKbInputSchema,
        response: { 201: appealKbEntrySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await kb.create(req.ctx, req.body)),
  );

  app.patch(
    '/appeal-kb/:id',
    {
      config: { access: KB_CURATORS },
      schema: {
        tags: TAGS,
        summary: '修改知识库条目',
        params: idParam,
        body: appealKbPatchSchema,
        response: { 200: appealKbEntrySchema },
      },
    },
    async (req) => kb.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/appeal-kb/:id/publish',
    {
      config: { access: KB_CURATORS },
      schema: {
        tags: TAGS,
        summary: '发布知识库条目（进入全文检索）',
        params: idParam,
        response: { 200: appealKbEntrySchema },
      },
    },
    async (req) => kb.publish(req.ctx, req.params.id),
  );

  app.post(
    '/appeal-kb/:id/archive',
    {
      config: { access: KB_CURATORS },
      schema: {
        tags: TAGS,
        summary: '归档知识库条目（移出检索和公开页面）',
        params: idParam,
        response: { 200: appealKbEntrySchema },
      },
    },
    async (req) => kb.archive(req.ctx, req.params.id),
  );
};
