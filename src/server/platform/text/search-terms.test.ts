import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../../test/support';
import { FixedClock } from '../clock';
import { normalizeSearchTerm, SearchTermLog } from './search-terms';

describe('normalizeSearchTerm', () => {
  it.each([
    ['  补贴  ', '补贴'],
    ['专精特新   小巨人', '专精特新 小巨人'],
    ['ＡＢＣ　Ｔｅｃｈ', 'abc tech'], // full-width folded, Latin lower-cased
    ['IT 服务', 'it 服务'],
    ['租金2025', '租金2025'],
    ['500平', '500平'],
    ['字'.repeat(50), '字'.repeat(40)],
    ['', null],
    ['   ', null],
    [null, null],
    // personal data: dropped, not masked
    ['13800000001', null],
    ['张三 138 0000 0001', null],
    ['+86-138-0000-0001', null],
    ['0532-88901001', null],
    ['370202199001011234', null], // 身份证号
    ['37020219900101123X', null],
    ['91370202MA3C4XYZ12', null], // USCC
    ['查 91370202ma3c4xyz12 的补贴', null],
    ['zhang.san@example.com', null],
    ['6222021234567890123', null], // bank card
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearchTerm(input)).toBe(expected);
  });
});

describe('SearchTermLog', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const rows = () =>
    db.handle.db.selectFrom('searchTerms').selectAll().orderBy('scope').orderBy('term').execute();

  it('buffers in memory and adds the counts of two flushes and two instances', async () => {
    const clock = new FixedClock('2026-11-26T17:00:00.000Z'); // 2026-11-27 01:00 in Shanghai
    const one = new SearchTermLog(db.handle.db, clock, { flushEveryMs: 0 });
    const two = new SearchTermLog(db.handle.db, clock, { flushEveryMs: 0 });
    one.record('policies', '补贴');
    one.record('policies', ' 补贴 ');
    one.record('policies', '补贴', 2); // page 2 of the same search: not counted
    one.record('buildings', '补贴');
    one.record('policies', '13800000001');
    expect(one.bufferedKeys).toBe(2);
    expect(await rows()).toEqual([]); // nothing written on the request path
    await one.flush();
    expect(one.bufferedKeys).toBe(0);
    one.record('policies', '补贴');
    two.record('policies', '补贴');
    two.record('policies', '补贴');
    await Promise.all([one.flush(), two.close()]);
    expect(await rows()).toEqual([
      { day: '2026-11-27', scope: 'buildings', term: '补贴', count: 1 },
      { day: '2026-11-27', scope: 'policies', term: '补贴', count: 5 },
    ]);
  });

  it('flushes by itself after the delay', async () => {
    const log = new SearchTermLog(db.handle.db, new FixedClock('2026-11-20T02:00:00.000Z'), {
      flushEveryMs: 20,
    });
    log.record('content', '营商环境');
    await new Promise((r) => setTimeout(r, 150));
    expect(log.bufferedKeys).toBe(0);
    expect(await rows()).toContainEqual({ day: '2026-11-20', scope: 'content', term: '营商环境', count: 1 });
  });

  it('keeps the counts when a write fails', async () => {
    const log = new SearchTermLog(db.handle.db, new FixedClock('2026-11-21T02:00:00.000Z'), {
      flushEveryMs: 0,
    });
    log.record('policies', '稳岗');
    const broken = new SearchTermLog(
      { transaction: () => ({ execute: () => Promise.reject(new Error('down')) }) } as never,
      new FixedClock('2026-11-21T02:00:00.000Z'),
      { flushEveryMs: 0 },
    );
    broken.record('policies', '稳岗');
    await expect(broken.flush()).rejects.toThrow('down');
    expect(broken.bufferedKeys).toBe(1);
    await log.flush();
  });
});

describe('search routes record their terms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00.000Z' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts the policy and building searches, without personal data, written on close', async () => {
    for (const url of [
      '/api/v1/policies/search?q=补贴',
      '/api/v1/policies/search?q=补贴&page=2',
      '/api/v1/policies/search?q=13800000001',
      '/api/v1/buildings?q=人才公寓',
      '/api/v1/buildings?q=%E4%BA%BA%E6%89%8D%E5%85%AC%E5%AF%93',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
    }
    const db = t.database.db;
    expect(await db.selectFrom('searchTerms').selectAll().execute()).toEqual([]);
    await t.app.close();
    const rows = await db.selectFrom('searchTerms').selectAll().orderBy('scope').execute();
    expect(rows).toEqual([
      { day: '2026-11-26', scope: 'buildings', term: '人才公寓', count: 2 },
      { day: '2026-11-26', scope: 'policies', term: '补贴', count: 1 },
    ]);
  });
});
