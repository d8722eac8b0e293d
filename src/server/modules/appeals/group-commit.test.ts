import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit';
import { GroupCommit } from './group-commit';
import { type AppealTestEnv, createAppealTestEnv } from './test-helpers';

let env: AppealTestEnv;
beforeAll(async () => {
  env = await createAppealTestEnv();
}, 60_000);
afterAll(async () => {
  await env?.close();
});

const BODY = {
  type: 'consult',
  topicCode: 'market_license',
  title: '并发提交',
  content: '食品经营许可证地址变更需要提交哪些材料？',
  isPublic: false,
};

describe('appeals: group commit of submissions', () => {
  it('stores 50 concurrent submissions once each, with distinct codes, and a racing duplicate fails alone', async () => {
    const { call, cookies, t } = env;
    const db = t.database.db;
    const users = [cookies.entA, cookies.entB, cookies.entAMember];
    const keys = Array.from({ length: 50 }, (_, i) => `group-key-${String(i).padStart(4, '0')}`);
    const [chainBefore, notesBefore] = await Promise.all([
      db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'appeal.submit')
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    // 50 distinct submissions, plus 3 replays of key 7 by the same user arriving in the same batches: their
    // inserts hit the unique index (rolled back to their own savepoint) and answer the first appeal with 200.
    const requests = [
      ...keys.map((key, i) => ({ key, cookie: users[i % users.length]!, i })),
      ...[1, 2, 3].map(() => ({ key: keys[7]!, cookie: users[7 % users.length]!, i: 7 })),
    ];
    const answers = await Promise.all(
      requests.map((r) =>
        call('POST', '/appeals', { ...BODY, title: `并发提交 ${r.i}` }, r.cookie, {
          'idempotency-key': r.key,
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.slice(0, 50).filter((s) => s !== 201 && s !== 200)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    const byKey7 = new Set([answers[7]!, ...answers.slice(50)].map((a) => a.json().id));
    expect(byKey7.size).toBe(1);

    const stored = await db
      .selectFrom('appeals')
      .select(['id', 'code', 'idempotencyKey', 'title'])
      .where('idempotencyKey', 'in', keys)
      .execute();
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((s) => s.code)).size).toBe(50);
    expect(new Set(stored.map((s) => s.idempotencyKey)).size).toBe(50);
    const answered = new Map(answers.map((a) => [a.json().id as string, a.json().code as string]));
    for (const s of stored) expect(answered.get(s.id)).toBe(s.code);
    // Each stored appeal has its event and audit record, the chain still links, the dispatchers were told once.
    const events = await db
      .selectFrom('appealEvents')
      .select('appealId')
      .where(
        'appealId',
        'in',
        stored.map((s) => s.id),
      )
      .execute();
    expect(events).toHaveLength(50);
    const chainAfter = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'appeal.submit')
      .executeTakeFirstOrThrow();
    expect(Number(chainAfter.n) - Number(chainBefore.n)).toBe(50);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const notesAfter = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(notesAfter.n) - Number(notesBefore.n)).toBe(50 * 2); // two dispatchers in the fixture
  });

  it('runs concurrent units in one transaction; a failing unit is rolled back alone', async () => {
    const db = env.t.database.db;
    const group = new GroupCommit(db);
    const at = new Date().toISOString();
    const put = (key: string) => (trx: typeof db) =>
      trx.insertInto('appealSettings').values({ key, value: '{}', updatedBy: null, updatedAt: at }).execute();
    const outcomes = await Promise.allSettled([
      group.run(put('gc-test-1')),
      group.run(async (trx) => {
        await put('gc-test-2')(trx);
        throw new Error('unit failed after its write');
      }),
      group.run(put('gc-test-3')),
      group.run(put('gc-test-1')), // unique violation on the key unit 1 wrote in the same transaction
      group.run(put('gc-test-5')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(group.stats).toMatchObject({ batches: 1, units: 5, largest: 5, retried: 1 });
    const keys = await db
      .selectFrom('appealSettings')
      .select('key')
      .where('key', 'like', 'gc-test-%')
      .orderBy('key')
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['gc-test-1', 'gc-test-3', 'gc-test-5']);
  });

  it('rejects a failing unit that runs alone, and goes on with the next', async () => {
    const db = env.t.database.db;
    const group = new GroupCommit(db);
    const alone = await Promise.allSettled([
      group.run(async () => {
        throw new Error('alone');
      }),
    ]);
    expect(alone[0]!.status).toBe('rejected');
    const after = await group.run(async (trx) =>
      trx.selectFrom('appealSettings').select('key').where('key', '=', 'gc-none').execute(),
    );
    expect(after).toEqual([]);
  });
});
