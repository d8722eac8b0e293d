import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/server/db/database';
import { SeededRandom } from '../src/server/db/seed/random';
import { systemClock } from '../src/server/platform/clock';
import { type SearchEntry, SearchIndex } from '../src/server/platform/text/search-index';
import { warmUpSegmenter } from '../src/server/platform/text/segment';
import {
  announceListening,
  BENCH_DIR,
  type BenchReport,
  type ChildServer,
  envNumber,
  isMain,
  type Latency,
  LOOPBACK,
  log,
  measureQueryClasses,
  pgReachable,
  printAndSave,
  queryTotals,
  type SummaryRow,
  startChildServer,
} from './support';

/**
 * Chinese full-text search under load (platform/text/search-index.ts): 20,000 generated policy-like documents
 * (titles and bodies composed from real policy phrasing, 600–2,500 characters), indexed through the SearchIndex
 * API, served by a minimal Fastify route `GET /search?q=` in a child process, and queried by autocannon with 10
 * connections over a mix of two-character, partial-word, multi-word, rare and no-hit queries.
 * Target: p95 ≤ 30 ms. Reference (same run, same server): `GET /ping`, the cost of HTTP alone.
 * Runs on SQLite; and on PostgreSQL too when one is reachable (BENCH_PG_URL, default the test database), in a
 * throwaway schema dropped afterwards.
 *
 * `npx tsx bench/search.ts`; BENCH_SEARCH_DOCS, BENCH_DURATION_S, BENCH_WARMUP_S shorten a trial run.
 */

const DOCS = envNumber('BENCH_SEARCH_DOCS', 20_000);
const CONNECTIONS = 10;
const DURATION_S = envNumber('BENCH_DURATION_S', 10);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 2);
const CLASS_DURATION_S = envNumber('BENCH_CLASS_DURATION_S', 4);
const TARGET_P95_MS = 30;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROLE_ENV = 'QIFU_BENCH_SEARCH_ROLE';

/** The queries, by class; the mixed run draws from all of them at random. */
const QUERIES: Record<string, string[]> = {
  'two-character': ['补贴', '税收', '人才', '租金', '企业', '奖励', '贴息', '资金', '楼宇', '住房'],
  'partial word': ['研发费', '加计扣', '专精特', '高新技', '营商环', '孵化'],
  'multi-word': [
    '人才 住房补贴',
    '研发费用 加计扣除',
    '楼宇经济 租金补贴',
    '专精特新 小巨人 奖励',
    '首次入统 规上企业',
  ],
  'domain term': ['免申即享', '瞪羚企业', '亿元楼', '接诉即办', '一企一档', '不见面兑付'],
  'rare / none': ['区块链', '量子计算', '青南政发 12号', '海水淡化', '税'],
  filtered: ['补贴&scope=program', '人才&scope=kb', '税收&scope=interpretation'],
};

// --- the corpus ----------------------------------------------------------------------------------------------

interface Topic {
  subjects: string[];
  sentences: string[];
}

