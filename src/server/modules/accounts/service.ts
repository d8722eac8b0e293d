import { createHash, randomInt } from 'node:crypto';
import type { z } from 'zod';
import type {
  createStaffSchema,
  departmentInputSchema,
  Me,
  updateUserSchema,
} from '../../../shared/accounts';
import { maskPhone } from '../../../shared/format';
import { checkPassword } from '../../../shared/password-policy';
import { ENTERPRISE_ROLES, type Role, STAFF_ROLES } from '../../../shared/roles';
import type { Platform } from '../../app';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { hashToken } from '../../platform/auth/sessions';
import { DAY, HOUR, MINUTE } from '../../platform/clock';
import type { Principal, RequestContext } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { newId, newToken } from '../../platform/ids';
import { AccountsRepository } from './repository';
import { checkTotpCode, hashRecoveryCode } from './totp';

const SMS_TTL_MS = 5 * MINUTE;
const SMS_MAX_ATTEMPTS = 5;
const SMS_RESEND_MS = MINUTE;
/** How long the code step of a login may wait after the password step, and how many wrong codes it takes. */
const LOGIN_CHALLENGE_TTL_MS = 5 * MINUTE;
const LOGIN_CHALLENGE_MAX_ATTEMPTS = 5;

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

function hashSmsCode(phone: string, code: string): string {
  return createHash('sha256').update(`${phone}:${code}`).digest('hex');
}

/** Accounts and access (SPEC §2.1): registration, login with lockout, sessions, staff users, departments. */
export class AccountsService {
  readonly repo: AccountsRepository;
  private readonly db: DB;
  private readonly config: Config;

  constructor(private readonly p: Platform) {
    this.db = p.database.db;
    this.config = p.config;
    this.repo = new AccountsRepository(this.db, p.database.dialect);
  }

  private now(): Date {
    return this.p.clock.now();
  }

  private weakPassword(password: string, phone: string | null, field: string): void {
    const problems = checkPassword(password, this.config.password, { phone });
    if (problems.length > 0) {
      throw fieldError(field, 'WEAK_PASSWORD', problems.map((v) => v.message).join('；'));
    }
  }

  // ——— SMS codes ———

