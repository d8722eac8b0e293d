import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSpace,
  BADAXIA,
  type BuildingTestEnv,
  createBuilding,
  createBuildingTestEnv,
  searchIds,
  YUNNANLU,
  ZHANSHAN,
  ZHONGSHANLU,
} from './test-helpers';

/**
 * Search over a small fixed district:
 *   A 海天金融中心 (湛山, super_a, 金融楼宇): vacant 120 ㎡ @ 3.5 元/㎡·天 (106.46/月), vacant 800 ㎡ @ 4.2/天
 *   B 云南路文创园 (云南路, b, industrial_park, 特色楼宇): vacant 300 ㎡ @ 60 元/㎡·月, leased 2,000 ㎡ @ 40/月
 *   C 中山路商务楼 (中山路, a, office): vacant 500 ㎡ @ 90/月 (reserved 80 ㎡ @ 2/天)
 *   D 八大峡创业大厦 (八大峡, c, incubator): everything leased
 */
let env: BuildingTestEnv;
const ids = { a: '', b: '', c: '', d: '' };

beforeAll(async () => {
  env = await createBuildingTestEnv();
  ids.a = await createBuilding(env, {
    name: '海天金融中心',
    street: ZHANSHAN,
    address: '香港西路 48 号',
    grade: 'super_a',
    use: 'office',
    tags: ['金融楼宇', '总部楼宇'],
    description: '临海超甲级写字楼，可俯瞰浮山湾。',
    verified: true,
  });
  await addSpace(env, ids.a, { area: 120, rentAmount: 3.5, rentUnit: 'yuan_per_sqm_day' });
  await addSpace(env, ids.a, { area: 800, rentAmount: 4.2, rentUnit: 'yuan_per_sqm_day' });
  ids.b = await createBuilding(env, {
    name: '云南路文创园',
    street: YUNNANLU,
    address: '云南路 18 号',
    grade: 'b',
    use: 'industrial_park',
    tags: ['特色楼宇'],
    description: '老厂房改造的文化创意产业园，适合设计、动漫企业。',
  });
  await addSpace(env, ids.b, { area: 300, rentAmount: 60, rentUnit: 'yuan_per_sqm_month' });
  await addSpace(env, ids.b, {
    area: 2000,
    rentAmount: 40,
    rentUnit: 'yuan_per_sqm_month',
    status: 'leased',
  });
  ids.c = await createBuilding(env, {
    name: '中山路商务楼',
    street: ZHONGSHANLU,
    address: '中山路 98 号',
    grade: 'a',
    use: 'office',
    description: '老城区商务办公，交通便利，金融机构聚集。',
  });
  await addSpace(env, ids.c, { area: 500, rentAmount: 90, rentUnit: 'yuan_per_sqm_month' });
  await addSpace(env, ids.c, { area: 80, rentAmount: 2, rentUnit: 'yuan_per_sqm_day', status: 'reserved' });
  ids.d = await createBuilding(env, {
    name: '八大峡创业大厦',
    street: BADAXIA,
    address: '团岛路 1 号',
    grade: 'c',
    use: 'incubator',
  });
  await addSpace(env, ids.d, { area: 60, rentAmount: 1.5, rentUnit: 'yuan_per_sqm_day', status: 'leased' });
});
afterAll(async () => {
  await env?.close();
});

const sorted = (xs: string[]) => [...xs].sort();