const TOPICS: Topic[] = [
  {
    subjects: [
      '高新技术企业',
      '科技型中小企业',
      '研发投入',
      '研发费用加计扣除',
      '专精特新企业',
      '小巨人企业',
      '瞪羚企业',
      '科技成果转化',
      '创新平台建设',
      '知识产权',
    ],
    sentences: [
      '对首次认定的高新技术企业给予一次性奖励{amt}万元。',
      '企业研发费用按实际发生额的{pct}%给予补助，最高不超过{amt}万元。',
      '落实研发费用加计扣除政策，科技型中小企业研发费用加计扣除比例提高到100%。',
      '对新认定的国家级专精特新小巨人企业给予{amt}万元奖励。',
      '对新认定的省级瞪羚企业给予{amt}万元奖励。',
      '支持企业建设重点实验室、技术创新中心等研发平台。',
      '对企业获得发明专利授权的，每件给予{amt2}元资助。',
      '鼓励企业加大研发投入，对研发投入增长超过{pct}%的企业给予奖励。',
      '支持高校、科研院所与企业共建新型研发机构，推动科技成果转化。',
    ],
  },
  {
    subjects: ['高层次人才引进', '青年人才', '人才住房', '人才公寓', '博士后工作站', '技能人才'],
    sentences: [
      '对引进的高层次人才给予最高{amt}万元安家补贴。',
      '符合条件的青年人才可申请人才住房，租金按市场价的{pct}%收取。',
      '对新设立的博士后工作站给予{amt}万元建站资助。',
      '人才公寓实行申请制，每年{month}月集中受理。',
      '对企业新引进的全日制博士研究生给予每月{amt2}元生活补贴。',
      '对获评技能大师工作室的给予{amt}万元经费支持。',
      '人才住房补贴与购房补贴不重复享受。',
    ],
  },
  {
    subjects: ['楼宇经济', '亿元楼', '千万元楼', '特色楼宇', '办公用房', '产业园区', '孵化器', '众创空间'],
    sentences: [
      '对新引进的企业租用办公用房的，按实际租金的{pct}%给予租金补贴，期限不超过三年。',
      '对年纳税额首次突破1亿元的楼宇，认定为亿元楼，给予楼宇运营方{amt}万元奖励。',
      '对年纳税额首次突破1000万元的楼宇，认定为千万元楼，给予{amt}万元奖励。',
      '支持老旧楼宇改造提升，按改造投资额的{pct}%给予补助。',
      '对认定的市级孵化器、众创空间给予{amt}万元运营补贴。',
      '楼宇招商引进企业注册地与实际经营地一致的，给予楼宇运营方奖励。',
      '建立楼宇经济统计监测制度，按季度发布楼宇税收排行。',
    ],
  },
  {
    subjects: ['税收优惠', '贷款贴息', '融资担保', '上市挂牌', '应急转贷', '首贷培植'],
    sentences: [
      '对符合条件的小微企业，按规定享受增值税减免等税收优惠政策。',
      '对企业获得银行贷款的，按贷款市场报价利率的{pct}%给予贴息，单户最高{amt}万元。',
      '对企业在境内外证券交易所首发上市的，分阶段给予总额{amt}万元奖励。',
      '设立应急转贷资金，为企业提供短期过桥资金支持。',
      '对融资担保机构为小微企业提供担保的，给予担保费补贴。',
      '落实留抵退税政策，确保退税资金及时足额到位。',
      '对首次获得银行贷款的企业给予首贷贴息。',
    ],
  },
  {
    subjects: ['营商环境', '一网通办', '接诉即办', '免申即享', '政策兑现', '一企一档', '企业专员'],
    sentences: [
      '全面推行免申即享、快申快享，符合条件的企业无需申请即可享受政策。',
      '建立企业诉求接诉即办机制，企业诉求在{days}个工作日内办结。',
      '推行不见面兑付，政策资金直达企业账户。',
      '为重点企业配备企业专员，建立一企一档。',
      '持续优化营商环境，打造市场化法治化国际化一流营商环境。',
      '政务服务事项全部实现一网通办，办理时限压减{pct}%。',
      '对企业反映的共性问题，由牵头部门研究提出解决方案。',
    ],
  },
  {
    subjects: ['首店经济', '夜间经济', '消费促进', '外贸进出口', '跨境电商', '服务贸易', '会展经济'],
    sentences: [
      '对新引进的品牌首店给予最高{amt}万元一次性奖励。',
      '对企业参加境外展会的，按展位费的{pct}%给予补贴。',
      '对跨境电商企业年进出口额首次超过{amt}万美元的，给予奖励。',
      '发放消费券，促进餐饮、零售等行业消费回暖。',
      '支持打造夜间经济集聚区，对街区运营主体给予补助。',
      '对在本区举办的国际性展会，按场地租金的{pct}%给予补贴。',
    ],
  },
  {
    subjects: [
      '数字经济',
      '智能化改造',
      '数字化转型',
      '绿色低碳',
      '总部经济',
      '海洋经济',
      '文旅融合',
      '现代金融',
    ],
    sentences: [
      '对企业实施智能化改造、数字化转型项目的，按设备投资额的{pct}%给予补助，最高{amt}万元。',
      '对新认定的总部企业给予最高{amt}万元落户奖励。',
      '支持企业开展节能降碳改造，推动绿色低碳发展。',
      '对首次入统的规上企业给予{amt}万元奖励。',
      '对小升规企业给予一次性奖励{amt}万元。',
      '对文旅融合项目给予贷款贴息支持。',
      '支持金融机构在本区设立区域总部，给予落户奖励。',
    ],
  },
  {
    subjects: ['稳岗返还', '以工代训', '就业见习', '社保补贴', '创业担保贷款'],
    sentences: [
      '对不裁员或少裁员的参保企业，按规定返还失业保险费。',
      '对吸纳高校毕业生就业的企业，给予每人{amt2}元一次性扩岗补助。',
      '对开展以工代训的企业给予职业培训补贴。',
      '个人创业担保贷款最高额度{amt}万元，财政给予全额贴息。',
      '对招用就业困难人员的企业给予社会保险补贴。',
    ],
  },
];

