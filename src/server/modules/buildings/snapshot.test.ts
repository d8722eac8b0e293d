import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../platform/text/segment';
import { TEST_DB } from '../../test/support';
import { BuildingSnapshot } from './snapshot';
import {
  addSpace,
  type BuildingTestEnv,
  createBuilding,
  createBuildingTestEnv,
  searchIds,
  ZHANSHAN,
} from './test-helpers';

/**
 * The search snapshot stays in step with the database through the change log of migration 008 alone: `other` is a
 * second snapshot of the same database, as another process would hold, which hears of nothing but the log.
 */
let env: BuildingTestEnv;
let other: BuildingSnapshot;

const textMatch = (q: string) =>
  other.text.match(parseQuery(q).runs.flatMap((r) => r.required)).map((slot) => other.at(slot).id);

beforeAll(async () => {
  env = await createBuildingTestEnv();
  other = new BuildingSnapshot(env.t.database.db);
});
afterAll(async () => {
  await env.close();
});

describe(`the building snapshot on ${TEST_DB}`, () => {
  it('loads every building with its vacant spaces and search entry', async () => {
    const id = await createBuilding(env, { name: '快照测试金融大厦', street: ZHANSHAN });
    await addSpace(env, id, { area: 300, rentAmount: 90, rentUnit: 'yuan_per_sqm_month' });
    await other.sync();
    const b = other.get(id)!;
    expect(b).toMatchObject({
      name: '快照测试金融大厦',
      vacantCount: 1,
      minVacantArea: 300,
      status: 'active',
    });
    expect(other.vacant.any(b.slot, 250, 350, 80, 100, false)).toBe(true);
    expect(other.vacant.any(b.slot, 250, 350, 95, 100, false)).toBe(false);
    expect(textMatch('快照测试')).toEqual([id]);
  });

  it('reloads only the buildings a commit changed, and sees each kind of change', async () => {
    const id = await createBuilding(env, { name: '快照改名前大厦' });
    const untouched = await createBuilding(env, { name: '快照旁观大厦' });
    await other.sync();
    const before = { ...other.stats };

    // The building's own row (and its search entry).
    const renamed = await env.call(
      'PATCH',
      `/buildings/${id}`,
      { name: '快照改名后大厦' },
      env.cookies.editor,
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    await other.sync();
    expect(other.stats.partial).toBe(before.partial + 1);
    expect(other.stats.reloaded).toBe(before.reloaded + 1);
    expect(other.stats.full).toBe(before.full);
    expect(other.get(id)!.name).toBe('快照改名后大厦');
    expect(textMatch('改名后')).toEqual([id]);
    expect(textMatch('改名前')).toEqual([]);
    expect(other.get(untouched)!.name).toBe('快照旁观大厦');

    // A space: added, then leased.
    const space = await addSpace(env, id, { area: 150 });
    await other.sync();
    expect(other.get(id)!.vacantCount).toBe(1);
    expect(other.vacant.any(other.get(id)!.slot, 100, 200, -Infinity, Infinity, true)).toBe(true);
    const leased = await env.call(
      'PATCH',
      `/building-spaces/${space}`,
      { status: 'leased' },
      env.cookies.editor,
    );
    expect(leased.statusCode, leased.body).toBe(200);
    await other.sync();
    expect(other.get(id)!.vacantCount).toBe(0);
    expect(other.vacant.any(other.get(id)!.slot, 100, 200, -Infinity, Infinity, true)).toBe(false);

    // Heat: a visitor's view moves the sort key.
    const heat = other.get(id)!.heatSortKey;
    expect((await env.call('GET', `/buildings/${id}`, undefined, { ip: '10.9.8.7' })).statusCode).toBe(200);
    await other.sync();
    expect(other.get(id)!.heatSortKey).toBeGreaterThan(heat);

    // Archived: out of the public search, and out of the text index.
    const archived = await env.call(
      'POST',
      `/buildings/${id}/archive`,
      { reason: '快照测试' },
      env.cookies.editor,
    );
    expect(archived.statusCode, archived.body).toBe(200);
    await other.sync();
    expect(other.get(id)!.status).toBe('archived');
    expect(textMatch('改名后')).toEqual([]);
    expect(await searchIds(env, `q=${encodeURIComponent('改名后')}`)).toEqual([]);
  });

  it('drops a building deleted from the database', async () => {
    const id = await createBuilding(env, { name: '快照删除测试楼' });
    await other.sync();
    expect(other.get(id)).toBeDefined();
    const db = env.t.database.db;
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('searchEntries').where('entityId', '=', id).execute();
      await trx.deleteFrom('buildingViews').where('buildingId', '=', id).execute();
      await trx.deleteFrom('buildings').where('id', '=', id).execute();
    });
    await other.sync();
    expect(other.get(id)).toBeUndefined();
    expect(textMatch('删除测试')).toEqual([]);
  });

  it('a search answers with a write committed just before it (the app process)', async () => {
    const id = await createBuilding(env, { name: '快照即时可见大厦' });
    expect(await searchIds(env, `q=${encodeURIComponent('即时可见')}`)).toEqual([id]);
    await env.call('PATCH', `/buildings/${id}`, { name: '快照已经改名大厦' }, env.cookies.editor);
    expect(await searchIds(env, `q=${encodeURIComponent('即时可见')}`)).toEqual([]);
    expect(await searchIds(env, `q=${encodeURIComponent('已经改名')}`)).toEqual([id]);
  });

  // Only PostgreSQL runs two writers at once (SQLite's second writer waits for the first to commit). The stamps
  // must follow commit order: the transaction that started first but commits last is still seen.
  it.runIf(TEST_DB === 'postgres')('sees a transaction that commits after a later one', async () => {
    const x = await createBuilding(env, { name: '快照先开始大厦' });
    const y = await createBuilding(env, { name: '快照后开始大厦' });
    await other.sync();
    const db = env.t.database.db;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const first = db.transaction().execute(async (trx) => {
      await trx.updateTable('buildings').set({ name: '快照先开始大厦·改' }).where('id', '=', x).execute();
      wrote();
      await held;
    });
    await written;
    // The second writer neither waits for the first (the stamp is taken at COMMIT) nor is lost after it.
    await db.updateTable('buildings').set({ name: '快照后开始大厦·改' }).where('id', '=', y).execute();
    await other.sync();
    expect(other.get(y)!.name).toBe('快照后开始大厦·改');
    expect(other.get(x)!.name).toBe('快照先开始大厦');
    release();
    await first;
    await other.sync();
    expect(other.get(x)!.name).toBe('快照先开始大厦·改');
  });
});
