import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditChain } from '../../platform/audit/audit';
import { FixedClock } from '../../platform/clock';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../../test/support';
import { createSizeClassJob } from './size-job';
import { makeEnterprise, seedReferenceData } from './test-fixtures';

// The yearly recompute of stored size classes, on SQLite and (QIFU_TEST_DB=postgres) PostgreSQL.

let tdb: TestDatabase;
const clock = new FixedClock('2025-06-01T02:00:00.000Z');
let growing: string;
let steady: string;

const jobAs = (holder: string) =>
  createSizeClassJob({
    db: tdb.handle.db,
    clock,
    audit: new AuditLog(tdb.handle.dialect, clock),
    holder,
    intervalMs: 60_000,
  });
const stored = async (id: string) =>
  (
    await tdb.handle.db
      .selectFrom('enterprises')
      .select('sizeClass')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).sizeClass;
const recomputes = async () =>
  (
    await tdb.handle.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'enterprise.size_class.recompute')
      .orderBy('seq')
      .execute()
  ).map((r) => JSON.parse(r.details!));

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedReferenceData(tdb.handle.db);
  // Software and IT services (GB/T 4754 大类 65), 150 employees: medium from 1,000 万元 of revenue, small below.
  growing = (await makeEnterprise(tdb.handle.db, { industryCode: '6510', employees: 150 })).id;
  steady = (await makeEnterprise(tdb.handle.db, { industryCode: '6510', employees: 150 })).id;
  const year = (enterpriseId: string, y: number, revenue: number) => ({
    enterpriseId,
    year: y,
    revenue,
    taxPaid: null,
    rdSpending: null,
    exports: null,
    totalAssets: null,
  });
  await tdb.handle.db
    .insertInto('enterpriseYearly')
    .values([
      year(growing, 2024, 500),
      year(growing, 2025, 2000),
      year(steady, 2024, 800),
      year(steady, 2025, 900),
    ])
    .execute();
});
afterAll(async () => tdb?.drop());

describe(`size class recompute on ${TEST_DB}`, () => {
  it('derives every class from the last completed year, once per basis year', async () => {
    const job = jobAs('a');
    expect(await job.runTick()).toEqual({ basisYear: 2024, checked: 2, changed: 2 });
    expect(await stored(growing)).toBe('small');
    expect(await stored(steady)).toBe('small');
    // Done for 2024: later ticks of the year leave everything alone.
    clock.set('2025-12-31T15:59:00.000Z');
    expect(await job.runTick()).toEqual({ basisYear: null, checked: 0, changed: 0 });
  });

  it('moves to the new basis year on 1 January, done by one of two instances', async () => {
    clock.set('2026-01-01T16:30:00.000Z'); // 00:30 on 2 January in Shanghai
    const reports = await Promise.all([jobAs('a').runTick(), jobAs('b').runTick()]);
    const worked = reports.filter((r) => r.basisYear !== null);
    expect(worked).toEqual([{ basisYear: 2025, checked: 2, changed: 1 }]);
    expect(await stored(growing)).toBe('medium');
    expect(await stored(steady)).toBe('small');
    expect(await recomputes()).toEqual([
      { basisYear: 2024, checked: 2, changed: 2 },
      { basisYear: 2025, checked: 2, changed: 1 },
    ]);
    expect((await verifyAuditChain(tdb.handle.db)).ok).toBe(true);
  });
});
