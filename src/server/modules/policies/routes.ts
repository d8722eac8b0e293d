import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarQuerySchema,
  calendarSchema,
  documentInputSchema,
  documentListQuerySchema,
  documentListSchema,
  documentSchema,
  documentStatusInputSchema,
  documentUpdateSchema,
  documentVersionSchema,
  factCatalogueSchema,
  interpretationInputSchema,
  interpretationListQuerySchema,
  interpretationListSchema,
  interpretationSchema,
  interpretationUpdateSchema,
  matchesQuerySchema,
  matchesSchema,
  POLICY_TOPICS,
  policySearchQuerySchema,
  policySearchSchema,
  programInputSchema,
  programListQuerySchema,
  programListSchema,
  programMatchSchema,
  programSchema,
  programUpdateSchema,
  programWriteResultSchema,
  pushRecordListSchema,
  revisionInputSchema,
  rulesPreviewInputSchema,
  rulesPreviewSchema,
  ruleVersionSchema,
  selfTestInputSchema,
  selfTestSchema,
  subscriptionsInputSchema,
  subscriptionsSchema,
} from '../../../shared/policies';
import { ENTERPRISE_READER_ROLES, type Role } from '../../../shared/roles';
import { notFound } from '../../platform/errors';
import { contentDisposition, type FileRow } from '../../platform/files';
import type { PolicyServices } from './services';

const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const TAGS = ['policies'];
const EDITORS: readonly Role[] = ['policy_editor'];
/** Who may look at an enterprise's matches: its own users, its liaison, district-wide staff. */
const MATCH_READERS: readonly Role[] = [
  'enterprise_admin',
  'enterprise_member',
  'liaison',
  ...ENTERPRISE_READER_ROLES,
];
const ENTERPRISE_USERS: readonly Role[] = ['enterprise_admin', 'enterprise_member'];

/** Send a stored file (inline for images and PDF, which browsers show; attachment otherwise). */
export function sendFile(reply: FastifyReply, services: PolicyServices, row: FileRow) {
  const stream = services.context.files.open(row);
  if (!stream) throw notFound('附件');
  const inline = ['jpg', 'png', 'pdf'].includes(row.ext);
  return reply
    .type(row.mime)
    .header('content-disposition', contentDisposition(row.name, inline))
    .header('content-length', String(row.size))
    .send(stream);
}

