import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  changePasswordSchema,
  createStaffSchema,
  departmentInputSchema,
  departmentSchema,
  loginSchema,
  meSchema,
  pageSchema,
  registerSchema,
  resetPasswordSchema,
  smsCodeRequestSchema,
  staffUserSchema,
  updateUserSchema,
} from '../../../shared/accounts';
import { ROLE_LABELS, ROLES, STAFF_ROLES } from '../../../shared/roles';
import {
  loginChallengeSchema,
  loginSecondFactorSchema,
  recoveryCodesSchema,
  totpConfirmSchema,
  totpDisableSchema,
  totpEnrolmentSchema,
  totpRegenerateSchema,
  totpStartSchema,
  totpStatusSchema,
} from '../../../shared/totp';
import type { Platform } from '../../app';
import { likeEscape } from '../../db/dialect';
import { verifyAuditChain } from '../../platform/audit/audit';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { HOUR } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { AccountsService } from './service';
import { TotpService } from './totp-service';

const idParam = z.object({ id: z.string().min(1).max(64) });
const ok = z.object({ ok: z.literal(true) });

export const accountsRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const service = new AccountsService(platform);
  const totp = new TotpService(platform, service.repo);
  const { config } = platform;

  const meta = (req: FastifyRequest) => ({
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
  });
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.env === 'production',
      path: '/',
      maxAge: config.session.maxHours * (HOUR / 1000),
    });

  app.post(
    '/auth/sms-codes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '发送短信验证码（注册 / 找回密码）',
        body: smsCodeRequestSchema,
        response: { 202: z.object({ sentTo: z.string(), expiresInSeconds: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.requestSmsCode(req.ctx, req.body.phone, req.body.purpose)),
  );

  app.post(
    '/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '手机号 + 短信验证码 + 密码注册（注册后即登录）',
        body: registerSchema,
        response: { 201: meSchema },
      },
    },
    async (req, reply) => {
      const session = await service.register(req.ctx, req.body, meta(req));
      setSessionCookie(reply, session.token);
      const principal = await platform.sessions.resolve(session.token);
      return reply.status(201).send(await service.me(principal!));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '手机号或用户名 + 密码登录',
        description:
          '200：已登录（设置会话 Cookie）。202：该账号已启用两步验证，尚未登录；请在 5 分钟内携带 challenge 调用 /auth/login/second-factor。',
        body: loginSchema,
        response: { 200: meSchema, 202: loginChallengeSchema },
      },
    },
    async (req, reply) => {
      const result = await service.login(req.ctx, req.body.account, req.body.password, meta(req));
      if ('secondFactorRequired' in result) return reply.status(202).send(result);
      setSessionCookie(reply, result.token);
      const principal = await platform.sessions.resolve(result.token);
      return reply.status(200).send(await service.me(principal!));
    },
  );

  app.post(
    '/auth/login/second-factor',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '登录第二步：两步验证动态码或恢复码',
        description:
          '携带密码登录返回的 challenge，以及身份验证器中的 6 位动态码（code）或一个恢复码（recoveryCode），二者选一。错误的动态码与错误的密码一样计入账号锁定。',
        body: loginSecondFactorSchema,
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const session = await service.loginSecondFactor(req.ctx, req.body, meta(req));
      setSessionCookie(reply, session.token);
      const principal = await platform.sessions.resolve(session.token);
      return service.me(principal!);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['accounts'], summary: '退出登录', response: { 200: ok } },
    },
    async (req, reply) => {
      await service.logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '当前登录用户（未登录时 user 为 null）',
        response: { 200: z.object({ user: meSchema.nullable() }) },
      },
    },
    async (req) => ({ user: req.principal ? await service.me(req.principal) : null }),
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['accounts'],
        summary: '修改密码（其他会话随之失效）',
        body: changePasswordSchema,
        response: { 200: ok },
      },
    },
    async (req) => {
      await service.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '凭短信验证码重设密码',
        body: resetPasswordSchema,
        response: { 200: ok },
      },
    },
    async (req) => {
      await service.resetPassword(req.ctx, req.body);
      return { ok: true as const };
    },
  );

  // ——— two-step verification (两步验证) of the caller: staff accounts only ———

  app.get(
    '/auth/totp',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['accounts'],
        summary: '两步验证状态（工作人员）',
        response: { 200: totpStatusSchema },
      },
    },
    async (req) => totp.status(req.principal!),
  );

  app.post(
    '/auth/totp/enrolment',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['accounts'],
        summary: '开始设置两步验证：生成待确认的密钥（二维码与手动输入密钥仅此一次返回）',
        body: totpStartSchema,
        response: { 201: totpEnrolmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await totp.startEnrolment(req.ctx, req.body.password)),
  );

  app.post(
    '/auth/totp/enrolment/confirm',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['accounts'],
        summary: '以当前动态码确认设置，启用两步验证并发放一次性恢复码（仅显示一次）',
        body: totpConfirmSchema,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (req) => totp.confirmEnrolment(req.ctx, req.body.code),
  );

  app.post(
    '/auth/totp/recovery-codes',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['accounts'],
        summary: '以当前动态码重新生成恢复码（旧恢复码全部作废）',
        body: totpRegenerateSchema,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (req) => totp.regenerateRecoveryCodes(req.ctx, req.body.code),
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['accounts'],
        summary: '关闭两步验证（需当前密码 + 动态码或恢复码）',
        body: totpDisableSchema,
        response: { 200: ok },
      },
    },
    async (req) => {
      const { password, code, recoveryCode } = req.body;
      await totp.disable(
        req.ctx,
        code !== undefined ? { password, code } : { password, recoveryCode: recoveryCode ?? '' },
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/password-policy',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '当前密码策略（注册、改密页面据此提示）',
        response: { 200: z.object({ minLength: z.number(), minClasses: z.number() }) },
      },
    },
    async () => ({ minLength: config.password.minLength, minClasses: config.password.minClasses }),
  );

  app.get(
    '/roles',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '角色列表',
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.enum(ROLES), label: z.string(), staff: z.boolean() })),
          }),
        },
      },
    },
    async () => ({
      items: ROLES.map((code) => ({ code, label: ROLE_LABELS[code], staff: STAFF_ROLES.includes(code) })),
    }),
  );

  // ——— staff administration (admin) ———

  app.get(
    '/admin/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '用户列表',
        querystring: z.object({
          search: z.string().trim().max(50).optional(),
          departmentId: z.string().max(64).optional(),
          role: z.enum(ROLES).optional(),
          kind: z.enum(['enterprise', 'staff']).optional(),
          ...pageSchema(),
        }),
        response: {
          200: z.object({
            items: z.array(staffUserSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => service.listUsers(req.query),
  );

  app.post(
    '/admin/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '新建工作人员账号',
        body: createStaffSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await service.createStaff(req.ctx, req.body) }),
  );

  app.patch(
    '/admin/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '修改用户（姓名、部门、角色、状态）',
        params: idParam,
        body: updateUserSchema,
        response: { 200: ok },
      },
    },
    async (req) => {
      await service.updateUser(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/admin/users/:id/unlock',
    {
      config: { access: ['admin'] },
      schema: { tags: ['admin'], summary: '解除账号锁定', params: idParam, response: { 200: ok } },
    },
    async (req) => {
      await service.unlockUser(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.delete(
    '/admin/users/:id/totp',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '重置用户的两步验证（如手机丢失）；该用户的会话随之失效',
        params: idParam,
        response: { 200: ok },
      },
    },
    async (req) => {
      await totp.adminReset(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  // ——— departments ———

  app.get(
    '/departments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['admin'],
        summary: '部门与承办单位',
        response: { 200: z.object({ items: z.array(departmentSchema) }) },
      },
    },
    async (req) => {
      const rows = await service.repo.departments();
      // The public sees the units; only administrators see how many accounts each has.
      const showCounts = req.principal?.roles.includes('admin') ?? false;
      return {
        items: rows.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          kind: d.kind as z.infer<typeof departmentSchema>['kind'],
          parentId: d.parentId,
          sortOrder: d.sortOrder,
          phone: d.phone,
          userCount: showCounts ? d.userCount : 0,
        })),
      };
    },
  );

  app.post(
    '/departments',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '新建部门',
        body: departmentInputSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await service.createDepartment(req.ctx, req.body) }),
  );

  app.put(
    '/departments/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '修改部门',
        params: idParam,
        body: departmentInputSchema,
        response: { 200: ok },
      },
    },
    async (req) => {
      await service.updateDepartment(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.delete(
    '/departments/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '删除部门（无用户、无下级时）',
        params: idParam,
        response: { 200: ok },
      },
    },
    async (req) => {
      await service.deleteDepartment(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  // ——— audit log (auditor only: 三员分立, the admin cannot read it) ———

  app.get(
    '/audit',
    {
      config: { access: ['auditor'] },
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: z.object({
          action: z.string().max(60).optional(),
          actorId: z.string().max(64).optional(),
          objectId: z.string().max(64).optional(),
          ...pageSchema(200),
        }),
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(
              z.object({
                seq: z.number(),
                at: z.string(),
                actorId: z.string().nullable(),
                actorName: z.string().nullable(),
                actorRole: z.string().nullable(),
                action: z.string(),
                objectType: z.string().nullable(),
                objectId: z.string().nullable(),
                result: z.string(),
                ip: z.string().nullable(),
                details: z.string().nullable(),
                hash: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const db = platform.database.db;
      let q = db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.actorId');
      if (req.query.action)
        // A prefix of the action name, wildcards escaped (`personal_data` holds an underscore).
        q = q.where(
          sql<boolean>`audit_log.action like ${`${req.query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape ${likeEscape}`,
        );
      if (req.query.actorId) q = q.where('auditLog.actorId', '=', req.query.actorId);
      if (req.query.objectId) q = q.where('auditLog.objectId', '=', req.query.objectId);
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = await q
        .selectAll('auditLog')
        .select('users.displayName as actorName')
        .orderBy('auditLog.seq', 'desc')
        .limit(req.query.pageSize)
        .offset((req.query.page - 1) * req.query.pageSize)
        .execute();
      await platform.database.db.transaction().execute((trx) =>
        platform.audit.write(trx, req.ctx, {
          action: 'audit.read',
          objectType: 'audit_log',
          details: { filter: { ...req.query } },
        }),
      );
      return { total: Number(total.n), items: items.map(({ prevHash: _p, ...r }) => r) };
    },
  );

  app.post(
    '/audit/verify',
    {
      config: { access: ['auditor'] },
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            brokenAt: z.object({ seq: z.number(), reason: z.string() }).optional(),
          }),
        },
      },
    },
    async (req) => {
      const result = await verifyAuditChain(platform.database.db);
      await platform.database.db.transaction().execute((trx) =>
        platform.audit.write(trx, req.ctx, {
          action: 'audit.verify',
          objectType: 'audit_log',
          result: result.ok ? 'success' : 'failure',
          details: { ...result },
        }),
      );
      if (!result.ok && !result.brokenAt) throw new AppError('INTERNAL');
      return result;
    },
  );
};
