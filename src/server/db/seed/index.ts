import type { FastifyBaseLogger } from 'fastify';
import type { Insertable } from 'kysely';
import type { Role } from '../../../shared/roles';
import { seedAppealKb } from '../../modules/appeals/kb';
import { AuditLog } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/passwords';
import { type Clock, systemClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { DatabaseHandle, DB } from '../database';
import { lockForChain } from '../dialect';
import type { Database, EnterpriseBindingTable, UserTable } from '../schema';
import { DEMO_ACCOUNTS, demoLogin } from './accounts';
import { seedAppealCatalogue } from './appeal-catalogue';
import { type AppealSeedSummary, seedAppeals } from './appeals';
import { type BuildingSeedSummary, seedBuildings } from './buildings';
import { type ContentSeedSummary, seedContent } from './content';
import { buildDemoEnterprises } from './enterprises';
import { type PolicySeedSummary, seedPolicies } from './policies';
import { DEMO_DEPARTMENTS, DEMO_QUALIFICATION_KINDS, DEMO_STREETS } from './reference';
import { seedSearchTerms } from './search-terms';
import { seedVisits, type VisitSeedSummary } from './visits';

export { DEMO_ACCOUNTS, type DemoAccount, demoLogin } from './accounts';
export {
  DEMO_AS_OF,
  DEMO_BUILDINGS,
  DEMO_ENTERPRISE_COUNT,
  DEMO_IMPORT_FILE,
  DEMO_YEARS,
} from './enterprises';
export { DEMO_DEPARTMENTS, DEMO_QUALIFICATION_KINDS, DEMO_STREETS } from './reference';

/** Row counts of what the demo seed created. */
export type SeedSummary = Record<
  | 'streets'
  | 'departments'
  | 'qualificationKinds'
  | 'users'
  | 'enterprises'
  | 'yearlyFigures'
  | 'ipCounts'
  | 'qualifications'
  | 'fieldSources'
  | 'bindings'
  | keyof PolicySeedSummary
  | keyof BuildingSeedSummary
  | keyof AppealSeedSummary
  | keyof ContentSeedSummary
  | keyof VisitSeedSummary
  | 'appealTopics'
  | 'appealKb'
  | 'searchTerms',
  number
>;

export interface SeedOptions {
  clock?: Clock;
  /** Request id recorded in the audit record (`startup`, `cli`). */
  requestId?: string;
}

/** Key of the advisory lock that keeps two instances starting on one empty PostgreSQL from both seeding. */
const SEED_LOCK_KEY = 7_110_002;

/**
 * Whether the database holds no data a person entered: no users, departments or enterprises. Reference lists
 * (streets, qualification kinds) do not count — a migration may ship them.
 */
export async function isDatabaseEmpty(db: DB): Promise<boolean> {
  const [user, department, enterprise] = await Promise.all([
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('departments').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('enterprises').select('id').limit(1).executeTakeFirst(),
  ]);
  return !user && !department && !enterprise;
}

/** Create the demo data set when the database is empty. Returns a summary, or null when skipped. */
export async function seedDemoIfEmpty(
  database: DatabaseHandle,
  log: Pick<FastifyBaseLogger, 'info'>,
  opts: SeedOptions = {},
): Promise<SeedSummary | null> {
  if (!(await isDatabaseEmpty(database.db))) return null;
  const summary = await seedDemo(database, { requestId: 'startup', ...opts });
  if (summary) {
    // Credentials stay out of the log (the demo passwords are listed in README.md and seed/accounts.ts).
    log.info(
      { accounts: DEMO_ACCOUNTS.map(demoLogin) },
      'demo accounts created: 演示账号及密码见 README.md; set QIFU_SEED_DEMO=false for a real deployment',
    );
  }
  return summary;
}

/**
 * Insert the whole demo data set in one transaction, with one audit record. Returns null without touching
 * anything when the database is not empty (checked again under a lock, so concurrent starts seed once).
 */
export async function seedDemo(
  database: DatabaseHandle,
  opts: SeedOptions = {},
): Promise<SeedSummary | null> {
  const clock = opts.clock ?? systemClock;
  const nowDate = clock.now();
  const now = nowDate.toISOString();
  const id = () => newId(nowDate.getTime());
  if (!(await isDatabaseEmpty(database.db))) return null;
  // Hashing is the slow part (scrypt); do it before the transaction, in parallel on libuv's pool.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));

  return database.db.transaction().execute(async (trx) => {
    await lockForChain(trx as never, database.dialect, SEED_LOCK_KEY);
    if (!(await isDatabaseEmpty(trx))) return null;

    await trx
      .insertInto('streets')
      .values(DEMO_STREETS.map((s, i) => ({ code: s.code, name: s.name, sortOrder: i + 1 })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('qualificationKinds')
      .values(
        DEMO_QUALIFICATION_KINDS.map((k, i) => ({ code: k.code, name: k.name, sortOrder: i + 1, active: 1 })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();

    const deptIds = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, id()]));
    await insertBatched(
      trx,
      'departments',
      DEMO_DEPARTMENTS.map((d, i) => ({
        id: deptIds.get(d.code)!,
        code: d.code,
        name: d.name,
        kind: d.kind,
        parentId: d.parent ? deptIds.get(d.parent)! : null,
        sortOrder: (i + 1) * 10,
        phone: d.phone,
        createdAt: now,
        updatedAt: now,
      })),
    );

    const userIds = DEMO_ACCOUNTS.map(() => id());
    const users: Insertable<UserTable>[] = DEMO_ACCOUNTS.map((a, i) => ({
      id: userIds[i]!,
      username: a.username,
      phone: a.phone,
      displayName: a.displayName,
      passwordHash: hashes[i]!,
      passwordChangedAt: now,
      kind: a.kind,
      departmentId: a.departmentCode ? deptIds.get(a.departmentCode)! : null,
      status: 'active',
      lockedUntil: null,
      totpSecret: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    }));
    await insertBatched(trx, 'users', users);
    const staffRoles = DEMO_ACCOUNTS.flatMap((a, i) =>
      a.kind === 'staff' ? [{ userId: userIds[i]!, role: a.role as Role, createdAt: now }] : [],
    );
    await insertBatched(trx, 'userRoles', staffRoles);

    const userOf = (role: Role) =>
      userIds[DEMO_ACCOUNTS.findIndex((a) => a.role === role && a.kind === 'staff')]!;
    const reporters = new Map<string, string>();
    DEMO_ACCOUNTS.forEach((a, i) => {
      if (a.enterprise && a.role === 'enterprise_admin' && a.binding === 'confirmed')
        reporters.set(a.enterprise, userIds[i]!);
    });
    const rows = buildDemoEnterprises(
      {
        liaisonId: userOf('liaison'),
        verifierId: userOf('policy_editor'),
        buildingEditorId: userOf('building_editor'),
        reporters,
      },
      id,
      nowDate,
    );
    await insertBatched(trx, 'enterprises', rows.enterprises);
    await insertBatched(trx, 'enterpriseYearly', rows.yearly);
    await insertBatched(trx, 'enterpriseIp', rows.ip);
    await insertBatched(trx, 'enterpriseQualifications', rows.qualifications);
    await insertBatched(trx, 'enterpriseFieldSources', rows.fieldSources);

    // Bindings: confirmed for the demo enterprise accounts, one request waiting on the confirmation page.
    const bindings: Insertable<EnterpriseBindingTable>[] = DEMO_ACCOUNTS.flatMap((a, i) => {
      if (!a.enterprise || !a.binding) return [];
      const enterpriseId = rows.idByName.get(a.enterprise);
      if (!enterpriseId)
        throw new Error(`demo account ${demoLogin(a)}: no demo enterprise named ${a.enterprise}`);
      const confirmed = a.binding === 'confirmed';
      return [
        {
          id: id(),
          userId: userIds[i]!,
          enterpriseId,
          role: a.role,
          status: a.binding,
          note: null,
          claimedName: a.enterprise,
          requestedAt: now,
          decidedAt: confirmed ? now : null,
          decidedBy: confirmed ? userOf('liaison') : null,
        },
      ];
    });
    await insertBatched(trx, 'enterpriseBindings', bindings);

    // Policies last: their 免申即享 candidates and claims are computed from the enterprises above.
    const policies = await seedPolicies(trx, {
      dialect: database.dialect,
      clock,
      id,
      departments: deptIds,
      enterprises: rows.idByName,
      editorId: userOf('policy_editor'),
    });

    // Buildings: the enterprises above occupy them (their building and unit fields).
    const buildings = await seedBuildings(trx, {
      dialect: database.dialect,
      clock,
      id,
      enterprises: rows.idByName,
      editorId: userOf('building_editor'),
    });

    // Appeals: the dispatch catalogue, then the knowledge base curated from it.
    const appealTopics = await seedAppealCatalogue(trx, { departments: deptIds, now });
    const appealKb = await seedAppealKb(trx, {
      dialect: database.dialect,
      clock,
      id,
      authorId: userOf('dispatcher'),
    });
    const userByPhone = (phone: string) => {
      const i = DEMO_ACCOUNTS.findIndex((a) => a.phone === phone);
      if (i < 0) throw new Error(`no demo account with phone ${phone}`);
      return userIds[i]!;
    };
    // ~340 appeals over the twelve months before now, raised by the enterprises above, in every state.
    const appeals = await seedAppeals(trx, {
      dialect: database.dialect,
      clock,
      id,
      departments: deptIds,
      enterprises: rows.idByName,
      users: {
        dispatcher: userOf('dispatcher'),
        handler: userOf('handler'),
        leader: userOf('leader'),
        liaison: userOf('liaison'),
        enterpriseAdmin: userByPhone('13800000001'),
        enterpriseMember: userByPhone('13800000002'),
        secondaryAdmin: userByPhone('13800000003'),
      },
    });
    // Searched terms of the last 90 days (insights: most searched terms).
    const searchTerms = await seedSearchTerms(trx, { clock });
    // Content: articles, service guides and the action plan (measures owned by the departments above).
    const content = await seedContent(trx, {
      dialect: database.dialect,
      clock,
      id,
      departments: deptIds,
      editorId: userOf('content_editor'),
    });

    // Visits (走访记录) of the liaisons to their enterprises; the appeals they submitted come from some of them.
    const visits = await seedVisits(trx, { clock, id });

    const summary: SeedSummary = {
      streets: DEMO_STREETS.length,
      departments: DEMO_DEPARTMENTS.length,
      qualificationKinds: DEMO_QUALIFICATION_KINDS.length,
      users: users.length,
      enterprises: rows.enterprises.length,
      yearlyFigures: rows.yearly.length,
      ipCounts: rows.ip.length,
      qualifications: rows.qualifications.length,
      fieldSources: rows.fieldSources.length,
      bindings: bindings.length,
      ...policies,
      ...buildings,
      appealTopics,
      appealKb,
      ...appeals,
      searchTerms,
      ...content,
      ...visits,
    };
    await new AuditLog(database.dialect, clock).write(trx, systemContext(opts.requestId ?? 'system'), {
      action: 'system.seed_demo',
      objectType: 'system',
      objectId: null,
      actorId: null,
      actorRole: 'system',
      details: summary,
    });
    return summary;
  });
}

/**
 * Multi-row inserts in chunks that stay far below both databases' bound-parameter limits
 * (SQLite 32,766; PostgreSQL 65,535).
 */
async function insertBatched<T extends keyof Database & string>(
  trx: DB,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  maxParams = 4000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(maxParams / columns));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a generic table name to its row type; the signature above already checked the rows.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
