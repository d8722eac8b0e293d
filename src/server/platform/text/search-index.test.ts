import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/database';
import { writeFullText } from '../../db/dialect';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../../test/support';
import { FixedClock } from '../clock';
import { type SearchEntry, SearchIndex, type SearchRequest } from './search-index';
import { indexTokens } from './segment';

// Runs on SQLite by default and on PostgreSQL with QIFU_TEST_DB=postgres: the same assertions on both.

let tdb: TestDatabase;
let db: DB;
let index: SearchIndex;
const clock = new FixedClock('2026-03-10T02:00:00.000Z');

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.handle.db;
  index = new SearchIndex(db, tdb.handle.dialect, clock);
});
afterAll(async () => {
  await tdb.drop();
});
beforeEach(async () => {
  // Each test starts from an empty index (the FTS5 table is contentless: delete through the index).
  const rows = await db.selectFrom('searchEntries').select(['scope', 'entityId']).execute();
  await db.transaction().execute(async (trx) => {
    for (const r of rows) await index.remove(trx, r.scope, r.entityId);
  });
});
afterEach(() => clock.set('2026-03-10T02:00:00.000Z'));

async function put(...entries: SearchEntry[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const e of entries) await index.upsert(trx, e);
  });
}

const doc = (id: string, title: string, body = '', extra: Partial<SearchEntry> = {}): SearchEntry => ({
  scope: 'policy_document',
  id,
  title,
  body,
  publishedOn: '2025-06-01',
  ...extra,
});

async function ids(req: string | SearchRequest): Promise<string[]> {
  const r = await index.search(typeof req === 'string' ? { query: req } : req);
  return r.items.map((i) => i.id);
}

