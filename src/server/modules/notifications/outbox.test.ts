import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../platform/audit/audit';
import { MINUTE } from '../../platform/clock';
import { type EmailMessage, MemoryEmailChannel } from '../../platform/notify/email';
import type { SmsChannel } from '../../platform/notify/sms';
import { makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/support';
import { OutboxChannel, renderEmail, renderSms, SMS_MAX_CHARS } from './outbox';
import { createOutboxSender, OUTBOX_JOB_LEASE, type OutboxSenderOptions } from './sender';
import { NotificationService } from './service';

// The outbox: rows written in the notifying transaction for users who want the kind by SMS / e-mail and have the
// address; the leased sender sends each row once (even with two senders racing), retries with backoff and gives
// up after maxAttempts.

let t: TestApp;
let service: NotificationService;
const ids = {} as Record<'corp' | 'optedOut' | 'deskNoPhone' | 'desk' | 'disabled', string>;

const db = () => t.database.db;
const outbox = () => db().selectFrom('notificationOutbox').selectAll().orderBy('id').execute();

/** An SMS channel that answers after a pause (so racing senders overlap) and records every call. */
class SlowSms implements SmsChannel {
  readonly sent: { phone: string; text: string }[] = [];
  constructor(
    private readonly pauseMs = 3,
    private readonly fail: (phone: string, call: number) => string | null = () => null,
  ) {}
  async send(phone: string, text: string): Promise<void> {
    const call = this.sent.filter((s) => s.phone === phone).length + 1;
    this.sent.push({ phone, text });
    await new Promise((r) => setTimeout(r, this.pauseMs));
    const error = this.fail(phone, call);
    if (error) throw new Error(error);
  }
}

function sender(holder: string, over: Partial<OutboxSenderOptions> = {}) {
  return createOutboxSender(
    { db: db(), clock: t.clock, intervalMs: 60_000 },
    { holder, sms: new SlowSms(), email: new MemoryEmailChannel(), ...over },
  );
}

async function notify(userIds: string[], kind: 'claim_paid' | 'appeal_reminder' | 'system', title: string) {
  return db()
    .transaction()
    .execute((trx) =>
      service.notify(trx, { userIds, kind, title, body: '正文', link: '/policies/claims/abc' }),
    );
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T02:00:00.000Z' });
  service = new NotificationService(db(), t.clock, new AuditLog(t.database.dialect, t.clock));
  ids.corp = (await makeEnterpriseUser(t.database, '13900000001')).id;
  ids.optedOut = (await makeEnterpriseUser(t.database, '13900000002')).id;
  ids.disabled = (await makeEnterpriseUser(t.database, '13900000003')).id;
  ids.deskNoPhone = (await makeStaff(t.database, ['dispatcher'])).id;
  ids.desk = (await makeStaff(t.database, ['handler'])).id;
  await db()
    .updateTable('users')
    .set({ email: 'opted.out@example.cn' })
    .where('id', '=', ids.optedOut)
    .execute();
  await db().updateTable('users').set({ status: 'disabled' }).where('id', '=', ids.disabled).execute();
  await db()
    .updateTable('users')
    .set({ email: 'desk@example.gov.cn' })
    .where('id', '=', ids.deskNoPhone)
    .execute();
  await db()
    .updateTable('users')
    .set({ phone: '13700000009', email: 'handler@example.gov.cn' })
    .where('id', '=', ids.desk)
    .execute();
  // 13900000002 turned claim payments off by SMS (the default is on).
  await db()
    .insertInto('notificationPreferences')
    .values({
      userId: ids.optedOut,
      kind: 'claim_paid',
      channel: 'sms',
      enabled: 0,
      updatedAt: '2026-03-01T00:00:00.000Z',
    })
    .execute();
}, 60_000);
afterAll(async () => t?.close());

