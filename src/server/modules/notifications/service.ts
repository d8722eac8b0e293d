import type { z } from 'zod';
import { maskPhone } from '../../../shared/format';
import {
  defaultExternal,
  EXTERNAL_CHANNELS,
  type ExternalChannel,
  KINDS_BY_USER_KIND,
  maskEmail,
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
  type NotificationList,
  type NotificationPreferences,
  type notificationListQuerySchema,
  type notificationPreferencesInputSchema,
  type OutboxList,
  type outboxListQuerySchema,
} from '../../../shared/notifications';
import type { DB } from '../../db/database';
import type { NotificationTable } from '../../db/schema';
import type { AuditLog } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { listOutbox, OutboxChannel } from './outbox';

/**
 * Notifications (SPEC §2.7). Other modules call `notify` inside the transaction of the change they announce, so a
 * message exists exactly when the change committed. Recipients are users, or an enterprise (its confirmed,
 * active members at that moment). Delivery goes through channels: the in-app inbox, and the outbox, which queues
 * an SMS or e-mail for each user who wants that kind by that channel (sent after the commit by sender.ts).
 */

export interface NotifyMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside the web UI. */
  link?: string | null;
}

export type NotifyInput = NotifyMessage &
  ({ userIds: readonly string[]; enterpriseId?: never } | { enterpriseId: string; userIds?: never });

/** One message to one user, as channels receive it. */
export interface Delivery extends NotifyMessage {
  userId: string;
  enterpriseId: string | null;
}

/** A way to reach users. `deliver` runs inside the caller's transaction (a channel that sends outside should queue). */
export interface NotificationChannel {
  readonly name: string;
  deliver(trx: DB, deliveries: readonly Delivery[], at: string): Promise<void>;
}

/** Rows per insert statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_CHUNK = 2000;
/** Enterprise ids per `in (…)` lookup of members. */
const LOOKUP_CHUNK = 1000;

/** The in-app inbox: one row per recipient. */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app';
  async deliver(trx: DB, deliveries: readonly Delivery[], at: string): Promise<void> {
    const ms = new Date(at).getTime();
    for (let i = 0; i < deliveries.length; i += INSERT_CHUNK) {
      const rows: NotificationTable[] = deliveries.slice(i, i + INSERT_CHUNK).map((d) => ({
        id: newId(ms),
        userId: d.userId,
        kind: d.kind,
        title: d.title.slice(0, 200),
        body: d.body.slice(0, 2000),
        link: d.link ?? null,
        enterpriseId: d.enterpriseId,
        createdAt: at,
        readAt: null,
      }));
      await trx.insertInto('notifications').values(rows).execute();
    }
  }
}

