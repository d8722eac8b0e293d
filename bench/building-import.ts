import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/server/db/database';
import type { BuildingSpaceTable, BuildingTable } from '../src/server/db/schema';
import { SeededRandom } from '../src/server/db/seed/random';
import { DEMO_STREETS } from '../src/server/db/seed/reference';
import { unitKey } from '../src/server/modules/buildings/duplicates';
import { BUILDING_COLUMNS, SPACE_COLUMNS } from '../src/server/modules/buildings/template';
import { systemClock } from '../src/server/platform/clock';
import { newId } from '../src/server/platform/ids';
import { makeStaff } from '../src/server/test/factories';
import { login } from '../src/server/test/support';
import {
  type BenchReport,
  envNumber,
  isMain,
  LOOPBACK,
  log,
  pgReachable,
  printAndSave,
  round1,
  type SummaryRow,
} from './support';

/**
 * Spreadsheet import preview through the real route, `POST /api/v1/buildings/import`, as the issue states it: a
 * realistic 10,000-row .xlsx (楼宇 + 房源 sheets; street names, areas, rents and floors in the many forms clerks type
 * them; ~2 % error rows; rows repeated in the file; buildings and spaces that already exist) uploaded against a
 * database holding 5,000 buildings (4 spaces each), timed from the first byte sent to the full preview report
 * received (upload, zip checks and inflation, streaming read, every cell parsed, duplicates against all buildings,
 * the report stored). Target ≤ 10 s. Reference: exceljs loading the same file into memory (`xlsx.load`), in the
 * same run.
 *
 * The app (buildApp, logger off) listens on a loopback port in this process; one request at a time, so sharing the
 * event loop with the client costs nothing measurable. SQLite (a temporary file) always; PostgreSQL when reachable
 * (a throwaway schema in QIFU_TEST_PG_URL, dropped after). `npx tsx bench/building-import.ts`; BENCH_IMPORT_ROWS,
 * BENCH_IMPORT_BUILDINGS, BENCH_IMPORT_RUNS (default 3, median reported), BENCH_IMPORT_SKIP_PG=1, BENCH_IMPORT_SAVE=<path>.
 */

const ROWS = envNumber('BENCH_IMPORT_ROWS', 10_000);
const EXISTING = envNumber('BENCH_IMPORT_BUILDINGS', 5_000);
const RUNS = envNumber('BENCH_IMPORT_RUNS', 3);
const TARGET_S = 10;
const PG_URL = process.env.QIFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const ROADS = [
  '香港中路',
  '东海西路',
  '山东路',
  '南京路',
  '延安三路',
  '闽江路',
  '燕儿岛路',
  '宁夏路',
  '珠海路',
  '澳门路',
  '中山路',
  '湖北路',
  '江苏路',
  '云南路',
  '四川路',
  '汇泉路',
  '福州南路',
  '彰化路',
  '金门路',
  '江西路',
];
const WORDS = [
  '国际',
  '金融',
  '科创',
  '海景',
  '信息',
  '数字',
  '海洋',
  '商务',
  '时代',
  '中心',
  '环球',
  '财富',
  '创新',
  '文化',
  '蓝色',
  '港湾',
  '世纪',
  '银河',
  '凯旋',
  '天成',
];
const SUFFIX = ['大厦', '中心', '广场', '商务楼', '科技园', '产业园', '国际中心', '写字楼'];

function buildingName(rng: SeededRandom, i: number): string {
  return `${rng.pick(ROADS).slice(0, 2)}${rng.pick(WORDS)}${rng.pick(WORDS)}${rng.pick(SUFFIX)}${i % 7 === 0 ? `${(i % 3) + 1}号楼` : ''}`;
}

