import { type Insertable, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/database';
import { type Dialect, fromJson, likeEscape, likePattern, toJson, toNumber } from '../../db/dialect';
import type {
  EnterpriseBindingTable,
  EnterpriseQualificationTable,
  EnterpriseTable,
  QualificationKindTable,
  StreetTable,
} from '../../db/schema';

/** An enterprise row as the service uses it: tags decoded, figures as numbers. */
export type EnterpriseRow = Omit<EnterpriseTable, 'tags'> & { tags: string[] };

export interface YearlyRow {
  year: number;
  revenue: number | null;
  taxPaid: number | null;
  rdSpending: number | null;
  exports: number | null;
  totalAssets: number | null;
}

export interface FieldSourceRow {
  field: string;
  source: string;
  sourceRef: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

export interface QualificationRow extends EnterpriseQualificationTable {
  kindName: string;
  updatedByName: string | null;
}

/** A binding as stored (claimedName read as a plain column). */
export type StoredBinding = Selectable<EnterpriseBindingTable>;

export type BindingRow = StoredBinding & {
  userDisplayName: string;
  userPhone: string | null;
  enterpriseName: string;
  enterpriseUscc: string;
  decidedByName: string | null;
};

export interface ProvenanceWrite {
  source: 'self' | 'import' | 'staff';
  sourceRef: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface EnterpriseListFilter {
  q?: string | undefined;
  street?: string | undefined;
  industry?: string | undefined;
  sizeClass?: string | undefined;
  qualification?: string | undefined;
  liaisonUserId?: string | undefined;
  /** Today in Asia/Shanghai: a qualification filter matches only qualifications in force. */
  today: string;
  page: number;
  pageSize: number;
}

function decodeEnterprise(row: EnterpriseTable): EnterpriseRow {
  return {
    ...row,
    registeredCapital: toNumber(row.registeredCapital),
    tags: fromJson<string[]>(row.tags, []),
  };
}

/** The yearly figures of one enterprise, newest year first (also used outside the repository class by the seed). */
export async function readYearly(db: DB, enterpriseId: string): Promise<YearlyRow[]> {
  const rows = await db
    .selectFrom('enterpriseYearly')
    .select(['year', 'revenue', 'taxPaid', 'rdSpending', 'exports', 'totalAssets'])
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    revenue: toNumber(r.revenue),
    taxPaid: toNumber(r.taxPaid),
    rdSpending: toNumber(r.rdSpending),
    exports: toNumber(r.exports),
    totalAssets: toNumber(r.totalAssets),
  }));
}

