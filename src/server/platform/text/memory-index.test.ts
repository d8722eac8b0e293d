import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/database';
import { type FullTextQuery, fullTextMatches, fullTextRead } from '../../db/dialect';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../../test/support';
import { FixedClock } from '../clock';
import { MemoryTextIndex } from './memory-index';
import { SearchIndex } from './search-index';
import { parseQuery } from './segment';

const required = (q: string) => parseQuery(q).runs.flatMap((r) => r.required);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('MemoryTextIndex', () => {
  const docs = [
    {
      title: '海天金融中心',
      summary: '香港中路 8 号 · 八大湖街道 · 超甲级 · 金融楼宇',
      body: '入驻企业：青岛海岳云科技有限公司',
    },
    {
      title: '云南路文创园',
      summary: '云南路 18 号 · 云南路街道 · 产业园区',
      body: '老厂房改造的文化创意产业园，金融服务配套',
    },
    { title: '中山路商务楼', summary: '中山路 98 号 · 中山路街道', body: '' },
  ];
  const build = () => {
    const index = new MemoryTextIndex();
    docs.forEach((d, i) => {
      index.set(i, d);
    });
    return index;
  };

  it('finds every document holding all the terms, in the field asked', () => {
    const index = build();
    expect(sorted(index.match(required('金融')))).toEqual([0, 1]);
    expect(index.match(required('金融'), 'title')).toEqual([0]);
    expect(index.match(required('金融'), 'summary')).toEqual([0]);
    expect(index.match(required('海岳云'))).toEqual([0]);
    expect(index.match(required('海岳云'), 'title')).toEqual([]);
    expect(sorted(index.match(required('路 街道')))).toEqual([0, 1, 2]);
    expect(index.match(required('金融 文创'))).toEqual([1]);
    expect(index.match(required('保险'))).toEqual([]);
    expect(index.match([])).toEqual([]);
  });

  it('matches a single character as a prefix of the tokens', () => {
    const index = build();
    expect(required('云')[0]).toMatchObject({ prefix: true });
    expect(sorted(index.match(required('云')))).toEqual([0, 1]);
    expect(index.match(required('云'), 'title')).toEqual([1]);
  });

  it('answers the same after documents are replaced, removed and their numbers reused', () => {
    const index = build();
    index.set(1, { title: '云南路文创园', summary: null, body: '设计与动漫企业' });
    expect(index.match(required('金融'))).toEqual([0]);
    expect(index.match(required('动漫'))).toEqual([1]);
    index.delete(0);
    index.delete(0);
    expect(index.size).toBe(2);
    expect(index.match(required('金融'))).toEqual([]);
    expect(index.match(required('海岳云'))).toEqual([]);
    index.set(0, { title: '浮山湾金融港', summary: null, body: null });
    expect(index.match(required('金融'))).toEqual([0]);
    expect(index.match(required('港'))).toEqual([0]);
    // A repeated query sees no marks of the one before.
    for (let i = 0; i < 5; i++) expect(sorted(index.match(required('路')))).toEqual([1, 2]);
  });

  it('refuses a document number that cannot index an array', () => {
    const index = new MemoryTextIndex();
    expect(() => index.set(-1, docs[0]!)).toThrow(RangeError);
    expect(() => index.set(1.5, docs[0]!)).toThrow(RangeError);
  });
});

// The same question to the database index (the platform's) and to the memory copy of its entries: the same answer.
describe(`MemoryTextIndex agrees with the database index on ${TEST_DB}`, () => {
  let tdb: TestDatabase;
  let db: DB;
  let search: SearchIndex;
  const memory = new MemoryTextIndex();
  const slotOf = new Map<number, number>();
  const entries = [
    [
      '海天金融中心',
      '香港中路 8 号 · 八大湖街道 · 超甲级 · 金融楼宇',
      '入驻企业：青岛海岳云科技有限公司、青岛海洋生物医药研究院',
    ],
    [
      '云南路文创园',
      '云南路 18 号 · 云南路街道 · 产业园区 · 特色楼宇',
      '老厂房改造的文化创意产业园，适合设计、动漫企业。',
    ],
    ['中山路商务楼', '中山路 98 号 · 中山路街道 · 甲级 · 写字楼', '老城区商务办公，交通便利，金融机构聚集。'],
    [
      '八大峡创业大厦',
      '团岛二路 1 号 · 八大峡街道 · 孵化器',
      '科技企业孵化器，入驻企业：青岛蓝海软件科技有限公司',
    ],
    ['浮山湾科技园', '东海西路 15 号 · 湛山街道 · 科技楼宇', '海洋科技与金融科技企业集聚，配套人才公寓。'],
    [
      '青岛国际航运中心',
      '新疆路 8 号 · 辽宁路街道 · 总部楼宇',
      '航运、物流总部，千万元楼。Qingdao Shipping Center',
    ],
  ] as const;
  const queries = [
    '金融',
    '科技',
    '海洋',
    '海岳云',
    '中心',
    '云',
    '路',
    '香港中路',
    '科技 金融',
    'shipping',
    '大厦',
    'qing',
    '保险',
  ];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.handle.db;
    search = new SearchIndex(db, tdb.handle.dialect, new FixedClock('2026-03-10T02:00:00.000Z'));
    await db.transaction().execute(async (trx) => {
      for (const [i, [title, summary, body]] of entries.entries()) {
        await search.upsert(trx, { scope: 'building', id: `b${i}`, title, summary, body });
      }
      // Another scope's entry, which the scope tag keeps out.
      await search.upsert(trx, {
        scope: 'policy_document',
        id: 'p',
        title: '金融科技扶持政策',
        body: '海洋',
      });
    });
    const rows = await db
      .selectFrom('searchEntries')
      .select(['rowId', 'title', 'summary', 'body'])
      .where('scope', '=', 'building')
      .execute();
    rows.forEach((r, slot) => {
      slotOf.set(Number(r.rowId), slot);
      memory.set(slot, r);
    });
  });
  afterAll(async () => {
    await tdb.drop();
  });

  for (const q of queries) {
    it(`the same matches for ${q}`, async () => {
      const terms = required(q);
      const query: FullTextQuery = { and: terms.map((t) => ({ term: t.token, prefix: t.prefix })) };
      const tags: FullTextQuery = { term: 's_building', prefix: false };
      const rowIds = (filter: Parameters<typeof fullTextMatches>[1]) =>
        fullTextRead(db, tdb.handle.dialect, async (trx) =>
          (
            await sql<{
              rowId: number;
            }>`select x.row_id from ${fullTextMatches(tdb.handle.dialect, filter)} x`.execute(trx)
          ).rows.map((r) => slotOf.get(Number(r.rowId))!),
        );
      expect(sorted(memory.match(terms))).toEqual(sorted(await rowIds({ tags, all: query })));
      for (const field of ['title', 'summary'] as const) {
        expect(sorted(memory.match(terms, field))).toEqual(
          sorted(await rowIds({ tags, head: { field, query } })),
        );
      }
    });
  }

  it('the comparison is not empty: every query but the last two matches something', () => {
    const empty = queries.filter((q) => memory.match(required(q)).length === 0);
    // qing: a Latin word is a whole token, not a prefix (as in the database index).
    expect(empty).toEqual(['qing', '保险']);
  });
});