  async requestSmsCode(
    ctx: RequestContext,
    phone: string,
    purpose: 'register' | 'reset_password',
  ): Promise<{ expiresInSeconds: number; sentTo: string }> {
    const exists = await this.repo.phoneExists(phone);
    if (purpose === 'register' && exists)
      throw fieldError('phone', 'PHONE_TAKEN', '该手机号已注册，请直接登录');
    const now = this.now();
    const last = await this.db
      .selectFrom('smsCodes')
      .select('createdAt')
      .where('phone', '=', phone)
      .where('purpose', '=', purpose)
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last && now.getTime() - new Date(last.createdAt).getTime() < SMS_RESEND_MS)
      throw new AppError('SMS_TOO_FREQUENT', '验证码已发送，请 60 秒后再试');
    if (!(await this.p.limiter.hit(`sms:ip:${ctx.ip}`, this.config.rateLimit.smsPerHour, HOUR)))
      throw new AppError('SMS_TOO_FREQUENT');
    if (!(await this.p.limiter.hit(`sms:phone:${phone}`, 10, DAY)))
      throw new AppError('SMS_TOO_FREQUENT', '该手机号今日获取验证码次数已达上限');
    // For a reset on an unknown phone nothing is sent, but the answer is the same: no account enumeration.
    if (purpose === 'reset_password' && !exists)
      return { expiresInSeconds: SMS_TTL_MS / 1000, sentTo: maskPhone(phone)! };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('smsCodes')
        .values({
          id: newId(),
          phone,
          purpose,
          codeHash: hashSmsCode(phone, code),
          attempts: 0,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + SMS_TTL_MS).toISOString(),
          consumedAt: null,
        })
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.sms_code.send',
        objectType: 'phone',
        objectId: maskPhone(phone),
        details: { purpose },
      });
    });
    await this.p.sms.send(
      phone,
      `【企服平台】您的验证码为 ${code}，5 分钟内有效。如非本人操作，请忽略本短信。`,
    );
    return { expiresInSeconds: SMS_TTL_MS / 1000, sentTo: maskPhone(phone)! };
  }

  /**
   * Check a code before the transaction that uses it (a wrong guess must count even though the request fails).
   * Returns the code's id, to be consumed with consumeSmsCode inside the transaction.
   */
  private async checkSmsCode(phone: string, purpose: string, code: string): Promise<string> {
    const now = this.now().toISOString();
    const row = await this.db
      .selectFrom('smsCodes')
      .selectAll()
      .where('phone', '=', phone)
      .where('purpose', '=', purpose)
      .where('consumedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row || row.expiresAt <= now || row.attempts >= SMS_MAX_ATTEMPTS) throw invalidSmsCode();
    if (row.codeHash !== hashSmsCode(phone, code)) {
      await this.db
        .updateTable('smsCodes')
        .set({ attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .execute();
      throw invalidSmsCode();
    }
    return row.id;
  }

  /** Mark a checked code used; refuses when a concurrent request used it first. */
  private async consumeSmsCode(trx: DB, id: string): Promise<void> {
    const r = await trx
      .updateTable('smsCodes')
      .set({ consumedAt: this.now().toISOString() })
      .where('id', '=', id)
      .where('consumedAt', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw invalidSmsCode();
  }

  // ——— registration, login, logout ———

  async register(
    ctx: RequestContext,
    input: { phone: string; smsCode: string; password: string; displayName: string },
    meta: SessionMeta,
  ) {
    this.weakPassword(input.password, input.phone, 'password');
    if (await this.repo.phoneExists(input.phone))
      throw fieldError('phone', 'PHONE_TAKEN', '该手机号已注册，请直接登录');
    const smsId = await this.checkSmsCode(input.phone, 'register', input.smsCode);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      await this.consumeSmsCode(trx, smsId);
      const now = this.now().toISOString();
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          username: null,
          phone: input.phone,
          displayName: input.displayName,
          passwordHash,
          passwordChangedAt: now,
          kind: 'enterprise',
          departmentId: null,
          status: 'active',
          lockedUntil: null,
          totpSecret: null,
          lastLoginAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.register',
        objectType: 'user',
        objectId: id,
        actorId: id,
        actorRole: null,
      });
      const session = await this.p.sessions.create(trx, id, meta);
      return { userId: id, ...session };
    });
  }

  async login(ctx: RequestContext, account: string, password: string, meta: SessionMeta) {
    if (!(await this.p.limiter.hit(`login:ip:${ctx.ip}`, this.config.rateLimit.loginPerMinute, MINUTE)))
      throw new AppError('RATE_LIMITED');
    const now = this.now();
    const user = await this.repo.findUserByAccount(account);
    const audit = (result: 'success' | 'failure' | 'denied', userId: string | null, reason?: string) =>
      this.db.transaction().execute(async (trx) => {
        await this.repo.recordAttempt(trx, {
          userId,
          identifier: account,
          ip: ctx.ip,
          success: result === 'success',
          at: now.toISOString(),
        });
        await this.p.audit.write(trx, ctx, {
          action: 'auth.login',
          objectType: 'user',
          objectId: userId,
          result,
          actorId: userId,
          actorRole: null,
          details: reason ? { reason } : null,
        });
      });
    if (!user) {
      await verifyPassword(password, await dummyPasswordHash());
      await audit('failure', null, 'unknown_account');
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
      await audit('denied', user.id, 'locked');
      throw new AppError(
        'ACCOUNT_LOCKED',
        `登录失败次数过多，账号已锁定至 ${lockedUntilText(user.lockedUntil)}`,
      );
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      await audit('failure', user.id, 'wrong_password');
      const lock = await this.lockAfterTooManyFailures(ctx, user.id, now);
      if (lock)
        throw new AppError(
          'ACCOUNT_LOCKED',
          `连续 ${lock.failures} 次密码错误，账号已锁定至 ${lockedUntilText(lock.until)}`,
        );
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.status !== 'active') {
      await audit('denied', user.id, 'disabled');
      throw new AppError('ACCOUNT_DISABLED');
    }
    // A second factor: the password alone opens no session, only a short-lived challenge for the code step.
    if ((await this.repo.totpOf(user.id))?.enabledAt)
      return this.db.transaction().execute(async (trx) => {
        await this.repo.purgeExpiredChallenges(trx, now.toISOString());
        const token = newToken();
        const expiresAt = new Date(now.getTime() + LOGIN_CHALLENGE_TTL_MS).toISOString();
        await this.repo.createChallenge(trx, {
          id: hashToken(token),
          userId: user.id,
          createdAt: now.toISOString(),
          expiresAt,
          ip: ctx.ip,
        });
        await this.p.audit.write(trx, ctx, {
          action: 'auth.login.challenge',
          objectType: 'user',
          objectId: user.id,
          actorId: user.id,
          actorRole: null,
          details: { secondFactor: 'totp' },
        });
        return { secondFactorRequired: true as const, challenge: token, expiresAt };
      });
    return this.db.transaction().execute(async (trx) => {
      await this.repo.recordAttempt(trx, {
        userId: user.id,
        identifier: account,
        ip: ctx.ip,
        success: true,
        at: now.toISOString(),
      });
      await trx
        .updateTable('users')
        .set({ lastLoginAt: now.toISOString(), lockedUntil: null })
        .where('id', '=', user.id)
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        actorId: user.id,
        actorRole: null,
      });
      return this.p.sessions.create(trx, user.id, meta);
    });
  }

  /**
   * The second step of a login with a second factor: the challenge of the password step plus the current code or
   * one recovery code. A wrong code counts toward the lock-out like a wrong password; an unknown, used or expired
   * challenge gets one answer whatever the reason.
   */
  async loginSecondFactor(
    ctx: RequestContext,
    input: { challenge: string; code?: string | undefined; recoveryCode?: string | undefined },
    meta: SessionMeta,
  ) {
    if (!(await this.p.limiter.hit(`login:ip:${ctx.ip}`, this.config.rateLimit.loginPerMinute, MINUTE)))
      throw new AppError('RATE_LIMITED');
    const now = this.now();
    const nowIso = now.toISOString();
    const method = input.code !== undefined ? ('totp' as const) : ('recovery_code' as const);
    const challengeId = hashToken(input.challenge);
    const audit = (
      trx: DB,
      result: 'success' | 'failure' | 'denied',
      userId: string | null,
      details: Record<string, unknown>,
    ) =>
      this.p.audit.write(trx, ctx, {
        action: 'auth.login.second_factor',
        objectType: 'user',
        objectId: userId,
        result,
        actorId: userId,
        actorRole: null,
        details: { method, ...details },
      });
    // Refuse and forget the challenge: whoever holds it must start again with the password.
    const refuse = async (userId: string | null, reason: string, error: AppError): Promise<never> => {
      await this.db.transaction().execute(async (trx) => {
        await this.repo.deleteChallenge(trx, challengeId);
        await audit(trx, reason === 'locked' || reason === 'disabled' ? 'denied' : 'failure', userId, {
          reason,
        });
      });
      throw error;
    };

    const challenge = await this.repo.findChallenge(challengeId);
    if (!challenge || challenge.expiresAt <= nowIso)
      return refuse(
        challenge?.userId ?? null,
        challenge ? 'expired_challenge' : 'unknown_challenge',
        invalidChallenge(),
      );
    const user = await this.repo.findUserById(challenge.userId);
    const totp = await this.repo.totpOf(challenge.userId);
    // The factor was removed meanwhile (disabled, reset by an administrator): this login has to start over.
    if (!user || !totp?.enabledAt) return refuse(challenge.userId, 'no_second_factor', invalidChallenge());
    if (user.lockedUntil && user.lockedUntil > nowIso)
      return refuse(
        user.id,
        'locked',
        new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${lockedUntilText(user.lockedUntil)}`),
      );
    if (user.status !== 'active') return refuse(user.id, 'disabled', new AppError('ACCOUNT_DISABLED'));

    let step: number | null = null;
    let recoveryHash: string | null = null;
    let failure: string | null = null;
    if (input.code !== undefined) {
      const check = checkTotpCode(this.p.secrets.open(totp.secret), input.code, now, totp.lastUsedStep);
      if (check.ok) step = check.step;
      else failure = check.reason === 'replayed' ? 'replayed_code' : 'wrong_code';
    } else {
      recoveryHash = hashRecoveryCode(user.id, input.recoveryCode ?? '');
      if (!(await this.repo.hasUnusedRecoveryCode(user.id, recoveryHash))) failure = 'wrong_recovery_code';
    }
    const identifier = user.username ?? user.phone ?? user.id;

    if (failure) {
      const attempts = await this.db.transaction().execute(async (trx) => {
        await this.repo.recordAttempt(trx, {
          userId: user.id,
          identifier,
          ip: ctx.ip,
          success: false,
          at: nowIso,
        });
        const n = await this.repo.countChallengeAttempt(trx, challengeId);
        if (n >= LOGIN_CHALLENGE_MAX_ATTEMPTS) await this.repo.deleteChallenge(trx, challengeId);
        await audit(trx, 'failure', user.id, { reason: failure });
        return n;
      });
      const lock = await this.lockAfterTooManyFailures(ctx, user.id, now);
      if (lock)
        throw new AppError(
          'ACCOUNT_LOCKED',
          `连续 ${lock.failures} 次登录验证失败，账号已锁定至 ${lockedUntilText(lock.until)}`,
        );
      if (attempts >= LOGIN_CHALLENGE_MAX_ATTEMPTS) throw invalidChallenge();
      throw totpIncorrect(method);
    }

    return this.db.transaction().execute(async (trx) => {
      // Each condition below settles a race with another instance: the challenge, the code's time step and a
      // recovery code can each be used once.
      if (!(await this.repo.consumeChallenge(trx, challengeId, nowIso))) throw invalidChallenge();
      if (step !== null && !(await this.repo.advanceTotpStep(trx, user.id, step, nowIso)))
        throw totpIncorrect(method);
      if (recoveryHash !== null && !(await this.repo.spendRecoveryCode(trx, user.id, recoveryHash, nowIso)))
        throw totpIncorrect(method);
      await this.repo.recordAttempt(trx, {
        userId: user.id,
        identifier,
        ip: ctx.ip,
        success: true,
        at: nowIso,
      });
      await trx
        .updateTable('users')
        .set({ lastLoginAt: nowIso, lockedUntil: null })
        .where('id', '=', user.id)
        .execute();
      await audit(
        trx,
        'success',
        user.id,
        recoveryHash !== null
          ? { recoveryCodesRemaining: await this.repo.recoveryCodesRemaining(user.id, trx) }
          : {},
      );
      return this.p.sessions.create(trx, user.id, meta);
    });
  }

  /**
   * After a failed login step: when the failures of the lock-out window reach the threshold, lock the account (and
   * drop its pending second-factor challenges). Returns the lock, or null.
   */
  private async lockAfterTooManyFailures(
    ctx: RequestContext,
    userId: string,
    now: Date,
  ): Promise<{ failures: number; until: string } | null> {
    const since = new Date(now.getTime() - this.config.lockout.windowMinutes * MINUTE).toISOString();
    const failures = await this.repo.countRecentFailures(userId, since);
    if (failures < this.config.lockout.threshold) return null;
    const until = new Date(now.getTime() + this.config.lockout.lockMinutes * MINUTE).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ lockedUntil: until }).where('id', '=', userId).execute();
      await this.repo.deleteChallengesOf(trx, userId);
      await this.p.audit.write(trx, ctx, {
        action: 'auth.lock',
        objectType: 'user',
        objectId: userId,
        actorId: null,
        actorRole: 'system',
        details: { failures, until },
      });
    });
    return { failures, until };
  }

  async logout(ctx: RequestContext): Promise<void> {
    if (!ctx.principal) return;
    const principal = ctx.principal;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('id', '=', principal.sessionId).execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.logout',
        objectType: 'user',
        objectId: principal.userId,
      });
    });
  }

  async me(principal: Principal): Promise<Me> {
    const user = await this.repo.findUserById(principal.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const department = user.departmentId ? await this.repo.department(user.departmentId) : undefined;
    const enterprise = principal.enterpriseId
      ? await this.db
          .selectFrom('enterprises')
          .select(['id', 'name', 'uscc'])
          .where('id', '=', principal.enterpriseId)
          .executeTakeFirst()
      : undefined;
    const pending = await this.db
      .selectFrom('enterpriseBindings')
      .innerJoin('enterprises', 'enterprises.id', 'enterpriseBindings.enterpriseId')
      .select(['enterprises.name', 'enterprises.uscc', 'enterpriseBindings.requestedAt'])
      .where('enterpriseBindings.userId', '=', user.id)
      .where('enterpriseBindings.status', '=', 'pending')
      .executeTakeFirst();
    const expiryDays =
      user.kind === 'staff'
        ? this.config.password.staffExpiryDays
        : this.config.password.enterpriseExpiryDays;
    return {
      id: user.id,
      displayName: user.displayName,
      kind: user.kind === 'staff' ? 'staff' : 'enterprise',
      phoneMasked: maskPhone(user.phone),
      username: user.username,
      roles: principal.roles,
      department: department ? { id: department.id, name: department.name } : null,
      enterprise: enterprise ?? null,
      pendingBinding: pending
        ? { enterpriseName: pending.name, uscc: pending.uscc, requestedAt: pending.requestedAt }
        : null,
      passwordExpiresAt:
        expiryDays > 0
          ? new Date(new Date(user.passwordChangedAt).getTime() + expiryDays * DAY).toISOString()
          : null,
    };
  }

  async changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
    const principal = ctx.principal!;
    const user = await this.repo.findUserById(principal.userId);
    if (!user || !(await verifyPassword(current, user.passwordHash)))
      throw fieldError('currentPassword', 'INVALID_CREDENTIALS', '当前密码不正确');
    this.weakPassword(next, user.phone, 'newPassword');
    if (current === next) throw fieldError('newPassword', 'WEAK_PASSWORD', '新密码不能与当前密码相同');
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      const now = this.now().toISOString();
      await trx
        .updateTable('users')
        .set({ passwordHash: hash, passwordChangedAt: now, updatedAt: now })
        .where('id', '=', user.id)
        .execute();
      // Every other session of this user ends: a changed password must lock out whoever else had it.
      await trx
        .deleteFrom('sessions')
        .where('userId', '=', user.id)
        .where('id', '!=', principal.sessionId)
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.password.change',
        objectType: 'user',
        objectId: user.id,
      });
    });
  }

  async resetPassword(
    ctx: RequestContext,
    input: { phone: string; smsCode: string; newPassword: string },
  ): Promise<void> {
    const user = await this.repo.findUserByAccount(input.phone);
    this.weakPassword(input.newPassword, input.phone, 'newPassword');
    const smsId = await this.checkSmsCode(input.phone, 'reset_password', input.smsCode);
    if (!user) throw invalidSmsCode();
    const hash = await hashPassword(input.newPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.consumeSmsCode(trx, smsId);
      const now = this.now().toISOString();
      await trx
        .updateTable('users')
        .set({ passwordHash: hash, passwordChangedAt: now, lockedUntil: null, updatedAt: now })
        .where('id', '=', user.id)
        .execute();
      await trx.deleteFrom('sessions').where('userId', '=', user.id).execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.password.reset',
        objectType: 'user',
        objectId: user.id,
        actorId: user.id,
        actorRole: null,
      });
    });
  }

  // ——— staff administration ———

  async listUsers(q: Parameters<AccountsRepository['listUsers']>[0]) {
    const { total, rows, roles } = await this.repo.listUsers(q);
    const now = this.now().toISOString();
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => {
        const staffRoles = roles.filter((x) => x.userId === r.id).map((x) => x.role as Role);
        const enterpriseRoles: Role[] = r.bindingRole ? [r.bindingRole as Role] : [];
        return {
          id: r.id,
          username: r.username,
          phoneMasked: maskPhone(r.phone),
          displayName: r.displayName,
          kind: r.kind === 'staff' ? ('staff' as const) : ('enterprise' as const),
          status: r.status === 'disabled' ? ('disabled' as const) : ('active' as const),
          locked: !!r.lockedUntil && r.lockedUntil > now,
          totpEnabled: !!r.totpEnabledAt,
          department: r.departmentId ? { id: r.departmentId, name: r.departmentName ?? '' } : null,
          roles: [...staffRoles, ...enterpriseRoles],
          enterpriseName: r.enterpriseName,
          lastLoginAt: r.lastLoginAt,
          createdAt: r.createdAt,
        };
      }),
    };
  }

  private async checkDepartment(id: string | null | undefined, trx: DB): Promise<void> {
    if (id && !(await this.repo.department(id, trx)))
      throw fieldError('departmentId', 'NOT_FOUND', '部门不存在');
  }

  private staffRolesOnly(roles: readonly Role[]): void {
    const bad = roles.filter((r) => ENTERPRISE_ROLES.includes(r));
    if (bad.length)
      throw fieldError('roles', 'UNKNOWN_ROLE', '企业角色由企业绑定产生，不能直接分配给工作人员');
  }

  async createStaff(ctx: RequestContext, input: z.infer<typeof createStaffSchema>): Promise<string> {
    this.staffRolesOnly(input.roles);
    this.weakPassword(input.password, input.phone, 'password');
    if (await this.repo.usernameExists(input.username)) throw fieldError('username', 'USERNAME_TAKEN');
    if (input.phone && (await this.repo.phoneExists(input.phone))) throw fieldError('phone', 'PHONE_TAKEN');
    const hash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      await this.checkDepartment(input.departmentId, trx);
      const now = this.now().toISOString();
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          username: input.username,
          phone: input.phone,
          displayName: input.displayName,
          passwordHash: hash,
          passwordChangedAt: now,
          kind: 'staff',
          departmentId: input.departmentId,
          status: 'active',
          lockedUntil: null,
          totpSecret: null,
          lastLoginAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await this.repo.setRoles(trx, id, [...new Set(input.roles)], now);
      await this.p.audit.write(trx, ctx, {
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        details: { username: input.username, roles: input.roles, departmentId: input.departmentId },
      });
      return id;
    });
  }

  async updateUser(ctx: RequestContext, id: string, input: z.infer<typeof updateUserSchema>): Promise<void> {
    if (input.roles) this.staffRolesOnly(input.roles);
    await this.db.transaction().execute(async (trx) => {
      const user = await this.repo.findUserById(id, trx);
      if (!user) throw notFound('用户');
      if (input.roles && user.kind !== 'staff')
        throw fieldError('roles', 'UNKNOWN_ROLE', '企业用户的角色由企业绑定决定');
      if (
        id === ctx.principal?.userId &&
        (input.status === 'disabled' || (input.roles && !input.roles.includes('admin')))
      ) {
        throw new AppError('CONFLICT', '不能停用自己或移除自己的管理员角色');
      }
      await this.checkDepartment(input.departmentId, trx);
      const now = this.now().toISOString();
      const before = {
        displayName: user.displayName,
        departmentId: user.departmentId,
        status: user.status,
        roles: await this.repo.rolesOf(id, trx),
      };
      await trx
        .updateTable('users')
        .set({
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          updatedAt: now,
        })
        .where('id', '=', id)
        .execute();
      if (input.roles) await this.repo.setRoles(trx, id, [...new Set(input.roles)], now);
      if (input.status === 'disabled') await trx.deleteFrom('sessions').where('userId', '=', id).execute();
      await this.p.audit.write(trx, ctx, {
        action: input.roles ? 'user.roles.change' : 'user.update',
        objectType: 'user',
        objectId: id,
        details: { before, after: input },
      });
    });
  }

  async unlockUser(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const user = await this.repo.findUserById(id, trx);
      if (!user) throw notFound('用户');
      await trx.updateTable('users').set({ lockedUntil: null }).where('id', '=', id).execute();
      // Forget the failures too, or the next mistake would lock again at once.
      await trx
        .updateTable('loginAttempts')
        .set({ success: -1 })
        .where('userId', '=', id)
        .where('success', '=', 0)
        .execute();
      await this.p.audit.write(trx, ctx, { action: 'user.unlock', objectType: 'user', objectId: id });
    });
  }

  // ——— departments ———

  async createDepartment(ctx: RequestContext, input: z.infer<typeof departmentInputSchema>): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      if (
        await trx.selectFrom('departments').select('id').where('code', '=', input.code).executeTakeFirst()
      ) {
        throw fieldError('code', 'CONFLICT', '部门编码已存在');
      }
      if (input.parentId && !(await this.repo.department(input.parentId, trx)))
        throw fieldError('parentId', 'NOT_FOUND', '上级部门不存在');
      const now = this.now().toISOString();
      const id = newId();
      await trx
        .insertInto('departments')
        .values({ id, ...input, createdAt: now, updatedAt: now })
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'department.create',
        objectType: 'department',
        objectId: id,
        details: input,
      });
      return id;
    });
  }

  async updateDepartment(
    ctx: RequestContext,
    id: string,
    input: z.infer<typeof departmentInputSchema>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const dep = await this.repo.department(id, trx);
      if (!dep) throw notFound('部门');
      const clash = await trx
        .selectFrom('departments')
        .select('id')
        .where('code', '=', input.code)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (clash) throw fieldError('code', 'CONFLICT', '部门编码已存在');
      if (input.parentId === id) throw fieldError('parentId', 'VALIDATION_FAILED', '上级部门不能是自己');
      if (input.parentId && !(await this.repo.department(input.parentId, trx)))
        throw fieldError('parentId', 'NOT_FOUND', '上级部门不存在');
      await trx
        .updateTable('departments')
        .set({ ...input, updatedAt: this.now().toISOString() })
        .where('id', '=', id)
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'department.update',
        objectType: 'department',
        objectId: id,
        details: { before: dep, after: input },
      });
    });
  }

  async deleteDepartment(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const dep = await this.repo.department(id, trx);
      if (!dep) throw notFound('部门');
      const users = await trx
        .selectFrom('users')
        .select('id')
        .where('departmentId', '=', id)
        .limit(1)
        .executeTakeFirst();
      const children = await trx
        .selectFrom('departments')
        .select('id')
        .where('parentId', '=', id)
        .limit(1)
        .executeTakeFirst();
      if (users || children)
        throw new AppError(
          'DEPARTMENT_IN_USE',
          users ? '该部门下仍有用户，不能删除' : '该部门下仍有下级部门，不能删除',
        );
      await trx.deleteFrom('departments').where('id', '=', id).execute();
      await this.p.audit.write(trx, ctx, {
        action: 'department.delete',
        objectType: 'department',
        objectId: id,
        details: { name: dep.name },
      });
    });
  }
}

function invalidChallenge() {
  return new AppError('LOGIN_CHALLENGE_INVALID');
}

function totpIncorrect(method: 'totp' | 'recovery_code') {
  return method === 'totp'
    ? fieldError('code', 'TOTP_CODE_INCORRECT')
    : fieldError('recoveryCode', 'TOTP_CODE_INCORRECT', '恢复码不正确或已使用过');
}

function invalidSmsCode() {
  return fieldError('smsCode', 'SMS_CODE_INVALID', '短信验证码错误或已过期，请重新获取');
}

function lockedUntilText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * HOUR).toISOString();
  return `${d.slice(11, 16)}（北京时间）`;
}

export const STAFF_ROLE_SET: readonly Role[] = STAFF_ROLES;
