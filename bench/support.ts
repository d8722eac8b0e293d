import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Config } from '../src/server/config';
import type { DatabaseHandle } from '../src/server/db/database';
import { SeededRandom } from '../src/server/db/seed/random';

/** Shared plumbing of the benchmarks: child servers, loopback polling, the summary table and the results file. */

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
/** Benchmarks talk to servers on this address only. */
export const LOOPBACK = '127.0.0.1';

/** One line of a summary table: a figure beside the reference measured in the same run. */
export interface SummaryRow {
  benchmark: string;
  figure: string;
  reference: string;
  target: string;
  verdict: 'PASS' | 'FAIL' | 'ERROR';
}

export interface BenchReport {
  name: string;
  rows: SummaryRow[];
  notes: string[];
  details: unknown;
}

/** True when the file with this import.meta.url is the script node (or tsx) was asked to run. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return metaUrl === pathToFileURL(path.resolve(entry)).href;
}

/** A number from the environment, so a quick trial run can shorten the defaults without editing code. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now (the OS picks it; a tiny race with other processes is acceptable here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, LOOPBACK, () => {
      const addr = srv.address();
      if (!addr || typeof addr === 'string') return reject(new Error('no port'));
      srv.close(() => resolve(addr.port));
    });
  });
}

/** One GET on loopback; resolves with status and body, rejects on connection errors. */
export function httpGet(
  port: number,
  urlPath: string,
  timeoutMs = 2000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: LOOPBACK, port, path: urlPath, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Keep the last bytes a child wrote, to explain a failure without flooding the terminal. */
export class OutputTail {
  private text = '';
  constructor(private readonly max = 4000) {}
  push(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.max);
  }
  toString(): string {
    return this.text.trim();
  }
}

export interface ChildServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Wait for a child process to exit, killing it with SIGKILL if SIGTERM is not enough within graceMs. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Run a TypeScript server entry in its own Node process (through the tsx loader) so that it does not share an
 * event loop with the load generator. The entry listens on a free loopback port and sends `{ port }` over IPC.
 */
export function startChildServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  startTimeoutMs = 30_000,
): Promise<ChildServer> {
  const tail = new OutputTail();
  const child = fork(entry, [], {
    cwd: REPO_ROOT,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (c: Buffer) => tail.push(c));
  child.stderr?.on('data', (c: Buffer) => tail.push(c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`${path.basename(entry)} did not start within ${startTimeoutMs} ms\n${tail}`));
    }, startTimeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${path.basename(entry)} exited before listening (code ${code}, signal ${signal})\n${tail}`,
        ),
      );
    });
    child.once('message', (msg: unknown) => {
      clearTimeout(timer);
      const port = (msg as { port?: unknown } | null)?.port;
      if (typeof port !== 'number') {
        void stopChild(child);
        reject(new Error(`${path.basename(entry)} sent an unexpected message: ${JSON.stringify(msg)}`));
        return;
      }
      child.removeAllListeners('exit');
      resolve({ port, pid: child.pid ?? -1, stop: () => stopChild(child) });
    });
  });
}

/** Called by a child server entry once it listens: report the port and exit when the parent goes away. */
export function announceListening(port: number, close: () => Promise<void>): void {
  const shutdown = () => {
    void close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.once('disconnect', shutdown);
  process.send?.({ port });
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

/** A plain aligned text table. */
export function formatTable(rows: SummaryRow[]): string {
  const cols = ['benchmark', 'figure', 'reference', 'target', 'verdict'] as const;
  const headers = ['benchmark', 'figure', 'reference (same run)', 'target', 'result'];
  const cells = [headers, ...rows.map((r) => cols.map((c) => r[c]))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Write the results JSON to bench/results/<name>-<timestamp>.json and <name>-latest.json; returns the path. */
export function saveResults(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  const text = `${JSON.stringify(data, null, 2)}\n`;
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}-latest.json`), text);
  return path.relative(REPO_ROOT, file);
}

