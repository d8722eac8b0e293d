import type { z } from 'zod';
import { maskPhone } from '../../../shared/format';
import {
  defaultExternal,
  EXTERNAL_CHANNELS,
  type ExternalChannel,
  isNotificationKind,
  maskEmail,
  type NotificationKind,
  type OutboxEntry,
  type OutboxList,
  type OutboxStatus,
  type outboxListQuerySchema,
} from '../../../shared/notifications';
import type { DB } from '../../db/database';
import type { NotificationOutboxTable } from '../../db/schema';
import { newId } from '../../platform/ids';
import type { Delivery, NotificationChannel } from './service';

/**
 * The outbox (SPEC §2.7): SMS and e-mail leave the platform after the event's transaction has committed, never
 * inside it (a slow gateway must not hold a transaction open, and a rolled-back event must not have sent anything).
 * So the channel the service calls only writes rows — one per delivery and external channel the user wants and
 * has an address for — in the caller's transaction; the sender job (sender.ts) sends them.
 */

/** The signature every SMS carries (运营商 require one in 【】). */
export const SMS_SIGNATURE = '【企服平台】';
/** One SMS segment of Chinese text: 70 characters, signature included. */
export const SMS_MAX_CHARS = 70;
const SMS_NO_LINK = '，请登录平台查看';

const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * The text of a notification's SMS: signature, title and the page to open, in one segment. The whole title matters
 * more than the link (a path of the platform, which the user can reach from the inbox too): when both do not fit,
 * the link gives way to a plain hint, and only a title too long even then is shortened.
 */
export function renderSms(m: { title: string; link?: string | null }): string {
  const title = m.title.replace(/\s+/g, ' ').trim();
  const withLink = m.link?.startsWith('/') ? `${SMS_SIGNATURE}${title}，详见${m.link}` : null;
  if (withLink && withLink.length <= SMS_MAX_CHARS) return withLink;
  const room = SMS_MAX_CHARS - SMS_SIGNATURE.length - SMS_NO_LINK.length;
  const chars = [...title];
  const fitted = chars.length <= room ? title : `${chars.slice(0, room - 1).join('')}…`;
  return `${SMS_SIGNATURE}${fitted}${SMS_NO_LINK}`;
}

/** The subject and plain-text body of a notification's e-mail. */
export function renderEmail(
  m: { title: string; body: string; link?: string | null },
  displayName: string,
): { subject: string; text: string } {
  const subject = `${SMS_SIGNATURE}${m.title}`.slice(0, 150);
  const lines = [`${displayName}，您好：`, '', m.title];
  if (m.body.trim()) lines.push('', m.body.trim());
  if (m.link?.startsWith('/')) lines.push('', `查看详情：登录企服平台后打开 ${m.link}`);
  lines.push(
    '',
    '——',
    '此邮件由企服平台自动发送，请勿直接回复。',
    '如需调整通过邮件接收的通知，请登录平台，在“消息中心 → 通知设置”中修改。',
  );
  return { subject, text: lines.join('\n') };
}

/** Rows per insert: 15 columns × 1,000 stays under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 1000;
/** User ids per `in (…)` lookup. */
const LOOKUP_CHUNK = 1000;

interface Recipient {
  kind: string;
  displayName: string;
  phone: string | null;
  email: string | null;
}

interface Recipients {
  users: Map<string, Recipient>;
  /** `${userId}:${kind}:${channel}` → the user's own choice, where he made one. */
  choices: Map<string, boolean>;
}

/** Writes the outbox rows for the deliveries, in the caller's transaction. */
export class OutboxChannel implements NotificationChannel {
  readonly name = 'outbox';
  /** Called after rows were queued (before the caller commits): the sender may look sooner than its next tick. */
  onQueued: (() => void) | null = null;