/** The existing district: EXISTING buildings, 4 spaces each, inserted in bulk. */
async function seedExisting(db: DatabaseHandle['db'], rng: SeededRandom) {
  await db
    .insertInto('streets')
    .values(DEMO_STREETS.map((s, i) => ({ code: s.code, name: s.name, sortOrder: i + 1 })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const now = new Date().toISOString();
  const buildings: Insertable<BuildingTable>[] = [];
  const spaces: Insertable<BuildingSpaceTable>[] = [];
  const names = new Set<string>();
  for (let i = 0; buildings.length < EXISTING; i++) {
    const name = buildingName(rng, i);
    if (names.has(name)) continue;
    names.add(name);
    const id = newId();
    buildings.push({
      id,
      name,
      streetCode: rng.pick(DEMO_STREETS).code,
      address: `${rng.pick(ROADS)}${rng.int(1, 300)}号`,
      lat: 36.045 + rng.real(0, 0.035),
      lng: 120.3 + rng.real(0, 0.12),
      grade: rng.pick(['super_a', 'a', 'b', 'c']),
      use: 'office',
      floorsAbove: rng.int(6, 60),
      floorsBelow: 2,
      grossArea: null,
      completedYear: null,
      developer: null,
      propertyManager: null,
      contactName: null,
      contactPhone: null,
      description: '',
      tags: '[]',
      source: 'manual',
      sourceNote: null,
      lastVerifiedOn: null,
      status: 'active',
      spaceCount: 4,
      vacantCount: 2,
      leasableArea: 0,
      vacantArea: 0,
      vacancyRate: 0,
      minRentMonthly: null,
      maxRentMonthly: null,
      minVacantArea: null,
      maxVacantArea: null,
      occupantTaxWan: null,
      taxFlag: null,
      heatSortKey: 0,
      createdBy: null,
      updatedBy: null,
      createdAt: now,
      updatedAt: now,
    });
    for (let k = 1; k <= 4; k++) {
      const unit = `${k + 1}0${k}`;
      spaces.push({
        id: newId(),
        buildingId: id,
        floor: k + 1,
        unit,
        unitKey: unitKey(unit),
        area: 200,
        rentAmount: 3,
        rentUnit: 'yuan_per_sqm_day',
        rentMonthly: 91.25,
        status: k % 2 ? 'vacant' : 'leased',
        decoration: null,
        availableFrom: null,
        orientation: null,
        description: '',
        source: 'manual',
        lastVerifiedOn: null,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  for (let i = 0; i < buildings.length; i += 100)
    await db
      .insertInto('buildings')
      .values(buildings.slice(i, i + 100))
      .execute();
  for (let i = 0; i < spaces.length; i += 200)
    await db
      .insertInto('buildingSpaces')
      .values(spaces.slice(i, i + 200))
      .execute();
  return buildings.map((b) => ({ name: b.name as string, address: b.address as string }));
}

const streetForms = (s: (typeof DEMO_STREETS)[number], rng: SeededRandom) =>
  rng.pick([s.name, s.name.replace('街道', ''), `市南区${s.name}`, `${s.name}办事处`, s.code]);

/** The 10,000-row workbook: ~6 % 楼宇 rows, the rest 房源 rows spread over them and over existing buildings. */
async function makeFile(existing: { name: string; address: string }[], rng: SeededRandom) {
  const nBuildings = Math.round(ROWS * 0.06);
  const nSpaces = ROWS - nBuildings;
  const wb = new ExcelJS.Workbook();
  const bs = wb.addWorksheet('楼宇');
  bs.addRow(BUILDING_COLUMNS.map((c) => c.header));
  const fileNames: string[] = [];
  let errors = 0;
  for (let i = 0; i < nBuildings; i++) {
    // Every 20th row re-states an existing building (merged into it); the rest are new.
    const old = i % 20 === 0 ? rng.pick(existing) : null;
    const name = old ? old.name : `${buildingName(rng, i)}${rng.pick(['', 'A座', 'B座', '二期'])}·新${i}`;
    fileNames.push(name);
    const bad = rng.chance(0.02);
    if (bad) errors++;
    const values: Record<string, unknown> = {
      name,
      street: bad ? '李村街道' : streetForms(rng.pick(DEMO_STREETS), rng),
      address: old ? old.address : `${rng.pick(ROADS)}${rng.int(1, 400)}号`,
      grade: rng.pick(['超甲级', '甲级', '甲', '5A甲级', '乙级', '乙', '丙级']),
      use: rng.pick(['写字楼', '办公楼', '商业综合体', '产业园', '孵化器', '商务公寓']),
      floorsAbove: rng.pick([`${rng.int(8, 60)}层`, rng.int(8, 60)]),
      floorsBelow: rng.int(0, 4),
      grossArea: rng.pick([
        `${rng.int(2, 15)}万平米`,
        `${rng.int(20, 90)},${rng.int(100, 999)}`,
        rng.int(20000, 120000),
      ]),
      completedYear: rng.int(1995, 2024),
      propertyManager: rng.pick(['万科物业', '绿城服务', '中海物业', '']),
      contactPhone: rng.pick(['0532-8890 1234', '13805321234', '(0532)66001234转8', '']),
      lat: 36.045 + rng.real(0, 0.035),
      lng: 120.3 + rng.real(0, 0.12),
      tags: rng.pick(['金融楼宇', '科技楼宇、总部楼宇', '', '特色楼宇,文旅楼宇']),
    };
    bs.addRow(BUILDING_COLUMNS.map((c) => values[c.key] ?? null));
  }
  const ss = wb.addWorksheet('房源');
  ss.addRow(SPACE_COLUMNS.map((c) => c.header));
  const cn = [
    '一',
    '二',
    '三',
    '四',
    '五',
    '六',
    '七',
    '八',
    '九',
    '十',
    '十一',
    '十二',
    '十三',
    '十四',
    '十五',
  ];
  let repeats = 0;
  let previous: unknown[] | null = null;
  for (let i = 0; i < nSpaces; i++) {
    if (previous && rng.chance(0.01)) {
      ss.addRow(previous); // the same space twice in the file
      repeats++;
      continue;
    }
    const building = rng.chance(0.85) ? rng.pick(fileNames) : rng.pick(existing).name;
    const floor = rng.int(1, 15);
    const unit = `${floor}${String(rng.int(1, 30)).padStart(2, '0')}`;
    const day = round1(rng.real(1.2, 6));
    const rentForm = rng.int(0, 5);
    const rent = [
      `${day}元/㎡·天`,
      `${day}元/平米/天`,
      Math.round(day * 30.4),
      `月租${Math.round(day * 30.4)}`,
      `日租${day}`,
      day,
    ][rentForm];
    const rentUnit = rentForm === 2 ? '元/㎡·月' : rentForm === 5 ? '元/㎡·天' : '';
    const area = rng.int(60, 2000);
    const bad = rng.chance(0.02);
    if (bad) errors++;
    const values: Record<string, unknown> = {
      buildingName: building,
      floor: rng.pick([
        floor,
        `${floor}F`,
        `${floor}层`,
        `第${cn[floor - 1]}层`,
        floor === 1 ? 'B1' : `F${floor}`,
      ]),
      unit: rng.pick([unit, `${unit}室`, `#${unit}`]),
      area: bad
        ? -area
        : rng.pick([
            area,
            `${area.toLocaleString('en-US')}平米`,
            `${area}㎡`,
            `约${area}`,
            `${area}-${area + 100}㎡`,
          ]),
      rent: rng.chance(0.05) ? null : rent,
      rentUnit,
      status: rng.pick(['待租', '空置', '招租中', '已出租', '已租', '已预订', '']),
      decoration: rng.pick(['毛坯', '简装', '精装', '精装修', '豪华装修', '']),
      availableFrom: rng.pick(['', '2026/12/1', '2027年1月15日', '2026-12-20']),
      orientation: rng.pick(['', '南', '东南', '海景']),
    };
    previous = SPACE_COLUMNS.map((c) => values[c.key] ?? null);
    ss.addRow(previous);
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  // BENCH_IMPORT_SAVE=<path> keeps the generated file, e.g. to profile the reader alone.
  if (process.env.BENCH_IMPORT_SAVE) fs.writeFileSync(process.env.BENCH_IMPORT_SAVE, data);
  return { data, buildings: nBuildings, spaces: nSpaces, errors, repeats };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function post(port: number, path: string, body: Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: LOOPBACK,
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(label: string, database: DatabaseHandle) {
  const rng = new SeededRandom(5);
  await migrateToLatest(database);
  let t = performance.now();
  const existing = await seedExisting(database.db, rng);
  log(`   ${label}: ${EXISTING} existing buildings (+${EXISTING * 4} spaces) in ${s(performance.now() - t)}`);
  t = performance.now();
  const file = await makeFile(existing, rng);
  log(
    `   ${label}: file ${ROWS} rows, ${(file.data.length / 1024 / 1024).toFixed(2)} MB, generated in ${s(performance.now() - t)}`,
  );

  const config = loadConfig({ NODE_ENV: 'test', QIFU_SEED_DEMO: 'false', QIFU_JOBS: 'false' });
  const app = await buildApp({ config, database, clock: systemClock, logger: false, webRoot: null });
  await app.listen({ port: 0, host: LOOPBACK });
  const port = (app.server.address() as { port: number }).port;
  const staff = await makeStaff(database, ['building_editor']);
  const cookie = await login(app, staff.username, staff.password);
  const boundary = `----bench${randomBytes(6).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const times: number[] = [];
  let report: { summary: Record<string, number> } | null = null;
  let payloadBytes = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const res = await post(port, '/api/v1/buildings/import', body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie,
        origin: `http://${LOOPBACK}:${port}`,
        host: `${LOOPBACK}:${port}`,
      });
      times.push(performance.now() - start);
      if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.body.slice(0, 400)}`);
      payloadBytes = res.body.length;
      report = JSON.parse(res.body).report;
    }
  } finally {
    await app.close();
  }
  // Reference: exceljs loading the same file (whole workbook in memory, no parsing of our own).
  const refs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await new ExcelJS.Workbook().xlsx.load(file.data as unknown as ArrayBuffer);
    refs.push(performance.now() - start);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  return {
    label,
    file,
    preview: median(times),
    all: times,
    reference: median(refs),
    report: report!,
    payloadBytes,
  };
}

export async function run(): Promise<BenchReport> {
  const name = 'building-import';
  log(`\n== ${name}: ${ROWS}-row .xlsx → preview report over HTTP, ${EXISTING} existing buildings ==`);
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  const notes: string[] = [];
  const rows: SummaryRow[] = [];
  try {
    const sqlite = openDatabase({ sqliteFile: ':memory:' });
    try {
      results.push(await measure('SQLite', sqlite));
    } finally {
      await sqlite.close();
    }
    if (process.env.BENCH_IMPORT_SKIP_PG !== '1' && (await pgReachable(PG_URL))) {
      const schema = `bench_import_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const handle = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 });
      try {
        results.push(await measure('PostgreSQL', handle));
      } finally {
        await handle.close();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    } else notes.push('PostgreSQL not reachable (or BENCH_IMPORT_SKIP_PG=1): SQLite only');
  } catch (err) {
    rows.push({
      benchmark: `import preview ${ROWS} rows`,
      figure: 'error',
      reference: '-',
      target: `≤ ${TARGET_S} s`,
      verdict: 'ERROR',
    });
    notes.push(String(err instanceof Error ? err.stack : err));
    return { name, rows, notes, details: {} };
  }
  for (const r of results) {
    rows.push({
      benchmark: `import preview ${ROWS} rows, ${EXISTING} buildings (${r.label})`,
      figure: `${s(r.preview)} (runs ${r.all.map((x) => round1(x / 1000)).join(' / ')} s)`,
      reference: `exceljs xlsx.load same file ${s(r.reference)}`,
      target: `≤ ${TARGET_S} s`,
      verdict: r.preview <= TARGET_S * 1000 ? 'PASS' : 'FAIL',
    });
    const sum = r.report.summary;
    notes.push(
      `${r.label}: report ${sum.rows} rows — ${sum.ok} ok, ${sum.withWarnings} with warnings, ${sum.withErrors} with errors; ${sum.newBuildings} new + ${sum.updatedBuildings} merged buildings, ${sum.newSpaces} new + ${sum.updatedSpaces} updated spaces; answer ${(r.payloadBytes / 1024 / 1024).toFixed(2)} MB`,
    );
  }
  const f = results[0]!.file;
  notes.push(
    `file: ${f.buildings} 楼宇 rows + ${f.spaces} 房源 rows, ${(f.data.length / 1024 / 1024).toFixed(2)} MB; ${f.errors} rows made wrong on purpose, ${f.repeats} spaces repeated in the file; 5 % of 楼宇 rows re-state existing buildings, 15 % of spaces name existing buildings`,
    `measured: multipart upload, zip central-directory checks + capped inflation of every entry, exceljs streaming read, every cell parsed and normalised, duplicates of each 楼宇 row against all ${EXISTING} buildings and of each space, report + normalised rows stored — first byte sent to full report received; median of ${RUNS}`,
    `machine: ${os.cpus().length} CPU(s), load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  return {
    name,
    rows,
    notes,
    details: results.map((r) => ({
      db: r.label,
      previewMs: r.all.map(round2),
      referenceMs: round2(r.reference),
      summary: r.report.summary,
    })),
  };
}

if (isMain(import.meta.url)) {
  printAndSave(await run());
}