/** Print a report's table and notes, save it, and set the exit code when the benchmark could not run. */
export function printAndSave(report: BenchReport): void {
  process.stdout.write(`\n${formatTable(report.rows)}\n`);
  for (const note of report.notes) process.stdout.write(`  note: ${note}\n`);
  const file = saveResults(report.name, { ...report, machine: machineInfo(), at: new Date().toISOString() });
  process.stdout.write(`\nresults saved to ${file}\n`);
  if (report.rows.some((r) => r.verdict === 'ERROR')) process.exitCode = 1;
}

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

// --- latency per query class (bench/search.ts, bench/policy-search.ts) ---------------------------------------

// bench/autocannon.d.ts declares only the options the throughput benchmarks use; the latency runs also need the
// documented per-request hook (`requests[].setupRequest`) and the instance's `response` event, typed here.
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (req: { path?: string }) => { path?: string } }[];
}
interface CannonInstance extends PromiseLike<{ non2xx: number; errors: number; timeouts: number }> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
const cannon = autocannon as unknown as (opts: CannonOptions) => CannonInstance;

export interface Latency {
  label: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** 1-minute load average when the run ended. */
  load1: number;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** How a latency run loads the server. */
export interface LoadShape {
  connections: number;
  /** Seconds of unrecorded warm-up before each run (never longer than the run). */
  warmupS: number;
  /** Print a line per run as it finishes. */
  verbose?: boolean;
}

/**
 * autocannon over GETs of `paths` (picked at random, seeded, so runs compare), with every response time kept so
 * p95 is exact (autocannon's own table has p90 and p97.5).
 */
export async function measureLatency(
  label: string,
  port: number,
  paths: string[],
  durationS: number,
  shape: LoadShape,
): Promise<Latency> {
  const random = new SeededRandom(7);
  const times: number[] = [];
  const run = (duration: number, keep: boolean) => {
    const instance = cannon({
      url: `http://${LOOPBACK}:${port}`,
      connections: shape.connections,
      duration,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: random.pick(paths) }) }],
    });
    if (keep) instance.on('response', (_c, _s, _b, ms) => times.push(ms));
    return instance;
  };
  await run(Math.min(shape.warmupS, durationS), false);
  const r = await run(durationS, true);
  times.sort((a, b) => a - b);
  const m: Latency = {
    label,
    requests: times.length,
    requestsPerSecond: Math.round(times.length / durationS),
    p50: round1(percentile(times, 50)),
    p95: round1(percentile(times, 95)),
    p99: round1(percentile(times, 99)),
    max: round1(times[times.length - 1] ?? Number.NaN),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    load1: round1(os.loadavg()[0]!),
  };
  if (shape.verbose)
    log(
      `    ${label.padEnd(16)} p50 ${m.p50} ms  p95 ${m.p95} ms  p99 ${m.p99} ms  max ${m.max} ms  ${m.requestsPerSecond} req/s` +
        (m.non2xx || m.errors ? `  — ${m.non2xx} non-2xx, ${m.errors} errors` : ''),
    );
  return m;
}

/** Each query once: its total of matches (the route answers `{ total }`), logged on one line. */
export async function queryTotals(
  port: number,
  queries: Record<string, string[]>,
  pathOf: (q: string) => string,
  heading: string,
): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const q of Object.values(queries).flat()) {
    const res = await httpGet(port, pathOf(q), 10_000);
    if (res.status !== 200)
      throw new Error(`GET ${pathOf(q)} answered ${res.status} ${res.body.slice(0, 300)}`);
    totals[q] = (JSON.parse(res.body) as { total: number }).total;
  }
  log(
    `   ${heading}: ${Object.entries(totals)
      .map(([q, n]) => `${q} ${n}`)
      .join(', ')}`,
  );
  return totals;
}

/**
 * The latency runs of a search benchmark: the reference path (HTTP alone, at most 5 s), every query mixed, then
 * each query class on its own.
 */
