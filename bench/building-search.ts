import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/server/db/database';
import { toJson } from '../src/server/db/dialect';
import type { BuildingOccupantTable, BuildingSpaceTable, BuildingTable } from '../src/server/db/schema';
import { SeededRandom } from '../src/server/db/seed/random';
import { DEMO_STREETS } from '../src/server/db/seed/reference';
import { indexBuildings, refreshBuildingDerived } from '../src/server/modules/buildings/derived';
import { unitKey } from '../src/server/modules/buildings/duplicates';
import { heatSortKey } from '../src/server/modules/buildings/heat';
import { systemClock } from '../src/server/platform/clock';
import { newId } from '../src/server/platform/ids';
import { SearchIndex } from '../src/server/platform/text/search-index';
import {
  BUILDING_GRADES,
  BUILDING_USES,
  DECORATIONS,
  monthlyRent,
  type RentUnit,
  SUGGESTED_BUILDING_TAGS,
} from '../src/shared/buildings';
import {
  appServerEnv,
  BENCH_DIR,
  type BenchReport,
  envNumber,
  errorRow,
  httpGet,
  type Latency,
  log,
  measureSearchServer,
  openBenchDatabase,
  round1,
  runOnEachDatabase,
  type SummaryRow,
  searchBenchMain,
  searchSummaryRows,
} from './support';

/**
 * Building search through the real route, `GET /api/v1/buildings`, as the issue states it: 5,000 buildings and
 * 100,000 spaces, 10 concurrent HTTP clients, p95 ≤ 30 ms, with a realistic mix: Chinese keywords (names, roads,
 * the enterprises inside), street filters, rent + area ranges of a vacant space in both units, vacant-now, sorts.
 *
 * The data is generated straight into a scratch database (batched inserts), then the module's own
 * `refreshBuildingDerived` and `indexBuildings` compute the derived columns and the search entries, as the import
 * and the editor do. The server is the real app in a child process (as in bench/policy-search.ts). Reference: GET
 * /api/health on the same server in the same run. SQLite always; PostgreSQL when reachable (a throwaway database).
 */

const BUILDINGS = envNumber('BENCH_BUILDINGS', 5_000);
const SPACES_PER_BUILDING = envNumber('BENCH_SPACES_PER_BUILDING', 20);
const OCCUPANTS_PER_BUILDING = envNumber('BENCH_OCCUPANTS_PER_BUILDING', 4);
const CONNECTIONS = 10;
const DURATION_S = envNumber('BENCH_DURATION_S', 10);
const CLASS_DURATION_S = envNumber('BENCH_CLASS_DURATION_S', 4);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 2);
const TARGET_P95_MS = 30;
const PG_HOST = '127.0.0.1';
const PG_USER = 'postgres';
const ROLE_ENV = 'QIFU_BENCH_BUILDING_SEARCH_ROLE';
const SEARCH_PATH = '/api/v1/buildings';
const BATCH = 400;

const QUERIES: Record<string, string[]> = {
  keyword: [
    `q=${encodeURIComponent('金融')}`,
    `q=${encodeURIComponent('海洋')}`,
    `q=${encodeURIComponent('科技园')}`,
    `q=${encodeURIComponent('香港中路')}`,
    `q=${encodeURIComponent('海岳云')}`,
  ],
  street: ['street=370202003', 'street=370202007,370202008&vacantNow=1', 'street=370202010&grade=a,super_a'],
  'rent+area per day': [
    'rentMin=2.5&rentMax=4&rentUnit=yuan_per_sqm_day&areaMin=100&areaMax=300',
    'rentMax=3&rentUnit=yuan_per_sqm_day&areaMin=500',
    'rentMin=4&rentUnit=yuan_per_sqm_day&street=370202007&sort=rent_asc',
  ],
  'rent+area per month': [
    'rentMin=76&rentMax=121.7&areaMin=100&areaMax=300',
    'rentMax=91.25&areaMin=500&sort=area_desc',
    'rentMin=60&rentMax=90&areaMax=150&sort=rent_asc',
  ],
  'vacant + sort': [
    'vacantNow=1',
    'vacantNow=1&sort=rent_asc',
    'sort=vacancy_desc',
    'sort=area_desc&use=office',
    `vacantNow=1&tags=${encodeURIComponent('金融楼宇')}&page=3`,
  ],
  'keyword + filters': [
    `q=${encodeURIComponent('大厦')}&street=370202003&rentMax=3.5&rentUnit=yuan_per_sqm_day`,
    `q=${encodeURIComponent('中心')}&sort=rent_asc&vacantNow=1`,
    `q=${encodeURIComponent('科技')}&areaMin=200&areaMax=1000&taxFlag=yi_yuan`,
  ],
};
const searchPath = (q: string) => `${SEARCH_PATH}?${q}`;

