import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bindingListQuerySchema,
  bindingRejectSchema,
  bindingRequestSchema,
  bindingSchema,
  enterpriseListQuerySchema,
  enterpriseListSchema,
  enterprisePatchSchema,
  enterpriseProfileSchema,
  industryTreeSchema,
  ipInputSchema,
  liaisonInputSchema,
  memberSchema,
  qualificationInputSchema,
  qualificationKindInputSchema,
  qualificationKindPatchSchema,
  qualificationKindSchema,
  streetSchema,
  verifySchema,
  yearlyInputSchema,
} from '../../../shared/enterprises';
import { ENTERPRISE_READER_ROLES, type Role } from '../../../shared/roles';
import type { Platform } from '../../app';
import { EnterprisesService } from './service';

const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const ok = z.object({ ok: z.literal(true) });
const TAGS = ['enterprises'];

/** Anyone who may read some enterprise profile: its own users, its liaison, district-wide staff. */
const PROFILE_READERS: readonly Role[] = [
  'enterprise_member',
  'enterprise_admin',
  'liaison',
  ...ENTERPRISE_READER_ROLES,
];
/** May edit some profile; the service narrows to the enterprise's own admin and liaison. */
const PROFILE_EDITORS: readonly Role[] = ['enterprise_admin', 'admin', 'liaison'];
const STAFF_LIST: readonly Role[] = ['liaison', ...ENTERPRISE_READER_ROLES];

