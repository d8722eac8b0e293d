import type { z } from 'zod';
import {
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
  type NotificationList,
  type notificationListQuerySchema,
} from '../../../shared/notifications';
import type { DB } from '../../db/database';
import type { NotificationTable } from '../../db/schema';
import type { AuditLog } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';

/**
 * Notifications (SPEC §2.7). Other modules call `notify` inside the transaction of the change they announce, so a
 * message exists exactly when the change committed. Recipients are users, or an enterprise (its confirmed,
 * active members at that moment). Delivery goes through channels: the in-app inbox is the one every deployment
 * has; SMS or e-mail channels plug in beside it.
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
  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly channels: readonly NotificationChannel[] = [new InAppChannel()],
  ) {}

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
