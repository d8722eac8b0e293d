import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/server/db/database';
import type { Database } from '../src/server/db/schema';
import { SeededRandom } from '../src/server/db/seed/random';
import { loadEnterpriseFacts, needsOf, ruleFactKeys } from '../src/server/modules/policies/enterprise-facts';
import { compileRule } from '../src/server/modules/policies/rules';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { FixedClock } from '../src/server/platform/clock';
import { newId } from '../src/server/platform/ids';
import type { ProgramInput } from '../src/shared/policies';
import type { RuleSet } from '../src/shared/policy-rules';
import { type BenchReport, envNumber, isMain, log, printAndSave, type SummaryRow } from './support';

/**
 * 政策找企业 at district scale: publishing a benefit program evaluates its rules against every enterprise, records
 * the eligible ones with the facts that made them so, and notifies their members (SPEC §2.3 "Proactive push").
 * 100,000 generated enterprises (yearly figures for two years, qualifications for about a quarter, a confirmed
 * member for one in eight), in a temporary SQLite file and in a throwaway PostgreSQL schema.
 *
 * Measured end to end through the API (`app.inject`, one transaction: publish, evaluate, push records, inbox
 * rows, audit), three pushes per database:
 *   1. publish a 快申快享 program (高新/科小, 上年度营收 ≥ 2000万元, 研发投入 ≥ 100万元);
 *   2. change its rules (营收门槛降至 1000万元): version 2, only the newly eligible are notified;
 *   3. publish a 免申即享 program: the eligible also become candidate claims.
 * Target: each ≤ 2 s. Reference (same run, same data): the time to read the facts of every enterprise alone.
 *
 * `npx tsx bench/policy-push.ts`; BENCH_PUSH_ENTERPRISES shortens a trial run; BENCH_PG_URL names the server.
 */

const ENTERPRISES = envNumber('BENCH_PUSH_ENTERPRISES', 100_000);
const TARGET_MS = 2000;
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = '2026-11-26T02:00:00.000Z';
const PASSWORD = 'Bench!Push2026';
const STREETS = Array.from({ length: 10 }, (_, i) => ({
  code: `3702020${String(i + 1).padStart(2, '0')}`,
  name: `街道${i + 1}`,
  sortOrder: i,
}));
const INDUSTRIES = ['6511', '6513', '6531', '7240', '7590', '5179', '5812', '6110', '7010', '3919'];
const SIZES = ['micro', 'small', 'small', 'medium', 'large'];
const WAN = 10_000;
const LAST_YEAR = { ref: 'evaluation', offset: -1 } as const;

function techRules(revenueWan: number): RuleSet {
  return {
    schemaVersion: 1,
    conditions: {
      id: 'root',
      all: [
        {
          id: 'tech',
          label: '有效期内的高新技术企业或科技型中小企业',
          any: [
            {
              id: 'ht',
              label: '高新技术企业',
              kind: 'qualification',
              qualification: 'high_tech',
              validAtEvaluation: true,
            },
            {
              id: 'ts',
              label: '科技型中小企业',
              kind: 'qualification',
              qualification: 'tech_sme',
              validAtEvaluation: true,
            },
          ],
        },
        {
          id: 'rev',
          label: `上年度营业收入不低于${revenueWan}万元`,
          kind: 'compare',
          quantity: { of: 'yearly', metric: 'revenue', year: LAST_YEAR },
          op: '>=',
          value: revenueWan * WAN,
        },
        {
          id: 'rd',
          label: '上年度研发投入不低于100万元',
          kind: 'compare',
          quantity: { of: 'yearly', metric: 'rdSpending', year: LAST_YEAR },
          op: '>=',
          value: 100 * WAN,
        },
        { id: 'lawful', label: '依法合规经营', kind: 'manual' },
      ],
    },
    amount: {
      kind: 'rate',
      percent: 10,
      base: { of: 'increment', metric: 'rdSpending', from: { ref: 'evaluation', offset: -2 }, to: LAST_YEAR },
      cap: 150 * WAN,
    },
  };
}

