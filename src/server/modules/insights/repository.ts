import { sql } from 'kysely';
import type { DB } from '../../db/database';

/**
 * Every query of the insights. This module is the documented exception to the import rule (ARCHITECTURE.md): it
 * READS other modules' tables (enterprises, policy_claims, buildings, search_terms), never writes them. Each query
 * is one aggregate; JavaScript only folds small grouped results (dates, industry codes) into labels.
 */
export class InsightsRepository {
  constructor(private readonly db: DB) {}

  async streets(): Promise<{ code: string; name: string }[]> {
    return this.db.selectFrom('streets').select(['code', 'name']).orderBy('sortOrder').execute();
  }

  /** Enterprises per street / industry code / size class (nulls included). */
  async enterpriseCounts(column: 'streetCode' | 'industryCode' | 'sizeClass') {
    const rows = await this.db
      .selectFrom('enterprises')
      .select((eb) => [column, eb.fn.countAll<number>().as('n')])
      .groupBy(column)
      .execute();
    return rows.map((r) => ({
      key: (r as Record<string, unknown>)[column] as string | null,
      n: Number(r.n),
    }));
  }

  /** Enterprises per date of establishment (成立日期), a few thousand groups at most. */
  async establishedPerDay(): Promise<{ day: string | null; n: number }[]> {
    const rows = await this.db
      .selectFrom('enterprises')
      .select((eb) => ['establishedOn', eb.fn.countAll<number>().as('n')])
      .groupBy('establishedOn')
      .execute();
    return rows.map((r) => ({ day: r.establishedOn, n: Number(r.n) }));
  }

  /**
   * Claims per program in a period: applications submitted in [start, end) (instants), approvals decided in it (now
   * approved or paid), and payments made on days from..to (paid_on), with the amount (元) and the enterprises paid.
   */
  async claimsPerProgram(p: { start: string; end: string; from: string; to: string }) {
    const [submitted, approved, paid, benefited] = await Promise.all([
      this.db
        .selectFrom('policyClaims')
        .select((eb) => ['programId', eb.fn.countAll<number>().as('n')])
        .where('submittedAt', '>=', p.start)
        .where('submittedAt', '<', p.end)
        .groupBy('programId')
        .execute(),
      this.db
        .selectFrom('policyClaims')
        .select((eb) => ['programId', eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['approved', 'paid'])
        .where('decidedAt', '>=', p.start)
        .where('decidedAt', '<', p.end)
        .groupBy('programId')
        .execute(),
      this.db
        .selectFrom('policyClaims')
        .select((eb) => [
          'programId',
          eb.fn.sum<number>('paidAmount').as('amount'),
          sql<number>`count(distinct enterprise_id)`.as('enterprises'),
        ])
        .where('status', '=', 'paid')
        .where('paidOn', '>=', p.from)
        .where('paidOn', '<=', p.to)
        .groupBy('programId')
        .execute(),
      // Enterprises benefited over all programs (one enterprise paid by two programs counts once).
      this.db
        .selectFrom('policyClaims')
        .select(sql<number>`count(distinct enterprise_id)`.as('n'))
        .where('status', '=', 'paid')
        .where('paidOn', '>=', p.from)
        .where('paidOn', '<=', p.to)
        .executeTakeFirst(),
    ]);
    const ids = [...new Set([...submitted, ...approved, ...paid].map((r) => r.programId))];
    const programs = ids.length
      ? await this.db
          .selectFrom('policyPrograms as p')
          .leftJoin('departments as d', 'd.id', 'p.departmentId')
          .select(['p.id', 'p.title', 'd.name as department'])
          .where('p.id', 'in', ids)
          .execute()
      : [];
    return {
      programs,
      submitted: new Map(submitted.map((r) => [r.programId, Number(r.n)])),
      approved: new Map(approved.map((r) => [r.programId, Number(r.n)])),
      paid: new Map(
        paid.map((r) => [r.programId, { amount: Number(r.amount ?? 0), enterprises: Number(r.enterprises) }]),
      ),
      enterprises: Number(benefited?.n ?? 0),
    };
  }

  /** Active buildings per street with the derived figures (buildings/derived.ts keeps them current). */
  async buildingsPerStreet() {
    const rows = await this.db
      .selectFrom('buildings')
      .select((eb) => [
        'streetCode',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('leasableArea').as('leasable'),
        eb.fn.sum<number>('vacantArea').as('vacant'),
        sql<number>`sum(case when tax_flag = 'yi_yuan' then 1 else 0 end)`.as('yiYuan'),
        sql<number>`sum(case when tax_flag = 'qian_wan_yuan' then 1 else 0 end)`.as('qianWanYuan'),
      ])
      .where('status', '=', 'active')
      .groupBy('streetCode')
      .execute();
    return rows.map((r) => ({
      street: r.streetCode,
      count: Number(r.n),
      leasableArea: Number(r.leasable ?? 0),
      vacantArea: Number(r.vacant ?? 0),
      yiYuan: Number(r.yiYuan ?? 0),
      qianWanYuan: Number(r.qianWanYuan ?? 0),
    }));
  }

  /** The hot ranking as the buildings page orders it (heat_sort_key, see buildings/heat.ts). */
  async hotBuildings(limit: number) {
    return this.db
      .selectFrom('buildings as b')
      .innerJoin('buildingHeat as h', 'h.buildingId', 'b.id')
      .select(['b.id', 'b.name', 'b.streetCode', 'b.vacancyRate', 'b.taxFlag'])
      .where('b.status', '=', 'active')
      .orderBy('b.heatSortKey', 'desc')
      .orderBy('b.id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * The most searched terms between two days (inclusive): total searches and distinct days, optionally in one
   * scope, keeping only terms searched on at least `minDays` days and `minCount` times.
   */
  async topTerms(p: {
    from: string;
    to: string;
    scope?: string;
    limit: number;
    minDays?: number;
    minCount?: number;
  }) {
    let q = this.db
      .selectFrom('searchTerms')
      .select((eb) => [
        'term',
        eb.fn.sum<number>('count').as('count'),
        sql<number>`count(distinct day)`.as('days'),
      ])
      .where('day', '>=', p.from)
      .where('day', '<=', p.to);
    if (p.scope) q = q.where('scope', '=', p.scope);
    q = q.groupBy('term');
    if (p.minDays) q = q.having(sql`count(distinct day)`, '>=', p.minDays);
    if (p.minCount) q = q.having((eb) => eb.fn.sum('count'), '>=', p.minCount);
    const rows = await q.orderBy('count', 'desc').orderBy('term').limit(p.limit).execute();
    return rows.map((r) => ({ term: r.term, count: Number(r.count), days: Number(r.days) }));
  }
}