describe('outbox rows', () => {
  beforeEach(async () => {
    await db().deleteFrom('notificationOutbox').execute();
  });

  it('are written for users who want the kind by that channel and have the address', async () => {
    await notify(
      [ids.corp, ids.optedOut, ids.disabled, ids.deskNoPhone, ids.desk],
      'claim_paid',
      '资金已拨付',
    );
    const rows = await outbox();
    const got = rows.map((r) => `${r.userId}:${r.channel}:${r.recipient}`).sort();
    expect(got).toEqual(
      [
        // SMS on by default for an enterprise's claim payment; no e-mail address.
        `${ids.corp}:sms:13900000001`,
        // SMS turned off, e-mail on by default once an address exists.
        `${ids.optedOut}:email:opted.out@example.cn`,
        // Staff do not get claim payments outside the inbox by default; the disabled user gets nothing.
      ].sort(),
    );
    const sms = rows.find((r) => r.channel === 'sms')!;
    expect(sms).toMatchObject({ status: 'pending', attempts: 0, kind: 'claim_paid', subject: null });
    expect(sms.body).toBe('【企服平台】资金已拨付，详见/policies/claims/abc');
    const email = rows.find((r) => r.channel === 'email')!;
    expect(email.subject).toBe('【企服平台】资金已拨付');
    expect(email.body).toContain('正文');
    // Every recipient still has the message in the inbox.
    const inbox = await db()
      .selectFrom('notifications')
      .select('userId')
      .where('title', '=', '资金已拨付')
      .execute();
    expect(inbox).toHaveLength(5);
  });

  it('follow the staff defaults: deadline reminders by SMS and e-mail, system messages by neither', async () => {
    await notify([ids.deskNoPhone, ids.desk], 'appeal_reminder', '诉求 A1 办理时限临近');
    await notify([ids.corp, ids.desk], 'system', '系统维护');
    const got = (await outbox()).map((r) => `${r.userId}:${r.channel}:${r.kind}`).sort();
    expect(got).toEqual(
      [
        `${ids.deskNoPhone}:email:appeal_reminder`,
        `${ids.desk}:sms:appeal_reminder`,
        `${ids.desk}:email:appeal_reminder`,
      ].sort(),
    );
  });

  it('are the same when a push is large enough to read the users in one pass', async () => {
    // 12,000 deliveries (most to ids of no user, which only the outbox channel sees here).
    const real = [ids.corp, ids.optedOut, ids.disabled, ids.deskNoPhone, ids.desk];
    const deliveries = [...real, ...Array.from({ length: 11_995 }, (_, i) => `nobody-${i}`)].map(
      (userId) => ({
        userId,
        enterpriseId: null,
        kind: 'claim_paid' as const,
        title: '大批推送',
        body: '',
      }),
    );
    await db()
      .transaction()
      .execute((trx) => new OutboxChannel().deliver(trx, deliveries, t.clock.now().toISOString()));
    const got = (await outbox()).map((r) => `${r.userId}:${r.channel}`).sort();
    expect(got).toEqual([`${ids.corp}:sms`, `${ids.optedOut}:email`].sort());
  });

  it('are rolled back with the notifying transaction', async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await service.notify(trx, { userIds: [ids.corp], kind: 'claim_paid', title: '不应发出', body: '' });
          expect(await trx.selectFrom('notificationOutbox').selectAll().execute()).toHaveLength(1);
          throw new Error('rollback');
        }),
    ).rejects.toThrow('rollback');
    expect(await outbox()).toEqual([]);
  });
});