const GENERAL = [
  '本政策由区财政局会同有关部门负责解释。',
  '本办法自发布之日起施行，有效期{years}年。',
  '申报单位应当在规定时间内提交申报材料。',
  '同一企业同一事项符合多项扶持政策的，按照就高不重复原则执行。',
  '企业应当对申报材料的真实性负责，弄虚作假的，取消享受资格并追回资金。',
  '各街道、各部门要加强组织领导，确保政策落地见效。',
  '申报时间为每年{month}月{day}日至{month2}月{day2}日。',
  '企业注册地、税收户管地和统计关系均在市南区。',
  '为深入贯彻落实党中央、国务院决策部署，结合我区实际，制定本办法。',
  '资金由区级财政承担，纳入年度预算。',
  '对政策执行情况开展绩效评价，评价结果作为资金安排的重要依据。',
  '咨询电话：0532-{phone}。',
];

const VERBS = ['支持', '促进', '加快', '推动', '鼓励', '进一步加强', '落实'];
const DOC_TYPES = ['若干措施', '实施细则', '管理办法', '通知', '实施意见', '行动方案', '申报指南'];
const ISSUERS = ['青南政发', '青南政办发', '青南科发', '青南财发', '青南商发'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function fill(r: SeededRandom, template: string): string {
  return template
    .replace(/\{amt\}/g, () => String(r.pick([5, 10, 20, 30, 50, 100, 200, 300, 500])))
    .replace(/\{amt2\}/g, () => String(r.pick([1000, 2000, 3000, 5000])))
    .replace(/\{pct\}/g, () => String(r.pick([10, 20, 30, 50])))
    .replace(/\{days\}/g, () => String(r.pick([3, 5, 10, 15])))
    .replace(/\{years\}/g, () => String(r.int(2, 5)))
    .replace(/\{month2?\}/g, () => String(r.int(1, 12)))
    .replace(/\{day2?\}/g, () => String(r.int(1, 28)))
    .replace(/\{phone\}/g, () => String(r.int(80000000, 89999999)));
}

/** One document of the corpus; the same seed gives the same corpus. */
function makeDocument(r: SeededRandom, n: number): SearchEntry {
  const topic = r.pick(TOPICS);
  const subject = r.pick(topic.subjects);
  const year = r.int(2016, 2026);
  const scope = r.pick([
    'policy_document',
    'policy_document',
    'policy_document',
    'interpretation',
    'program',
    'kb',
  ]);
  let title: string;
  if (scope === 'interpretation')
    title = `《关于${r.pick(VERBS)}${subject}发展的${r.pick(DOC_TYPES)}》政策解读`;
  else if (scope === 'program') title = `${year}年度${subject}${r.pick(['奖励', '补贴', '资助'])}申报`;
  else if (scope === 'kb')
    title = r.pick([`${subject}怎么申请？`, `如何办理${subject}相关事项`, `${subject}常见问题`]);
  else title = `关于${r.pick(VERBS)}${subject}${r.pick(['发展', '工作', ''])}的${r.pick(DOC_TYPES)}`;

  const length = r.int(600, 2500);
  const parts = [`${r.pick(ISSUERS)}〔${year}〕${r.int(1, 60)}号`, fill(r, r.pick(GENERAL))];
  for (let article = 0; parts.join('').length < length; article++) {
    const sentences: string[] = [];
    for (let k = r.int(1, 4); k > 0; k--) {
      sentences.push(fill(r, r.chance(0.7) ? r.pick(topic.sentences) : r.pick(GENERAL)));
    }
    parts.push(`第${NUMERALS[article % NUMERALS.length]}条　${sentences.join('')}`);
  }
  const month = String(r.int(1, 12)).padStart(2, '0');
  const windowStart = scope === 'program' ? `${year}-${month}-01` : null;
  return {
    scope,
    id: `doc${String(n).padStart(6, '0')}`,
    title,
    summary: scope === 'interpretation' ? fill(r, r.pick(topic.sentences)) : null,
    body: parts.join('\n'),
    publishedOn: `${year}-${month}-${String(r.int(1, 28)).padStart(2, '0')}`,
    windowStart,
    windowEnd: windowStart ? `${year}-${month}-28` : null,
    filters: { topic: TOPICS.indexOf(topic), year },
  };
}

async function indexCorpus(handle: DatabaseHandle, docs: number): Promise<{ ms: number; chars: number }> {
  const index = new SearchIndex(handle.db, handle.dialect, systemClock);
  const r = new SeededRandom(20_261_126);
  const started = performance.now();
  let chars = 0;
  const BATCH = 500;
  for (let from = 0; from < docs; from += BATCH) {
    const batch: SearchEntry[] = [];
    for (let n = from; n < Math.min(docs, from + BATCH); n++) batch.push(makeDocument(r, n));
    for (const d of batch) chars += (d.body ?? '').length;
    await handle.db.transaction().execute(async (trx) => {
      for (const d of batch) await index.upsert(trx, d);
    });
    if ((from / BATCH) % 8 === 7) log(`    indexed ${from + BATCH} documents …`);
  }
  // What an import does after a bulk load (FTS5 segment merge on SQLite, VACUUM ANALYZE on PostgreSQL).
  await index.optimize();
  return { ms: performance.now() - started, chars };
}

// --- the child server ----------------------------------------------------------------------------------------

/** Child-process entry: the search route over the prepared database, nothing else. */
async function serve(): Promise<void> {
  const handle = process.env.BENCH_SEARCH_PG_SCHEMA
    ? openDatabase({ databaseUrl: PG_URL, pgSchema: process.env.BENCH_SEARCH_PG_SCHEMA, poolSize: 10 })
    : openDatabase({ sqliteFile: process.env.BENCH_SEARCH_SQLITE ?? '' });
  const index = new SearchIndex(handle.db, handle.dialect, systemClock);
  warmUpSegmenter();
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  app.get<{ Querystring: { q?: string; scope?: string; limit?: string; offset?: string } }>(
    '/search',
    async (req) => {
      const { q = '', scope, limit, offset } = req.query;
      return index.search({
        query: q,
        scopes: scope ? [scope] : undefined,
        limit: limit ? Number(limit) : 20,
        offset: offset ? Number(offset) : 0,
      });
    },
  );
  await app.listen({ port: 0, host: LOOPBACK });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('search server is not listening on TCP');
  announceListening(address.port, async () => {
    await app.close();
    await handle.close();
  });
}

// --- load ----------------------------------------------------------------------------------------------------

const pathOf = (q: string) => {
  const [text, ...rest] = q.split('&');
  return `/search?q=${encodeURIComponent(text!)}${rest.length ? `&${rest.join('&')}` : ''}`;
};

interface DatabaseRun {
  database: string;
  indexMs: number;
  corpusChars: number;
  totals: Record<string, number>;
  reference: Latency;
  mixed: Latency;
  classes: Latency[];
}

async function loadTest(
  database: string,
  env: NodeJS.ProcessEnv,
): Promise<DatabaseRun & { server: ChildServer }> {
  const server = await startChildServer(path.join(BENCH_DIR, 'search.ts'), { ...env, [ROLE_ENV]: 'server' });
  try {
    const totals = await queryTotals(server.port, QUERIES, pathOf, 'matches per query');
    const { reference, mixed, classes } = await measureQueryClasses({
      port: server.port,
      reference: { label: 'GET /ping', path: '/ping' },
      mixedLabel: 'mixed queries',
      queries: QUERIES,
      pathOf,
      durationS: DURATION_S,
      classDurationS: CLASS_DURATION_S,
      shape: { connections: CONNECTIONS, warmupS: WARMUP_S, verbose: true },
    });
    return { database, indexMs: 0, corpusChars: 0, totals, reference, mixed, classes, server };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function rowsFor(run: DatabaseRun): SummaryRow[] {
  const worst = [run.mixed, ...run.classes].reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const clean = [run.mixed, ...run.classes].every((m) => m.non2xx === 0 && m.errors === 0 && m.requests > 0);
  return [
    {
      benchmark: `search ${run.database} ${DOCS} docs, ${CONNECTIONS} conn, mixed`,
      figure: `p95 ${run.mixed.p95} ms (p50 ${run.mixed.p50}, p99 ${run.mixed.p99}, ${run.mixed.requestsPerSecond} req/s)`,
      reference: `GET /ping p95 ${run.reference.p95} ms`,
      target: `p95 ≤ ${TARGET_P95_MS} ms`,
      verdict: !clean ? 'FAIL' : run.mixed.p95 <= TARGET_P95_MS ? 'PASS' : 'FAIL',
    },
    {
      benchmark: `search ${run.database} worst query class (${worst.label})`,
      figure: `p95 ${worst.p95} ms (p99 ${worst.p99}, ${worst.requestsPerSecond} req/s)`,
      reference: `GET /ping p95 ${run.reference.p95} ms`,
      target: `p95 ≤ ${TARGET_P95_MS} ms`,
      verdict: !clean ? 'FAIL' : worst.p95 <= TARGET_P95_MS ? 'PASS' : 'FAIL',
    },
  ];
}

async function pgAdmin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

export async function run(): Promise<BenchReport> {
  const name = 'search';
  log(
    `\n== ${name}: ${DOCS} documents, autocannon ${CONNECTIONS} connections, target p95 ≤ ${TARGET_P95_MS} ms ==`,
  );
  const rows: SummaryRow[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = { docs: DOCS, connections: CONNECTIONS, durationS: DURATION_S };
  const { DATABASE_URL: _ignored, ...baseEnv } = process.env;

  // SQLite
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-bench-search-'));
  const file = path.join(dir, 'search.sqlite');
  let server: ChildServer | undefined;
  try {
    const handle = openDatabase({ sqliteFile: file });
    await migrateToLatest(handle);
    log('  SQLite: indexing …');
    const { ms, chars } = await indexCorpus(handle, DOCS);
    await handle.close();
    const size =
      fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    log(
      `   indexed ${DOCS} documents (${(chars / 1e6).toFixed(1)} M characters) in ${(ms / 1000).toFixed(1)} s; file ${(size / 2 ** 20).toFixed(0)} MiB`,
    );
    const result = await loadTest('SQLite', { ...baseEnv, BENCH_SEARCH_SQLITE: file });
    server = result.server;
    const { server: _s, ...sqliteRun } = { ...result, indexMs: Math.round(ms), corpusChars: chars };
    rows.push(...rowsFor(sqliteRun));
    details.sqlite = { ...sqliteRun, fileMiB: Math.round(size / 2 ** 20) };
    notes.push(
      `SQLite: indexing ${DOCS} documents (${(chars / 1e6).toFixed(1)} M chars) took ${(ms / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    rows.push({
      benchmark: 'search SQLite',
      figure: 'error',
      reference: '-',
      target: `p95 ≤ ${TARGET_P95_MS} ms`,
      verdict: 'ERROR',
    });
    notes.push(`SQLite could not run: ${message}`);
  } finally {
    await server?.stop();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // PostgreSQL, when reachable
  if (!(await pgReachable(PG_URL))) {
    notes.push(`PostgreSQL not reachable at ${PG_URL.replace(/\/\/[^@]*@/, '//')}: skipped`);
  } else {
    const schema = `bench_search_${randomBytes(4).toString('hex')}`;
    try {
      await pgAdmin(`create schema ${schema}`);
      const handle = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 });
      await migrateToLatest(handle);
      log(`  PostgreSQL (schema ${schema}): indexing …`);
      const { ms, chars } = await indexCorpus(handle, DOCS);
      await handle.close();
      log(`   indexed ${DOCS} documents in ${(ms / 1000).toFixed(1)} s`);
      const result = await loadTest('PostgreSQL', { ...baseEnv, BENCH_SEARCH_PG_SCHEMA: schema });
      server = result.server;
      const { server: _s, ...pgRun } = { ...result, indexMs: Math.round(ms), corpusChars: chars };
      rows.push(...rowsFor(pgRun));
      details.postgres = pgRun;
      notes.push(`PostgreSQL: indexing took ${(ms / 1000).toFixed(1)} s; server pool 10 connections`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      rows.push({
        benchmark: 'search PostgreSQL',
        figure: 'error',
        reference: '-',
        target: `p95 ≤ ${TARGET_P95_MS} ms`,
        verdict: 'ERROR',
      });
      notes.push(`PostgreSQL could not run: ${message}`);
    } finally {
      await server?.stop();
      await pgAdmin(`drop schema if exists ${schema} cascade`).catch(() => {});
    }
  }
  notes.push(
    `${os.cpus().length} CPU(s) shared by autocannon and the server; the server is a minimal Fastify route over SearchIndex (no auth, no rate limit)`,
  );
  return { name, rows, notes, details };
}

if (process.env[ROLE_ENV] === 'server') {
  await serve();
} else if (isMain(import.meta.url)) {
  printAndSave(await run());
}