// --- data -----------------------------------------------------------------------------------------------------

const BRANDS = [
  '海天',
  '华润',
  '万象',
  '国信',
  '中联',
  '阳光',
  '海信',
  '银海',
  '鲁商',
  '浮山',
  '远洋',
  '中铁',
  '保利',
  '凯德',
  '世茂',
  '青岛',
  '颐和',
  '金岭',
  '蓝海',
  '汇泉',
];
const MIDS = ['', '国际', '金融', '科技', '海洋', '创意', '商务', '时代', '环球', '未来'];
const SUFFIXES = ['大厦', '中心', '广场', '科技园', '金融中心', '商务楼', '写字楼', '创业园'];
const ROADS = [
  '香港中路',
  '香港西路',
  '东海西路',
  '燕儿岛路',
  '山东路',
  '南京路',
  '宁夏路',
  '延安三路',
  '中山路',
  '云南路',
  '湛山路',
  '太平路',
];
const COMPANY_HEADS = [
  '海岳云',
  '青岛蓝湾',
  '瀚海',
  '鲸准',
  '博纳',
  '星河',
  '鼎盛',
  '云帆',
  '海纳',
  '启明',
  '弘毅',
  '瑞丰',
  '澜舟',
  '中科',
  '海之韵',
  '泰和',
];
const COMPANY_TRADES = [
  '信息科技',
  '海洋生物',
  '数字传媒',
  '供应链管理',
  '融资租赁',
  '文化传播',
  '检测认证',
  '建筑设计',
  '跨境电商',
  '软件',
];

