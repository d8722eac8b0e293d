import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  VIEWING_STATUS_LABELS,
  type ViewingRequestInput,
  type ViewingStatus,
  type viewingQueueQuerySchema,
  type viewingStatusInputSchema,
} from '../../../shared/buildings-api';
import type { FieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/format';
import type { DB } from '../../db/database';
import type { ViewingRequestTable } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { AppError, fieldError, fieldErrors, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { addHeatEvent, EMPTY_HEAT, type HeatEventKind, heatSortKey } from './heat';
import { parsePhone } from './normalize';
import { spaceLabel } from './present';
import type { BuildingService } from './service';

/**
 * Heat events (views, favourites, viewing requests; heat.ts), favourites and viewing requests (看房预约). A heat
 * event updates the building's decayed counter and `buildings.heat_sort_key` in the transaction of the event.
 */

/** Viewing requests per IP address and hour (a visitor needs no account, so the address is what we can count). */
export const VIEWING_REQUESTS_PER_HOUR = 5;
export const VIEWING_QUEUE_LINK = '/workbench/buildings/viewings';
export const MY_VIEWINGS_LINK = '/account/viewings';

const COUNTER: Record<HeatEventKind, 'views' | 'favourites' | 'viewingRequests'> = {
  view: 'views',
  favourite: 'favourites',
  viewing_request: 'viewingRequests',
};

/** Fold one event into the building's heat (the row is locked first, so concurrent events add up). */
export async function recordHeat(
  trx: DB,
  buildingId: string,
  kind: HeatEventKind,
  at: string,
): Promise<void> {
  const counter = COUNTER[kind];
  await trx
    .insertInto('buildingHeat')
    .values({ buildingId, score: 0, lastAt: at, sortKey: 0, views: 0, favourites: 0, viewingRequests: 0 })
    .onConflict((oc) => oc.column('buildingId').doNothing())
    .execute();
  // Take the row's write lock before reading it (PostgreSQL); SQLite's writer is alone anyway.
  await trx
    .updateTable('buildingHeat')
    .set((eb) => ({ [counter]: eb(counter, '+', 1) }))
    .where('buildingId', '=', buildingId)
    .execute();
  const row = await trx
    .selectFrom('buildingHeat')
    .select(['score', 'lastAt'])
    .where('buildingId', '=', buildingId)
    .executeTakeFirstOrThrow();
  const before = Number(row.score) > 0 ? { score: Number(row.score), lastAt: row.lastAt } : EMPTY_HEAT;
  const next = addHeatEvent(before, { kind, at });
  const sortKey = heatSortKey(next);
  await trx
    .updateTable('buildingHeat')
    .set({ score: next.score, lastAt: next.lastAt!, sortKey })
    .where('buildingId', '=', buildingId)
    .execute();
  await trx.updateTable('buildings').set({ heatSortKey: sortKey }).where('id', '=', buildingId).execute();
}

/** Who is looking: the user, or a hash of address and browser (never stored in clear). */
export function visitorKey(ctx: RequestContext, userAgent: string | undefined): string {
  if (ctx.principal) return `u:${ctx.principal.userId}`;
  return `v:${createHash('sha256')
    .update(`${ctx.ip ?? ''}\u0000${userAgent ?? ''}`)
    .digest('hex')
    .slice(0, 32)}`;
}

export class ViewingService {
  constructor(private readonly s: BuildingService) {}

  private get platform() {
    return this.s.platform;
  }

  /** Count one view per visitor, building and day (Asia/Shanghai). Only active buildings count. */
  async countView(ctx: RequestContext, buildingId: string, userAgent: string | undefined): Promise<boolean> {
    const at = this.s.nowIso();
    const visitor = visitorKey(ctx, userAgent);
    return this.s.db.transaction().execute(async (trx) => {
      const b = await trx
        .selectFrom('buildings')
        .select('status')
        .where('id', '=', buildingId)
        .executeTakeFirst();
      if (b?.status !== 'active') return false;
      const inserted = await trx
        .insertInto('buildingViews')
        .values({ buildingId, visitor, day: this.s.today() })
        .onConflict((oc) => oc.columns(['buildingId', 'visitor', 'day']).doNothing())
        .returning('buildingId')
        .executeTakeFirst();
      if (!inserted) return false;
      await recordHeat(trx, buildingId, 'view', at);
      return true;
    });
  }

  async favourite(ctx: RequestContext, buildingId: string, on: boolean): Promise<{ favourite: boolean }> {
    const userId = ctx.principal!.userId;
    await this.s.db.transaction().execute(async (trx) => {
      const b = await this.s.building(buildingId, trx);
      if (b.status !== 'active') throw notFound('楼宇');
      if (on) {
        const inserted = await trx
          .insertInto('buildingFavourites')
          .values({ userId, buildingId, createdAt: this.s.nowIso() })
          .onConflict((oc) => oc.columns(['userId', 'buildingId']).doNothing())
          .returning('buildingId')
          .executeTakeFirst();
        if (inserted) {
          await recordHeat(trx, buildingId, 'favourite', this.s.nowIso());
          await this.platform.audit.write(trx, ctx, {
            action: 'building.favourite',
            objectType: 'building',
            objectId: buildingId,
          });
        }
      } else {
        const gone = await trx
          .deleteFrom('buildingFavourites')
          .where('userId', '=', userId)
          .where('buildingId', '=', buildingId)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) > 0) {
          await this.platform.audit.write(trx, ctx, {
            action: 'building.unfavourite',
            objectType: 'building',
            objectId: buildingId,
          });
        }
      }
    });
    return { favourite: on };
  }

  /** 看房预约: rate-limited per IP, notifies every building editor, heat weight 10. */
  async request(ctx: RequestContext, buildingId: string, input: ViewingRequestInput) {
    const fields: FieldError[] = [];
    const phone = parsePhone(input.phone);
    if (!phone.ok) fields.push({ field: 'phone', code: 'BUILDING_INVALID_PHONE', message: phone.error });
    if (input.preferredDate && input.preferredDate < this.s.today()) {
      fields.push({ field: 'preferredDate', code: 'INVALID_DATE', message: '期望看房日期不能早于今天' });
    }
    const b = await this.s.db
      .selectFrom('buildings')
      .select(['id', 'name', 'status'])
      .where('id', '=', buildingId)
      .executeTakeFirst();
    if (b?.status !== 'active') throw notFound('楼宇');
    let space: { floor: number; unit: string } | null = null;
    if (input.spaceId) {
      const s = await this.s.db
        .selectFrom('buildingSpaces')
        .select(['buildingId', 'floor', 'unit'])
        .where('id', '=', input.spaceId)
        .executeTakeFirst();
      if (!s || s.buildingId !== buildingId) {
        fields.push({
          field: 'spaceId',
          code: 'BUILDING_UNKNOWN_SPACE',
          message: '房源不存在或不属于该楼宇',
        });
      } else space = s;
    }
    if (fields.length) throw fieldErrors(fields);
    // Counted outside the transaction (the limiter writes through its own connection); a refused hit changes nothing.
    const allowed = await this.platform.limiter.hit(
      `viewing:${ctx.ip ?? 'unknown'}`,
      VIEWING_REQUESTS_PER_HOUR,
      3_600_000,
    );
    if (!allowed) throw new AppError('RATE_LIMITED', '预约提交过于频繁，请一小时后再试');

    const id = newId(this.platform.clock.now().getTime());
    const now = this.s.nowIso();
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('viewingRequests')
        .values({
          id,
          buildingId,
          spaceId: input.spaceId ?? null,
          userId: ctx.principal?.userId ?? null,
          enterpriseId: ctx.principal?.enterpriseId ?? null,
          name: input.name,
          phone: phone.ok ? phone.value : input.phone,
          company: input.company ?? null,
          preferredDate: input.preferredDate ?? null,
          areaNeeded: input.areaNeeded ?? null,
          message: input.message ?? '',
          status: 'pending',
          handledBy: null,
          handlerNote: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await recordHeat(trx, buildingId, 'viewing_request', now);
      const editors = await trx
        .selectFrom('users as u')
        .innerJoin('userRoles as r', 'r.userId', 'u.id')
        .select('u.id')
        .where('r.role', '=', 'building_editor')
        .where('u.status', '=', 'active')
        .execute();
      const where = space ? `${b.name} ${spaceLabel(space.floor, space.unit)}` : b.name;
      await this.platform.notifications.notify(trx, {
        userIds: editors.map((e) => e.id),
        kind: 'viewing',
        title: `新的看房预约：${b.name}`,
        body: `${input.name}${input.company ? `（${input.company}）` : ''}预约看房：${where}${
          input.preferredDate ? `，期望日期 ${input.preferredDate}` : ''
        }${input.areaNeeded ? `，需求面积约 ${input.areaNeeded} ㎡` : ''}。`,
        link: VIEWING_QUEUE_LINK,
      });
      await this.platform.audit.write(trx, ctx, {
        action: 'building.viewing_request.create',
        objectType: 'viewing_request',
        objectId: id,
        details: { buildingId, spaceId: input.spaceId ?? null },
      });
    });
    return { id, status: 'pending' as const };
  }

  private list(where: (q: ReturnType<ViewingService['base']>) => ReturnType<ViewingService['base']>) {
    return where(this.base());
  }

  private base() {
    return this.s.db
      .selectFrom('viewingRequests as v')
      .innerJoin('buildings as b', 'b.id', 'v.buildingId')
      .leftJoin('buildingSpaces as sp', 'sp.id', 'v.spaceId');
  }

  /** A page of requests; `masked` for the editors' queue (the requester sees his own phone in full). */
  private async page(q: ReturnType<ViewingService['base']>, page: number, pageSize: number, masked: boolean) {
    const [rows, count] = await Promise.all([
      q
        .selectAll('v')
        .select(['b.name as buildingName', 'sp.floor as spaceFloor', 'sp.unit as spaceUnit'])
        .orderBy('v.createdAt', 'desc')
        .orderBy('v.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => toViewing(r, r.buildingName, r.spaceFloor, r.spaceUnit, masked)),
      total: Number(count.n),
      page,
      pageSize,
    };
  }

  async mine(ctx: RequestContext, page = 1, pageSize = 50) {
    return this.page(
      this.list((q) => q.where('v.userId', '=', ctx.principal!.userId)),
      page,
      pageSize,
      false,
    );
  }

  async queue(q: z.output<typeof viewingQueueQuerySchema>) {
    let base = this.base();
    if (q.status) base = base.where('v.status', '=', q.status);
    if (q.buildingId) base = base.where('v.buildingId', '=', q.buildingId);
    return this.page(base, q.page, q.pageSize, true);
  }

  async updateStatus(ctx: RequestContext, id: string, input: z.output<typeof viewingStatusInputSchema>) {
    const current = await this.s.db
      .selectFrom('viewingRequests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound('看房预约');
    if (current.status === input.status && input.handlerNote === undefined) {
      throw fieldError('status', 'INVALID_TRANSITION', '状态未变化');
    }
    const building = await this.s.building(current.buildingId);
    await this.s.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('viewingRequests')
        .set({
          status: input.status,
          handlerNote: input.handlerNote !== undefined ? input.handlerNote : current.handlerNote,
          handledBy: ctx.principal?.userId ?? null,
          updatedAt: this.s.nowIso(),
        })
        .where('id', '=', id)
        .execute();
      if (current.userId && current.status !== input.status) {
        await this.platform.notifications.notify(trx, {
          userIds: [current.userId],
          kind: 'viewing',
          title: `看房预约${VIEWING_STATUS_LABELS[input.status]}：${building.name}`,
          body: `您预约的${building.name}看房${VIEWING_STATUS_LABELS[input.status]}。${input.handlerNote ? `说明：${input.handlerNote}` : ''}`,
          link: MY_VIEWINGS_LINK,
        });
      }
      await this.platform.audit.write(trx, ctx, {
        action: 'building.viewing_request.update',
        objectType: 'viewing_request',
        objectId: id,
        details: { from: current.status, to: input.status },
      });
    });
    const r = await this.base()
      .selectAll('v')
      .select(['b.name as buildingName', 'sp.floor as spaceFloor', 'sp.unit as spaceUnit'])
      .where('v.id', '=', id)
      .executeTakeFirstOrThrow();
    return toViewing(r, r.buildingName, r.spaceFloor, r.spaceUnit, true);
  }
}

function toViewing(
  v: ViewingRequestTable,
  buildingName: string,
  floor: number | null,
  unit: string | null,
  masked: boolean,
) {
  return {
    id: v.id,
    buildingId: v.buildingId,
    buildingName,
    spaceId: v.spaceId,
    spaceLabel: floor !== null && unit !== null ? spaceLabel(floor, unit) : null,
    name: v.name,
    phone: masked ? (maskPhone(v.phone) ?? '') : v.phone,
    company: v.company,
    preferredDate: v.preferredDate,
    areaNeeded: v.areaNeeded === null ? null : Number(v.areaNeeded),
    message: v.message,
    status: v.status as ViewingStatus,
    handlerNote: v.handlerNote,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}
