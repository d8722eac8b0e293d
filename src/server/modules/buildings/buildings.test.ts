import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/store';
import { makeEnterprise } from '../enterprises/test-fixtures';
import {
  addSpace,
  type BuildingTestEnv,
  buildingRow,
  createBuilding,
  createBuildingTestEnv,
  searchIds,
  ZHANSHAN,
  ZHONGSHANLU,
} from './test-helpers';

let env: BuildingTestEnv;
beforeAll(async () => {
  env = await createBuildingTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function auditCount(action: string): Promise<number> {
  const r = await env.t.database.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('building editor: buildings, spaces, derived figures', () => {
  it('creates a building with the street given by name, audited, and shows it publicly', async () => {
    const before = await auditCount('building.create');
    const res = await env.call(
      'POST',
      '/buildings',
      {
        name: '湛山金融中心',
        street: '市南区湛山街道',
        address: '香港东路 9 号',
        grade: 'super_a',
        use: 'office',
        tags: ['金融楼宇'],
        contactPhone: '138 1234 5678',
        verified: true,
      },
      env.cookies.editor,
    );
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.street).toEqual({ code: ZHANSHAN, name: '湛山街道' });
    expect(b.lastVerifiedOn).toBe('2026-11-26');
    expect(b.stale).toBe(false);
    expect(b.contactPhone).toBe('13812345678');
    expect(await auditCount('building.create')).toBe(before + 1);
    const pub = await env.call('GET', `/buildings/${b.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().contactPhone).toBe('138****5678');
  });

  it('keeps vacancy rate, counts, rent and area ranges current as spaces change', async () => {
    const id = await createBuilding(env);
    const a = await addSpace(env, id, {
      area: 100,
      rentAmount: 3,
      rentUnit: 'yuan_per_sqm_day',
      status: 'vacant',
    });
    await addSpace(env, id, { area: 300, rentAmount: 120, rentUnit: 'yuan_per_sqm_month', status: 'vacant' });
    await addSpace(env, id, { area: 600, rentAmount: 2, rentUnit: 'yuan_per_sqm_day', status: 'leased' });
    let row = await buildingRow(env, id);
    expect(row.spaceCount).toBe(3);
    expect(row.vacantCount).toBe(2);
    expect(Number(row.leasableArea)).toBe(1000);
    expect(Number(row.vacantArea)).toBe(400);
    expect(Number(row.vacancyRate)).toBeCloseTo(0.4, 6);
    expect(Number(row.minRentMonthly)).toBeCloseTo(91.25, 6); // 3 × 365 / 12
    expect(Number(row.maxRentMonthly)).toBe(120);
    expect(Number(row.minVacantArea)).toBe(100);
    expect(Number(row.maxVacantArea)).toBe(300);

    const leased = await env.call('PATCH', `/building-spaces/${a}`, { status: 'leased' }, env.cookies.editor);
    expect(leased.statusCode, leased.body).toBe(200);
    expect(leased.json().rentMonthly).toBeCloseTo(91.25, 2);
    row = await buildingRow(env, id);
    expect(row.vacantCount).toBe(1);
    expect(Number(row.vacancyRate)).toBeCloseTo(0.3, 6);
    expect(Number(row.minRentMonthly)).toBe(120);

    const del = await env.call('DELETE', `/building-spaces/${a}`, undefined, env.cookies.editor);
    expect(del.statusCode).toBe(200);
    row = await buildingRow(env, id);
    expect(row.spaceCount).toBe(2);
    expect(Number(row.leasableArea)).toBe(900);
  });

  it('derives 千万元楼 / 亿元楼 from the latest yearly tax of current occupants, and drops it on move-out', async () => {
    const db = env.t.database.db;
    const id = await createBuilding(env, { name: '海岳云大厦' });
    const big = await makeEnterprise(db, { name: '海岳云科技有限公司' });
    const small = await makeEnterprise(db, { name: '青岛小微贸易有限公司' });
    await db
      .insertInto('enterpriseYearly')
      .values([
        {
          enterpriseId: big.id,
          year: 2024,
          revenue: null,
          taxPaid: 20_000,
          rdSpending: null,
          exports: null,
          totalAssets: null,
        },
        {
          enterpriseId: big.id,
          year: 2025,
          revenue: null,
          taxPaid: 8_000,
          rdSpending: null,
          exports: null,
          totalAssets: null,
        },
        {
          enterpriseId: small.id,
          year: 2025,
          revenue: null,
          taxPaid: 2_500,
          rdSpending: null,
          exports: null,
          totalAssets: null,
        },
      ])
      .execute();
    const o1 = await env.call(
      'POST',
      `/buildings/${id}/occupants`,
      { enterpriseId: big.id, enterpriseName: '海岳云科技有限公司', floor: 12, unit: '1201' },
      env.cookies.editor,
    );
    expect(o1.statusCode, o1.body).toBe(201);
    let row = await buildingRow(env, id);
    // The latest year with a figure (2025: 8,000 万元), not the larger 2024 one.
    expect(Number(row.occupantTaxWan)).toBe(8000);
    expect(row.taxFlag).toBe('qian_wan_yuan');
    const o2 = await env.call(
      'POST',
      `/buildings/${id}/occupants`,
      { enterpriseId: small.id, enterpriseName: '青岛小微贸易有限公司' },
      env.cookies.editor,
    );
    expect(o2.statusCode).toBe(201);
    row = await buildingRow(env, id);
    expect(Number(row.occupantTaxWan)).toBe(10_500);
    expect(row.taxFlag).toBe('yi_yuan');
    // The enterprise inside finds its building.
    expect(await searchIds(env, `q=${encodeURIComponent('海岳云')}`)).toContain(id);
    expect(await searchIds(env, 'taxFlag=yi_yuan')).toContain(id);

    const out = await env.call(
      'POST',
      `/building-occupants/${o2.json().id}/move-out`,
      {},
      env.cookies.editor,
    );
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().movedOutOn).toBe('2026-11-26');
    row = await buildingRow(env, id);
    expect(row.taxFlag).toBe('qian_wan_yuan');
    const again = await env.call(
      'POST',
      `/building-occupants/${o2.json().id}/move-out`,
      {},
      env.cookies.editor,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BUILDING_ALREADY_MOVED_OUT');
    // Public detail: the occupant without its library link.
    const pub = await env.call('GET', `/buildings/${id}`);
    expect(pub.json().occupants.map((o: { enterpriseName: string }) => o.enterpriseName)).toEqual([
      '海岳云科技有限公司',
    ]);
    expect(pub.json().occupants[0].enterpriseId).toBeNull();
    const staff = await env.call('GET', `/buildings/${id}`, undefined, env.cookies.editor);
    expect(staff.json().occupants.some((o: { enterpriseId: string }) => o.enterpriseId === big.id)).toBe(
      true,
    );
  });

  it('projects: public sees signed and settled only; the editor lists all', async () => {
    const id = await createBuilding(env);
    for (const status of ['negotiating', 'signed'] as const) {
      const res = await env.call(
        'POST',
        `/buildings/${id}/projects`,
        { name: `智能制造总部项目-${status}`, status, investmentWan: 5000 },
        env.cookies.editor,
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const pub = await env.call('GET', `/buildings/${id}`);
    expect(pub.json().projects.map((p: { status: string }) => p.status)).toEqual(['signed']);
    const list = await env.call('GET', `/building-projects?buildingId=${id}`, undefined, env.cookies.editor);
    expect(list.json().total).toBe(2);
    const patched = await env.call(
      'PATCH',
      `/building-projects/${list.json().items[0].id}`,
      { status: 'settled' },
      env.cookies.editor,
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().status).toBe('settled');
  });

  it('archive hides a building from the public (404) and from search; verify sets today', async () => {
    const id = await createBuilding(env, { name: '待归档商务楼' });
    const v = await env.call('POST', `/buildings/${id}/verify`, undefined, env.cookies.editor);
    expect(v.json().lastVerifiedOn).toBe('2026-11-26');
    const a = await env.call('POST', `/buildings/${id}/archive`, undefined, env.cookies.editor);
    expect(a.statusCode).toBe(200);
    expect(a.json().status).toBe('archived');
    expect((await env.call('GET', `/buildings/${id}`)).statusCode).toBe(404);
    expect(await searchIds(env, `q=${encodeURIComponent('待归档商务楼')}`)).toEqual([]);
    const manage = await env.call('GET', '/buildings/manage?status=archived', undefined, env.cookies.editor);
    expect(manage.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const edit = await env.call('PATCH', `/buildings/${id}`, { name: '新名称' }, env.cookies.editor);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('BUILDING_ARCHIVED');
  });
});

describe('photos', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  // POST /files does not admit building editors yet (platform/files/routes.ts): the file is stored directly.
  const store = () => new FileStore(env.t.database.db, env.dataDir, env.t.clock);

  it('adds a photo (cover of the card), serves its bytes publicly, deletes it', async () => {
    const id = await createBuilding(env, { name: '照片测试大厦' });
    const file = await store().save({
      data: PNG,
      name: '外立面.png',
      purpose: 'building',
      uploadedBy: env.ids.editor,
      enterpriseId: null,
    });
    const res = await env.call(
      'POST',
      `/buildings/${id}/photos`,
      { fileId: file.id, caption: '外立面' },
      env.cookies.editor,
    );
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    const bytes = await env.t.app.inject({ method: 'GET', url: photo.url });
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(bytes.rawPayload.equals(PNG)).toBe(true);
    const card = (await env.call('GET', `/buildings?q=${encodeURIComponent('照片测试大厦')}`)).json()
      .items[0];
    expect(card.coverPhotoUrl).toBe(photo.url);
    const detail = (await env.call('GET', `/buildings/${id}`)).json();
    expect(detail.photos).toEqual([{ id: photo.id, url: photo.url, caption: '外立面', sortOrder: 0 }]);
    // A PDF or a file of another purpose is refused.
    const pdf = await store().save({
      data: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
      name: 'a.pdf',
      purpose: 'building',
      uploadedBy: env.ids.editor,
      enterpriseId: null,
    });
    const notImage = await env.call(
      'POST',
      `/buildings/${id}/photos`,
      { fileId: pdf.id },
      env.cookies.editor,
    );
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.code).toBe('BUILDING_NOT_IMAGE');
    const claimFile = await store().save({
      data: PNG,
      name: 'x.png',
      purpose: 'claim',
      uploadedBy: env.ids.editor,
      enterpriseId: null,
    });
    expect(
      (await env.call('POST', `/buildings/${id}/photos`, { fileId: claimFile.id }, env.cookies.editor)).json()
        .error.code,
    ).toBe('UNKNOWN_FILE');
    expect((await env.call('GET', `/buildings/${id}`)).json().photos).toHaveLength(1);

    const del = await env.call('DELETE', `/building-photos/${photo.id}`, undefined, env.cookies.editor);
    expect(del.statusCode).toBe(200);
    expect((await env.t.app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('an enterprise user or another staff role gets 403 on editor routes; a visitor 401', async () => {
    const id = await createBuilding(env);
    for (const cookie of [env.cookies.enterprise, env.cookies.policyEditor]) {
      const r1 = await env.call(
        'POST',
        '/buildings',
        { name: 'x', street: ZHONGSHANLU, address: 'x', grade: 'a', use: 'office' },
        cookie,
      );
      expect(r1.statusCode).toBe(403);
      expect((await env.call('PATCH', `/buildings/${id}`, { name: '越权修改' }, cookie)).statusCode).toBe(
        403,
      );
      expect(
        (
          await env.call(
            'POST',
            `/buildings/${id}/spaces`,
            { floor: 3, unit: '301', area: 50, status: 'vacant' },
            cookie,
          )
        ).statusCode,
      ).toBe(403);
      expect((await env.call('GET', '/viewing-requests', undefined, cookie)).statusCode).toBe(403);
      expect((await env.call('GET', '/buildings/manage', undefined, cookie)).statusCode).toBe(403);
    }
    expect((await env.call('PATCH', `/buildings/${id}`, { name: '访客修改' })).statusCode).toBe(401);
    expect((await buildingRow(env, id)).name).not.toMatch(/越权|访客/);
    // A visitor may search and read.
    expect((await env.call('GET', '/buildings')).statusCode).toBe(200);
    expect((await env.call('GET', `/buildings/${id}`)).statusCode).toBe(200);
  });

  it('unknown ids → 404', async () => {
    const missing = '0000000000MISSING';
    expect((await env.call('GET', `/buildings/${missing}`)).statusCode).toBe(404);
    expect(
      (await env.call('PATCH', `/buildings/${missing}`, { name: 'x' }, env.cookies.editor)).statusCode,
    ).toBe(404);
    expect(
      (await env.call('PATCH', `/building-spaces/${missing}`, { area: 10 }, env.cookies.editor)).statusCode,
    ).toBe(404);
    expect(
      (await env.call('POST', `/building-occupants/${missing}/move-out`, {}, env.cookies.editor)).statusCode,
    ).toBe(404);
    expect(
      (
        await env.call(
          'POST',
          `/buildings/${missing}/spaces`,
          { floor: 2, unit: '201', area: 80, status: 'vacant' },
          env.cookies.editor,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await env.call('PATCH', `/viewing-requests/${missing}`, { status: 'closed' }, env.cookies.editor))
        .statusCode,
    ).toBe(404);
    expect((await env.call('GET', `/buildings/photos/${missing}`)).statusCode).toBe(404);
  });
});

describe('bad input → 400 with fields, nothing changed', () => {
  it('refuses an unknown street naming it', async () => {
    const count = async () =>
      Number(
        (
          await env.t.database.db
            .selectFrom('buildings')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await env.call(
      'POST',
      '/buildings',
      { name: '火星大厦', street: '火星路街道', address: '火星路1号', grade: 'a', use: 'office' },
      env.cookies.editor,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNKNOWN_STREET');
    expect(res.json().error.details.fields[0].field).toBe('street');
    expect(res.json().error.details.fields[0].message).toContain('火星路');
    expect(await count()).toBe(before);
    const s = await env.call('GET', '/buildings?street=999999999');
    expect(s.statusCode).toBe(400);
    expect(s.json().error.message).toContain('999999999');
  });

  it('refuses zero or negative area, rent without unit, absurd rent, floor 0, duplicate unit', async () => {
    const id = await createBuilding(env);
    const spaceId = await addSpace(env, id, { floor: 5, unit: '501', area: 150 });
    const snapshot = async () => ({
      b: await buildingRow(env, id),
      spaces: await env.t.database.db
        .selectFrom('buildingSpaces')
        .selectAll()
        .where('buildingId', '=', id)
        .execute(),
    });
    const before = await snapshot();
    const cases: [unknown, string, string, number?][] = [
      [{ floor: 6, unit: '601', area: 0, status: 'vacant' }, 'area', 'BUILDING_INVALID_AREA'],
      [{ floor: 6, unit: '601', area: -20, status: 'vacant' }, 'area', 'BUILDING_INVALID_AREA'],
      [
        { floor: 6, unit: '601', area: 80, rentAmount: 3.5, status: 'vacant' },
        'rentUnit',
        'BUILDING_INVALID_RENT',
      ],
      [
        { floor: 6, unit: '601', area: 80, rentAmount: 0, rentUnit: 'yuan_per_sqm_day', status: 'vacant' },
        'rentAmount',
        'BUILDING_INVALID_RENT',
      ],
      [
        { floor: 6, unit: '601', area: 80, rentAmount: 60, rentUnit: 'yuan_per_sqm_day', status: 'vacant' },
        'rentAmount',
        'BUILDING_INVALID_RENT',
      ],
      [{ floor: 0, unit: '001', area: 80, status: 'vacant' }, 'floor', 'BUILDING_INVALID_FLOOR'],
      [{ floor: 5, unit: '５０１', area: 80, status: 'vacant' }, 'unit', 'BUILDING_SPACE_EXISTS', 409],
    ];
    for (const [payload, field, code, status] of cases) {
      const res = await env.call('POST', `/buildings/${id}/spaces`, payload, env.cookies.editor);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status ?? 400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const bad = await env.call('PATCH', `/building-spaces/${spaceId}`, { area: -1 }, env.cookies.editor);
    expect(bad.statusCode).toBe(400);
    const zod = await env.call('PATCH', `/building-spaces/${spaceId}`, { area: 'big' }, env.cookies.editor);
    expect(zod.statusCode).toBe(400);
    const badOcc = await env.call(
      'POST',
      `/buildings/${id}/occupants`,
      { enterpriseName: '' },
      env.cookies.editor,
    );
    expect(badOcc.statusCode).toBe(400);
    const unknownEnt = await env.call(
      'POST',
      `/buildings/${id}/occupants`,
      { enterpriseName: '某公司', enterpriseId: 'nope' },
      env.cookies.editor,
    );
    expect(unknownEnt.statusCode).toBe(400);
    expect(unknownEnt.json().error.code).toBe('BUILDING_UNKNOWN_ENTERPRISE');
    const after = await snapshot();
    expect(after).toEqual(before);
  });

  it('refuses bad search parameters with 400', async () => {
    for (const q of [
      'pageSize=500',
      'rentUnit=yuan',
      'areaMin=-5',
      'areaMin=500&areaMax=100',
      'sort=cheapest',
      'grade=z',
    ]) {
      const res = await env.call('GET', `/buildings?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });
});