/** `term%` with LIKE wildcards in the term escaped. */
function prefixPattern(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every query of the enterprises module. Methods that write take the transaction as their first argument. */
/**
 * Queue the enterprise for the open programs to judge it again (policies/repush-job.ts): written in the
 * transaction of the change, so a change that rolls back queues nothing.
 */
export async function markFactsChanged(trx: DB, enterpriseId: string, at: string): Promise<void> {
  await trx
    .insertInto('enterpriseFactChanges')
    .values({ enterpriseId, changedAt: at })
    .onConflict((oc) => oc.column('enterpriseId').doUpdateSet({ changedAt: at }))
    .execute();
}

export class EnterprisesRepository {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
  ) {}

  // ——— reference data ———

  streets(trx: DB = this.db): Promise<StreetTable[]> {
    return trx.selectFrom('streets').selectAll().orderBy('sortOrder').orderBy('code').execute();
  }

  street(code: string, trx: DB = this.db): Promise<StreetTable | undefined> {
    return trx.selectFrom('streets').selectAll().where('code', '=', code).executeTakeFirst();
  }

  qualificationKinds(includeInactive: boolean, trx: DB = this.db): Promise<QualificationKindTable[]> {
    let q = trx.selectFrom('qualificationKinds').selectAll();
    if (!includeInactive) q = q.where('active', '=', 1);
    return q.orderBy('sortOrder').orderBy('code').execute();
  }

  qualificationKind(code: string, trx: DB = this.db): Promise<QualificationKindTable | undefined> {
    return trx.selectFrom('qualificationKinds').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async qualificationKindNameTaken(trx: DB, name: string, exceptCode: string | null): Promise<boolean> {
    let q = trx.selectFrom('qualificationKinds').select('code').where('name', '=', name);
    if (exceptCode) q = q.where('code', '<>', exceptCode);
    return !!(await q.executeTakeFirst());
  }

  async insertQualificationKind(trx: DB, row: QualificationKindTable): Promise<void> {
    await trx.insertInto('qualificationKinds').values(row).execute();
  }

  async updateQualificationKind(
    trx: DB,
    code: string,
    set: Partial<Omit<QualificationKindTable, 'code'>>,
  ): Promise<void> {
    await trx.updateTable('qualificationKinds').set(set).where('code', '=', code).execute();
  }

  // ——— enterprises ———

  async enterprise(id: string, trx: DB = this.db): Promise<EnterpriseRow | undefined> {
    const row = await trx.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? decodeEnterprise(row) : undefined;
  }

  async enterpriseByUscc(uscc: string, trx: DB = this.db): Promise<EnterpriseRow | undefined> {
    const row = await trx.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();
    return row ? decodeEnterprise(row) : undefined;
  }

  async insertEnterprise(trx: DB, row: EnterpriseRow): Promise<void> {
    await trx
      .insertInto('enterprises')
      .values({ ...row, tags: toJson(row.tags) })
      .execute();
  }

  /**
   * Update an enterprise only if it is still at `expectedVersion`, bumping the version. Returns false when
   * another writer got there first (the caller answers STALE_VERSION).
   */
  async updateEnterprise(
    trx: DB,
    id: string,
    expectedVersion: number,
    set: Partial<Omit<EnterpriseRow, 'id' | 'version' | 'createdAt'>> & { updatedAt: string },
  ): Promise<boolean> {
    const { tags, ...rest } = set;
    const r = await trx
      .updateTable('enterprises')
      .set({ ...rest, ...(tags !== undefined ? { tags: toJson(tags) } : {}), version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Fields that do not take part in optimistic concurrency (derived size class, liaison assignment). */
  async setEnterpriseColumns(
    trx: DB,
    id: string,
    set: { sizeClass?: string | null; liaisonUserId?: string | null; updatedAt?: string },
  ): Promise<void> {
    await trx.updateTable('enterprises').set(set).where('id', '=', id).execute();
  }

  yearly(enterpriseId: string, trx: DB = this.db): Promise<YearlyRow[]> {
    return readYearly(trx, enterpriseId);
  }

  async upsertYearly(trx: DB, enterpriseId: string, row: YearlyRow): Promise<void> {
    const { year, ...figures } = row;
    await trx
      .insertInto('enterpriseYearly')
      .values({ enterpriseId, year, ...figures })
      .onConflict((oc) => oc.columns(['enterpriseId', 'year']).doUpdateSet(figures))
      .execute();
  }

  async deleteYearly(trx: DB, enterpriseId: string, year: number): Promise<void> {
    await trx
      .deleteFrom('enterpriseYearly')
      .where('enterpriseId', '=', enterpriseId)
      .where('year', '=', year)
      .execute();
  }

  async ipCounts(enterpriseId: string, trx: DB = this.db): Promise<Map<string, number>> {
    const rows = await trx
      .selectFrom('enterpriseIp')
      .select(['kind', 'count'])
      .where('enterpriseId', '=', enterpriseId)
      .execute();
    return new Map(rows.map((r) => [r.kind, Number(r.count)]));
  }

  /** Set one IP count; null removes it (unknown again). */
  async setIpCount(trx: DB, enterpriseId: string, kind: string, count: number | null): Promise<void> {
    if (count === null) {
      await trx
        .deleteFrom('enterpriseIp')
        .where('enterpriseId', '=', enterpriseId)
        .where('kind', '=', kind)
        .execute();
      return;
    }
    await trx
      .insertInto('enterpriseIp')
      .values({ enterpriseId, kind, count })
      .onConflict((oc) => oc.columns(['enterpriseId', 'kind']).doUpdateSet({ count }))
      .execute();
  }

  qualifications(enterpriseId: string, trx: DB = this.db): Promise<QualificationRow[]> {
    return trx
      .selectFrom('enterpriseQualifications as q')
      .innerJoin('qualificationKinds as k', 'k.code', 'q.kind')
      .leftJoin('users as u', 'u.id', 'q.updatedBy')
      .selectAll('q')
      .select(['k.name as kindName', 'u.displayName as updatedByName'])
      .where('q.enterpriseId', '=', enterpriseId)
      .orderBy('k.sortOrder')
      .orderBy('q.recognizedOn', 'desc')
      .execute();
  }

  qualification(
    enterpriseId: string,
    id: string,
    trx: DB = this.db,
  ): Promise<EnterpriseQualificationTable | undefined> {
    return trx
      .selectFrom('enterpriseQualifications')
      .selectAll()
      .where('enterpriseId', '=', enterpriseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insertQualification(trx: DB, row: EnterpriseQualificationTable): Promise<void> {
    await trx.insertInto('enterpriseQualifications').values(row).execute();
  }

  async updateQualification(
    trx: DB,
    id: string,
    set: Partial<Omit<EnterpriseQualificationTable, 'id' | 'enterpriseId'>>,
  ): Promise<void> {
    await trx.updateTable('enterpriseQualifications').set(set).where('id', '=', id).execute();
  }

  async deleteQualification(trx: DB, id: string): Promise<void> {
    await trx.deleteFrom('enterpriseQualifications').where('id', '=', id).execute();
  }

  fieldSources(enterpriseId: string, trx: DB = this.db): Promise<FieldSourceRow[]> {
    return trx
      .selectFrom('enterpriseFieldSources as s')
      .leftJoin('users as u', 'u.id', 's.updatedBy')
      .select(['s.field', 's.source', 's.sourceRef', 's.updatedAt', 'u.displayName as updatedByName'])
      .where('s.enterpriseId', '=', enterpriseId)
      .execute();
  }

  /** Record who last set (or verified) each of `fields`. */
  async writeProvenance(
    trx: DB,
    enterpriseId: string,
    fields: readonly string[],
    p: ProvenanceWrite,
  ): Promise<void> {
    if (fields.length === 0) return;
    const values = [...new Set(fields)].map((field) => ({ enterpriseId, field, ...p }));
    await trx
      .insertInto('enterpriseFieldSources')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['enterpriseId', 'field']).doUpdateSet((eb) => ({
          source: eb.ref('excluded.source'),
          sourceRef: eb.ref('excluded.sourceRef'),
          updatedBy: eb.ref('excluded.updatedBy'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }

  async deleteProvenance(trx: DB, enterpriseId: string, fields: readonly string[]): Promise<void> {
    if (fields.length === 0) return;
    await trx
      .deleteFrom('enterpriseFieldSources')
      .where('enterpriseId', '=', enterpriseId)
      .where('field', 'in', [...fields])
      .execute();
  }

  user(id: string, trx: DB = this.db) {
    return trx
      .selectFrom('users')
      .select(['id', 'displayName', 'phone', 'kind', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async userHasRole(userId: string, role: string, trx: DB = this.db): Promise<boolean> {
    return !!(await trx
      .selectFrom('userRoles')
      .select('userId')
      .where('userId', '=', userId)
      .where('role', '=', role)
      .executeTakeFirst());
  }

  async list(f: EnterpriseListFilter) {
    const like = this.dialect.likeOperator;
    let q = this.db
      .selectFrom('enterprises as e')
      .leftJoin('streets as s', 's.code', 'e.streetCode')
      .leftJoin('users as l', 'l.id', 'e.liaisonUserId');
    if (f.q) {
      const term = f.q;
      q = q.where((eb) =>
        eb.or([
          eb('e.name', like, sql<string>`${likePattern(term)} escape ${likeEscape}`),
          eb('e.uscc', like, sql<string>`${prefixPattern(term.toUpperCase())} escape ${likeEscape}`),
        ]),
      );
    }
    if (f.street) q = q.where('e.streetCode', '=', f.street);
    if (f.industry)
      q = q.where('e.industryCode', 'like', sql<string>`${prefixPattern(f.industry)} escape ${likeEscape}`);
    if (f.sizeClass) q = q.where('e.sizeClass', '=', f.sizeClass);
    if (f.liaisonUserId) q = q.where('e.liaisonUserId', '=', f.liaisonUserId);
    if (f.qualification) {
      const kind = f.qualification;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('enterpriseQualifications as q')
            .select('q.id')
            .whereRef('q.enterpriseId', '=', 'e.id')
            .where('q.kind', '=', kind)
            .where('q.recognizedOn', '<=', f.today)
            .where((w) => w.or([w('q.expiresOn', 'is', null), w('q.expiresOn', '>=', f.today)])),
        ),
      );
    }
    const total = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
    const rows = await q
      .select([
        'e.id',
        'e.uscc',
        'e.name',
        'e.streetCode',
        's.name as streetName',
        'e.industryCode',
        'e.sizeClass',
        'e.employees',
        'e.liaisonUserId',
        'l.displayName as liaisonName',
        'e.tags',
        'e.updatedAt',
      ])
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    const ids = rows.map((r) => r.id);
    const quals =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('enterpriseQualifications')
            .select(['enterpriseId', 'kind'])
            .where('enterpriseId', 'in', ids)
            .where('recognizedOn', '<=', f.today)
            .where((w) => w.or([w('expiresOn', 'is', null), w('expiresOn', '>=', f.today)]))
            .execute();
    const qualsOf = new Map<string, Set<string>>();
    for (const r of quals) {
      const set = qualsOf.get(r.enterpriseId) ?? new Set<string>();
      set.add(r.kind);
      qualsOf.set(r.enterpriseId, set);
    }
    return {
      total,
      rows: rows.map((r) => ({
        ...r,
        tags: fromJson<string[]>(r.tags, []),
        qualifications: [...(qualsOf.get(r.id) ?? [])],
      })),
    };
  }

  // ——— bindings ———

  private bindingQuery(trx: DB) {
    return trx
      .selectFrom('enterpriseBindings as b')
      .innerJoin('users as u', 'u.id', 'b.userId')
      .innerJoin('enterprises as e', 'e.id', 'b.enterpriseId')
      .leftJoin('users as d', 'd.id', 'b.decidedBy')
      .selectAll('b')
      .select([
        'u.displayName as userDisplayName',
        'u.phone as userPhone',
        'e.name as enterpriseName',
        'e.uscc as enterpriseUscc',
        'd.displayName as decidedByName',
      ]);
  }

  binding(id: string, trx: DB = this.db): Promise<BindingRow | undefined> {
    return this.bindingQuery(trx).where('b.id', '=', id).executeTakeFirst();
  }

  /** The user's pending or confirmed binding, if any (at most one exists). */
  activeBindingOfUser(userId: string, trx: DB = this.db): Promise<StoredBinding | undefined> {
    return trx
      .selectFrom('enterpriseBindings')
      .selectAll()
      .where('userId', '=', userId)
      .where('status', 'in', ['pending', 'confirmed'])
      .executeTakeFirst();
  }

  async hasConfirmedAdmin(enterpriseId: string, trx: DB = this.db): Promise<boolean> {
    return !!(await trx
      .selectFrom('enterpriseBindings')
      .select('id')
      .where('enterpriseId', '=', enterpriseId)
      .where('status', '=', 'confirmed')
      .where('role', '=', 'enterprise_admin')
      .executeTakeFirst());
  }

  async insertBinding(trx: DB, row: Insertable<EnterpriseBindingTable>): Promise<void> {
    await trx.insertInto('enterpriseBindings').values(row).execute();
  }

  /** Decide a binding only if it is still in `fromStatus`; false when someone else decided first. */
  async decideBinding(
    trx: DB,
    id: string,
    fromStatus: string,
    set: { status: string; role?: string; note?: string | null; decidedAt: string; decidedBy: string | null },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('enterpriseBindings')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', fromStatus)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async listBindings(
    scope:
      | { all: true }
      | { userId: string; liaisonUserId: string | null; adminOfEnterpriseId: string | null },
    f: { status?: string | undefined; page: number; pageSize: number },
  ) {
    let q = this.bindingQuery(this.db);
    if (!('all' in scope)) {
      q = q.where((eb) => {
        const ors = [eb('b.userId', '=', scope.userId)];
        if (scope.liaisonUserId) ors.push(eb('e.liaisonUserId', '=', scope.liaisonUserId));
        if (scope.adminOfEnterpriseId) ors.push(eb('b.enterpriseId', '=', scope.adminOfEnterpriseId));
        return eb.or(ors);
      });
    }
    if (f.status) q = q.where('b.status', '=', f.status);
    const total = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
    const rows = await q
      .orderBy('b.requestedAt', 'desc')
      .orderBy('b.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { total, rows };
  }

  members(enterpriseId: string): Promise<BindingRow[]> {
    return this.bindingQuery(this.db)
      .where('b.enterpriseId', '=', enterpriseId)
      .where('b.status', '=', 'confirmed')
      .orderBy('b.role')
      .orderBy('b.decidedAt')
      .execute();
  }

  confirmedBindingOf(
    enterpriseId: string,
    userId: string,
    trx: DB = this.db,
  ): Promise<StoredBinding | undefined> {
    return trx
      .selectFrom('enterpriseBindings')
      .selectAll()
      .where('enterpriseId', '=', enterpriseId)
      .where('userId', '=', userId)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
  }
}