export const policiesRoutes: FastifyPluginAsyncZod<{ services: PolicyServices }> = async (
  app,
  { services },
) => {
  const { documents, programs, matching, discovery } = services;

  // ——— reference ———

  app.get(
    '/policies/topics',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策主题列表',
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) }) },
      },
    },
    async () => ({ items: POLICY_TOPICS.map((t) => ({ code: t.code, label: t.label })) }),
  );

  app.get(
    '/policies/rules/catalogue',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '规则可引用的事实目录（资质、是否事项、数值、日期事件、他级拨付、街道）',
        response: { 200: factCatalogueSchema },
      },
    },
    async () => programs.catalogue(),
  );

  app.post(
    '/policies/rules/preview',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '规则实时预览：按当前企业库测算符合 / 待补充 / 不符合的企业数',
        body: rulesPreviewInputSchema,
        response: { 200: rulesPreviewSchema },
      },
    },
    async (req) => programs.preview(req.body.rules),
  );

  // ——— documents ———

  app.get(
    '/policies/documents',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策文件列表（政策编辑可见草稿）',
        querystring: documentListQuerySchema,
        response: { 200: documentListSchema },
      },
    },
    async (req) => documents.list(req.ctx, req.query),
  );

  app.get(
    '/policies/documents/:id',
    {
      config: { access: 'public' },
      schema: { tags: TAGS, summary: '政策文件详情', params: idParam, response: { 200: documentSchema } },
    },
    async (req) => documents.get(req.ctx, req.params.id),
  );

  app.get(
    '/policies/documents/:id/versions/:n',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策文件的历史版本',
        params: z.object({ id, n: z.coerce.number().int().min(1).max(10_000) }),
        response: { 200: documentVersionSchema },
      },
    },
    async (req) => documents.version(req.ctx, req.params.id, req.params.n),
  );

  app.get(
    '/policies/documents/:id/attachments/:fileId',
    {
      config: { access: 'public' },
      schema: { tags: TAGS, summary: '下载政策文件附件', params: z.object({ id, fileId: id }) },
    },
    async (req, reply) =>
      sendFile(reply, services, await documents.attachment(req.ctx, req.params.id, req.params.fileId)),
  );

  app.post(
    '/policies/documents',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '新建政策文件（草稿）',
        body: documentInputSchema,
        response: { 201: documentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await documents.create(req.ctx, req.body)),
  );

  app.put(
    '/policies/documents/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '修改政策文件（已发布的文件生成新版本，旧版本保留可查）',
        params: idParam,
        body: documentUpdateSchema,
        response: { 200: documentSchema },
      },
    },
    async (req) => documents.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/policies/documents/:id/publish',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '发布政策文件（通知订阅了其主题的企业）',
        params: idParam,
        body: revisionInputSchema,
        response: { 200: documentSchema },
      },
    },
    async (req) => documents.publish(req.ctx, req.params.id, req.body.revision),
  );

  app.post(
    '/policies/documents/:id/status',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '将政策文件设为已失效或已废止',
        params: idParam,
        body: documentStatusInputSchema,
        response: { 200: documentSchema },
      },
    },
    async (req) => documents.setStatus(req.ctx, req.params.id, req.body),
  );

  // ——— interpretations ———

  app.get(
    '/policies/interpretations',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策解读列表',
        querystring: interpretationListQuerySchema,
        response: { 200: interpretationListSchema },
      },
    },
    async (req) => documents.listInterpretations(req.ctx, req.query),
  );

  app.get(
    '/policies/interpretations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策解读详情',
        params: idParam,
        response: { 200: interpretationSchema },
      },
    },
    async (req) => documents.getInterpretation(req.ctx, req.params.id),
  );

  app.get(
    '/policies/interpretations/:id/image',
    {
      config: { access: 'public' },
      schema: { tags: TAGS, summary: '一图读懂（图片）', params: idParam },
    },
    async (req, reply) =>
      sendFile(reply, services, await documents.interpretationImage(req.ctx, req.params.id)),
  );

  app.post(
    '/policies/interpretations',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '新建政策解读（草稿）',
        body: interpretationInputSchema,
        response: { 201: interpretationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await documents.createInterpretation(req.ctx, req.body)),
  );

  app.put(
    '/policies/interpretations/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '修改政策解读',
        params: idParam,
        body: interpretationUpdateSchema,
        response: { 200: interpretationSchema },
      },
    },
    async (req) => documents.updateInterpretation(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/policies/interpretations/:id/publish',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '发布政策解读',
        params: idParam,
        body: revisionInputSchema,
        response: { 200: interpretationSchema },
      },
    },
    async (req) => documents.publishInterpretation(req.ctx, req.params.id, req.body.revision),
  );

  // ——— programs ———

  app.get(
    '/policies/programs',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '申报事项列表（openNow=true 仅看申报中的）',
        querystring: programListQuerySchema,
        response: { 200: programListSchema },
      },
    },
    async (req) => programs.list(req.ctx, req.query),
  );

  app.get(
    '/policies/programs/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '申报事项详情（含规则与预算使用）',
        params: idParam,
        response: { 200: programSchema },
      },
    },
    async (req) => programs.get(req.ctx, req.params.id),
  );

  app.get(
    '/policies/programs/:id/rule-versions',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '申报事项的规则版本历史',
        params: idParam,
        response: { 200: z.object({ items: z.array(ruleVersionSchema) }) },
      },
    },
    async (req) => ({ items: await programs.ruleVersions(req.ctx, req.params.id) }),
  );

  app.get(
    '/policies/programs/:id/evaluation',
    {
      config: { access: MATCH_READERS },
      schema: {
        tags: TAGS,
        summary: '本企业（或指定企业）是否符合该事项：逐条件说明、差距与测算金额',
        params: idParam,
        querystring: z.object({ enterpriseId: id.optional() }),
        response: { 200: programMatchSchema },
      },
    },
    async (req) => matching.forProgram(req.ctx, req.params.id, req.query.enterpriseId),
  );

  app.get(
    '/policies/programs/:id/push-records',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '政策找企业记录：哪些企业在哪个规则版本下、依据哪些事实被判定符合',
        params: idParam,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: pushRecordListSchema },
      },
    },
    async (req) => programs.pushRecords(req.params.id, req.query.page, req.query.pageSize),
  );

  app.post(
    '/policies/programs',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '新建申报事项（草稿；规则逐节点校验）',
        body: programInputSchema,
        response: { 201: programSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await programs.create(req.ctx, req.body)),
  );

  app.put(
    '/policies/programs/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '修改申报事项（已发布事项的规则变更生成新版本并主动推送）',
        params: idParam,
        body: programUpdateSchema,
        response: { 200: programWriteResultSchema },
      },
    },
    async (req) => programs.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/policies/programs/:id/publish',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '发布申报事项：主动推送符合条件的企业；免申即享事项生成待确认名单',
        params: idParam,
        body: revisionInputSchema,
        response: { 200: programWriteResultSchema },
      },
    },
    async (req) => programs.publish(req.ctx, req.params.id, req.body.revision),
  );

  app.post(
    '/policies/programs/:id/withdraw',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '撤回申报事项（不再受理新申请）',
        params: idParam,
        body: revisionInputSchema,
        response: { 200: programSchema },
      },
    },
    async (req) => programs.withdraw(req.ctx, req.params.id, req.body.revision),
  );

  // ——— matching, self-test, subscriptions ———

  app.get(
    '/policies/matches',
    {
      config: { access: MATCH_READERS },
      schema: {
        tags: TAGS,
        summary: '政策匹配：本企业（专员与工作人员用 enterpriseId 指定）可享受的政策，按符合程度排序',
        querystring: matchesQuerySchema,
        response: { 200: matchesSchema },
      },
    },
    async (req) => matching.matches(req.ctx, req.query),
  );

  app.post(
    '/policies/self-test',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策自测：按填写的情况逐项判断，并给出下一屏要问的问题',
        body: selfTestInputSchema,
        response: { 200: selfTestSchema },
      },
    },
    async (req) => matching.selfTest(req.body),
  );

  app.get(
    '/policies/subscriptions',
    {
      config: { access: ENTERPRISE_USERS },
      schema: { tags: TAGS, summary: '本企业订阅的政策主题', response: { 200: subscriptionsSchema } },
    },
    async (req) => programs.subscriptions(req.ctx),
  );

  app.put(
    '/policies/subscriptions',
    {
      config: { access: ENTERPRISE_USERS },
      schema: {
        tags: TAGS,
        summary: '设置本企业订阅的政策主题（有该主题的政策发布时通知）',
        body: subscriptionsInputSchema,
        response: { 200: subscriptionsSchema },
      },
    },
    async (req) => programs.setSubscriptions(req.ctx, req.body.topics),
  );

  // ——— search and calendar ———

  app.get(
    '/policies/search',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策搜索（中文全文，按层级、发文机关、主题、状态、申报中筛选，结果高亮）',
        querystring: policySearchQuerySchema,
        response: { 200: policySearchSchema },
      },
    },
    async (req) => {
      services.context.p.searchTerms.record('policies', req.query.q, req.query.page); // insights: counted in memory
      return discovery.search(req.query);
    },
  );

  app.get(
    '/policies/calendar',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '政策日历：各月的申报窗口',
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema },
      },
    },
    async (req) => discovery.calendar(req.query),
  );
};
