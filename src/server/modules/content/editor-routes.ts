import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ArticleEditorView, GuideEditorView } from '../../../shared/content-api';
import {
  actionPlanEditorViewSchema,
  actionPlanSummarySchema,
  articleEditorViewSchema,
  articleInputSchema,
  articleManageListSchema,
  articleManageQuerySchema,
  articleUpdateSchema,
  CONTENT_STATUSES,
  guideEditorViewSchema,
  guideInputSchema,
  guideManageListSchema,
  guideManageQuerySchema,
  guideUpdateSchema,
  measureEditorViewSchema,
  measureProgressSchema,
  measureUpdateSchema,
  publishInputSchema,
  versionInputSchema,
} from '../../../shared/content-api';
import type { Role } from '../../../shared/roles';
import type { ContentServices } from './index';
import type { ContentKind } from './service';

const idParam = z.object({ id: z.string().min(1).max(64) });
const TAGS = ['content'];
const EDITORS: Role[] = ['content_editor'];
const ok = z.object({ ok: z.literal(true) });

/** The content editor's routes (内容编辑): articles, guides (same lifecycle), action plan measures. */
export const contentEditorRoutes: FastifyPluginAsyncZod<{ services: ContentServices }> = async (
  app,
  { services },
) => {
  const { content, plans } = services;
  const config = { access: EDITORS };

  // ——— articles ———
  app.get(
    '/content/manage/articles',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '资讯管理列表（全部状态，可按状态、栏目、关键词筛选；最近修改在前）',
        querystring: articleManageQuerySchema,
        response: { 200: articleManageListSchema },
      },
    },
    async (req) => content.manageArticles(req.query),
  );

  app.get(
    '/content/manage/articles/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '资讯（编辑视图）',
        params: idParam,
        response: { 200: articleEditorViewSchema },
      },
    },
    async (req) => content.manageArticle(req.params.id),
  );

  app.post(
    '/content/manage/articles',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '新建资讯（草稿；正文按白名单清洗）',
        body: articleInputSchema,
        response: { 201: articleEditorViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await content.createArticle(req.ctx, req.body)),
  );

  app.patch(
    '/content/manage/articles/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改资讯（须带 version；已被他人修改答 409 CONTENT_VERSION_CONFLICT）',
        params: idParam,
        body: articleUpdateSchema,
        response: { 200: articleEditorViewSchema },
      },
    },
    async (req) => content.updateArticle(req.ctx, req.params.id, req.body),
  );

  // ——— guides ———
  app.get(
    '/content/manage/guides',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '办事指南管理列表（全部状态）',
        querystring: guideManageQuerySchema,
        response: { 200: guideManageListSchema },
      },
    },
    async (req) => content.manageGuides(req.query),
  );

  app.get(
    '/content/manage/guides/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '办事指南（编辑视图）',
        params: idParam,
        response: { 200: guideEditorViewSchema },
      },
    },
    async (req) => content.manageGuide(req.params.id),
  );

  app.post(
    '/content/manage/guides',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '新建办事指南（草稿）',
        body: guideInputSchema,
        response: { 201: guideEditorViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await content.createGuide(req.ctx, req.body)),
  );

  app.patch(
    '/content/manage/guides/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改办事指南（须带 version）',
        params: idParam,
        body: guideUpdateSchema,
        response: { 200: guideEditorViewSchema },
      },
    },
    async (req) => content.updateGuide(req.ctx, req.params.id, req.body),
  );

  // ——— lifecycle, the same for both ———
  for (const [kind, path, what, view] of [
    ['article', 'articles', '资讯', articleEditorViewSchema],
    ['guide', 'guides', '办事指南', guideEditorViewSchema],
  ] as const) {
    const k: ContentKind = kind;
    const response = { 200: view };
    app.post(
      `/content/manage/${path}/:id/publish`,
      {
        config,
        schema: {
          tags: TAGS,
          summary: `发布${what}（publishAt 省略为立即发布，晚于现在为定时发布）`,
          params: idParam,
          body: publishInputSchema,
          response,
        },
      },
      async (req) =>
        (await content.publish(req.ctx, k, req.params.id, req.body)) as ArticleEditorView & GuideEditorView,
    );
    app.post(
      `/content/manage/${path}/:id/archive`,
      {
        config,
        schema: {
          tags: TAGS,
          summary: `归档${what}（不再公开）`,
          params: idParam,
          body: versionInputSchema,
          response,
        },
      },
      async (req) =>
        (await content.archive(req.ctx, k, req.params.id, req.body.version)) as ArticleEditorView &
          GuideEditorView,
    );
    app.post(
      `/content/manage/${path}/:id/withdraw`,
      {
        config,
        schema: {
          tags: TAGS,
          summary: `撤回${what}（已发布或已归档 → 草稿）`,
          params: idParam,
          body: versionInputSchema,
          response,
        },
      },
      async (req) =>
        (await content.withdraw(req.ctx, k, req.params.id, req.body.version)) as ArticleEditorView &
          GuideEditorView,
    );
    app.delete(
      `/content/manage/${path}/:id`,
      {
        config,
        schema: {
          tags: TAGS,
          summary: `删除${what}（仅限从未发布过的草稿）`,
          params: idParam,
          response: { 200: ok },
        },
      },
      async (req) => {
        await content.remove(req.ctx, k, req.params.id);
        return { ok: true as const };
      },
    );
  }

  // ——— action plans ———
  app.get(
    '/content/manage/action-plans',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '全部行动方案（含未发布）',
        response: {
          200: z.object({
            items: z.array(actionPlanSummarySchema.extend({ status: z.enum(CONTENT_STATUSES) })),
          }),
        },
      },
    },
    async () => plans.listAll(),
  );

  app.get(
    '/content/manage/action-plans/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '行动方案（编辑视图：含未发布方案，举措带 version）',
        params: idParam,
        response: { 200: actionPlanEditorViewSchema },
      },
    },
    async (req) => plans.manage(req.params.id),
  );

  app.patch(
    '/content/manage/measures/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改举措（标题、内容、责任单位、完成时限；须带 version）',
        params: idParam,
        body: measureUpdateSchema,
        response: { 200: measureEditorViewSchema },
      },
    },
    async (req) => plans.updateMeasure(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/content/manage/measures/:id/progress',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '更新举措进展（状态、进度、进展说明必填 2–500 字；追加一条进展记录）',
        params: idParam,
        body: measureProgressSchema,
        response: { 200: measureEditorViewSchema },
      },
    },
    async (req) => plans.progress(req.ctx, req.params.id, req.body),
  );
};