describe('GET /buildings filters', () => {
  it('lists every active building by default, with cards', async () => {
    const res = await env.call('GET', '/buildings');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    const a = body.items.find((i: { id: string }) => i.id === ids.a);
    expect(a.street).toEqual({ code: ZHANSHAN, name: '湛山街道' });
    expect(a.vacantCount).toBe(2);
    expect(a.vacantArea).toEqual({ min: 120, max: 800 });
    expect(a.rentDaily).toEqual({ min: 3.5, max: 4.2 });
    expect(a.rentMonthly.min).toBeCloseTo(106.46, 2);
    expect(a.stale).toBe(false);
    expect(a.highlight).toBeNull();
    const b = body.items.find((i: { id: string }) => i.id === ids.b);
    expect(b.stale).toBe(true);
    expect(b.lastVerifiedOn).toBeNull();
  });

  it('street (comma list), grade, use, tags', async () => {
    expect(sorted(await searchIds(env, `street=${ZHANSHAN},${YUNNANLU}`))).toEqual(sorted([ids.a, ids.b]));
    expect(await searchIds(env, 'grade=super_a')).toEqual([ids.a]);
    expect(sorted(await searchIds(env, 'grade=a,super_a'))).toEqual(sorted([ids.a, ids.c]));
    expect(await searchIds(env, 'use=industrial_park')).toEqual([ids.b]);
    expect(await searchIds(env, `tags=${encodeURIComponent('特色楼宇')}`)).toEqual([ids.b]);
    expect(sorted(await searchIds(env, `tags=${encodeURIComponent('金融楼宇,特色楼宇')}`))).toEqual(
      sorted([ids.a, ids.b]),
    );
  });

  it('vacantNow leaves out buildings without a vacant space', async () => {
    expect(sorted(await searchIds(env, 'vacantNow=1'))).toEqual(sorted([ids.a, ids.b, ids.c]));
  });

  it('rent range: the same bounds in 元/㎡·天 and 元/㎡·月 give the same buildings', async () => {
    // 3.5 元/㎡·天 = 106.458 元/㎡·月: A's 120 ㎡ space sits exactly on the bound.
    const perDay = await searchIds(env, 'rentMin=3&rentMax=3.5&rentUnit=yuan_per_sqm_day');
    const perMonth = await searchIds(
      env,
      `rentMin=${3 * (365 / 12)}&rentMax=${3.5 * (365 / 12)}&rentUnit=yuan_per_sqm_month`,
    );
    expect(perDay).toEqual([ids.a]);
    expect(perMonth).toEqual(perDay);
    // Default unit is the month: 50–100 元/㎡·月 → B (60) and C (90); C's reserved 2/天 space does not count.
    expect(sorted(await searchIds(env, 'rentMin=50&rentMax=100'))).toEqual(sorted([ids.b, ids.c]));
    expect(sorted(await searchIds(env, 'rentMin=1.6&rentMax=3.3&rentUnit=yuan_per_sqm_day'))).toEqual(
      sorted([ids.b, ids.c]),
    );
    // Leased spaces never match (B's 40/月, D's 1.5/天).
    expect(await searchIds(env, 'rentMax=45')).toEqual([]);
  });

  it('area range applies to one vacant space, combined with the rent range on the same space', async () => {
    expect(sorted(await searchIds(env, 'areaMin=250&areaMax=600'))).toEqual(sorted([ids.b, ids.c]));
    expect(await searchIds(env, 'areaMin=1000')).toEqual([]);
    // A has a 120 ㎡ space at 3.5/天 and an 800 ㎡ space at 4.2/天: no single space is ≥ 500 ㎡ and ≤ 3.6/天.
    expect(
      await searchIds(env, `areaMin=500&rentMax=3.6&rentUnit=yuan_per_sqm_day&street=${ZHANSHAN}`),
    ).toEqual([]);
    expect(
      await searchIds(env, `areaMin=500&rentMax=4.5&rentUnit=yuan_per_sqm_day&street=${ZHANSHAN}`),
    ).toEqual([ids.a]);
  });

  it('sorts by rent, area and vacancy', async () => {
    expect(await searchIds(env, 'vacantNow=1&sort=rent_asc')).toEqual([ids.b, ids.c, ids.a]);
    expect(await searchIds(env, 'vacantNow=1&sort=rent_desc')).toEqual([ids.a, ids.c, ids.b]);
    expect(await searchIds(env, 'vacantNow=1&sort=area_asc')).toEqual([ids.a, ids.b, ids.c]);
    expect(await searchIds(env, 'vacantNow=1&sort=area_desc')).toEqual([ids.a, ids.c, ids.b]);
    // Vacancy: A 100 %, C 500/580, B 300/2300, D 0.
    expect(await searchIds(env, 'sort=vacancy_desc')).toEqual([ids.a, ids.c, ids.b, ids.d]);
    // Buildings without vacant space go last on rent sorts.
    expect((await searchIds(env, 'sort=rent_asc')).at(-1)).toBe(ids.d);
  });

  it('pages without overlap', async () => {
    const p1 = await env.call('GET', '/buildings?sort=vacancy_desc&pageSize=2&page=1');
    const p2 = await env.call('GET', '/buildings?sort=vacancy_desc&pageSize=2&page=2');
    expect(p1.json().total).toBe(4);
    const all = [...p1.json().items, ...p2.json().items].map((i: { id: string }) => i.id);
    expect(all).toEqual([ids.a, ids.c, ids.b, ids.d]);
  });
});

describe('keyword search (Chinese)', () => {
  it('finds by name, address, description and street, highlighted, name matches first', async () => {
    const res = await env.call('GET', `/buildings?q=${encodeURIComponent('金融')}`);
    const body = res.json();
    // A has 金融 in its name; C only in its description.
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids.a, ids.c]);
    expect(body.items[0].highlight.nameHtml).toBe('海天<mark>金融</mark>中心');
    expect(body.items[1].highlight.snippet).toContain('<mark>金融</mark>');
    expect(await searchIds(env, `q=${encodeURIComponent('文创')}`)).toEqual([ids.b]);
    expect(await searchIds(env, `q=${encodeURIComponent('香港西路')}`)).toEqual([ids.a]);
    expect(await searchIds(env, `q=${encodeURIComponent('动漫')}`)).toEqual([ids.b]);
    expect(await searchIds(env, `q=${encodeURIComponent('湛山')}`)).toEqual([ids.a]);
    expect(await searchIds(env, `q=${encodeURIComponent('不存在的楼')}`)).toEqual([]);
    expect(await searchIds(env, `q=${encodeURIComponent('%_\'"')}`)).toEqual([]);
  });

  it('combines the keyword with filters and other sorts', async () => {
    expect(await searchIds(env, `q=${encodeURIComponent('金融')}&grade=a`)).toEqual([ids.c]);
    expect(await searchIds(env, `q=${encodeURIComponent('金融')}&sort=rent_asc`)).toEqual([ids.c, ids.a]);
    expect(
      await searchIds(env, `q=${encodeURIComponent('金融')}&rentMax=3&rentUnit=yuan_per_sqm_day`),
    ).toEqual([ids.c]);
  });

  it('the editor list filters stale records and archived ones', async () => {
    const res = await env.call('GET', '/buildings/manage?stale=1', undefined, env.cookies.editor);
    expect(res.statusCode).toBe(200);
    expect(sorted(res.json().items.map((i: { id: string }) => i.id))).toEqual(sorted([ids.b, ids.c, ids.d]));
  });
});

describe('hot and map', () => {
  it('the map lists buildings with coordinates and no tile URL by default', async () => {
    const res = await env.call('GET', '/buildings/map');
    expect(res.statusCode).toBe(200);
    expect(res.json().tileUrl).toBeNull();
    expect(res.json().items).toHaveLength(4);
    expect(res.json().items[0]).toHaveProperty('lat');
  });
});