const NO_APPLICATION_RULES: RuleSet = {
  schemaVersion: 1,
  conditions: {
    id: 'root',
    all: [
      {
        id: 'ht',
        label: '高新技术企业（有效期内）',
        kind: 'qualification',
        qualification: 'high_tech',
        validAtEvaluation: true,
      },
      {
        id: 'rev',
        label: '上年度营业收入不低于5000万元',
        kind: 'compare',
        quantity: { of: 'yearly', metric: 'revenue', year: LAST_YEAR },
        op: '>=',
        value: 5000 * WAN,
      },
    ],
  },
  amount: { kind: 'fixed', amount: 20 * WAN },
};

// ——— data ———

async function insertRows<T extends keyof Database & string>(
  handle: DatabaseHandle,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (!rows.length) return;
  const maxParams = handle.dialect.name === 'sqlite' ? 30_000 : 60_000;
  const size = Math.max(1, Math.floor(maxParams / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += size) {
    await handle.db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccOf(i: number): string {
  let s = '';
  let n = i;
  for (let k = 0; k < 10; k++) {
    s = USCC_CHARS[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return `91370202${s}`;
}

interface Fixture {
  editorUsername: string;
  departmentId: string;
  members: number;
}

async function generate(handle: DatabaseHandle, n: number): Promise<Fixture> {
  const rng = new SeededRandom(20_261_126);
  const now = NOW;
  await insertRows(handle, 'streets', STREETS);
  await insertRows(
    handle,
    'qualificationKinds',
    ['high_tech', 'tech_sme', 'specialized_sme'].map((code, i) => ({
      code,
      name: code,
      sortOrder: i,
      active: 1,
    })),
  );
  const departmentId = newId();
  await insertRows(handle, 'departments', [
    {
      id: departmentId,
      code: 'sci_tech',
      name: '区科学技术局',
      kind: 'bureau',
      parentId: null,
      sortOrder: 1,
      phone: null,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  const hash = await hashPassword(PASSWORD);
  const editorId = newId();
  const user = (id: string, username: string | null, phone: string | null, kind: string) => ({
    id,
    username,
    phone,
    displayName: username ?? phone ?? id,
    passwordHash: hash,
    passwordChangedAt: now,
    kind,
    departmentId: kind === 'staff' ? departmentId : null,
    status: 'active',
    lockedUntil: null,
    totpSecret: null,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
  });
  await insertRows(handle, 'users', [user(editorId, 'bench_editor', null, 'staff')]);
  await insertRows(handle, 'userRoles', [{ userId: editorId, role: 'policy_editor', createdAt: now }]);

  const CHUNK = 20_000;
  let members = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const enterprises: Insertable<Database['enterprises']>[] = [];
    const yearly: Insertable<Database['enterpriseYearly']>[] = [];
    const quals: Insertable<Database['enterpriseQualifications']>[] = [];
    const users: ReturnType<typeof user>[] = [];
    const bindings: Insertable<Database['enterpriseBindings']>[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const id = newId();
      enterprises.push({
        id,
        uscc: usccOf(i),
        name: `基准测试企业${i}有限公司`,
        legalRepresentative: null,
        registeredCapital: rng.int(10, 5000),
        establishedOn: `${rng.int(1995, 2025)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
        registeredAddress: null,
        streetCode: rng.pick(STREETS).code,
        industryCode: rng.pick(INDUSTRIES),
        employees: rng.int(3, 800),
        insuredEmployees: null,
        sizeClass: rng.pick(SIZES),
        building: null,
        unit: null,
        tags: '[]',
        liaisonUserId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      // Revenue 30万 … 5亿 (log-uniform), R&D for tech-minded firms.
      const base = Math.exp(rng.real(Math.log(30), Math.log(50_000)));
      const rd = rng.chance(0.45) ? rng.real(0.02, 0.15) : null;
      for (const [year, f] of [
        [2024, 1],
        [2025, rng.real(0.8, 1.35)],
      ] as const) {
        const revenue = Math.round(base * f * 100) / 100;
        yearly.push({
          enterpriseId: id,
          year,
          revenue,
          taxPaid: Math.round(revenue * 0.04 * 100) / 100,
          rdSpending: rd === null ? null : Math.round(revenue * rd * 100) / 100,
          exports: null,
          totalAssets: null,
        });
      }
      for (const [kind, p] of [
        ['high_tech', 0.14],
        ['tech_sme', 0.1],
        ['specialized_sme', 0.04],
      ] as const) {
        if (!rng.chance(p)) continue;
        const y = rng.int(2020, 2025);
        quals.push({
          id: newId(),
          enterpriseId: id,
          kind,
          recognizedOn: `${y}-1${rng.int(0, 2)}-15`,
          expiresOn: `${y + 3}-1${rng.int(0, 2)}-14`,
          certificateNo: null,
          source: 'import',
          sourceRef: 'bench',
          updatedBy: null,
          updatedAt: now,
        });
      }
      if (rng.chance(0.125)) {
        const uid = newId();
        users.push(user(uid, null, `1${String(3_000_000_000 + i).slice(0, 10)}`, 'enterprise'));
        bindings.push({
          id: newId(),
          userId: uid,
          enterpriseId: id,
          role: 'enterprise_admin',
          status: 'confirmed',
          note: null,
          claimedName: null,
          requestedAt: now,
          decidedAt: now,
          decidedBy: null,
        });
      }
    }
    await insertRows(handle, 'enterprises', enterprises);
    await insertRows(handle, 'enterpriseYearly', yearly);
    await insertRows(handle, 'enterpriseQualifications', quals);
    await insertRows(handle, 'users', users);
    await insertRows(handle, 'enterpriseBindings', bindings);
    members += users.length;
  }
  return { editorUsername: 'bench_editor', departmentId, members };
}

// ——— the measured pushes ———

interface PushRun {
  label: string;
  ms: number;
  push: {
    evaluated: number;
    eligible: number;
    notifiedEnterprises: number;
    notifications: number;
    candidates: number;
    elapsedMs: number;
  };
}

async function measure(handle: DatabaseHandle, dataDir: string, fixture: Fixture) {
  const config = loadConfig({ NODE_ENV: 'test', QIFU_SEED_DEMO: 'false', QIFU_DATA_DIR: dataDir });
  const app = await buildApp({
    config,
    database: handle,
    clock: new FixedClock(NOW),
    logger: false,
    webRoot: null,
  });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: fixture.editorUsername, password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = `qifu_session=${login.cookies.find((c) => c.name === 'qifu_session')!.value}`;
    const call = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
      const res = await app.inject({
        method,
        url: `/api/v1${url}`,
        payload: payload as object,
        headers: { cookie },
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const doc = await call('POST', '/policies/documents', {
      title: '市南区支持科技型企业发展若干措施',
      docNumber: '青南政发〔2026〕99号',
      issuer: '青岛市市南区人民政府',
      level: 'district',
      topics: ['tech_innovation'],
      issuedOn: '2026-10-01',
      bodyHtml: '<p>对研发投入增长的科技型企业给予补助。</p>',
    });
    await call('POST', `/policies/documents/${doc.id}/publish`, { revision: doc.revision });
    const input = (title: string, mode: ProgramInput['mode'], rules: RuleSet): ProgramInput => ({
      documentId: doc.id,
      title,
      summary: null,
      beneficiaries: '本区科技型企业',
      mode,
      departmentId: fixture.departmentId,
      budget: null,
      windowStart: '2026-11-01',
      windowEnd: '2026-12-31',
      materials: [],
      rules,
    });
    const runs: PushRun[] = [];
    const timed = async (label: string, method: 'POST' | 'PUT', url: string, payload: unknown) => {
      const t0 = performance.now();
      const r = await call(method, url, payload);
      const ms = performance.now() - t0;
      runs.push({ label, ms: Math.round(ms), push: r.push });
      log(
        `    ${label}: ${Math.round(ms)} ms — ${r.push.eligible} eligible of ${r.push.evaluated}, ${r.push.notifiedEnterprises} enterprises / ${r.push.notifications} users notified, ${r.push.candidates} candidates`,
      );
      return r;
    };

    const a = await call(
      'POST',
      '/policies/programs',
      input('企业研发投入补助', 'quick_application', techRules(2000)),
    );
    const published = await timed('publish (快申快享)', 'POST', `/policies/programs/${a.id}/publish`, {
      revision: a.revision,
    });
    await timed('rules change → v2', 'PUT', `/policies/programs/${a.id}`, {
      ...input('企业研发投入补助', 'quick_application', techRules(1000)),
      revision: published.program.revision,
      changeNote: '营收门槛降至1000万元',
    });
    const b = await call(
      'POST',
      '/policies/programs',
      input('高新技术企业规模奖励', 'no_application', NO_APPLICATION_RULES),
    );
    await timed('publish (免申即享)', 'POST', `/policies/programs/${b.id}/publish`, { revision: b.revision });

    // Reference: reading every enterprise's facts for the same rules, nothing else.
    const keys = ruleFactKeys(compileRule(techRules(2000)), '2026-11-26');
    const t0 = performance.now();
    const facts = await loadEnterpriseFacts(handle.db, needsOf(keys), {
      asOf: '2026-11-26',
      qualificationKinds: ['high_tech', 'tech_sme', 'specialized_sme'],
    });
    const loadMs = Math.round(performance.now() - t0);
    log(`    reference: reading the facts of ${facts.size} enterprises: ${loadMs} ms`);
    return { runs, loadMs };
  } finally {
    await app.close();
  }
}

function rowsFor(db: string, result: { runs: PushRun[]; loadMs: number }): SummaryRow[] {
  return result.runs.map((r) => ({
    benchmark: `policy push, ${db}: ${r.label}`,
    figure: `${r.ms} ms (${r.push.eligible} eligible of ${r.push.evaluated}, ${r.push.notifications} notified${r.push.candidates ? `, ${r.push.candidates} candidates` : ''})`,
    reference: `facts read alone ${result.loadMs} ms`,
    target: `≤ ${TARGET_MS} ms`,
    verdict: r.ms <= TARGET_MS ? 'PASS' : 'FAIL',
  }));
}

async function pgAdmin(statement: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query(statement);
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function run(): Promise<BenchReport> {
  const name = 'policy-push';
  log(
    `\n== ${name}: one program pushed to ${ENTERPRISES.toLocaleString('en')} enterprises, target ≤ ${TARGET_MS} ms ==`,
  );
  const rows: SummaryRow[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = { enterprises: ENTERPRISES };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-bench-push-'));
  try {
    // SQLite: a temporary file, as deployed (WAL, synchronous=FULL).
    {
      const handle = openDatabase({ sqliteFile: path.join(dataDir, 'push.sqlite') });
      try {
        await migrateToLatest(handle);
        const t0 = performance.now();
        const fixture = await generate(handle, ENTERPRISES);
        log(
          `  SQLite: generated ${ENTERPRISES} enterprises, ${fixture.members} members in ${Math.round(performance.now() - t0)} ms`,
        );
        const result = await measure(handle, dataDir, fixture);
        rows.push(...rowsFor('SQLite', result));
        details.sqlite = result;
      } catch (err) {
        rows.push({
          benchmark: 'policy push, SQLite',
          figure: String(err),
          reference: '',
          target: '',
          verdict: 'ERROR',
        });
      } finally {
        await handle.close();
      }
    }
    // PostgreSQL: a throwaway schema, dropped afterwards.
    const schema = `bench_push_${randomBytes(4).toString('hex')}`;
    if (!(await pgAdmin(`create schema ${schema}`))) {
      notes.push(`PostgreSQL not reachable at ${PG_URL}: skipped`);
    } else {
      const handle = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 4 });
      try {
        await migrateToLatest(handle);
        const t0 = performance.now();
        const fixture = await generate(handle, ENTERPRISES);
        log(`  PostgreSQL (schema ${schema}): generated in ${Math.round(performance.now() - t0)} ms`);
        // Steady state, as a running district's database is: freshly bulk-loaded rows would make the first scan
        // pay for setting every tuple's hint bits.
        for (const table of [
          'enterprises',
          'enterprise_yearly',
          'enterprise_qualifications',
          'enterprise_bindings',
        ])
          await pgAdmin(`vacuum (analyze) ${schema}.${table}`);
        const result = await measure(handle, dataDir, fixture);
        rows.push(...rowsFor('PostgreSQL', result));
        details.postgres = result;
      } catch (err) {
        rows.push({
          benchmark: 'policy push, PostgreSQL',
          figure: String(err),
          reference: '',
          target: '',
          verdict: 'ERROR',
        });
      } finally {
        await handle.close();
        await pgAdmin(`drop schema if exists ${schema} cascade`);
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { name, rows, notes, details };
}

if (isMain(import.meta.url)) printAndSave(await run());
