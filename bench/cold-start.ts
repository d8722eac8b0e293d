import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type BenchReport,
  envNumber,
  freePort,
  httpGet,
  isMain,
  LOOPBACK,
  log,
  median,
  OutputTail,
  printAndSave,
  REPO_ROOT,
  sleep,
} from './support';

/**
 * Cold start of `npm start` over an existing database: from spawning `node scripts/start.mjs` to the first
 * 200 from GET /api/health, polled every 10 ms. The reference is a one-line Node HTTP server timed the same way,
 * i.e. what Node itself costs to start on this machine.
 */

const RUNS = envNumber('BENCH_COLD_RUNS', 5);
const POLL_MS = 10;
const TARGET_MS = 2000;
const RUN_TIMEOUT_MS = 30_000;
/** The first start creates, migrates and seeds the database (and may build); it is not timed. */
const PREPARE_TIMEOUT_MS = 180_000;
/** The entry to measure; BENCH_START_SCRIPT may point elsewhere (e.g. dist/server/main.js) for comparison. */
const START_SCRIPT = process.env.BENCH_START_SCRIPT || 'scripts/start.mjs';

interface Spawned {
  child: ChildProcess;
  tail: OutputTail;
}

/** Spawn in a process group of its own, so that stopping it also stops anything it started (a server it forks). */
function spawnGroup(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const tail = new OutputTail();
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => tail.push(c));
  child.stderr?.on('data', (c: Buffer) => tail.push(c));
  return { child, tail };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup({ child }: Spawned): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  const deadline = performance.now() + 10_000;
  while (groupAlive(pid) && performance.now() < deadline) await sleep(20);
  if (groupAlive(pid)) signal('SIGKILL');
  while (groupAlive(pid)) await sleep(20);
}

/** Poll until GET answers 200; returns the instant it did. Throws if the process exits or the time runs out. */
async function waitForOk(s: Spawned, port: number, urlPath: string, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) {
      throw new Error(
        `process exited (code ${s.child.exitCode}, signal ${s.child.signalCode}) before answering\n${s.tail}`,
      );
    }
    try {
      const res = await httpGet(port, urlPath, 1000);
      if (res.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline)
      throw new Error(`no 200 from ${urlPath} within ${timeoutMs} ms\n${s.tail}`);
    await sleep(POLL_MS);
  }
}

/** Spawn, time until the first 200, stop. */
async function timeStart(
  args: (port: number) => string[],
  env: (port: number) => NodeJS.ProcessEnv,
  urlPath: string,
  timeoutMs: number,
) {
  const port = await freePort();
  const t0 = performance.now();
  const s = spawnGroup(args(port), env(port));
  try {
    const t1 = await waitForOk(s, port, urlPath, timeoutMs);
    return Math.round(t1 - t0);
  } finally {
    await stopGroup(s);
  }
}

function summary(values: number[]) {
  return {
    runsMs: values,
    medianMs: Math.round(median(values)),
    maxMs: Math.max(...values),
    minMs: Math.min(...values),
  };
}

export async function run(): Promise<BenchReport> {
  const name = 'cold-start';
  log(
    `\n== ${name}: node ${START_SCRIPT} over an existing SQLite database, until GET /api/health = 200 (poll every ${POLL_MS} ms), ${RUNS} runs ==`,
  );
  const notes: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-bench-cold-'));
  const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
  const appEnv = (port: number) => ({
    ...baseEnv,
    QIFU_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: LOOPBACK,
  });
  const appArgs = () => [START_SCRIPT];
  const refArgs = (port: number) => [
    '-e',
    `require('http').createServer((q,r)=>r.end('ok')).listen(${port},'${LOOPBACK}')`,
  ];
  try {
    if (!fs.existsSync(path.resolve(REPO_ROOT, START_SCRIPT)))
      throw new Error(`${START_SCRIPT} does not exist`);
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/server/main.js'))) {
      notes.push(
        'dist/server/main.js was missing before the run (`npm run bench` builds first; alone, run `npm run build`)',
      );
    }
    const prepareMs = await timeStart(appArgs, appEnv, '/api/health', PREPARE_TIMEOUT_MS);
    const dbFile = path.join(dataDir, 'qifu.sqlite');
    if (!fs.existsSync(dbFile)) throw new Error(`the first start did not create ${dbFile}`);
    log(`  first start (creates, migrates and seeds the database; not counted): ${prepareMs} ms`);

    // Alternate app and reference so that any drift over the run touches both alike.
    const app: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      app.push(await timeStart(appArgs, appEnv, '/api/health', RUN_TIMEOUT_MS));
      ref.push(await timeStart(refArgs, () => baseEnv, '/', RUN_TIMEOUT_MS));
      log(`  run ${i + 1}/${RUNS}: app ${app[i]} ms, bare node http ${ref[i]} ms`);
    }
    const a = summary(app);
    const r = summary(ref);
    notes.push(
      `verdict on the slowest of ${RUNS} runs; PORT free loopback port, HOST=${LOOPBACK}, QIFU_DATA_DIR a prepared temp dir`,
    );
    notes.push(
      `reference: node -e "require('http').createServer((q,r)=>r.end('ok')).listen(P,'${LOOPBACK}')", timed the same way`,
    );
    return {
      name,
      rows: [
        {
          benchmark: `cold start (${START_SCRIPT} → /api/health 200)`,
          figure: `median ${a.medianMs} ms, max ${a.maxMs} ms`,
          reference: `median ${r.medianMs} ms, max ${r.maxMs} ms bare node http`,
          target: `≤ ${TARGET_MS} ms`,
          verdict: a.maxMs <= TARGET_MS ? 'PASS' : 'FAIL',
        },
      ],
      notes,
      details: {
        startScript: START_SCRIPT,
        pollMs: POLL_MS,
        firstStartMs: prepareMs,
        app: a,
        reference: r,
        targetMs: TARGET_MS,
      },
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      name,
      rows: [
        {
          benchmark: `cold start (${START_SCRIPT} → /api/health 200)`,
          figure: 'error',
          reference: '-',
          target: `≤ ${TARGET_MS} ms`,
          verdict: 'ERROR',
        },
      ],
      notes: [...notes, `could not run: ${message}`],
      details: { error: message },
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  printAndSave(await run());
}
