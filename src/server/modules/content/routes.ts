import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionPlanListSchema,
  actionPlanSchema,
  articleListQuerySchema,
  articleListSchema,
  articleSchema,
  feedQuerySchema,
  guideListQuerySchema,
  guideListSchema,
  guideSchema,
} from '../../../shared/content-api';
import { notFound } from '../../platform/errors';
import { contentDisposition } from '../../platform/files/store';
import { ATOM_TYPE, atomFeed, originOf, RSS_TYPE, rssFeed } from './feeds';
import type { ContentServices } from './index';

const idParam = z.object({ id: z.string().min(1).max(64) });
const TAGS = ['content'];

/** The public content routes: articles, guides, action plans, feeds and attachment downloads. */
export const contentPublicRoutes: FastifyPluginAsyncZod<{ services: ContentServices }> = async (
  app,
  { services },
) => {
  const { content, plans } = services;

  app.get(
    '/content/articles',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary:
          '资讯列表（通知公告、工作动态、政策解读、活动）：置顶在前、按发布时间倒序；q 为中文检索（相关度排序、高亮）',
        querystring: articleListQuerySchema,
        response: { 200: articleListSchema },
      },
    },
    async (req) => {
      content.platform.searchTerms.record('content', req.query.q, req.query.page); // insights: most searched terms
      return content.listArticles(req.query);
    },
  );

  app.get(
    '/content/articles/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '资讯详情（计一次浏览）；草稿、定时未到、已归档的答 404',
        params: idParam,
        response: { 200: articleSchema },
      },
    },
    async (req) => content.article(req.params.id),
  );

  app.get(
    '/content/guides',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '办事指南列表：按类别筛选；q 为中文检索（相关度排序、高亮）',
        querystring: guideListQuerySchema,
        response: { 200: guideListSchema },
      },
    },
    async (req) => {
      content.platform.searchTerms.record('content', req.query.q, req.query.page);
      return content.listGuides(req.query);
    },
  );

  app.get(
    '/content/guides/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '办事指南详情：流程、材料、时限、收费、地点、时间、电话、在线办理、依据、附件',
        params: idParam,
        response: { 200: guideSchema },
      },
    },
    async (req) => content.guide(req.params.id),
  );

  app.get(
    '/content/action-plans',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '已发布的行动方案（举措数、已完成数）',
        response: { 200: actionPlanListSchema },
      },
    },
    async () => plans.list(),
  );

  app.get(
    '/content/action-plans/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '行动方案：分组举措、责任单位、完成时限、状态（逾期未完成为滞后）、进度与进展记录',
        params: idParam,
        response: { 200: actionPlanSchema },
      },
    },
    async (req) => plans.plan(req.params.id),
  );

  const feed = async (
    kind: 'atom' | 'rss',
    req: { query: z.infer<typeof feedQuerySchema>; protocol: string; host: string },
  ) => {
    const rows = await content.feedArticles(req.query.channel);
    const options = {
      origin: originOf(req.protocol, req.host),
      channel: req.query.channel,
      selfPath: `/api/v1/content/feed.${kind}${req.query.channel ? `?channel=${req.query.channel}` : ''}`,
    };
    return kind === 'atom' ? atomFeed(rows, options) : rssFeed(rows, options);
  };

  app.get(
    '/content/feed.atom',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Atom 1.0 订阅：最新 50 条已发布资讯（可按栏目）',
        querystring: feedQuerySchema,
      },
    },
    async (req, reply) => reply.type(ATOM_TYPE).send(await feed('atom', req)),
  );

  app.get(
    '/content/feed.rss',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'RSS 2.0 订阅：最新 50 条已发布资讯（可按栏目）',
        querystring: feedQuerySchema,
      },
    },
    async (req, reply) => reply.type(RSS_TYPE).send(await feed('rss', req)),
  );

  app.get(
    '/content/attachments/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '资讯或办事指南的附件（所属内容公开时可下载；内容编辑始终可下载）',
        params: idParam,
      },
    },
    async (req, reply) => {
      const row = await content.attachmentFile(req.ctx, req.params.id);
      const stream = content.files.open(row);
      if (!stream) throw notFound('附件');
      return reply
        .type(row.mime)
        .header('content-disposition', contentDisposition(row.name))
        .header('content-length', String(row.size))
        .send(stream);
    },
  );
};
