import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/accounts';
import { PROVENANCE_KEY_RE } from '../../../shared/enterprises';
import { findIndustry } from '../../../shared/industries';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '../../../shared/password-policy';
import { isValidUscc } from '../../../shared/uscc';
import { deriveSize } from '../../modules/enterprises';
import { verifyAuditChain } from '../../platform/audit/audit';
import { createTestApp, login, type TestApp } from '../../test/support';
import { fromJson, toNumber } from '../dialect';
import {
  DEMO_ACCOUNTS,
  DEMO_AS_OF,
  DEMO_DEPARTMENTS,
  DEMO_STREETS,
  DEMO_YEARS,
  demoLogin,
  isDatabaseEmpty,
  seedDemo,
  seedDemoIfEmpty,
} from '.';
import { buildDemoEnterprises } from './enterprises';
import { addDays } from './random';

const quietLog = { info: () => {} } as never;

describe('demo data', () => {
  let t: TestApp;
  let summary: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-02T02:00:00.000Z' });
    summary = await seedDemoIfEmpty(t.database, quietLog, { clock: t.clock, requestId: 'test' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the reference lists, accounts and enterprises it reports', async () => {
    const db = t.database.db;
    const count = async (table: 'streets' | 'departments' | 'users' | 'enterprises' | 'enterpriseBindings') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(summary).not.toBeNull();
    expect(await count('streets')).toBe(10);
    expect(await count('departments')).toBe(DEMO_DEPARTMENTS.length);
    expect(await count('users')).toBe(DEMO_ACCOUNTS.length);
    expect(await count('enterprises')).toBe(summary!.enterprises);
    expect(summary!.enterprises).toBeGreaterThanOrEqual(60);
    expect(await count('enterpriseBindings')).toBe(4);

    const kinds = await db.selectFrom('departments').select(['kind', 'code']).execute();
    expect(kinds.filter((d) => d.kind === 'street')).toHaveLength(DEMO_STREETS.length);
    expect(kinds.filter((d) => d.kind === 'public_service').length).toBeGreaterThanOrEqual(4);
    expect(kinds.filter((d) => d.kind === 'upper').length).toBeGreaterThanOrEqual(2);
  });

  it('gives every enterprise a valid, unique USCC, a known industry and a street, across all streets', async () => {
    const rows = await t.database.db.selectFrom('enterprises').selectAll().execute();
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(rows.length);
    for (const r of rows) {
      expect(isValidUscc(r.uscc), r.uscc).toBe(true);
      expect(r.uscc.slice(2, 8)).toBe('370202');
      expect(findIndustry(r.industryCode!), r.industryCode!).not.toBeNull();
      expect(r.insuredEmployees === null || r.insuredEmployees <= r.employees!).toBe(true);
    }
    const streets = new Set(rows.map((r) => r.streetCode));
    expect(streets.size).toBe(DEMO_STREETS.length);
    expect(new Set(rows.map((r) => r.industryCode!.slice(0, 2))).size).toBeGreaterThanOrEqual(20);
    // Some enterprises are younger than a year on the day the data set describes.
    expect(rows.filter((r) => r.establishedOn! > addDays(DEMO_AS_OF, -365)).length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => Array.isArray(fromJson<string[]>(r.tags, [])))).toBe(true);
  });

  it('stores the size class the enterprises module derives from the last completed year', async () => {
    const db = t.database.db;
    const ents = await db.selectFrom('enterprises').selectAll().execute();
    const yearly = await db.selectFrom('enterpriseYearly').selectAll().execute();
    for (const e of ents) {
      const expected = deriveSize(
        {
          industryCode: e.industryCode,
          employees: e.employees,
          yearly: yearly
            .filter((y) => y.enterpriseId === e.id)
            .map((y) => ({
              year: y.year,
              revenue: toNumber(y.revenue),
              totalAssets: toNumber(y.totalAssets),
            })),
        },
        t.clock.now(),
      );
      expect(e.sizeClass, e.name).toBe(expected.sizeClass);
    }
    expect(new Set(ents.map((e) => e.sizeClass))).toEqual(
      new Set(['large', 'medium', 'small', 'micro', null]),
    );
  });

  it('records yearly figures, IP, qualifications and provenance in the expected shapes', async () => {
    const db = t.database.db;
    const yearly = await db.selectFrom('enterpriseYearly').selectAll().execute();
    expect(yearly.every((y) => (DEMO_YEARS as readonly number[]).includes(y.year))).toBe(true);
    // Unknown figures stay null, never zero.
    expect(yearly.some((y) => y.totalAssets === null)).toBe(true);
    expect(yearly.filter((y) => toNumber(y.revenue)! > 0).length).toBe(yearly.length);

    const quals = await db.selectFrom('enterpriseQualifications').selectAll().execute();
    const highTechRecent = quals.filter((q) => q.kind === 'high_tech' && q.recognizedOn >= '2024-01-01');
    expect(highTechRecent.length).toBeGreaterThanOrEqual(5);
    expect(quals.filter((q) => q.kind === 'little_giant').length).toBeGreaterThanOrEqual(2);
    const kinds = new Set(
      (await db.selectFrom('qualificationKinds').select('code').execute()).map((k) => k.code),
    );
    expect(quals.every((q) => kinds.has(q.kind))).toBe(true);

    const sources = await db.selectFrom('enterpriseFieldSources').selectAll().execute();
    for (const s of sources) expect(PROVENANCE_KEY_RE.test(s.field), s.field).toBe(true);
    expect(new Set(sources.map((s) => s.source))).toEqual(new Set(['self', 'import', 'staff']));
    expect(
      sources.filter((s) => s.source === 'import').every((s) => s.sourceRef === 'qifu-2025-enterprises.xlsx'),
    ).toBe(true);
    const ip = await db.selectFrom('enterpriseIp').selectAll().execute();
    expect(ip.some((r) => r.kind === 'invention' && r.count > 0)).toBe(true);
  });

  it('assigns about 15 enterprises to the demo liaison', async () => {
    const liaison = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'liaison')
      .executeTakeFirstOrThrow();
    const n = await t.database.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('liaisonUserId', '=', liaison.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBeGreaterThanOrEqual(12);
    expect(Number(n.n)).toBeLessThanOrEqual(18);
  });

  it('uses demo passwords that meet the default policy', () => {
    for (const a of DEMO_ACCOUNTS) {
      expect(checkPassword(a.password, DEFAULT_PASSWORD_POLICY, { phone: a.phone }), demoLogin(a)).toEqual(
        [],
      );
    }
    expect(new Set(DEMO_ACCOUNTS.map(demoLogin)).size).toBe(DEMO_ACCOUNTS.length);
  });

  it('lets every demo account log in with its role, department and enterprise', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const cookie = await login(t.app, demoLogin(a), a.password);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      expect(res.statusCode, demoLogin(a)).toBe(200);
      const me = (res.json() as { user: Me }).user;
      expect(me.displayName).toBe(a.displayName);
      if (a.binding === 'pending') {
        expect(me.roles).toEqual([]);
        expect(me.enterprise).toBeNull();
        expect(me.pendingBinding?.enterpriseName).toBe(a.enterprise);
      } else {
        expect(me.roles).toContain(a.role);
      }
      if (a.department) expect(me.department?.name).toBe(a.department);
      if (a.binding === 'confirmed') expect(me.enterprise?.name).toBe(a.enterprise);
    }
    // The two enterprise admins belong to different enterprises.
    const admins = DEMO_ACCOUNTS.filter((a) => a.role === 'enterprise_admin' && a.binding === 'confirmed');
    expect(new Set(admins.map((a) => a.enterprise)).size).toBe(2);
  });

  it('refuses to seed a second time and leaves the data as it was', async () => {
    const before = await t.database.db.selectFrom('enterprises').select('uscc').orderBy('uscc').execute();
    expect(await isDatabaseEmpty(t.database.db)).toBe(false);
    expect(await seedDemoIfEmpty(t.database, quietLog, { clock: t.clock })).toBeNull();
    expect(await seedDemo(t.database, { clock: t.clock })).toBeNull();
    const after = await t.database.db.selectFrom('enterprises').select('uscc').orderBy('uscc').execute();
    expect(after).toEqual(before);
  });

  it('writes one audit record for the seeding, and the chain verifies', async () => {
    const records = await t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'system.seed_demo')
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]!.actorRole).toBe('system');
    expect(JSON.parse(records[0]!.details!)).toMatchObject({ enterprises: summary!.enterprises });
    const verdict = await verifyAuditChain(t.database.db);
    expect(verdict.ok).toBe(true);
  });

  it('produces the same data set on every run', () => {
    const build = () => {
      let n = 0;
      const actors = {
        liaisonId: 'l',
        verifierId: 'v',
        buildingEditorId: 'b',
        reporters: new Map([['x', 'r']]),
      };
      return buildDemoEnterprises(actors, () => `id${n++}`, t.clock.now());
    };
    const a = build();
    const b = build();
    expect(a.enterprises).toEqual(b.enterprises);
    expect(a.yearly).toEqual(b.yearly);
    expect(a.qualifications).toEqual(b.qualifications);
    expect(a.fieldSources).toEqual(b.fieldSources);
  });

  it('matches what was stored: the database holds the built data set', async () => {
    let n = 0;
    const built = buildDemoEnterprises(
      { liaisonId: 'l', verifierId: 'v', buildingEditorId: 'b', reporters: new Map() },
      () => `id${n++}`,
      t.clock.now(),
    );
    const stored = await t.database.db
      .selectFrom('enterprises')
      .select(['uscc', 'name'])
      .orderBy('uscc')
      .execute();
    const expected = built.enterprises
      .map((e) => ({ uscc: e.uscc, name: e.name }))
      .sort((x, y) => (x.uscc < y.uscc ? -1 : 1));
    expect(stored).toEqual(expected);
  });
});
