import QRCode from 'qrcode';
import type { RecoveryCodes, TotpEnrolment, TotpStatus } from '../../../shared/totp';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import type { UserTotpTable } from '../../db/schema';
import { verifyPassword } from '../../platform/auth/passwords';
import { MINUTE } from '../../platform/clock';
import type { Principal, RequestContext } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import type { AccountsRepository } from './repository';
import {
  checkTotpCode,
  groupSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  TOTP_ISSUER,
  totpUri,
} from './totp';

/** An enrolment not confirmed within this time must be started again (the secret was on screen meanwhile). */
const ENROLMENT_TTL_MS = 15 * MINUTE;
/** Password and code checks on the self-service routes, per user (a stolen session must not become a guessing game). */
const CHECKS_PER_WINDOW = 10;
const CHECK_WINDOW_MS = 15 * MINUTE;

type Proof = { code: string; recoveryCode?: undefined } | { code?: undefined; recoveryCode: string };

/**
 * The TOTP second factor of a staff user (SPEC §2.1), self-service and administration: start an enrolment (a
 * pending secret shown once), confirm it with a first code (recovery codes issued), regenerate the recovery codes,
 * disable it, and the administrator's reset for a lost phone. The login's code step is AccountsService's.
 * Every change and every refused proof is audited in the transaction of the change.
 */
export class TotpService {
  private readonly db: DB;

  constructor(
    private readonly p: Platform,
    private readonly repo: AccountsRepository,
  ) {
    this.db = p.database.db;
  }

  private now(): Date {
    return this.p.clock.now();
  }

  async status(principal: Principal): Promise<TotpStatus> {
    const row = await this.repo.totpOf(principal.userId);
    if (!row?.enabledAt) return { enabled: false, enabledAt: null, recoveryCodesRemaining: 0 };
    return {
      enabled: true,
      enabledAt: row.enabledAt,
      recoveryCodesRemaining: await this.repo.recoveryCodesRemaining(principal.userId),
    };
  }

