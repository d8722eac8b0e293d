import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimApproveSchema,
  claimConfirmSchema,
  claimDraftSchema,
  claimInputSchema,
  claimListQuerySchema,
  claimListSchema,
  claimPaySchema,
  claimRejectSchema,
  claimResubmitSchema,
  claimReturnSchema,
  claimSchema,
  claimWithdrawSchema,
  noticeListQuerySchema,
  noticeListSchema,
} from '../../../shared/policies';
import type { Role } from '../../../shared/roles';
import { sendFile } from './routes';
import type { PolicyServices } from './services';

const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const TAGS = ['policy-claims'];
const ENTERPRISE_USERS: readonly Role[] = ['enterprise_admin', 'enterprise_member'];
/** May see some claims; the service narrows (own enterprise, own enterprises as liaison, own department). */
const CLAIM_READERS: readonly Role[] = [...ENTERPRISE_USERS, 'liaison', 'handler', 'policy_editor', 'leader'];
/** Review: the program's department (handler) or the policy office; the service checks the department. */
const REVIEWERS: readonly Role[] = ['handler', 'policy_editor'];

/** Claims (兑现): application, 免申即享 confirmation, review, payment, and the public notice list (公示). */
export const claimRoutes: FastifyPluginAsyncZod<{ services: PolicyServices }> = async (app, { services }) => {
  const { claims } = services;

  app.get(
    '/policies/programs/:id/claim-draft',
    {
      config: { access: ENTERPRISE_USERS },
      schema: {
        tags: TAGS,
        summary: '申请表预填：档案中已有的条件事实、还需填写的信息、所需材料、能否申请',
        params: idParam,
        response: { 200: claimDraftSchema },
      },
    },
    async (req) => claims.draft(req.ctx, req.params.id),
  );

  app.post(
    '/policies/programs/:id/claims',
    {
      config: { access: ENTERPRISE_USERS },
      schema: {
        tags: TAGS,
        summary: '提交兑现申请（附件先经 /files 上传，按 id 引用；每件最多 10 个）',
        params: idParam,
        body: claimInputSchema,
        response: { 201: claimSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await claims.submit(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/policies/claims',
    {
      config: { access: CLAIM_READERS },
      schema: {
        tags: TAGS,
        summary: '兑现申请列表（企业看本企业的；承办人看本部门事项的审核队列）',
        querystring: claimListQuerySchema,
        response: { 200: claimListSchema },
      },
    },
    async (req) => claims.list(req.ctx, req.query),
  );

  app.get(
    '/policies/claims/:id',
    {
      config: { access: CLAIM_READERS },
      schema: {
        tags: TAGS,
        summary: '兑现申请详情与办理过程',
        params: idParam,
        response: { 200: claimSchema },
      },
    },
    async (req) => claims.get(req.ctx, req.params.id),
  );

  app.get(
    '/policies/claims/:id/attachments/:fileId',
    {
      config: { access: CLAIM_READERS },
      schema: { tags: TAGS, summary: '下载申请附件', params: z.object({ id, fileId: id }) },
    },
    async (req, reply) =>
      sendFile(reply, services, await claims.attachment(req.ctx, req.params.id, req.params.fileId)),
  );

  const step = <S extends z.ZodType>(
    path: string,
    summary: string,
    access: readonly Role[],
    body: S,
    run: (
      ctx: Parameters<typeof claims.get>[0],
      id: string,
      input: z.output<S>,
    ) => ReturnType<typeof claims.get>,
  ) =>
    app.post(
      `/policies/claims/:id/${path}`,
      {
        config: { access },
        schema: { tags: TAGS, summary, params: idParam, body, response: { 200: claimSchema } },
      },
      async (req) => run(req.ctx, req.params.id, req.body as z.output<S>),
    );

  step('confirm', '免申即享：确认申领（意愿确认）', ENTERPRISE_USERS, claimConfirmSchema, (c, i, b) =>
    claims.confirm(c, i, b),
  );
  step('resubmit', '补正后重新提交', ENTERPRISE_USERS, claimResubmitSchema, (c, i, b) =>
    claims.resubmit(c, i, b),
  );
  step('withdraw', '撤回申请', ENTERPRISE_USERS, claimWithdrawSchema, (c, i, b) => claims.withdraw(c, i, b));
  step('approve', '审核通过并核定金额（不得超过剩余预算）', REVIEWERS, claimApproveSchema, (c, i, b) =>
    claims.approve(c, i, b),
  );
  step('return', '退回补正材料', REVIEWERS, claimReturnSchema, (c, i, b) =>
    claims.returnForMaterial(c, i, b),
  );
  step('reject', '审核不通过（须说明理由）', REVIEWERS, claimRejectSchema, (c, i, b) =>
    claims.reject(c, i, b),
  );
  step('pay', '登记资金拨付（金额、日期），进入公示', REVIEWERS, claimPaySchema, (c, i, b) =>
    claims.pay(c, i, b),
  );

  app.get(
    '/policies/notices',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '兑现公示：企业名称、事项、金额、拨付日期',
        querystring: noticeListQuerySchema,
        response: { 200: noticeListSchema },
      },
    },
    async (req) => claims.notices(req.query),
  );
};