async function load(handle: DatabaseHandle): Promise<{ ms: number; buildings: number; spaces: number }> {
  const started = performance.now();
  const db = handle.db;
  const random = new SeededRandom(2026);
  const search = new SearchIndex(db, handle.dialect, systemClock);
  const now = new Date().toISOString();
  for (const [i, s] of DEMO_STREETS.entries())
    await db
      .insertInto('streets')
      .values({ code: s.code, name: s.name, sortOrder: i + 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  const ids: string[] = [];
  const buildings: BuildingTable[] = [];
  const spaces: BuildingSpaceTable[] = [];
  const occupants: BuildingOccupantTable[] = [];
  const nowMs = Date.now();
  for (let i = 0; i < BUILDINGS; i++) {
    const id = newId(nowMs + i);
    ids.push(id);
    const street = random.pick(DEMO_STREETS);
    const name = `${random.pick(BRANDS)}${random.pick(MIDS)}${random.pick(SUFFIXES)}${random.chance(0.5) ? `${random.int(1, 9)}号楼` : ''}`;
    const tags = SUGGESTED_BUILDING_TAGS.filter(() => random.chance(0.15));
    const heat = random.chance(0.6)
      ? {
          score: random.real(0.5, 200),
          lastAt: new Date(nowMs - random.int(0, 30) * 86_400_000).toISOString(),
        }
      : null;
    buildings.push({
      id,
      name,
      streetCode: street.code,
      address: `${random.pick(ROADS)}${random.int(1, 300)}号`,
      lat: 36.05 + random.real(0, 0.04),
      lng: 120.3 + random.real(0, 0.12),
      grade: random.pick(BUILDING_GRADES),
      use: random.pick(BUILDING_USES),
      floorsAbove: random.int(6, 60),
      floorsBelow: random.int(0, 4),
      grossArea: random.int(8_000, 150_000),
      completedYear: random.int(1995, 2024),
      developer: null,
      propertyManager: `${random.pick(BRANDS)}物业管理有限公司`,
      contactName: '招商部',
      contactPhone: `0532${random.int(80_000_000, 89_999_999)}`,
      description: `位于${street.name}，${random.pick(['临海', '地铁口', '商圈核心', '交通便利'])}，配套${random.pick(['会议中心', '员工餐厅', '健身房', '充电桩'])}。`,
      tags: toJson(tags),
      source: 'import',
      sourceNote: null,
      lastVerifiedOn: random.chance(0.7)
        ? new Date(nowMs - random.int(0, 400) * 86_400_000).toISOString().slice(0, 10)
        : null,
      status: 'active',
      spaceCount: 0,
      vacantCount: 0,
      leasableArea: 0,
      vacantArea: 0,
      vacancyRate: 0,
      minRentMonthly: null,
      maxRentMonthly: null,
      minVacantArea: null,
      maxVacantArea: null,
      occupantTaxWan: null,
      taxFlag: null,
      heatSortKey: heat ? heatSortKey(heat) : 0,
      createdBy: null,
      updatedBy: null,
      createdAt: now,
      updatedAt: now,
    });
    for (let k = 0; k < SPACES_PER_BUILDING; k++) {
      const unit: RentUnit = random.chance(0.6) ? 'yuan_per_sqm_day' : 'yuan_per_sqm_month';
      const perDay = Math.round(random.real(1.2, 6) * 10) / 10;
      const amount =
        unit === 'yuan_per_sqm_day' ? perDay : Math.round(monthlyRent(perDay, 'yuan_per_sqm_day'));
      const floor = 2 + Math.floor(k / 2);
      const u = `${floor}${String((k % 2) + 1).padStart(2, '0')}`;
      spaces.push({
        id: newId(nowMs + i),
        buildingId: id,
        floor,
        unit: u,
        unitKey: unitKey(u),
        area: random.int(40, 1500),
        rentAmount: amount,
        rentUnit: unit,
        rentMonthly: monthlyRent(amount, unit),
        status: random.pick(['vacant', 'vacant', 'leased', 'leased', 'leased', 'reserved']),
        decoration: random.pick(DECORATIONS),
        availableFrom: null,
        orientation: null,
        description: '',
        source: 'import',
        lastVerifiedOn: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (let k = 0; k < OCCUPANTS_PER_BUILDING; k++) {
      occupants.push({
        id: newId(nowMs + i),
        buildingId: id,
        spaceId: null,
        enterpriseId: null,
        enterpriseName: `青岛${random.pick(COMPANY_HEADS)}${random.pick(COMPANY_TRADES)}有限公司`,
        floor: random.int(2, 12),
        unit: null,
        area: null,
        movedInOn: null,
        movedOutOn: null,
        source: 'import',
        lastVerifiedOn: null,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < buildings.length; i += BATCH / 4)
      await trx
        .insertInto('buildings')
        .values(buildings.slice(i, i + BATCH / 4))
        .execute();
    for (let i = 0; i < spaces.length; i += BATCH)
      await trx
        .insertInto('buildingSpaces')
        .values(spaces.slice(i, i + BATCH))
        .execute();
    for (let i = 0; i < occupants.length; i += BATCH)
      await trx
        .insertInto('buildingOccupants')
        .values(occupants.slice(i, i + BATCH))
        .execute();
    await refreshBuildingDerived(trx, ids, now);
    // A few 亿元楼 / 千万元楼 (no enterprise library here: set directly, as the flag filter reads the column).
    for (const id of ids.filter((_, i) => i % 37 === 0))
      await trx
        .updateTable('buildings')
        .set({ occupantTaxWan: 12_000, taxFlag: 'yi_yuan' })
        .where('id', '=', id)
        .execute();
    await indexBuildings(trx, search, ids);
  });
  await search.optimize();
  // PostgreSQL's autovacuum would have analysed the freshly loaded tables within a minute in service; do it now so the
  // run measures the plans a live database gets (SQLite keeps no statistics unless told to, and is left as it is).
  if (handle.dialect.name === 'postgres')
    await sql`analyze buildings, building_spaces, building_photos`.execute(db);
  return { ms: performance.now() - started, buildings: buildings.length, spaces: spaces.length };
}

// --- load ------------------------------------------------------------------------------------------------------

interface DatabaseRun {
  database: string;
  loaded: { ms: number; buildings: number; spaces: number };
  totals: Record<string, number>;
  reference: Latency;
  mixed: Latency;
  classes: Latency[];
}

async function runOn(database: string, baseEnv: NodeJS.ProcessEnv, dataDir: string, databaseUrl?: string) {
  const env = appServerEnv(baseEnv, dataDir, databaseUrl);
  const { handle, held } = await openBenchDatabase(env, 'buildings');
  let loaded: DatabaseRun['loaded'];
  try {
    if (held > 0) {
      // BENCH_BUILDING_DATA_DIR pointed at a database an earlier run prepared: measure it again as it is.
      log(`  ${database}: reusing the ${held} buildings in ${dataDir}`);
      loaded = { ms: 0, buildings: held, spaces: held * SPACES_PER_BUILDING };
      return await serveAndMeasure(database, env, loaded);
    }
    log(`  ${database}: generating ${BUILDINGS} buildings, ${BUILDINGS * SPACES_PER_BUILDING} spaces …`);
    loaded = await load(handle);
    log(`  ${database}: loaded, derived and indexed in ${(loaded.ms / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
  return serveAndMeasure(database, env, loaded);
}

async function serveAndMeasure(
  database: string,
  env: NodeJS.ProcessEnv,
  loaded: DatabaseRun['loaded'],
): Promise<DatabaseRun> {
  const { totals, reference, mixed, classes } = await measureSearchServer({
    entry: path.join(BENCH_DIR, 'building-search.ts'),
    roleEnv: ROLE_ENV,
    env,
    // Generous start and first-request timeouts: on a busy machine the first search also loads the segmenter.
    startTimeoutMs: 120_000,
    warmUp: async (port) => {
      for (const q of Object.values(QUERIES).flat()) await httpGet(port, searchPath(q), 60_000);
    },
    queries: QUERIES,
    pathOf: searchPath,
    checkTotals: (totals) => {
      for (const [q, n] of Object.entries(totals)) if (!n) throw new Error(`the query ${q} found nothing`);
    },
    durationS: DURATION_S,
    classDurationS: CLASS_DURATION_S,
    shape: { connections: CONNECTIONS, warmupS: WARMUP_S },
    heading: `${database}: GET ${SEARCH_PATH}, ${CONNECTIONS} connections`,
    targetP95Ms: TARGET_P95_MS,
  });
  return { database, loaded, totals, reference, mixed, classes };
}

const rowsFor = (run: DatabaseRun): SummaryRow[] =>
  searchSummaryRows(
    `building search ${run.database} (${run.loaded.buildings} buildings, ${run.loaded.spaces} spaces, ${CONNECTIONS} conn)`,
    run,
    TARGET_P95_MS,
  );

const failedRow = (database: string): SummaryRow =>
  errorRow(`building search ${database}`, `p95 ≤ ${TARGET_P95_MS} ms`);

export async function run(): Promise<BenchReport> {
  const name = 'building-search';
  log(
    `\n== ${name}: GET ${SEARCH_PATH} on the real app, ${BUILDINGS} buildings + ${BUILDINGS * SPACES_PER_BUILDING} ` +
      `spaces, ${CONNECTIONS} connections, target p95 ≤ ${TARGET_P95_MS} ms ==`,
  );
  const rows: SummaryRow[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {
    buildings: BUILDINGS,
    spacesPerBuilding: SPACES_PER_BUILDING,
    queries: QUERIES,
  };
  const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
  await runOnEachDatabase(
    { rows, notes, details },
    {
      tmpPrefix: 'qifu-bench-building-search',
      skipSqliteEnv: 'BENCH_BUILDING_SKIP_SQLITE',
      skipPgEnv: 'BENCH_BUILDING_SKIP_PG',
      keepDir: process.env.BENCH_BUILDING_DATA_DIR,
      // BENCH_BUILDING_PG_DATABASE keeps the database (created when missing) for another run, like
      // BENCH_BUILDING_DATA_DIR for SQLite; by default a throwaway one.
      keepDb: () => process.env.BENCH_BUILDING_PG_DATABASE,
      pgHost: PG_HOST,
      pgUser: PG_USER,
      createDb: (dbName) => {
        try {
          execFileSync('createdb', ['-h', PG_HOST, '-U', PG_USER, dbName], { stdio: 'pipe' });
        } catch (err) {
          if (!process.env.BENCH_BUILDING_PG_DATABASE) throw err;
        }
      },
      measure: (database, dir, databaseUrl) => runOn(database, baseEnv, dir, databaseUrl),
      rowsFor,
      noteFor: (database, result) =>
        `${database}: data generated, derived and indexed in ${(result.loaded.ms / 1000).toFixed(1)} s`,
      failedRow,
    },
  );
  notes.push(
    `${os.cpus().length} CPU(s) shared by autocannon and the server; load average ${os.loadavg().map(round1).join(' / ')}`,
  );
  return { name, rows, notes, details };
}

await searchBenchMain(import.meta.url, ROLE_ENV, run);