describe('the sender', () => {
  beforeEach(async () => {
    await db().deleteFrom('notificationOutbox').execute();
    await db().deleteFrom('jobLeases').execute();
  });

  it('sends each row once when two senders race, each claim taking rows no one else holds', async () => {
    for (let i = 0; i < 30; i++) await notify([ids.corp, ids.desk], 'appeal_reminder', `提醒${i}`);
    // appeal_reminder goes to the enterprise user nowhere (not his kind by default); the handler gets SMS + e-mail.
    const queued = await outbox();
    expect(queued).toHaveLength(60);

    // The claim alone: two claims at the same instant share nothing (on PostgreSQL the second may wait for the
    // first and then find its rows taken), and claiming until nothing is left takes every row exactly once.
    const a = sender('instance-a', { batchSize: 25 });
    const b = sender('instance-b', { batchSize: 25 });
    const now = t.clock.now();
    const [ca, cb] = await Promise.all([a.claimDue(now), b.claimDue(now)]);
    const claimed = [...ca, ...cb].map((r) => r.id);
    expect(claimed.length).toBeGreaterThanOrEqual(25);
    expect(new Set(claimed).size).toBe(claimed.length);
    // One claim token per claim.
    expect(new Set([...ca, ...cb].map((r) => r.claimedBy)).size).toBe(
      Number(!!ca.length) + Number(!!cb.length),
    );
    const c = sender('instance-c', { batchSize: 25 });
    for (let more = await c.claimDue(now); more.length; more = await c.claimDue(now)) {
      claimed.push(...more.map((r) => r.id));
    }
    expect(claimed.sort()).toEqual(queued.map((r) => r.id).sort());
    await db()
      .updateTable('notificationOutbox')
      .set({ claimedBy: null, claimedUntil: null, attempts: 0 })
      .execute();

    // Whole ticks at once, as when a lease ran out in the middle of a slow tick: a lease that is over as soon as it
    // is taken lets both tick, interleaved through slow sends.
    const smsA = new SlowSms();
    const smsB = new SlowSms();
    const mailA = new MemoryEmailChannel();
    const mailB = new MemoryEmailChannel();
    const ta = sender('instance-a', { leaseMs: -1000, batchSize: 7, sms: smsA, email: mailA });
    const tb = sender('instance-b', { leaseMs: -1000, batchSize: 7, sms: smsB, email: mailB });
    await db()
      .insertInto('jobLeases')
      .values({ name: OUTBOX_JOB_LEASE, holder: 'gone', expiresAt: '2000-01-01T00:00:00.000Z' })
      .execute();
    const reports = await Promise.all([ta.runTick(now), tb.runTick(now)]);
    expect(reports.every((r) => r.leased)).toBe(true);
    expect(reports[0].sent + reports[1].sent).toBe(60);
    const texts = [...smsA.sent, ...smsB.sent].map((s) => s.text);
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
    const mails = [...mailA.sent, ...mailB.sent].map((m: EmailMessage) => m.subject);
    expect(new Set(mails).size).toBe(30);
    expect(mails).toHaveLength(30);
    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.claimedBy === null)).toBe(true);
    // Nothing is left to send.
    expect((await ta.runTick(now)).sent).toBe(0);
  });

  it('lets one sender hold the lease at a time', async () => {
    const now = t.clock.now();
    const reports = await Promise.all([sender('instance-a').runTick(now), sender('instance-b').runTick(now)]);
    expect(reports.filter((r) => r.leased)).toHaveLength(1);
  });

  it('retries a failed send with exponential backoff and gives up after maxAttempts', async () => {
    await notify([ids.desk], 'appeal_reminder', '重试测试');
    const sms = new SlowSms(0, (phone) => `gateway refused ${phone}`);
    const mail = new MemoryEmailChannel();
    const s = sender('instance-a', { sms, email: mail, maxAttempts: 3, backoffMs: MINUTE });
    const t0 = t.clock.now().getTime();
    const at = (ms: number) => new Date(t0 + ms);
    const smsRow = async () => (await outbox()).find((r) => r.channel === 'sms' && r.userId === ids.desk)!;

    let r = await s.runTick(at(0));
    expect(r).toMatchObject({ sent: 1, retried: 1, failed: 0 });
    let row = await smsRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(MINUTE).toISOString() });
    // The error is kept, with the phone number masked.
    expect(row.lastError).toBe('gateway refused 137****0009');
    // Not due yet: nothing is tried.
    r = await s.runTick(at(30_000));
    expect(r).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(sms.sent).toHaveLength(1);
    r = await s.runTick(at(MINUTE));
    expect(r.retried).toBe(1);
    row = await smsRow();
    // Second failure: twice the delay.
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: at(3 * MINUTE).toISOString() });
    r = await s.runTick(at(3 * MINUTE));
    expect(r).toMatchObject({ retried: 0, failed: 1 });
    row = await smsRow();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, claimedBy: null });
    expect(row.lastError).toContain('gateway refused');
    await s.runTick(at(60 * MINUTE));
    expect(sms.sent).toHaveLength(3);
    // The e-mail went out on the first tick, once.
    expect(mail.sent).toHaveLength(1);
  });

  it('sends on a later attempt when the gateway recovers, and counts a hung gateway as a failure', async () => {
    await notify([ids.corp], 'claim_paid', '恢复测试');
    const flaky = new SlowSms(0, (_phone, call) => (call === 1 ? 'temporarily unavailable' : null));
    const s = sender('instance-a', { sms: flaky, backoffMs: MINUTE });
    const t0 = t.clock.now().getTime();
    expect((await s.runTick(new Date(t0))).retried).toBe(1);
    expect((await s.runTick(new Date(t0 + MINUTE))).sent).toBe(1);
    expect((await outbox())[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    await db().deleteFrom('notificationOutbox').execute();
    await notify([ids.corp], 'claim_paid', '超时测试');
    const hung: SmsChannel = { send: () => new Promise(() => {}) };
    const h = sender('instance-a', { sms: hung, sendTimeoutMs: 20 });
    expect((await h.runTick(new Date(t0 + 2 * MINUTE))).retried).toBe(1);
    expect((await outbox())[0]!.lastError).toMatch(/no answer/);
  });

  it('gives up rows that waited longer than a day and purges old ones', async () => {
    await notify([ids.corp], 'claim_paid', '过期测试');
    const s = sender('instance-a', { sms: new SlowSms(0, () => 'down') });
    const t0 = t.clock.now().getTime();
    const r = await s.runTick(new Date(t0 + 25 * 60 * MINUTE));
    expect(r).toMatchObject({ expired: 1, sent: 0, retried: 0 });
    expect((await outbox())[0]).toMatchObject({ status: 'failed', attempts: 0 });
    await s.runTick(new Date(t0 + 91 * 24 * 60 * MINUTE));
    expect(await outbox()).toEqual([]);
  });
});