  async deliver(trx: DB, deliveries: readonly Delivery[], at: string): Promise<void> {
    if (!deliveries.length) return;
    const kinds = [...new Set(deliveries.map((d) => d.kind))];
    const { users, choices } = await loadRecipients(
      trx,
      [...new Set(deliveries.map((d) => d.userId))],
      kinds,
    );
    if (!users.size) return;
    const ms = new Date(at).getTime();
    const rows: NotificationOutboxTable[] = [];
    for (const d of deliveries) {
      const r = users.get(d.userId);
      if (!r) continue;
      for (const channel of EXTERNAL_CHANNELS) {
        const address = channel === 'sms' ? r.phone : r.email;
        if (!address) continue;
        const wants =
          choices.get(`${d.userId}:${d.kind}:${channel}`) ?? defaultExternal(r.kind, d.kind, channel);
        if (!wants) continue;
        const text =
          channel === 'sms' ? { subject: null, text: renderSms(d) } : renderEmail(d, r.displayName);
        rows.push({
          id: newId(ms),
          userId: d.userId,
          kind: d.kind,
          channel,
          recipient: address,
          subject: text.subject,
          body: text.text,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: at,
          claimedBy: null,
          claimedUntil: null,
          lastError: null,
          createdAt: at,
          sentAt: null,
        });
      }
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('notificationOutbox')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    if (rows.length) this.onQueued?.();
  }
}

/**
 * The users among `userIds` who may get any of `kinds` outside the inbox — active, with the address of a channel
 * that is on by default for their kind of user, or with a choice of their own to receive one — and their choices.
 * The condition is in SQL because a policy push reaches tens of thousands of users of whom few get more than the
 * inbox (SMS is off by default for it); a push that large reads the users in one pass rather than in dozens of
 * `in` lists (as membersOf does).
 */
async function loadRecipients(
  trx: DB,
  userIds: readonly string[],
  kinds: readonly NotificationKind[],
): Promise<Recipients> {
  const users = new Map<string, Recipient>();
  const choices = new Map<string, boolean>();
  const byDefault: { userKind: 'enterprise' | 'staff'; column: 'phone' | 'email' }[] = [];
  for (const userKind of ['enterprise', 'staff'] as const) {
    for (const channel of EXTERNAL_CHANNELS) {
      if (kinds.some((k) => defaultExternal(userKind, k, channel))) {
        byDefault.push({ userKind, column: channel === 'sms' ? 'phone' : 'email' });
      }
    }
  }
  const candidates = () =>
    trx
      .selectFrom('users')
      .select(['id', 'kind', 'displayName', 'phone', 'email'])
      .where('status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            eb
              .selectFrom('notificationPreferences')
              .select('userId')
              .where('kind', 'in', kinds)
              .where('enabled', '=', 1),
          ),
          ...byDefault.map((d) => eb.and([eb('kind', '=', d.userKind), eb(d.column, 'is not', null)])),
        ]),
      );
  const ownChoices = () =>
    trx
      .selectFrom('notificationPreferences')
      .select(['userId', 'kind', 'channel', 'enabled'])
      .where('kind', 'in', kinds);
  const addUsers = (rows: ({ id: string } & Recipient)[], wanted?: Set<string>) => {
    for (const u of rows) {
      if (wanted && !wanted.has(u.id)) continue;
      users.set(u.id, {
        kind: u.kind,
        displayName: u.displayName,
        phone: u.phone && MOBILE_RE.test(u.phone) ? u.phone : null,
        email: u.email || null,
      });
    }
  };
  const addChoices = (rows: { userId: string; kind: string; channel: string; enabled: number }[]) => {
    for (const c of rows) {
      if (users.has(c.userId)) choices.set(`${c.userId}:${c.kind}:${c.channel}`, c.enabled === 1);
    }
  };
  if (userIds.length > 10 * LOOKUP_CHUNK) {
    addUsers(await candidates().execute(), new Set(userIds));
    addChoices(await ownChoices().execute());
    return { users, choices };
  }
  for (let i = 0; i < userIds.length; i += LOOKUP_CHUNK) {
    const ids = userIds.slice(i, i + LOOKUP_CHUNK);
    addUsers(await candidates().where('id', 'in', ids).execute());
    addChoices(await ownChoices().where('userId', 'in', ids).execute());
  }
  return { users, choices };
}

/** Phone numbers and e-mail addresses inside an error text, masked (the administrator's list shows it). */
export function maskAddresses(text: string): string {
  return text
    .replace(/1[3-9]\d{9}/g, (p) => maskPhone(p) ?? '')
    .replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g, (e) => maskEmail(e) ?? '');
}

export function maskRecipient(channel: string, recipient: string): string {
  return (channel === 'email' ? maskEmail(recipient) : maskPhone(recipient)) ?? '';
}

/** The administrator's list: newest first, optionally one status and channel, with the count per status. */
export async function listOutbox(db: DB, q: z.output<typeof outboxListQuerySchema>): Promise<OutboxList> {
  let base = db.selectFrom('notificationOutbox');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.channel) base = base.where('channel', '=', q.channel);
  let counted = db.selectFrom('notificationOutbox');
  if (q.channel) counted = counted.where('channel', '=', q.channel);
  const [rows, total, byStatus] = await Promise.all([
    base
      .select([
        'id',
        'kind',
        'channel',
        'recipient',
        'status',
        'attempts',
        'lastError',
        'createdAt',
        'nextAttemptAt',
        'sentAt',
      ])
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    counted
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
  ]);
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const r of byStatus) if (r.status in counts) counts[r.status as OutboxStatus] = Number(r.n);
  return {
    items: rows.map(
      (r): OutboxEntry => ({
        id: r.id,
        kind: isNotificationKind(r.kind) ? r.kind : 'system',
        channel: r.channel as ExternalChannel,
        recipientMasked: maskRecipient(r.channel, r.recipient),
        status: r.status as OutboxStatus,
        attempts: r.attempts,
        lastError: r.lastError,
        createdAt: r.createdAt,
        nextAttemptAt: r.nextAttemptAt,
        sentAt: r.sentAt,
      }),
    ),
    total: Number(total.n),
    counts,
    page: q.page,
    pageSize: q.pageSize,
  };
}
