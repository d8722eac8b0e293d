import { sql } from 'kysely';
import type { DB } from '../../db/database';
import { type Dialect, likeEscape, likePattern } from '../../db/dialect';
import type { DepartmentTable, LoginChallengeTable, UserTable, UserTotpTable } from '../../db/schema';
import { newId } from '../../platform/ids';

/** Every query of the accounts module. */
export class AccountsRepository {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
  ) {}

  findUserByAccount(account: string): Promise<UserTable | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb('phone', '=', account), eb('username', '=', account.toLowerCase())]))
      .executeTakeFirst();
  }

  findUserById(id: string, trx: DB = this.db): Promise<UserTable | undefined> {
    return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async phoneExists(phone: string): Promise<boolean> {
    return !!(await this.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst());
  }

  async usernameExists(username: string): Promise<boolean> {
    return !!(await this.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst());
  }

  async rolesOf(userId: string, trx: DB = this.db): Promise<string[]> {
    return (
      await trx.selectFrom('userRoles').select('role').where('userId', '=', userId).orderBy('role').execute()
    ).map((r) => r.role);
  }

  async setRoles(trx: DB, userId: string, roles: string[], at: string): Promise<void> {
    await trx.deleteFrom('userRoles').where('userId', '=', userId).execute();
    if (roles.length > 0)
      await trx
        .insertInto('userRoles')
        .values(roles.map((role) => ({ userId, role, createdAt: at })))
        .execute();
  }

  countRecentFailures(userId: string, since: string, trx: DB = this.db): Promise<number> {
    return trx
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('success', '=', 0)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }

  async recordAttempt(
    trx: DB,
    a: { userId: string | null; identifier: string; ip: string | null; success: boolean; at: string },
  ): Promise<void> {
    await trx
      .insertInto('loginAttempts')
      .values({
        userId: a.userId,
        identifier: a.identifier.slice(0, 64),
        ip: a.ip,
        success: a.success ? 1 : 0,
        at: a.at,
      })
      .execute();
  }

  // ——— second factor (TOTP, recovery codes, login challenges) ———

  totpOf(userId: string, trx: DB = this.db): Promise<UserTotpTable | undefined> {
    return trx.selectFrom('userTotp').selectAll().where('userId', '=', userId).executeTakeFirst();
  }

  async recoveryCodesRemaining(userId: string, trx: DB = this.db): Promise<number> {
    const r = await trx
      .selectFrom('userRecoveryCodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Replace every recovery code of the user (used or not) with a new set of hashes. */
  async replaceRecoveryCodes(trx: DB, userId: string, hashes: string[], at: string): Promise<void> {
    await trx.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
    if (hashes.length > 0)
      await trx
        .insertInto('userRecoveryCodes')
        .values(hashes.map((codeHash) => ({ id: newId(), userId, codeHash, createdAt: at, usedAt: null })))
        .execute();
  }

  async hasUnusedRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    return !!(await this.db
      .selectFrom('userRecoveryCodes')
      .select('id')
      .where('userId', '=', userId)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst());
  }

  /** Mark a recovery code used; false when it does not exist or was used first (by a concurrent request). */
  async spendRecoveryCode(trx: DB, userId: string, codeHash: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('userRecoveryCodes')
      .set({ usedAt: at })
      .where('userId', '=', userId)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Record the time step of an accepted code; false when the step is not later than the last one recorded, i.e.
   * another request (on this instance or another) used this code or a later one first.
   */
  async advanceTotpStep(trx: DB, userId: string, step: number, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('userTotp')
      .set({ lastUsedStep: step, updatedAt: at })
      .where('userId', '=', userId)
      .where('enabledAt', 'is not', null)
      .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Remove the second factor of a user: the secret, the recovery codes, the logins waiting for a code. */
  async removeSecondFactor(trx: DB, userId: string): Promise<void> {
    await trx.deleteFrom('userTotp').where('userId', '=', userId).execute();
    await trx.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
    await trx.deleteFrom('loginChallenges').where('userId', '=', userId).execute();
  }

  async createChallenge(trx: DB, row: Omit<LoginChallengeTable, 'attempts'>): Promise<void> {
    await trx
      .insertInto('loginChallenges')
      .values({ ...row, attempts: 0 })
      .execute();
  }

  findChallenge(id: string): Promise<LoginChallengeTable | undefined> {
    return this.db.selectFrom('loginChallenges').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Use up a challenge that has not expired; false when it is gone (expired, used, or used concurrently). */
  async consumeChallenge(trx: DB, id: string, now: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('loginChallenges')
      .where('id', '=', id)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async deleteChallenge(trx: DB, id: string): Promise<void> {
    await trx.deleteFrom('loginChallenges').where('id', '=', id).execute();
  }

  async deleteChallengesOf(trx: DB, userId: string): Promise<void> {
    await trx.deleteFrom('loginChallenges').where('userId', '=', userId).execute();
  }

  /** Count one wrong code against a challenge; returns the attempts so far. */
  async countChallengeAttempt(trx: DB, id: string): Promise<number> {
    await trx
      .updateTable('loginChallenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
    const row = await trx
      .selectFrom('loginChallenges')
      .select('attempts')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.attempts ?? 0;
  }

  /** Housekeeping on the login path: challenges past their expiry are of no use to anyone. */
  async purgeExpiredChallenges(trx: DB, now: string): Promise<void> {
    await trx.deleteFrom('loginChallenges').where('expiresAt', '<=', now).execute();
  }

  department(id: string, trx: DB = this.db): Promise<DepartmentTable | undefined> {
    return trx.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async departments(): Promise<(DepartmentTable & { userCount: number })[]> {
    const rows = await this.db
      .selectFrom('departments')
      .leftJoin('users', 'users.departmentId', 'departments.id')
      .selectAll('departments')
      .select((eb) => eb.fn.count<number>('users.id').as('userCount'))
      .groupBy('departments.id')
      .orderBy('departments.sortOrder')
      .orderBy('departments.name')
      .execute();
    return rows.map((r) => ({ ...r, userCount: Number(r.userCount) }));
  }

  async listUsers(q: {
    search?: string | undefined;
    departmentId?: string | undefined;
    role?: string | undefined;
    kind?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    let query = this.db
      .selectFrom('users')
      .leftJoin('departments', 'departments.id', 'users.departmentId')
      .leftJoin('enterpriseBindings as b', (j) =>
        j.onRef('b.userId', '=', 'users.id').on('b.status', '=', 'confirmed'),
      )
      .leftJoin('enterprises', 'enterprises.id', 'b.enterpriseId')
      .leftJoin('userTotp', 'userTotp.userId', 'users.id');
    if (q.search) {
      const p = likePattern(q.search);
      query = query.where((eb) =>
        eb.or([
          eb('users.displayName', this.dialect.likeOperator, sql<string>`${p} escape ${likeEscape}`),
          eb('users.username', this.dialect.likeOperator, sql<string>`${p} escape ${likeEscape}`),
          eb('users.phone', '=', q.search!),
          eb('enterprises.name', this.dialect.likeOperator, sql<string>`${p} escape ${likeEscape}`),
        ]),
      );
    }
    if (q.departmentId) query = query.where('users.departmentId', '=', q.departmentId);
    if (q.kind) query = query.where('users.kind', '=', q.kind);
    if (q.role) {
      const role = q.role;
      query = query.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('userRoles as r')
              .select('r.userId')
              .whereRef('r.userId', '=', 'users.id')
              .where('r.role', '=', role),
          ),
          eb('b.role', '=', role),
        ]),
      );
    }
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .select([
        'users.id',
        'users.username',
        'users.phone',
        'users.displayName',
        'users.kind',
        'users.status',
        'users.lockedUntil',
        'users.lastLoginAt',
        'users.createdAt',
        'departments.id as departmentId',
        'departments.name as departmentName',
        'enterprises.name as enterpriseName',
        'b.role as bindingRole',
        'userTotp.enabledAt as totpEnabledAt',
      ])
      .orderBy('users.kind', 'desc')
      .orderBy('users.createdAt', 'desc')
      .orderBy('users.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const roles = rows.length
      ? await this.db
          .selectFrom('userRoles')
          .select(['userId', 'role'])
          .where(
            'userId',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return { total: Number(total.n), rows, roles };
  }
}