describe('texts', () => {
  it('keep an SMS within one segment: signature, the whole title, and the link when it fits', () => {
    expect(
      renderSms({ title: '“研发补助”资金已拨付', link: '/policies/claims/0123456789abcdefghjkmn' }),
    ).toBe('【企服平台】“研发补助”资金已拨付，详见/policies/claims/0123456789abcdefghjkmn');
    // The title and the link do not both fit: the whole title, and the plain hint.
    const appeal = renderSms({
      title: '您的诉求 SQ202611270002 已受理',
      link: '/enterprise/appeals/0123456789abcdefghjkmn',
    });
    expect(appeal).toBe('【企服平台】您的诉求 SQ202611270002 已受理，请登录平台查看');
    // A title too long even then is shortened to fit exactly.
    const long = renderSms({
      title: '您的诉求'.repeat(20),
      link: '/enterprise/appeals/0123456789abcdefghjkmn',
    });
    expect(long.length).toBe(SMS_MAX_CHARS);
    expect(long.endsWith('…，请登录平台查看')).toBe(true);
    expect(renderSms({ title: '短标题', link: null })).toBe('【企服平台】短标题，请登录平台查看');
    // Only paths of the platform are linked.
    expect(renderSms({ title: '标题', link: 'https://evil.example/' })).toBe(
      '【企服平台】标题，请登录平台查看',
    );
    for (const text of [appeal, long]) expect(text.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
  });

  it('write an e-mail with a greeting, the message, the page and how to stop it', () => {
    const m = renderEmail(
      { title: '申请审核通过', body: '核定金额 10 万元', link: '/policies/claims/x' },
      '张三',
    );
    expect(m.subject).toBe('【企服平台】申请审核通过');
    expect(m.text.split('\n').slice(0, 5)).toEqual([
      '张三，您好：',
      '',
      '申请审核通过',
      '',
      '核定金额 10 万元',
    ]);
    expect(m.text).toContain('/policies/claims/x');
    expect(m.text).toContain('通知设置');
  });
});

describe('the sender in the app', () => {
  it('starts with the app when jobs are enabled', async () => {
    const app = await createTestApp({ env: { QIFU_JOBS: 'true', QIFU_JOB_INTERVAL_SECONDS: '5' } });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const lease = () =>
        app.database.db
          .selectFrom('jobLeases')
          .selectAll()
          .where('name', '=', OUTBOX_JOB_LEASE)
          .executeTakeFirst();
      expect((await lease())?.expiresAt).toBeDefined();
      expect(new Date((await lease())!.expiresAt).getTime()).toBeGreaterThan(app.clock.now().getTime());
      // Closing gives the lease up, so another instance takes over at once.
      await app.app.close();
      expect((await lease())?.expiresAt).toBe(new Date(0).toISOString());
    } finally {
      await app.close();
    }
  });
});