export async function measureQueryClasses(opts: {
  port: number;
  reference: { label: string; path: string };
  mixedLabel: string;
  queries: Record<string, string[]>;
  pathOf: (q: string) => string;
  durationS: number;
  classDurationS: number;
  shape: LoadShape;
}): Promise<{ reference: Latency; mixed: Latency; classes: Latency[] }> {
  const { port, queries, pathOf, shape } = opts;
  const reference = await measureLatency(
    opts.reference.label,
    port,
    [opts.reference.path],
    Math.min(opts.durationS, 5),
    shape,
  );
  const mixed = await measureLatency(
    opts.mixedLabel,
    port,
    Object.values(queries).flat().map(pathOf),
    opts.durationS,
    shape,
  );
  const classes: Latency[] = [];
  for (const [name, qs] of Object.entries(queries))
    classes.push(await measureLatency(name, port, qs.map(pathOf), opts.classDurationS, shape));
  return { reference, mixed, classes };
}

// --- the real app under a search benchmark (bench/building-search.ts, bench/policy-search.ts) ---------------------

/**
 * The environment of the app a benchmark starts as its child server: data in `dataDir`, PostgreSQL at `databaseUrl`
 * when given (SQLite otherwise), production mode, logger at warn, no demo data, the rate limit raised out of the way.
 */
export function appServerEnv(
  baseEnv: NodeJS.ProcessEnv,
  dataDir: string,
  databaseUrl?: string,
): NodeJS.ProcessEnv {
  return {
    ...baseEnv,
    QIFU_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    QIFU_SEED_DEMO: 'false',
    QIFU_RATE_LIMIT_PER_MINUTE: '100000000',
  };
}

/**
 * Child-process entry: the real app as main.ts starts it, over the database the parent prepared, on a free loopback
 * port. The app is imported on demand, so that the benchmarks which use other helpers of this file do not load it.
 */
export async function serveApp(): Promise<void> {
  const [{ buildApp }, { loadConfig }, { migrateToLatest, openDatabase }, { warmUpSegmenter }] =
    await Promise.all([
      import('../src/server/app'),
      import('../src/server/config'),
      import('../src/server/db/database'),
      import('../src/server/platform/text/segment'),
    ]);
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database);
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: LOOPBACK });
  // main.ts loads the segmenter's dictionary a second after listening; the warm-up run would too.
  warmUpSegmenter();
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('app is not listening on TCP');
  announceListening(address.port, async () => {
    await app.close();
    await database.close();
  });
}

/**
 * The database of a benchmark's app env, opened in the parent process to load the data (in test mode, a pool of 4)
 * and migrated, with the rows `table` holds already: an earlier run's data in a kept folder or database, which the
 * benchmark measures again as it is. The caller closes the handle.
 */