export const enterprisesRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const service = new EnterprisesService(platform);

  // ——— reference data ———

  app.get(
    '/reference/streets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '本区街道列表',
        response: { 200: z.object({ items: z.array(streetSchema) }) },
      },
    },
    async () => ({ items: await service.streets() }),
  );

  app.get(
    '/reference/industries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '国民经济行业分类（GB/T 4754-2017）门类与大类',
        response: { 200: industryTreeSchema },
      },
    },
    async () => service.industries(),
  );

  app.get(
    '/reference/qualification-kinds',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: '企业资质类型（停用的类型仅管理员可见）',
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(qualificationKindSchema) }) },
      },
    },
    async (req) => {
      const all = req.query.includeInactive === 'true' && (req.principal?.roles.includes('admin') ?? false);
      return { items: await service.qualificationKinds(all) };
    },
  );

  app.post(
    '/reference/qualification-kinds',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['reference'],
        summary: '新增资质类型',
        body: qualificationKindInputSchema,
        response: { 201: qualificationKindSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addQualificationKind(req.ctx, req.body)),
  );

  app.patch(
    '/reference/qualification-kinds/:code',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['reference'],
        summary: '修改资质类型（名称、排序、停用）',
        params: z.object({ code: z.string().min(1).max(32) }),
        body: qualificationKindPatchSchema,
        response: { 200: qualificationKindSchema },
      },
    },
    async (req) => service.updateQualificationKind(req.ctx, req.params.code, req.body),
  );

  // ——— bindings ———

  app.post(
    '/enterprises/bindings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '企业用户申请绑定企业（按统一社会信用代码；新代码将建立企业档案）',
        body: bindingRequestSchema,
        response: { 201: bindingSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.requestBinding(req.ctx, req.body)),
  );

  app.get(
    '/enterprises/bindings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '绑定申请列表（管理员全部；专员其负责企业；企业管理员本企业；其他人本人的申请）',
        querystring: bindingListQuerySchema,
        response: {
          200: z.object({
            items: z.array(bindingSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => service.listBindings(req.ctx, req.query),
  );

  app.post(
    '/enterprises/bindings/:id/confirm',
    {
      config: { access: ['admin', 'liaison', 'enterprise_admin'] },
      schema: {
        tags: TAGS,
        summary: '确认绑定申请（首位绑定者为企业管理员，由工作人员确认；其后为成员，可由企业管理员确认）',
        params: idParam,
        response: { 200: bindingSchema },
      },
    },
    async (req) => service.confirmBinding(req.ctx, req.params.id),
  );

  app.post(
    '/enterprises/bindings/:id/reject',
    {
      config: { access: ['admin', 'liaison', 'enterprise_admin'] },
      schema: {
        tags: TAGS,
        summary: '驳回绑定申请（须填写理由）',
        params: idParam,
        body: bindingRejectSchema,
        response: { 200: bindingSchema },
      },
    },
    async (req) => service.rejectBinding(req.ctx, req.params.id, req.body.reason),
  );

  // ——— profiles ———

  app.get(
    '/enterprises',
    {
      config: { access: STAFF_LIST },
      schema: {
        tags: TAGS,
        summary:
          '企业检索（名称 / 信用代码前缀、街道、行业前缀、规模、资质、专员；专员只看到自己负责的企业）',
        querystring: enterpriseListQuerySchema,
        response: { 200: enterpriseListSchema },
      },
    },
    async (req) => service.list(req.ctx, req.query),
  );

  app.get(
    '/enterprises/mine',
    {
      config: { access: ['enterprise_member', 'enterprise_admin'] },
      schema: { tags: TAGS, summary: '本企业档案（一企一档）', response: { 200: enterpriseProfileSchema } },
    },
    async (req) => service.mine(req.ctx),
  );

  app.get(
    '/enterprises/:id',
    {
      config: { access: PROFILE_READERS },
      schema: {
        tags: TAGS,
        summary: '企业档案（一企一档）：字段、年度数据、知识产权、资质、规模及每个字段的来源',
        params: idParam,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.profile(req.ctx, req.params.id),
  );

  app.patch(
    '/enterprises/:id',
    {
      config: { access: PROFILE_EDITORS },
      schema: {
        tags: TAGS,
        summary: '修改企业档案（只改提交的字段；须带 version，过期返回 409 STALE_VERSION）',
        params: idParam,
        body: enterprisePatchSchema,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.update(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/enterprises/:id/yearly/:year',
    {
      config: { access: PROFILE_EDITORS },
      schema: {
        tags: TAGS,
        summary: '填报某年度数据（万元；未填或 null 表示未知）',
        params: z.object({ id, year: z.coerce.number({ message: '年度应为数字' }).int('年度应为整数') }),
        body: yearlyInputSchema,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.putYearly(req.ctx, req.params.id, req.params.year, req.body),
  );

  app.put(
    '/enterprises/:id/ip',
    {
      config: { access: PROFILE_EDITORS },
      schema: {
        tags: TAGS,
        summary: '填报知识产权数量（提交的类别被设置，null 表示未知；未提交的类别不变）',
        params: idParam,
        body: ipInputSchema,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.putIp(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/enterprises/:id/qualifications',
    {
      config: { access: PROFILE_EDITORS },
      schema: {
        tags: TAGS,
        summary: '新增资质（认定日期、有效期）',
        params: idParam,
        body: qualificationInputSchema,
        response: { 201: enterpriseProfileSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addQualification(req.ctx, req.params.id, req.body)),
  );

  app.put(
    '/enterprises/:id/qualifications/:qid',
    {
      config: { access: PROFILE_EDITORS },
      schema: {
        tags: TAGS,
        summary: '修改资质',
        params: z.object({ id, qid: id }),
        body: qualificationInputSchema,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.updateQualification(req.ctx, req.params.id, req.params.qid, req.body),
  );

  app.delete(
    '/enterprises/:id/qualifications/:qid',
    {
      config: { access: PROFILE_EDITORS },
      schema: {
        tags: TAGS,
        summary: '删除资质',
        params: z.object({ id, qid: id }),
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.deleteQualification(req.ctx, req.params.id, req.params.qid),
  );

  app.post(
    '/enterprises/:id/verify',
    {
      config: { access: ['admin', 'liaison'] },
      schema: {
        tags: TAGS,
        summary:
          '工作人员核验字段（来源改为“部门核验”；字段如 employees、yearly.2025.revenue、ip.invention、qualifications.<id>）',
        params: idParam,
        body: verifySchema,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.verify(req.ctx, req.params.id, req.body.fields),
  );

  app.put(
    '/enterprises/:id/liaison',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '指定或取消企业专员',
        params: idParam,
        body: liaisonInputSchema,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (req) => service.setLiaison(req.ctx, req.params.id, req.body.userId),
  );

  // ——— members ———

  app.get(
    '/enterprises/:id/members',
    {
      config: { access: ['enterprise_admin', 'admin', 'liaison'] },
      schema: {
        tags: TAGS,
        summary: '企业成员列表',
        params: idParam,
        response: { 200: z.object({ items: z.array(memberSchema) }) },
      },
    },
    async (req) => ({ items: await service.members(req.ctx, req.params.id) }),
  );

  app.delete(
    '/enterprises/:id/members/:userId',
    {
      config: { access: ['enterprise_admin', 'admin'] },
      schema: {
        tags: TAGS,
        summary: '移除企业成员',
        params: z.object({ id, userId: id }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await service.removeMember(req.ctx, req.params.id, req.params.userId);
      return { ok: true as const };
    },
  );
};
