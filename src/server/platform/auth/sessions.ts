import { createHash } from 'node:crypto';
import { isRole, type Role } from '../../../shared/roles';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import type { Clock } from '../clock';
import { DAY, HOUR, MINUTE } from '../clock';
import type { Principal } from '../context';
import { newToken } from '../ids';

export const SESSION_COOKIE = 'qifu_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions in the database (several app instances share them). The cookie carries a random token;
 * the table stores only its hash. A session ends at its absolute expiry or after the idle timeout.
 */
export class SessionStore {
  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'session' | 'password'>,
  ) {}

  async create(
    trx: DB,
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; sessionId: string; expiresAt: string }> {
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.session.maxHours * HOUR).toISOString();
    const id = hashToken(token);
    await trx
      .insertInto('sessions')
      .values({
        id,
        userId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { token, sessionId: id, expiresAt };
  }

  /** The principal behind a cookie token, or null when the session is unknown, idle too long or expired. */
  async resolve(token: string): Promise<Principal | null> {
    const id = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .select([
        'sessions.id as sessionId',
        'sessions.lastSeenAt',
        'sessions.expiresAt',
        'users.id as userId',
        'users.kind',
        'users.displayName',
        'users.departmentId',
        'users.status',
        'users.passwordChangedAt',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.clock.now();
    const idleLimit = new Date(row.lastSeenAt).getTime() + this.config.session.idleMinutes * MINUTE;
    if (row.status !== 'active' || now.toISOString() >= row.expiresAt || now.getTime() >= idleLimit) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      return null;
    }
    // Touch at most once a minute: enough precision for the idle timeout without a write per request.
    if (now.getTime() - new Date(row.lastSeenAt).getTime() > MINUTE) {
      await this.db
        .updateTable('sessions')
        .set({ lastSeenAt: now.toISOString() })
        .where('id', '=', id)
        .execute();
    }
    const [roles, binding] = await Promise.all([
      this.db.selectFrom('userRoles').select('role').where('userId', '=', row.userId).execute(),
      this.db
        .selectFrom('enterpriseBindings')
        .select(['enterpriseId', 'role'])
        .where('userId', '=', row.userId)
        .where('status', '=', 'confirmed')
        .executeTakeFirst(),
    ]);
    const roleSet = new Set<Role>(roles.map((r) => r.role).filter(isRole));
    if (binding && isRole(binding.role)) {
      roleSet.add(binding.role);
      if (binding.role === 'enterprise_admin') roleSet.add('enterprise_member');
    }
    const expiryDays =
      row.kind === 'staff' ? this.config.password.staffExpiryDays : this.config.password.enterpriseExpiryDays;
    const passwordExpired =
      expiryDays > 0 && now.getTime() >= new Date(row.passwordChangedAt).getTime() + expiryDays * DAY;
    return {
      userId: row.userId,
      sessionId: row.sessionId,
      kind: row.kind === 'staff' ? 'staff' : 'enterprise',
      displayName: row.displayName,
      roles: [...roleSet],
      departmentId: row.departmentId,
      enterpriseId: binding?.enterpriseId ?? null,
      passwordExpired,
    };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  async destroyAllForUser(trx: DB, userId: string): Promise<void> {
    await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
  }

  /** Remove sessions past their absolute expiry (housekeeping). */
  async purgeExpired(): Promise<number> {
    const r = await this.db
      .deleteFrom('sessions')
      .where('expiresAt', '<', this.clock.now().toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