describe(`SearchIndex on ${TEST_DB}`, () => {
  it('finds a two-character word anywhere in the body', async () => {
    await put(
      doc('a', '关于促进楼宇经济发展的若干措施', '对新引进的企业给予办公用房租金补贴，最高不超过100万元。'),
      doc('b', '关于加强安全生产的通知', '各街道要落实安全生产责任。'),
    );
    const r = await index.search({ query: '补贴' });
    expect(r.total).toBe(1);
    expect(r.items.map((i) => i.id)).toEqual(['a']);
    expect(r.items[0]!.snippet).toContain('<mark>补贴</mark>');
  });

  it('finds a partial word (研发费 inside 研发费用加计扣除)', async () => {
    await put(
      doc('a', '关于落实研发费用加计扣除政策的通知', '企业开展研发活动中实际发生的研发费用……'),
      doc('b', '关于研究发展规划的通知', '研究制定发展规划，费用由财政承担。'),
    );
    expect(await ids('研发费')).toEqual(['a']);
    expect(await ids('加计扣除')).toEqual(['a']);
  });

  it('finds 税收 and ranks 税收 as a word above 税收 by accident (纳税收入)', async () => {
    await put(
      doc('accident', '关于企业纳税情况的通报', '本年度企业纳税收入稳步增长。', {
        publishedOn: '2026-01-01',
      }),
      doc('word', '关于企业发展情况的通报', '落实各项税收优惠政策，减轻企业负担。', {
        publishedOn: '2025-01-01',
      }),
      doc('none', '关于安全生产的通知', '落实安全生产责任。'),
    );
    // Both contain the characters 税收; the one where the segmenter sees the word comes first although older.
    expect(await ids('税收')).toEqual(['word', 'accident']);
    expect(await ids('税收优惠')).toEqual(['word']);
  });

  it('returns nothing when nothing matches', async () => {
    await put(doc('a', '关于促进楼宇经济发展的若干措施', '租金补贴'));
    const r = await index.search({ query: '区块链' });
    expect(r).toMatchObject({ total: 0, items: [] });
    expect(await ids('补贴 区块链')).toEqual([]); // every run must match
  });

  it('puts title matches before body matches, newer and boosted first among equals', async () => {
    await put(
      doc('body-new', '关于楼宇经济的若干措施', '给予补贴。补贴标准见附件。补贴资金由区财政承担。', {
        publishedOn: '2026-02-01',
      }),
      doc('title-old', '人才住房补贴实施细则', '具体办法如下。', { publishedOn: '2023-05-01' }),
      doc('body-old', '关于企业服务的通知', '按规定给予补贴。', { publishedOn: '2024-01-01' }),
      doc('body-old-boosted', '关于政策兑现的通知', '按规定给予补贴。', {
        publishedOn: '2022-01-01',
        boost: 1,
      }),
    );
    expect(await ids('补贴')).toEqual(['title-old', 'body-old-boosted', 'body-new', 'body-old']);
    const r = await index.search({ query: '补贴' });
    expect(r.items[0]!.titleHtml).toBe('人才住房<mark>补贴</mark>实施细则');
    expect(r.items[0]!.score).toBeGreaterThan(r.items[1]!.score);
  });

  it('orders by tier: title with the words, title, summary, words, characters', async () => {
    await put(
      doc('chars', '关于企业发展的通知', '本年度企业纳税收入稳步增长。', { publishedOn: '2026-02-01' }),
      doc('words', '关于企业发展的通知', '落实税收优惠政策。', { publishedOn: '2026-01-01' }),
      doc('summary', '关于企业发展的通知', '', {
        summary: '本文解读税收优惠政策。',
        publishedOn: '2025-01-01',
      }),
      doc('title-chars', '企业纳税收入统计', '', { publishedOn: '2024-01-01' }),
      doc('title-words', '税收优惠政策汇编', '', { publishedOn: '2023-01-01' }),
    );
    const expected = [
      ['title-words', 5],
      ['title-chars', 4],
      ['summary', 3],
      ['words', 1],
      ['chars', 0],
    ];
    const r = await index.search({ query: '税收' });
    expect(r.items.map((i) => [i.id, i.score])).toEqual(expected);
    expect(r.items[2]!.snippet).toBe('本文解读<mark>税收</mark>优惠政策。');
    // Compacting the index changes nothing but speed.
    await index.optimize();
    expect((await index.search({ query: '税收' })).items.map((i) => [i.id, i.score])).toEqual(expected);
  });

  it('ranks a title that matches the whole query above one that matches a part', async () => {
    await put(
      doc('part', '关于人才引进的若干措施', '人才住房补贴另行规定。'),
      doc('whole', '人才住房补贴申报指南', '申报条件如下。'),
    );
    expect(await ids('人才 住房补贴')).toEqual(['whole', 'part']);
  });

  it('finds a document number by its parts, full-width digits included', async () => {
    await put(doc('n', '关于印发《市南区惠企政策》的通知', '青南政发〔2021〕12号'), doc('m', '其他', '13号'));
    expect(await ids('12号')).toEqual(['n']);
    expect(await ids('１２号')).toEqual(['n']);
    expect(await ids('青南政发')).toEqual(['n']);
    expect(await ids('〔2021〕12号')).toEqual(['n']);
    expect(await ids('2021')).toEqual(['n']);
  });

  it('finds a single character and ASCII words whatever their case', async () => {
    await put(
      doc('a', '质量管理体系认证奖励', '通过ISO9001认证的企业给予奖励。'),
      doc('b', '其他通知', '无关内容。'),
    );
    expect(await ids('奖')).toEqual(['a']);
    expect(await ids('iso9001')).toEqual(['a']);
    expect(await ids('ISO')).toEqual(['a']);
    expect(await ids('9001')).toEqual(['a']);
  });

  it('filters by scope, by value and by one of several values', async () => {
    await put(
      doc('p1', '租金补贴政策', '', { filters: { level: 'district', topics: ['space', 'finance'] } }),
      doc('p2', '租金补贴办法', '', { filters: { level: 'city', topics: ['space'] } }),
      {
        scope: 'kb',
        id: 'k1',
        title: '租金补贴怎么申请',
        body: '见申报指南。',
        filters: { level: 'district' },
      },
    );
    expect((await ids({ query: '租金', scopes: ['kb'] })).sort()).toEqual(['k1']);
    expect((await ids({ query: '租金', scopes: ['policy_document'] })).sort()).toEqual(['p1', 'p2']);
    expect((await ids({ query: '租金', filters: { level: 'district' } })).sort()).toEqual(['k1', 'p1']);
    expect((await ids({ query: '租金', filters: { level: ['city', 'province'] } })).sort()).toEqual(['p2']);
    expect((await ids({ query: '租金', filters: { topics: 'finance' } })).sort()).toEqual(['p1']);
    expect(await ids({ query: '租金', filters: { level: 'district', topics: 'space' } })).toEqual(['p1']);
    expect(await ids({ query: '租金', filters: { level: [] } })).toEqual([]);
    expect(await ids({ query: '租金', scopes: [] })).toEqual([]);
    const filtered = await index.search({
      query: '租金',
      scopes: ['policy_document'],
      filters: { level: 'city' },
    });
    expect(filtered.total).toBe(1);
  });

  it('filters by an open window, and lists everything for a blank query', async () => {
    await put(
      doc('open', '专项资金申报', '', {
        scope: 'program',
        windowStart: '2026-03-01',
        windowEnd: '2026-03-31',
      }),
      doc('later', '专项资金申报（二批）', '', {
        scope: 'program',
        windowStart: '2026-06-01',
        windowEnd: null,
      }),
      doc('always', '专项资金常年申报', '', { scope: 'program', windowStart: null, windowEnd: null }),
      doc('closed', '专项资金申报（上年）', '', {
        scope: 'program',
        windowStart: '2025-01-01',
        windowEnd: '2025-02-01',
      }),
    );
    const open = await index.search({ query: '专项资金', openOn: '2026-03-10' });
    expect(open.items.map((i) => i.id).sort()).toEqual(['always', 'open']);
    expect(open.total).toBe(2);
    expect((await ids({ query: '', scopes: ['program'], openOn: '2026-03-31' })).sort()).toEqual([
      'always',
      'open',
    ]);
    expect((await ids({ query: '  ', openOn: '2026-07-01' })).sort()).toEqual(['always', 'later']);
    expect((await index.search({ query: '' })).total).toBe(4);
  });

  it('forgets removed entries and re-indexes changed ones', async () => {
    await put(doc('a', '租金补贴政策', '旧的正文：人才公寓'), doc('b', '租金补贴办法'));
    await db.transaction().execute((trx) => index.remove(trx, 'policy_document', 'b'));
    expect(await ids('租金')).toEqual(['a']);
    // The same record again, with new text and a new date (a new rank bucket, so a new row id).
    await put(doc('a', '购房补贴政策', '新的正文：首次入统', { publishedOn: '2026-03-01' }));
    expect(await ids('租金')).toEqual([]);
    expect(await ids('人才公寓')).toEqual([]);
    expect(await ids('首次入统')).toEqual(['a']);
    expect(await db.selectFrom('searchEntries').select('entityId').execute()).toEqual([{ entityId: 'a' }]);
    // Removing what is not there is not an error.
    await db.transaction().execute((trx) => index.remove(trx, 'policy_document', 'missing'));
  });

  it('gives entries written at the same time their own row ids', async () => {
    // Same boost and date: both want the next id of one bucket (on PostgreSQL one of them retries).
    const entries = Array.from({ length: 6 }, (_, i) => doc(`c${i}`, `同日发布的租金补贴通知${i}`));
    await Promise.all(entries.map((e) => put(e)));
    const rows = await db.selectFrom('searchEntries').select('rowId').execute();
    expect(new Set(rows.map((r) => r.rowId)).size).toBe(6);
    expect((await index.search({ query: '租金补贴' })).total).toBe(6);
  });

  it('rolls back with the transaction that indexed', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await index.upsert(trx, doc('x', '贷款贴息办法'));
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await ids('贴息')).toEqual([]);
  });

  it('never fails on what the user typed', async () => {
    await put(doc('a', '租金补贴政策', '正文 O\'Brien "quoted" a-b (c) *'));
    const nasty = [
      '"',
      "'",
      '*',
      '-',
      '(',
      ')',
      '租金"',
      '"租金',
      '租金*',
      '-租金',
      '(租金',
      'NOT 租金',
      '租金 OR 1=1',
      "'; drop table search_entries; --",
      '" OR ""="',
      'NEAR(租金 补贴)',
      '{title}: 租金',
      'title:租金',
      '^租金',
      '租金:*',
      '租金 & 补贴 | !政策',
      '\\',
      '\u0000',
      '𠀀𠀁',
      '😀租金',
      'a'.repeat(5000),
      '租'.repeat(5000),
      '     ',
    ];
    for (const q of nasty) {
      const r = await index.search({ query: q });
      expect(r.total, q).toBeGreaterThanOrEqual(0);
    }
    expect(await ids('租金"')).toEqual(['a']);
    expect(await ids("o'brien")).toEqual(['a']);
    expect(await ids('租金')).toEqual(['a']); // the table is still there
  });

  it('escapes HTML in titles and snippets', async () => {
    await put(doc('x', '<b>补贴</b>通知', '注意<script>alert("补贴")</script>&nbsp;结束'));
    const [hit] = (await index.search({ query: '补贴' })).items;
    expect(hit!.titleHtml).toBe('&lt;b&gt;<mark>补贴</mark>&lt;/b&gt;通知');
    expect(hit!.snippet).toBe(
      '注意&lt;script&gt;alert(&quot;<mark>补贴</mark>&quot;)&lt;/script&gt;&amp;nbsp;结束',
    );
  });

  it('pages through the tiers without gaps or repeats', async () => {
    const entries: SearchEntry[] = [];
    for (let i = 0; i < 13; i++) {
      const inTitle = i % 4 === 0;
      const asWord = i % 3 === 0;
      entries.push(
        doc(
          `d${String(i).padStart(2, '0')}`,
          inTitle ? `税收优惠政策解读${i}` : `企业服务通知${i}`,
          asWord ? '落实税收优惠。' : '企业纳税收入增长。',
          { publishedOn: `2025-0${1 + (i % 9)}-1${i % 10}` },
        ),
      );
    }
    await put(...entries);
    const all = await index.search({ query: '税收', limit: 100 });
    expect(all.total).toBe(13);
    expect(all.items).toHaveLength(13);
    const paged: string[] = [];
    for (let offset = 0; offset < 16; offset += 3) {
      const page = await index.search({ query: '税收', limit: 3, offset });
      expect(page.total).toBe(13);
      paged.push(...page.items.map((i) => i.id));
    }
    expect(paged).toEqual(all.items.map((i) => i.id));
    // Tiers: titles first, then word matches, then the rest.
    const tiers = all.items.map((i) => i.score);
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(tiers).toEqual([5, 5, 5, 5, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('drops a scope filter only when it leaves nothing out', async () => {
    await put(doc('p1', '租金补贴政策'), doc('i1', '租金补贴政策解读', '', { scope: 'interpretation' }));
    // Every scope in the index asked for: the condition is dropped, the answer is the same.
    expect((await ids({ query: '租金', scopes: ['interpretation', 'policy_document'] })).sort()).toEqual([
      'i1',
      'p1',
    ]);
    expect((await ids({ query: '', scopes: ['interpretation', 'policy_document', 'kb'] })).sort()).toEqual([
      'i1',
      'p1',
    ]);
    // A scope of the index not asked for stays out, whatever its name sorts like.
    await put(
      { scope: 'policy_a', id: 'x1', title: '租金补贴' },
      { scope: 'zz', id: 'z1', title: '租金补贴' },
    );
    const r = await index.search({ query: '租金', scopes: ['interpretation', 'policy_document'] });
    expect(r.items.map((i) => i.id).sort()).toEqual(['i1', 'p1']);
    expect(r.total).toBe(2);
    expect(await ids({ query: '租金', scopes: ['zz'] })).toEqual(['z1']);
  });
  it('splits title matches into tiers 5 and 4 as the index does, few or many', async () => {
    // 收入统计: jieba words 收入 and 统计. 企业收入统计 has both; 税收入统计表 (税收/入/统计表) has the characters
    // and 统计 but not 收入 as a word, so it ranks one tier lower.
    for (const n of [9, 70]) {
      const entries: SearchEntry[] = [];
      for (let i = 0; i < n; i++) {
        const asWords = i % 3 === 0;
        entries.push(
          doc(`t${n}-${String(i).padStart(2, '0')}`, asWords ? `企业收入统计${i}` : `税收入统计表${i}`, '', {
            publishedOn: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          }),
        );
      }
      entries.push(doc(`s${n}`, '企业服务通知', '', { summary: '收入统计说明' }));
      await put(...entries);
      const all = await index.search({ query: '收入统计', limit: 100 });
      expect(all.total).toBe(n + 1);
      const words = entries.filter((e) => e.title.startsWith('企业收入')).map((e) => e.id);
      expect(all.items.map((i) => i.score)).toEqual([
        ...words.map(() => 5),
        ...Array.from({ length: n - words.length }, () => 4),
        3,
      ]);
      expect(
        all.items
          .slice(0, words.length)
          .map((i) => i.id)
          .sort(),
      ).toEqual(words.sort());
      // Paging walks the same order.
      const paged: string[] = [];
      for (let offset = 0; offset < n + 1; offset += 7) {
        const page = await index.search({ query: '收入统计', limit: 7, offset });
        expect(page.total).toBe(n + 1);
        paged.push(...page.items.map((i) => i.id));
      }
      expect(paged).toEqual(all.items.map((i) => i.id));
      const rows = await db.selectFrom('searchEntries').select(['scope', 'entityId']).execute();
      await db.transaction().execute(async (trx) => {
        for (const r of rows) await index.remove(trx, r.scope, r.entityId);
      });
    }
  });
  it('leaves out entries whose window is closed, in every tier and page', async () => {
    const entries: SearchEntry[] = [];
    for (let i = 0; i < 12; i++) {
      const window =
        i % 3 === 0
          ? { windowStart: '2025-01-01', windowEnd: '2025-02-01' }
          : i % 3 === 1
            ? { windowStart: '2026-03-01', windowEnd: null }
            : {};
      entries.push(
        doc(`w${String(i).padStart(2, '0')}`, i % 2 ? `租金补贴申报${i}` : `企业服务${i}`, '落实租金补贴。', {
          scope: 'program',
          publishedOn: `2025-06-${String(10 + i).padStart(2, '0')}`,
          ...window,
        }),
      );
    }
    await put(...entries);
    const open = entries.filter((_, i) => i % 3 !== 0).map((e) => e.id);
    const all = await index.search({ query: '租金', openOn: '2026-03-10', limit: 100 });
    expect(all.total).toBe(open.length);
    expect(all.items.map((i) => i.id).sort()).toEqual([...open].sort());
    const paged: string[] = [];
    for (let offset = 0; offset < 12; offset += 5) {
      const page = await index.search({ query: '租金', openOn: '2026-03-10', limit: 5, offset });
      expect(page.total).toBe(open.length);
      paged.push(...page.items.map((i) => i.id));
    }
    expect(paged).toEqual(all.items.map((i) => i.id));
    expect((await index.search({ query: '', scopes: ['program'], openOn: '2026-03-10' })).total).toBe(
      open.length,
    );
  });
  it('counts up to countLimit and says when more match, windows and blank queries included', async () => {
    const entries: SearchEntry[] = [];
    for (let i = 0; i < 12; i++) {
      entries.push(
        doc(`c${String(i).padStart(2, '0')}`, `租金补贴申报${i}`, '落实租金补贴。', {
          scope: 'program',
          publishedOn: `2025-06-${String(10 + i).padStart(2, '0')}`,
          // Every third one closed on 2026-03-10: 8 open.
          ...(i % 3 === 0 ? { windowStart: '2025-01-01', windowEnd: '2025-02-01' } : {}),
        }),
      );
    }
    await put(...entries);
    const count = async (req: SearchRequest) => {
      const r = await index.search(req);
      return [r.total, r.totalCapped, r.items.length];
    };
    expect(await count({ query: '租金', limit: 3 })).toEqual([12, false, 3]);
    expect(await count({ query: '租金', limit: 3, countLimit: 12 })).toEqual([12, false, 3]);
    expect(await count({ query: '租金', limit: 3, countLimit: 11 })).toEqual([11, true, 3]);
    expect(await count({ query: '租金', limit: 3, countLimit: 5 })).toEqual([5, true, 3]);
    // The closed entries are counted out before the limit applies.
    expect(await count({ query: '租金', openOn: '2026-03-10', limit: 3, countLimit: 8 })).toEqual([
      8,
      false,
      3,
    ]);
    expect(await count({ query: '租金', openOn: '2026-03-10', limit: 3, countLimit: 7 })).toEqual([
      7,
      true,
      3,
    ]);
    // Blank queries, with and without tags.
    expect(await count({ query: '', limit: 2, countLimit: 12 })).toEqual([12, false, 2]);
    expect(await count({ query: '', limit: 2, countLimit: 4 })).toEqual([4, true, 2]);
    expect(
      await count({ query: '', scopes: ['program'], openOn: '2026-03-10', limit: 2, countLimit: 6 }),
    ).toEqual([6, true, 2]);
    // The total never ends before the page does: a limit below the page's end counts to the page's end.
    expect(await count({ query: '租金', limit: 5, offset: 5, countLimit: 3 })).toEqual([10, true, 5]);
    // A first page that is not full holds every match, whatever the limit.
    expect(await count({ query: '申报11', countLimit: 1 })).toEqual([1, false, 1]);
  });

  it('still checks the window of entries indexed before windowless entries were tagged', async () => {
    await put(
      doc('always', '租金补贴政策'),
      doc('closed', '租金补贴申报', '', { windowStart: '2025-01-01', windowEnd: '2025-02-01' }),
    );
    // Rewrite both entries' tokens as the index wrote them before the tag existed.
    const rows = await db.selectFrom('searchEntries').select(['rowId', 'title']).execute();
    for (const r of rows) {
      await writeFullText(db, tdb.handle.dialect, Number(r.rowId), {
        title: [...indexTokens(r.title)],
        summary: [],
        body: [],
        tags: ['s_policy_document'],
      });
    }
    const r = await index.search({ query: '租金', openOn: '2026-03-10' });
    expect(r.items.map((i) => i.id)).toEqual(['always']);
    expect(r.total).toBe(1);
  });
  it('keeps the index and the entries in step', async () => {
    await put(doc('a', '租金补贴政策'), doc('b', '购房补贴政策'));
    await put(doc('a', '租金补贴政策（修订）'));
    const entries = await db.selectFrom('searchEntries').select('rowId').execute();
    expect(entries).toHaveLength(2);
    if (TEST_DB === 'sqlite') {
      for (const table of ['search_fts', 'search_fts_head']) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
        expect(rows[0]!.n, table).toBe(2);
      }
    }
    expect((await index.search({ query: '补贴' })).total).toBe(2);
  });
});
