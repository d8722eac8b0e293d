import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENT_DAYS_PER_MONTH } from '../../../shared/buildings';
import { createTestApp, type TestApp } from '../../test/support';
import { DEMO_BUILDINGS, seedDemoIfEmpty } from '.';
import { seedBuildings } from './buildings';

// The demo buildings after the demo seed (seedBuildings is run here when index.ts does not call it yet).

const quietLog = { info: () => {} } as never;

describe('demo buildings', () => {
  let t: TestApp;
  const db = () => t.database.db;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00.000Z' });
    await seedDemoIfEmpty(t.database, quietLog, { clock: t.clock, requestId: 'test' });
    const seeded = await db().selectFrom('buildings').select('id').limit(1).executeTakeFirst();
    if (!seeded) {
      const enterprises = new Map(
        (await db().selectFrom('enterprises').select(['id', 'name']).execute()).map((e) => [e.name, e.id]),
      );
      const editor = await db()
        .selectFrom('userRoles')
        .select('userId')
        .where('role', '=', 'building_editor')
        .executeTakeFirstOrThrow();
      let n = 0;
      await db()
        .transaction()
        .execute((trx) =>
          seedBuildings(trx, {
            dialect: t.database.dialect,
            clock: t.clock,
            id: () => `seedb${String(++n).padStart(6, '0')}`,
            enterprises,
            editorId: editor.userId,
          }),
        );
    }
  }, 60_000);
  afterAll(async () => t?.close());

  it('has at least 62 buildings in all ten streets, the enterprises’ buildings among them', async () => {
    const rows = await db().selectFrom('buildings').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(62);
    expect(new Set(rows.map((b) => b.streetCode)).size).toBe(10);
    expect(new Set(rows.map((b) => b.name)).size).toBe(rows.length);
    for (const d of DEMO_BUILDINGS) {
      const b = rows.find((x) => x.name === d.name);
      expect(b, d.name).toBeDefined();
      expect(b).toMatchObject({ address: d.address, streetCode: d.streetCode, floorsAbove: d.floors });
    }
    for (const name of ['青岛国际金融中心', '万象城写字楼', '华润大厦', '中铁青岛中心大厦'])
      expect(rows.some((b) => b.name === name)).toBe(true);
    for (const b of rows) {
      expect(Number(b.lat)).toBeGreaterThan(36.04);
      expect(Number(b.lat)).toBeLessThan(36.09);
      expect(Number(b.lng)).toBeGreaterThan(120.29);
      expect(Number(b.lng)).toBeLessThan(120.43);
    }
    expect(new Set(rows.map((b) => b.grade)).size).toBe(4);
    expect(new Set(rows.map((b) => b.use)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((b) => b.source)).size).toBeGreaterThanOrEqual(3);
    const stale = rows.filter((b) => !b.lastVerifiedOn || b.lastVerifiedOn < '2026-05-30');
    expect(stale.length).toBeGreaterThanOrEqual(8);
    expect(stale.length).toBeLessThan(rows.length / 2);
  });

  it('gives every building spaces with market rents in both units and a realistic vacancy', async () => {
    const buildings = await db().selectFrom('buildings').selectAll().execute();
    const spaces = await db().selectFrom('buildingSpaces').selectAll().execute();
    expect(spaces.length).toBeGreaterThanOrEqual(1600);
    expect(new Set(spaces.map((s) => s.rentUnit))).toEqual(
      new Set(['yuan_per_sqm_day', 'yuan_per_sqm_month']),
    );
    for (const s of spaces) {
      expect(Number(s.area)).toBeGreaterThanOrEqual(60);
      expect(Number(s.area)).toBeLessThanOrEqual(2000);
    }
    for (const b of buildings) {
      const own = spaces.filter((s) => s.buildingId === b.id);
      expect(own.length, b.name).toBeGreaterThan(0);
      // Derived columns agree with the spaces.
      const vacant = own.filter((s) => s.status === 'vacant');
      expect(b.spaceCount).toBe(own.length);
      expect(b.vacantCount).toBe(vacant.length);
      expect(Number(b.leasableArea)).toBeCloseTo(
        own.reduce((a, s) => a + Number(s.area), 0),
        1,
      );
      if (vacant.length)
        expect(Number(b.minRentMonthly)).toBe(Math.min(...vacant.map((s) => Number(s.rentMonthly))));
      const perDay = own.map((s) => Number(s.rentMonthly) / RENT_DAYS_PER_MONTH);
      const [lo, hi] =
        b.use === 'industrial_park' || b.use === 'incubator'
          ? [1, 2]
          : b.grade === 'a'
            ? [3, 6]
            : b.grade === 'super_a'
              ? [4.5, 6]
              : b.grade === 'b' || b.use === 'business_apartment'
                ? [1.8, 3]
                : [1.2, 1.9];
      for (const d of perDay) {
        // Month quotes are whole yuan: allow their rounding.
        expect(d, b.name).toBeGreaterThanOrEqual(lo - 0.02);
        expect(d, b.name).toBeLessThanOrEqual(hi + 0.02);
      }
    }
    const share = spaces.filter((s) => s.status === 'vacant').length / spaces.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.3);
    expect(spaces.some((s) => s.status === 'reserved')).toBe(true);
  });

  it('links the demo enterprises to their building and unit, with other occupants besides', async () => {
    const enterprises = await db()
      .selectFrom('enterprises')
      .select(['id', 'name', 'building', 'unit'])
      .where('building', 'is not', null)
      .execute();
    expect(enterprises.length).toBeGreaterThan(20);
    const occupants = await db()
      .selectFrom('buildingOccupants as o')
      .innerJoin('buildings as b', 'b.id', 'o.buildingId')
      .leftJoin('buildingSpaces as s', 's.id', 'o.spaceId')
      .select([
        'o.enterpriseId',
        'o.enterpriseName',
        'o.unit',
        'o.movedOutOn',
        'b.name as building',
        's.unit as spaceUnit',
        's.status',
      ])
      .execute();
    for (const e of enterprises) {
      const o = occupants.find((x) => x.enterpriseId === e.id);
      expect(o, e.name).toBeDefined();
      expect(o).toMatchObject({
        enterpriseName: e.name,
        building: e.building,
        unit: e.unit,
        spaceUnit: e.unit,
        status: 'leased',
      });
    }
    const unlinked = occupants.filter((o) => o.enterpriseId === null);
    expect(unlinked.length).toBeGreaterThan(200);
    expect(occupants.some((o) => o.movedOutOn !== null)).toBe(true);
    expect(
      (await db().selectFrom('buildings').select('taxFlag').where('taxFlag', 'is not', null).execute())
        .length,
    ).toBeGreaterThan(0);
  });

  it('has projects, a non-trivial hot ranking, viewing requests, and the buildings in the search index', async () => {
    const projects = await db().selectFrom('buildingProjects').selectAll().execute();
    expect(projects.length).toBeGreaterThanOrEqual(8);
    expect(projects.length).toBeLessThanOrEqual(15);
    expect(new Set(projects.map((p) => p.status)).size).toBe(4);
    const heat = await db().selectFrom('buildingHeat').selectAll().execute();
    expect(heat.length).toBeGreaterThan(30);
    expect(new Set(heat.map((h) => Math.round(Number(h.sortKey) * 1000))).size).toBeGreaterThan(
      heat.length * 0.9,
    );
    const buildings = await db().selectFrom('buildings').select(['id', 'heatSortKey']).execute();
    for (const h of heat)
      expect(Number(buildings.find((b) => b.id === h.buildingId)!.heatSortKey)).toBeCloseTo(
        Number(h.sortKey),
        6,
      );
    const requests = await db()
      .selectFrom('viewingRequests as v')
      .leftJoin('users as u', 'u.id', 'v.userId')
      .select(['v.status', 'u.phone', 'v.enterpriseId'])
      .execute();
    expect(requests.some((r) => r.phone === '13800000001' && r.status === 'pending' && r.enterpriseId)).toBe(
      true,
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/buildings?q=${encodeURIComponent('华润')}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { name: string }) => i.name)).toContain('华润大厦');
    const hot = await t.app.inject({ method: 'GET', url: '/api/v1/buildings/hot?limit=6' });
    expect(hot.statusCode, hot.body).toBe(200);
  });
});