  /** Start (or start again) an enrolment: a new pending secret, returned this once as a QR code and as text. */
  async startEnrolment(ctx: RequestContext, password: string): Promise<TotpEnrolment> {
    const { userId, user } = await this.staffUser(ctx);
    await this.limitChecks(userId);
    if (!(await verifyPassword(password, user.passwordHash))) {
      await this.auditRefusal(ctx, 'auth.totp.enrol_start', 'wrong_password');
      throw fieldError('password', 'INVALID_CREDENTIALS', '当前密码不正确');
    }
    const now = this.now();
    const secret = newTotpSecret();
    await this.db.transaction().execute(async (trx) => {
      const existing = await this.repo.totpOf(userId, trx);
      if (existing?.enabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
      await trx.deleteFrom('userTotp').where('userId', '=', userId).execute();
      await trx
        .insertInto('userTotp')
        .values({
          userId,
          // Sealed under QIFU_SECRET_KEY when it is set: a copy of the database does not give the key away.
          secret: this.p.secrets.seal(secret),
          enabledAt: null,
          lastUsedStep: null,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        })
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'auth.totp.enrol_start',
        objectType: 'user',
        objectId: userId,
      });
    });
    const accountName = user.username ?? user.phone ?? user.displayName;
    const otpauthUri = totpUri(secret, accountName);
    return {
      otpauthUri,
      qrCode: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }),
      secret: groupSecret(secret),
      accountName,
      issuer: TOTP_ISSUER,
      expiresAt: new Date(now.getTime() + ENROLMENT_TTL_MS).toISOString(),
    };
  }

  /** Confirm the pending enrolment with a first code: the factor becomes active and recovery codes are issued. */
  async confirmEnrolment(ctx: RequestContext, code: string): Promise<RecoveryCodes> {
    const { userId } = await this.staffUser(ctx);
    await this.limitChecks(userId);
    const now = this.now();
    const row = await this.repo.totpOf(userId);
    if (row?.enabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
    if (!row || new Date(row.createdAt).getTime() + ENROLMENT_TTL_MS <= now.getTime())
      throw new AppError('TOTP_ENROLMENT_EXPIRED');
    const check = checkTotpCode(this.p.secrets.open(row.secret), code, now, row.lastUsedStep);
    if (!check.ok) {
      await this.auditRefusal(ctx, 'auth.totp.enable', 'wrong_code');
      throw fieldError('code', 'TOTP_CODE_INCORRECT');
    }
    const at = now.toISOString();
    let codes: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('userTotp')
        .set({ enabledAt: at, lastUsedStep: check.step, updatedAt: at })
        .where('userId', '=', userId)
        .where('enabledAt', 'is', null)
        .where('secret', '=', row.secret)
        .executeTakeFirst();
      // A concurrent confirmation, or a new start that replaced this secret, came first.
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('TOTP_ENROLMENT_EXPIRED');
      codes = await this.issueRecoveryCodes(trx, ctx, userId, at, 'auth.totp.enable');
    });
    return { recoveryCodes: codes, enabledAt: at };
  }

  /**
   * A new set of recovery codes in place of the old ones (stored as hashes), audited as `action` in the same
   * transaction; the codes in clear are returned this once.
   */
  private async issueRecoveryCodes(
    trx: DB,
    ctx: RequestContext,
    userId: string,
    at: string,
    action: 'auth.totp.enable' | 'auth.totp.recovery_codes.regenerate',
  ): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.repo.replaceRecoveryCodes(
      trx,
      userId,
      codes.map((c) => hashRecoveryCode(userId, c)),
      at,
    );
    await this.p.audit.write(trx, ctx, {
      action,
      objectType: 'user',
      objectId: userId,
      details: { recoveryCodes: codes.length },
    });
    return codes;
  }

  /** New recovery codes for old ones (all of them, used or not), against a current code. */
  async regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<RecoveryCodes> {
    const { userId } = await this.staffUser(ctx);
    await this.limitChecks(userId);
    const row = await this.activeFactor(userId);
    const now = this.now();
    const check = checkTotpCode(this.p.secrets.open(row.secret), code, now, row.lastUsedStep);
    if (!check.ok) {
      await this.auditRefusal(ctx, 'auth.totp.recovery_codes.regenerate', 'wrong_code');
      throw fieldError('code', 'TOTP_CODE_INCORRECT');
    }
    const at = now.toISOString();
    let codes: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.advanceTotpStep(trx, userId, check.step, at)))
        throw fieldError('code', 'TOTP_CODE_INCORRECT');
      codes = await this.issueRecoveryCodes(trx, ctx, userId, at, 'auth.totp.recovery_codes.regenerate');
    });
    return { recoveryCodes: codes, enabledAt: row.enabledAt! };
  }

  /** Turn the second factor off: the password and a current code (or a recovery code, for a lost phone). */
  async disable(ctx: RequestContext, input: { password: string } & Proof): Promise<void> {
    const { userId, user } = await this.staffUser(ctx);
    await this.limitChecks(userId);
    const row = await this.activeFactor(userId);
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      await this.auditRefusal(ctx, 'auth.totp.disable', 'wrong_password');
      throw fieldError('password', 'INVALID_CREDENTIALS', '当前密码不正确');
    }
    const now = this.now();
    const at = now.toISOString();
    let proofOk: boolean;
    let step: number | null = null;
    if (input.code !== undefined) {
      const check = checkTotpCode(this.p.secrets.open(row.secret), input.code, now, row.lastUsedStep);
      proofOk = check.ok;
      if (check.ok) step = check.step;
    } else {
      proofOk = await this.repo.hasUnusedRecoveryCode(userId, hashRecoveryCode(userId, input.recoveryCode));
    }
    if (!proofOk) {
      await this.auditRefusal(ctx, 'auth.totp.disable', 'wrong_code');
      throw input.code !== undefined
        ? fieldError('code', 'TOTP_CODE_INCORRECT')
        : fieldError('recoveryCode', 'TOTP_CODE_INCORRECT', '恢复码不正确或已使用过');
    }
    await this.db.transaction().execute(async (trx) => {
      // The proof is used up like at login, so the same code cannot also open a session elsewhere.
      const used =
        step !== null
          ? await this.repo.advanceTotpStep(trx, userId, step, at)
          : await this.repo.spendRecoveryCode(trx, userId, hashRecoveryCode(userId, input.recoveryCode!), at);
      if (!used) throw fieldError(step !== null ? 'code' : 'recoveryCode', 'TOTP_CODE_INCORRECT');
      await this.repo.removeSecondFactor(trx, userId);
      await this.p.audit.write(trx, ctx, {
        action: 'auth.totp.disable',
        objectType: 'user',
        objectId: userId,
        details: { method: step !== null ? 'totp' : 'recovery_code', enabledAt: row.enabledAt },
      });
    });
  }

  /**
   * The administrator removes a user's second factor (a lost phone, no recovery codes left). The user's sessions
   * end with it: whoever holds the phone or a session should not keep what the reset was meant to take away.
   */
  async adminReset(ctx: RequestContext, userId: string): Promise<void> {
    if (userId === ctx.principal?.userId)
      throw new AppError('CONFLICT', '不能重置自己的两步验证，请在“两步验证”页面关闭');
    await this.db.transaction().execute(async (trx) => {
      const user = await this.repo.findUserById(userId, trx);
      if (!user) throw notFound('用户');
      const row = await this.repo.totpOf(userId, trx);
      if (!row?.enabledAt) throw new AppError('TOTP_NOT_ENABLED', '该用户未启用两步验证');
      await this.repo.removeSecondFactor(trx, userId);
      await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
      await this.p.audit.write(trx, ctx, {
        action: 'user.totp.reset',
        objectType: 'user',
        objectId: userId,
        details: { enabledAt: row.enabledAt },
      });
    });
  }

  /** The caller's account; only staff accounts have a second factor (the routes admit staff roles only). */
  private async staffUser(ctx: RequestContext) {
    if (ctx.principal?.kind !== 'staff') throw new AppError('FORBIDDEN');
    const user = await this.repo.findUserById(ctx.principal.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { userId: user.id, user };
  }

  private async activeFactor(userId: string): Promise<UserTotpTable & { enabledAt: string }> {
    const row = await this.repo.totpOf(userId);
    if (!row?.enabledAt) throw new AppError('TOTP_NOT_ENABLED');
    return row as UserTotpTable & { enabledAt: string };
  }

  private async limitChecks(userId: string): Promise<void> {
    if (!(await this.p.limiter.hit(`totp:user:${userId}`, CHECKS_PER_WINDOW, CHECK_WINDOW_MS)))
      throw new AppError('RATE_LIMITED');
  }

  /** A refused password or code on a self-service route: nothing changes, but the attempt is on record. */
  private async auditRefusal(ctx: RequestContext, action: string, reason: string): Promise<void> {
    await this.db.transaction().execute((trx) =>
      this.p.audit.write(trx, ctx, {
        action,
        objectType: 'user',
        objectId: ctx.principal?.userId ?? null,
        result: 'failure',
        details: { reason },
      }),
    );
  }
}