export async function openBenchDatabase(
  env: NodeJS.ProcessEnv,
  table: 'buildings' | 'searchEntries',
): Promise<{ config: Config; handle: DatabaseHandle; held: number }> {
  const [{ loadConfig }, { migrateToLatest, openDatabase }] = await Promise.all([
    import('../src/server/config'),
    import('../src/server/db/database'),
  ]);
  const config = loadConfig({ ...env, NODE_ENV: 'test' });
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
    poolSize: 4,
  });
  try {
    await migrateToLatest(handle);
    const held = Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    return { config, handle, held };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/**
 * The end of a search benchmark's file, which is also its child server's entry: the app when `roleEnv` says so
 * (measureSearchServer sets it), the benchmark when the file is the script node was asked to run.
 */
export async function searchBenchMain(metaUrl: string, roleEnv: string, run: () => Promise<BenchReport>) {
  if (process.env[roleEnv] === 'server') await serveApp();
  else if (isMain(metaUrl)) printAndSave(await run());
}

/** PASS when a latency run answered every request with a 2xx and its p95 is within the target. */
export const p95Verdict = (m: Latency, targetP95Ms: number): 'PASS' | 'FAIL' =>
  m.non2xx || m.errors || !m.requests ? 'FAIL' : m.p95 <= targetP95Ms ? 'PASS' : 'FAIL';

/** The latency runs of a search benchmark, with the totals of its queries. */
export interface SearchRun {
  totals: Record<string, number>;
  reference: Latency;
  mixed: Latency;
  classes: Latency[];
  /** 1 / 5 / 15-minute load average just before and just after the latency runs. */
  loadAverage: { before: number[]; after: number[] };
}

/** One table of latency runs under a heading: the reference first, then each run against the p95 target. */
export function printLatencyTable(
  heading: string,
  reference: Latency,
  runs: Latency[],
  targetP95Ms: number,
): void {
  const head = ['query class', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'load', 'target', 'result'];
  const rows = [reference, ...runs].map((m) => [
    m.label + (m.non2xx || m.errors ? ` (${m.non2xx} non-2xx, ${m.errors} errors)` : ''),
    String(m.p50),
    String(m.p95),
    String(m.p99),
    String(m.max),
    String(m.requestsPerSecond),
    String(m.load1),
    m === reference ? 'reference' : `p95 ≤ ${targetP95Ms} ms`,
    m === reference ? '' : p95Verdict(m, targetP95Ms),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  log(`\n  ${heading}`);
  log(`  ${line(head)}`);
  for (const r of rows) log(`  ${line(r)}`);
}

/**
 * A search route of the real app under load: start `entry` as the child server, `warmUp` it, take each query's
 * total (`checkTotals` throws when the data does not exercise a query), run measureQueryClasses against
 * GET /api/health as the reference, print the table under `heading`, stop the server.
 */
export async function measureSearchServer(opts: {
  /** The benchmark's own file, run as the server with `roleEnv=server` (see searchBenchMain). */
  entry: string;
  roleEnv: string;
  env: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
  warmUp?(port: number): Promise<void>;
  queries: Record<string, string[]>;
  pathOf: (q: string) => string;
  checkTotals(totals: Record<string, number>): void;
  durationS: number;
  classDurationS: number;
  shape: LoadShape;
  heading: string;
  targetP95Ms: number;
}): Promise<SearchRun> {
  const server = await startChildServer(
    opts.entry,
    { ...opts.env, [opts.roleEnv]: 'server' },
    opts.startTimeoutMs,
  );
  try {
    await opts.warmUp?.(server.port);
    const totals = await queryTotals(server.port, opts.queries, opts.pathOf, 'matches');
    opts.checkTotals(totals);
    const before = os.loadavg().map(round1);
    const { reference, mixed, classes } = await measureQueryClasses({
      port: server.port,
      reference: { label: 'GET /api/health', path: '/api/health' },
      mixedLabel: 'all classes mixed',
      queries: opts.queries,
      pathOf: opts.pathOf,
      durationS: opts.durationS,
      classDurationS: opts.classDurationS,
      shape: opts.shape,
    });
    const after = os.loadavg().map(round1);
    printLatencyTable(opts.heading, reference, [mixed, ...classes], opts.targetP95Ms);
    return { totals, reference, mixed, classes, loadAverage: { before, after } };
  } finally {
    await server.stop();
  }
}

/**
 * The summary rows of a search run: every class mixed, and the worst class (PASS only when every run passes).
 * `label` names the benchmark, the database and the size.
 */
export function searchSummaryRows(
  label: string,
  run: Pick<SearchRun, 'reference' | 'mixed' | 'classes'>,
  targetP95Ms: number,
): SummaryRow[] {
  const worst = run.classes.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const allPass = [run.mixed, ...run.classes].every((m) => p95Verdict(m, targetP95Ms) === 'PASS');
  return [
    {
      benchmark: `${label}, all classes mixed`,
      figure: `p95 ${run.mixed.p95} ms (p50 ${run.mixed.p50}, p99 ${run.mixed.p99}, ${run.mixed.requestsPerSecond} req/s)`,
      reference: `${run.reference.label} p95 ${run.reference.p95} ms`,
      target: `p95 ≤ ${targetP95Ms} ms`,
      verdict: p95Verdict(run.mixed, targetP95Ms),
    },
    {
      benchmark: `${label}, worst class (${worst.label})`,
      figure: `p95 ${worst.p95} ms (p50 ${worst.p50}, p99 ${worst.p99}, ${worst.requestsPerSecond} req/s)`,
      reference: `${run.reference.label} p95 ${run.reference.p95} ms`,
      target: `p95 ≤ ${targetP95Ms} ms, every class`,
      verdict: allPass ? 'PASS' : 'FAIL',
    },
  ];
}

/** The summary row of a benchmark that could not run (the notes say why). */
export const errorRow = (benchmark: string, target: string): SummaryRow => ({
  benchmark,
  figure: 'error',
  reference: '-',
  target,
  verdict: 'ERROR',
});

/** The databases a benchmark measures on, as its report names them. */
export type BenchDatabase = 'SQLite' | 'PostgreSQL';

/**
 * A benchmark's run on each database in turn, into `report`: SQLite in a scratch folder (or in `keepDir`, kept for
 * another run), then PostgreSQL when reachable, in a throwaway database `qifu_bench_<random>` dropped afterwards (or
 * the `keepDb()` one, kept). A database that fails gives `failedRow` and a note; `skipSqliteEnv` / `skipPgEnv` name
 * the environment variables that skip one. `keepDb` is read only once PostgreSQL is found reachable.
 */
export async function runOnEachDatabase<R>(
  report: Pick<BenchReport, 'rows' | 'notes'> & { details: Record<string, unknown> },
  opts: {
    /** The scratch folders in the OS temp folder are named `<tmpPrefix>-…` and `<tmpPrefix>-pg-…`. */
    tmpPrefix: string;
    skipSqliteEnv: string;
    skipPgEnv: string;
    keepDir?: string | undefined;
    keepDb?(): string | undefined;
    pgHost: string;
    pgUser: string;
    /** Create the PostgreSQL database for the run (a kept one too, which may exist already). */
    createDb(name: string): void | Promise<void>;
    measure(database: BenchDatabase, dataDir: string, databaseUrl?: string): Promise<R>;
    rowsFor(result: R): SummaryRow[];
    noteFor(database: BenchDatabase, result: R): string;
    failedRow(database: BenchDatabase): SummaryRow;
  },
): Promise<void> {
  const { rows, notes, details } = report;
  const failed = (database: BenchDatabase, err: unknown) => {
    rows.push(opts.failedRow(database));
    notes.push(`${database} could not run: ${err instanceof Error ? err.message : String(err)}`);
  };

  if (process.env[opts.skipSqliteEnv]) notes.push(`SQLite skipped (${opts.skipSqliteEnv})`);
  else {
    const keep = opts.keepDir;
    if (keep) fs.mkdirSync(keep, { recursive: true });
    const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), `${opts.tmpPrefix}-`));
    try {
      const result = await opts.measure('SQLite', dir);
      rows.push(...opts.rowsFor(result));
      details.sqlite = result;
      notes.push(opts.noteFor('SQLite', result));
    } catch (err) {
      failed('SQLite', err);
    } finally {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const { pgHost: host, pgUser: user } = opts;
  if (process.env[opts.skipPgEnv]) notes.push(`PostgreSQL skipped (${opts.skipPgEnv})`);
  else if (!(await pgReachable(`postgres://${user}@${host}:5432/postgres`))) {
    notes.push(`PostgreSQL not reachable at ${host}:5432: skipped`);
  } else {
    const kept = opts.keepDb?.();
    const dbName = kept ?? `qifu_bench_${randomBytes(4).toString('hex')}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${opts.tmpPrefix}-pg-`));
    try {
      await opts.createDb(dbName);
      const result = await opts.measure('PostgreSQL', dir, `postgres://${user}@${host}:5432/${dbName}`);
      rows.push(...opts.rowsFor(result));
      details.postgres = result;
      notes.push(opts.noteFor('PostgreSQL', result));
    } catch (err) {
      failed('PostgreSQL', err);
    } finally {
      try {
        if (!kept) execFileSync('dropdb', ['-h', host, '-U', user, '--if-exists', dbName], { stdio: 'pipe' });
      } catch (err) {
        notes.push(`could not drop ${dbName}: ${err instanceof Error ? err.message : String(err)}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Whether a PostgreSQL server answers at this URL within 2 s (a benchmark skips PostgreSQL when not). */
export async function pgReachable(connectionString: string): Promise<boolean> {
  const c = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