export class NotificationService {
  /** The outbox among the channels, if any (the sender listens to it). */
  readonly outbox: OutboxChannel | null;

  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly channels: readonly NotificationChannel[] = [new InAppChannel(), new OutboxChannel()],
  ) {
    this.outbox = channels.find((c): c is OutboxChannel => c instanceof OutboxChannel) ?? null;
  }

  /** Notify users, or an enterprise's confirmed members. Returns how many users were notified. */
  async notify(trx: DB, input: NotifyInput): Promise<number> {
    const message: NotifyMessage = {
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link,
    };
    if (input.enterpriseId !== undefined) {
      return this.notifyEnterprises(trx, [{ enterpriseId: input.enterpriseId, ...message }]);
    }
    const userIds = [...new Set(input.userIds)];
    await this.deliver(
      trx,
      userIds.map((userId) => ({ ...message, userId, enterpriseId: null })),
    );
    return userIds.length;
  }

  /**
   * One message per enterprise (each may differ), to every confirmed member of each: what 政策找企业 sends to
   * thousands of enterprises at once, in a few queries.
   */
  async notifyEnterprises(
    trx: DB,
    messages: readonly (NotifyMessage & { enterpriseId: string })[],
  ): Promise<number> {
    if (!messages.length) return 0;
    const members = await this.membersOf(
      trx,
      messages.map((m) => m.enterpriseId),
    );
    const deliveries: Delivery[] = [];
    for (const m of messages) {
      for (const userId of members.get(m.enterpriseId) ?? []) {
        deliveries.push({
          kind: m.kind,
          title: m.title,
          body: m.body,
          link: m.link,
          userId,
          enterpriseId: m.enterpriseId,
        });
      }
    }
    await this.deliver(trx, deliveries);
    return deliveries.length;
  }

  /** Confirmed, active members per enterprise. */
  async membersOf(trx: DB, enterpriseIds: readonly string[]): Promise<Map<string, string[]>> {
    const ids = [...new Set(enterpriseIds)];
    const out = new Map<string, string[]>();
    const base = () =>
      trx
        .selectFrom('enterpriseBindings as b')
        .innerJoin('users as u', 'u.id', 'b.userId')
        .select(['b.enterpriseId', 'b.userId'])
        .where('b.status', '=', 'confirmed')
        .where('u.status', '=', 'active');
    const add = (rows: { enterpriseId: string; userId: string }[], wanted?: Set<string>) => {
      for (const r of rows) {
        if (wanted && !wanted.has(r.enterpriseId)) continue;
        const list = out.get(r.enterpriseId);
        if (list) list.push(r.userId);
        else out.set(r.enterpriseId, [r.userId]);
      }
    };
    // Many enterprises: one scan of the confirmed bindings beats dozens of `in` lists.
    if (ids.length > 10 * LOOKUP_CHUNK) {
      add(await base().execute(), new Set(ids));
      return out;
    }
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      add(
        await base()
          .where('b.enterpriseId', 'in', ids.slice(i, i + LOOKUP_CHUNK))
          .execute(),
      );
    }
    return out;
  }

  private async deliver(trx: DB, deliveries: readonly Delivery[]): Promise<void> {
    if (!deliveries.length) return;
    const at = this.clock.now().toISOString();
    for (const channel of this.channels) await channel.deliver(trx, deliveries, at);
  }

  // ——— the inbox ———

  private async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(userId: string, q: z.output<typeof notificationListQuerySchema>): Promise<NotificationList> {
    let base = this.db.selectFrom('notifications').where('userId', '=', userId);
    if (q.unread === 'true') base = base.where('readAt', 'is', null);
    if (q.kind) base = base.where('kind', '=', q.kind);
    const [rows, total, unread] = await Promise.all([
      base
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      this.unreadCount(userId),
    ]);
    return {
      items: rows.map(present),
      total: Number(total.n),
      unread,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async markRead(ctx: RequestContext, id: string): Promise<{ notification: Notification; unread: number }> {
    const userId = ctx.principal!.userId;
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', id)
        .where('userId', '=', userId)
        .executeTakeFirst();
      if (!current) throw notFound('通知');
      if (current.readAt) return current;
      const readAt = this.clock.now().toISOString();
      await trx.updateTable('notifications').set({ readAt }).where('id', '=', id).execute();
      await this.audit.write(trx, ctx, {
        action: 'notification.read',
        objectType: 'notification',
        objectId: id,
      });
      return { ...current, readAt };
    });
    return { notification: present(row), unread: await this.unreadCount(userId) };
  }

  async markAllRead(ctx: RequestContext): Promise<{ updated: number; unread: number }> {
    const userId = ctx.principal!.userId;
    const updated = await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('notifications')
        .set({ readAt: this.clock.now().toISOString() })
        .where('userId', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirst();
      const n = Number(r.numUpdatedRows);
      if (n > 0) {
        await this.audit.write(trx, ctx, {
          action: 'notification.read_all',
          objectType: 'notification',
          objectId: null,
          details: { updated: n },
        });
      }
      return n;
    });
    return { updated, unread: await this.unreadCount(userId) };
  }

  // ——— channels outside the inbox ———

  /** The caller's choice of kinds by SMS / e-mail (his own, else the default) and the addresses they go to. */
  async preferences(userId: string, trx: DB = this.db): Promise<NotificationPreferences> {
    const user = await trx
      .selectFrom('users')
      .select(['kind', 'phone', 'email'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound('用户');
    const chosen = await this.choicesOf(trx, userId);
    const userKind = user.kind === 'staff' ? 'staff' : 'enterprise';
    const effective = (kind: NotificationKind, channel: ExternalChannel) =>
      chosen.get(`${kind}:${channel}`) ?? defaultExternal(userKind, kind, channel);
    return {
      phoneMasked: maskPhone(user.phone),
      email: user.email,
      items: KINDS_BY_USER_KIND[userKind].map((kind) => ({
        kind,
        sms: effective(kind, 'sms'),
        email: effective(kind, 'email'),
      })),
    };
  }

  /**
   * Change the caller's choices (only the kinds listed) and e-mail address. A choice equal to the default is not
   * stored, so a later change of the defaults reaches everyone who never chose. Audited with the changes.
   */
  async updatePreferences(
    ctx: RequestContext,
    input: z.output<typeof notificationPreferencesInputSchema>,
  ): Promise<NotificationPreferences> {
    const userId = ctx.principal!.userId;
    return this.db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom('users')
        .select(['kind', 'email'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) throw notFound('用户');
      const chosen = await this.choicesOf(trx, userId);
      const at = this.clock.now().toISOString();
      const changes: { kind: string; channel: ExternalChannel; enabled: boolean }[] = [];
      for (const item of input.items ?? []) {
        for (const channel of EXTERNAL_CHANNELS) {
          const wanted = item[channel];
          const byDefault = defaultExternal(user.kind, item.kind, channel);
          const stored = chosen.get(`${item.kind}:${channel}`);
          if ((stored ?? byDefault) !== wanted) changes.push({ kind: item.kind, channel, enabled: wanted });
          if (wanted === byDefault) {
            if (stored !== undefined) {
              await trx
                .deleteFrom('notificationPreferences')
                .where('userId', '=', userId)
                .where('kind', '=', item.kind)
                .where('channel', '=', channel)
                .execute();
            }
          } else if (stored !== wanted) {
            await trx
              .insertInto('notificationPreferences')
              .values({ userId, kind: item.kind, channel, enabled: wanted ? 1 : 0, updatedAt: at })
              .onConflict((oc) =>
                oc
                  .columns(['userId', 'kind', 'channel'])
                  .doUpdateSet({ enabled: wanted ? 1 : 0, updatedAt: at }),
              )
              .execute();
          }
        }
      }
      let email: 'set' | 'removed' | undefined;
      if (input.email !== undefined) {
        const next = input.email || null;
        if (next !== user.email) {
          await trx
            .updateTable('users')
            .set({ email: next, updatedAt: at })
            .where('id', '=', userId)
            .execute();
          email = next ? 'set' : 'removed';
        }
      }
      if (changes.length || email) {
        await this.audit.write(trx, ctx, {
          action: 'notification.preferences.update',
          objectType: 'user',
          objectId: userId,
          details: {
            changes,
            ...(email ? { email: email === 'set' ? maskEmail(input.email) : null } : {}),
          },
        });
      }
      return this.preferences(userId, trx);
    });
  }

  private async choicesOf(trx: DB, userId: string): Promise<Map<string, boolean>> {
    const rows = await trx
      .selectFrom('notificationPreferences')
      .select(['kind', 'channel', 'enabled'])
      .where('userId', '=', userId)
      .execute();
    return new Map(rows.map((r) => [`${r.kind}:${r.channel}`, r.enabled === 1]));
  }

  /** The administrator's view of the outbox (recipients masked, no content). */
  outboxList(q: z.output<typeof outboxListQuerySchema>): Promise<OutboxList> {
    return listOutbox(this.db, q);
  }
}

function present(row: NotificationTable): Notification {
  const kind = (NOTIFICATION_KINDS as readonly string[]).includes(row.kind)
    ? (row.kind as NotificationKind)
    : 'system';
  return {
    id: row.id,
    kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
