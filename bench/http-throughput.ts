import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  BENCH_DIR,
  type BenchReport,
  type ChildServer,
  envNumber,
  httpGet,
  isMain,
  LOOPBACK,
  log,
  printAndSave,
  type SummaryRow,
  startChildServer,
} from './support';

/**
 * Requests per second of two public endpoints of the real app, beside a bare Fastify hello-world measured in the
 * same run with the same load. Each server runs in its own child process; autocannon runs here.
 */

const CONNECTIONS = 10;
const PIPELINING = 1;
/** BENCH_DURATION_S / BENCH_WARMUP_S shorten a trial run; the reported figures use the defaults. */
const DURATION_S = envNumber('BENCH_DURATION_S', 10);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 2);
const TARGET_RATIO = 0.5;
/** The general per-IP API limit (default 1200/min) would answer the load generator 429 within a second. */
const RATE_LIMIT_PER_MINUTE = '100000000';

const ENDPOINTS = [
  { label: 'GET /api/health', path: '/api/health', expect: /^\{"status":"ok"\}$/ },
  {
    label: 'GET /api/v1/calendar/add-workdays',
    path: '/api/v1/calendar/add-workdays?from=2026-01-30&days=13',
    expect: /^\{"date":"\d{4}-\d{2}-\d{2}"\}$/,
  },
] as const;

export interface Measurement {
  label: string;
  url: string;
  requestsPerSecond: number;
  completed2xx: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  clean: boolean;
}

async function measure(label: string, port: number, urlPath: string): Promise<Measurement> {
  const url = `http://${LOOPBACK}:${port}${urlPath}`;
  log(`  ${label}: ${WARMUP_S} s warm-up + ${DURATION_S} s …`);
  const opts = { url, connections: CONNECTIONS, pipelining: PIPELINING };
  await autocannon({ ...opts, duration: WARMUP_S });
  const r = await autocannon({ ...opts, duration: DURATION_S });
  const m: Measurement = {
    label,
    url,
    requestsPerSecond: Math.round(r.requests.average),
    completed2xx: r['2xx'],
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    clean: r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r['2xx'] > 0,
  };
  log(
    `    ${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms` +
      (m.clean ? '' : ` — NOT CLEAN: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx`),
  );
  return m;
}

/** One GET before the load, so a wrong answer (404, 429, an error body) is caught instead of measured. */
async function checkAnswer(port: number, urlPath: string, expect: RegExp): Promise<string> {
  const res = await httpGet(port, urlPath);
  if (res.status !== 200 || !expect.test(res.body)) {
    throw new Error(`GET ${urlPath} answered ${res.status} ${res.body.slice(0, 300)}`);
  }
  return res.body;
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

export async function run(): Promise<BenchReport> {
  const name = 'http-throughput';
  log(
    `\n== ${name}: app vs bare Fastify, autocannon ${CONNECTIONS} connections, pipelining ${PIPELINING} ==`,
  );
  log(
    `   app config: QIFU_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE} (general API rate limit raised for the load generator), LOG_LEVEL=warn, NODE_ENV=production, SQLite`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-bench-http-'));
  const appEnv = {
    ...withoutDatabaseUrl(process.env),
    QIFU_DATA_DIR: dataDir,
    QIFU_RATE_LIMIT_PER_MINUTE: RATE_LIMIT_PER_MINUTE,
    QIFU_SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    HOST: LOOPBACK,
  };
  let app: ChildServer | undefined;
  let baseline: ChildServer | undefined;
  try {
    [app, baseline] = await Promise.all([
      startChildServer(path.join(BENCH_DIR, 'servers/app.ts'), appEnv),
      startChildServer(path.join(BENCH_DIR, 'servers/baseline.ts'), withoutDatabaseUrl(process.env)),
    ]);
    log(
      `   app pid ${app.pid} on ${LOOPBACK}:${app.port}; baseline pid ${baseline.pid} on ${LOOPBACK}:${baseline.port}`,
    );
    await checkAnswer(baseline.port, '/', /^\{"hello":"world"\}$/);
    const answers: Record<string, string> = {};
    for (const e of ENDPOINTS) answers[e.path] = await checkAnswer(app.port, e.path, e.expect);

    // The baseline is measured before and after the app so that drift over the run (other load, CPU boost)
    // shows up and is averaged rather than favouring whichever went first.
    const baseBefore = await measure('baseline GET / (before)', baseline.port, '/');
    const appRuns: Measurement[] = [];
    for (const e of ENDPOINTS) appRuns.push(await measure(`app ${e.label}`, app.port, e.path));
    const baseAfter = await measure('baseline GET / (after)', baseline.port, '/');
    const reference = Math.round((baseBefore.requestsPerSecond + baseAfter.requestsPerSecond) / 2);

    const rows: SummaryRow[] = ENDPOINTS.map((e, i) => {
      const m = appRuns[i]!;
      const ratio = reference > 0 ? m.requestsPerSecond / reference : 0;
      const clean = m.clean && baseBefore.clean && baseAfter.clean;
      return {
        benchmark: `throughput ${e.label}`,
        figure: `${m.requestsPerSecond} req/s (ratio ${ratio.toFixed(2)})`,
        reference: `${reference} req/s bare Fastify`,
        target: `ratio ≥ ${TARGET_RATIO}`,
        verdict: clean && ratio >= TARGET_RATIO ? 'PASS' : 'FAIL',
      };
    });
    const notes = [
      `app and baseline each in their own child process on ${LOOPBACK}; autocannon in the parent; ${CONNECTIONS} connections, pipelining ${PIPELINING}, ${WARMUP_S} s warm-up + ${DURATION_S} s measured per target`,
      `app started with QIFU_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE} so the general rate limit does not answer 429; logger level warn`,
      `reference = mean of the baseline before (${baseBefore.requestsPerSecond}) and after (${baseAfter.requestsPerSecond}) the app runs`,
      `add-workdays answered ${answers[ENDPOINTS[1].path]}`,
      `${os.cpus().length} CPU(s): the load generator and the server under test share them`,
    ];
    const unclean = [baseBefore, ...appRuns, baseAfter].filter((m) => !m.clean);
    for (const m of unclean)
      notes.push(`${m.label} had ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx: FAIL`);
    return {
      name,
      rows,
      notes,
      details: {
        settings: {
          connections: CONNECTIONS,
          pipelining: PIPELINING,
          durationS: DURATION_S,
          warmupS: WARMUP_S,
          rateLimitPerMinute: Number(RATE_LIMIT_PER_MINUTE),
        },
        baseline: { before: baseBefore, after: baseAfter, referenceRequestsPerSecond: reference },
        app: appRuns.map((m) => ({ ...m, ratio: reference > 0 ? m.requestsPerSecond / reference : 0 })),
      },
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      name,
      rows: ENDPOINTS.map((e) => ({
        benchmark: `throughput ${e.label}`,
        figure: 'error',
        reference: '-',
        target: `ratio ≥ ${TARGET_RATIO}`,
        verdict: 'ERROR' as const,
      })),
      notes: [`could not run: ${message}`],
      details: { error: message },
    };
  } finally {
    await Promise.all([app?.stop(), baseline?.stop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  printAndSave(await run());
}
