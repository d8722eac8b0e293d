import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../shared/policy-rules';
import { takeLease } from '../../platform/jobs/lease';
import { markFactsChanged } from '../enterprises/repository';
import type { PushService } from './push';
import { createRepushJob, REPUSH_JOB_LEASE } from './repush-job';
import { createPolicyServices } from './services';
import {
  CLOSED_WINDOW,
  createPolicyTestEnv,
  makeTestEnterprise,
  type PolicyTestEnv,
  publishedDocument,
  publishedProgram,
  REVENUE_RULES,
  type TestEnterprise,
} from './test-helpers';

/**
 * 政策找企业 after the program's own push: an enterprise whose facts change (here its 2025 revenue, from 500 to
 * 1,500 万元, across the programs' 1,000 万元 line) is judged again by every open program, and hears of each it
 * has newly become eligible for — once.
 */
let env: PolicyTestEnv;
let grower: TestEnterprise;
let standardId: string;
let noApplicationId: string;
let closedId: string;

/** The 免申即享 variant has no manual condition: nothing for a reviewer to check, so no application. */
const AUTOMATIC_RULES: RuleSet = (() => {
  const r = structuredClone(REVENUE_RULES);
  const all = (r.conditions as { all: { id: string }[] }).all;
  (r.conditions as { all: unknown[] }).all = all.filter((c) => c.id !== 'lawful');
  return r;
})();

function job(holder = 'test-a') {
  const services = createPolicyServices(env.t.platform);
  return createRepushJob({ context: services.context, pusher: services.pusher, holder, intervalMs: 60_000 });
}

const queue = () =>
  env.t.database.db.selectFrom('enterpriseFactChanges').select(['enterpriseId', 'changedAt']).execute();

async function inbox(cookie: string) {
  return (await env.call('GET', '/notifications?pageSize=100', undefined, cookie)).json() as {
    total: number;
    items: { kind: string; title: string; link: string }[];
  };
}

async function setRevenue(revenue: number) {
  const res = await env.call('PUT', `/enterprises/${grower.id}/yearly/2025`, { revenue }, grower.cookie);
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  env = await createPolicyTestEnv();
  grower = await makeTestEnterprise(env, {
    name: '青岛成长软件有限公司',
    yearly: [{ year: 2025, revenue: 500 }],
  });
  const doc = await publishedDocument(env, { docNumber: '青南政发〔2026〕71号' });
  standardId = (await publishedProgram(env, doc.id, { title: '营收上台阶奖励' })).program.id;
  noApplicationId = (
    await publishedProgram(env, doc.id, {
      title: '规上企业免申即享奖励',
      mode: 'no_application',
      rules: AUTOMATIC_RULES,
    })
  ).program.id;
  closedId = (await publishedProgram(env, doc.id, { title: '上半年营收奖励', ...CLOSED_WINDOW })).program.id;
  // What the enterprise's own setup queued is not this test's subject.
  await env.t.database.db.deleteFrom('enterpriseFactChanges').execute();
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe('pushing open programs to an enterprise whose facts changed', () => {
  it('queues a change in the transaction of the change, and a refused change queues nothing', async () => {
    const stale = await env.call(
      'PUT',
      `/enterprises/${grower.id}/yearly/2025`,
      { revenue: 1500, version: 999 },
      grower.cookie,
    );
    expect(stale.statusCode).toBe(409);
    expect(await queue()).toEqual([]);

    await setRevenue(1500);
    expect((await queue()).map((q) => q.enterpriseId)).toEqual([grower.id]);
  });

  it('leaves the queue alone while another instance holds the lease', async () => {
    await takeLease(env.t.database.db, REPUSH_JOB_LEASE, 'test-b', env.t.platform.clock.now(), 60_000);
    const report = await job('test-a').runTick();
    expect(report.enterprises).toBe(0);
    expect(await queue()).toHaveLength(1);
    await env.t.database.db.deleteFrom('jobLeases').where('name', '=', REPUSH_JOB_LEASE).execute();
  });

  it('judges the queued enterprise against every open program, notifies it, and lists it for 免申即享', async () => {
    const before = await inbox(grower.cookie);
    expect(before.items.some((n) => n.link.includes(standardId))).toBe(false);

    const report = await job().runTick();
    expect(report).toMatchObject({ enterprises: 1, eligible: 2, notifiedEnterprises: 2, candidates: 1 });
    expect(await queue()).toEqual([]);

    const after = await inbox(grower.cookie);
    expect(after.total).toBe(before.total + 2);
    expect(after.items.find((n) => n.link === `/policies/programs/${standardId}`)).toMatchObject({
      kind: 'program_eligible',
      title: '政策找企业：贵企业符合“营收上台阶奖励”',
    });
    expect(after.items.find((n) => n.kind === 'claim_candidate')?.title).toContain('规上企业免申即享奖励');
    // A closed window has nothing to apply for: no record, no word.
    expect(after.items.some((n) => n.title.includes('上半年营收奖励'))).toBe(false);

    const db = env.t.database.db;
    const records = await db
      .selectFrom('programPushRecords')
      .select(['programId', 'notified'])
      .where('enterpriseId', '=', grower.id)
      .execute();
    expect(records.map((r) => r.programId).sort()).toEqual([standardId, noApplicationId].sort());
    expect(records.every((r) => Number(r.notified) === 1)).toBe(true);
    expect(records.some((r) => r.programId === closedId)).toBe(false);
    const candidate = await db
      .selectFrom('policyClaims')
      .select(['status', 'rulesVersion'])
      .where('programId', '=', noApplicationId)
      .where('enterpriseId', '=', grower.id)
      .executeTakeFirstOrThrow();
    expect(candidate).toEqual({ status: 'candidate', rulesVersion: 1 });

    const audit = await db
      .selectFrom('auditLog')
      .select(['details', 'actorRole'])
      .where('action', '=', 'policy_program.repush')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorRole).toBe('system');
  });

  it('does not tell an enterprise twice when it changes again and stays eligible', async () => {
    const before = await inbox(grower.cookie);
    await setRevenue(1800);
    const report = await job().runTick();
    expect(report).toMatchObject({ enterprises: 1, eligible: 2, notifiedEnterprises: 0, candidates: 0 });
    expect((await inbox(grower.cookie)).total).toBe(before.total);
    expect(await queue()).toEqual([]);
    // Nothing new to say, nothing new audited.
    const audits = await env.t.database.db
      .selectFrom('auditLog')
      .select('seq')
      .where('action', '=', 'policy_program.repush')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('keeps a change made while the tick judged the enterprise for the next tick', async () => {
    await setRevenue(1900);
    const services = createPolicyServices(env.t.platform);
    let later = '';
    // The enterprise changes again while the first program judges it (written in the tick's transaction: one
    // SQLite connection; on PostgreSQL the conditional delete reads the row as it is at that moment either way).
    const pusher = {
      push: (async (trx, program, rules, options) => {
        if (!later) {
          later = new Date(env.t.platform.clock.now().getTime() + 1000).toISOString();
          await markFactsChanged(trx, grower.id, later);
        }
        return services.pusher.push(trx, program, rules, options);
      }) as PushService['push'],
    } as PushService;
    const j = createRepushJob({ context: services.context, pusher, holder: 'test-a', intervalMs: 60_000 });
    expect((await j.runTick()).enterprises).toBe(1);
    expect(await queue()).toEqual([{ enterpriseId: grower.id, changedAt: later }]);
    expect((await job().runTick()).enterprises).toBe(1);
    expect(await queue()).toEqual([]);
  });
});
