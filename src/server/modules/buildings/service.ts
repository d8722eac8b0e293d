import type { z } from 'zod';
import { monthlyRent, type RentUnit } from '../../../shared/buildings';
import type {
  BuildingDetail,
  BuildingInput,
  BuildingUpdate,
  OccupantInput,
  OccupantUpdate,
  ProjectInput,
  ProjectStatus,
  ProjectUpdate,
  projectListQuerySchema,
  SpaceInput,
  SpaceUpdate,
} from '../../../shared/buildings-api';
import type { FieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/format';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { isUniqueViolation, toJson } from '../../db/dialect';
import type {
  BuildingOccupantTable,
  BuildingProjectTable,
  BuildingSpaceTable,
  BuildingTable,
} from '../../db/schema';
import { shanghaiDate } from '../../platform/calendar/workdays';
import { hasRole, type RequestContext } from '../../platform/context';
import { AppError, fieldError, fieldErrors, notFound } from '../../platform/errors';
import { FileStore } from '../../platform/files/store';
import { newId } from '../../platform/ids';
import { indexBuildings, refreshBuildingDerived } from './derived';
import { unitKey } from './duplicates';
import { MAX_AREA_SQM, MAX_FLOOR, MAX_RENT_PER_DAY, parsePhone, parseStreet } from './normalize';
import { cardQuery, coverPhotos, photoUrl, staleCutoff, toCard, toSpace } from './present';
import { BuildingSearch } from './search';

/**
 * The buildings service (SPEC §2.5): reading (detail, hot ranking, map) and the building editor's writes. Every
 * write runs in one transaction with its audit entry, the derived figures (derived.ts) and the search entry.
 */

const EDITOR = 'building_editor' as const;
/** Staff who see occupants' links into the enterprise library. */
const isStaff = (ctx: RequestContext) => ctx.principal?.kind === 'staff';
const PUBLIC_PROJECT_STATUSES: readonly ProjectStatus[] = ['signed', 'settled'];

export class BuildingService {
  readonly search: BuildingSearch;
  readonly files: FileStore;
  private streetCache: Promise<Map<string, string>> | null = null;

  constructor(readonly platform: Platform) {
    this.files = new FileStore(platform.database.db, platform.config.dataDir, platform.clock);
    this.search = new BuildingSearch({
      db: platform.database.db,
      clock: platform.clock,
      staleDays: platform.config.buildings.staleDays,
      streets: () => this.streets(),
    });
  }

  get db(): DB {
    return this.platform.database.db;
  }
  nowIso(): string {
    return this.platform.clock.now().toISOString();
  }
  today(): string {
    return shanghaiDate(this.platform.clock.now());
  }
  staleBefore(): string {
    return staleCutoff(this.today(), this.platform.config.buildings.staleDays);
  }

  /** The district's streets, code → name (read once; streets are reference data). */
  streets(): Promise<Map<string, string>> {
    if (!this.streetCache) {
      this.streetCache = this.db
        .selectFrom('streets')
        .select(['code', 'name'])
        .orderBy('sortOrder')
        .execute()
        .then((rows) => new Map(rows.map((r) => [r.code, r.name])));
      this.streetCache.catch(() => {
        this.streetCache = null;
      });
    }
    return this.streetCache;
  }

  // ——— reading ———

  async building(id: string, trx: DB = this.db): Promise<BuildingTable> {
    const b = await trx.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!b) throw notFound('楼宇');
    return b;
  }

  /** The detail page; public callers see active buildings only. */
  async detail(ctx: RequestContext, id: string): Promise<BuildingDetail> {
    const editor = hasRole(ctx.principal, EDITOR);
    const b = await this.db.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!b || (b.status !== 'active' && !editor)) throw notFound('楼宇');
    const now = this.platform.clock.now();
    const [card] = await Promise.all([cardQuery(this.db).where('b.id', '=', id).executeTakeFirstOrThrow()]);
    const [covers, photos, spaces, occupants, projects, favourite] = await Promise.all([
      coverPhotos(this.db, [id]),
      this.db
        .selectFrom('buildingPhotos')
        .selectAll()
        .where('buildingId', '=', id)
        .orderBy('sortOrder')
        .orderBy('createdAt')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('buildingSpaces')
        .selectAll()
        .where('buildingId', '=', id)
        .$if(!editor, (q) => q.where('status', 'in', ['vacant', 'reserved']))
        .orderBy('floor')
        .orderBy('unitKey')
        .execute(),
      this.db
        .selectFrom('buildingOccupants')
        .selectAll()
        .where('buildingId', '=', id)
        .$if(!editor, (q) =>
          q.where((eb) => eb.or([eb('movedOutOn', 'is', null), eb('movedOutOn', '>', this.today())])),
        )
        .orderBy('floor')
        .orderBy('enterpriseName')
        .execute(),
      this.db
        .selectFrom('buildingProjects')
        .selectAll()
        .where('buildingId', '=', id)
        .$if(!editor, (q) => q.where('status', 'in', [...PUBLIC_PROJECT_STATUSES]))
        .orderBy('createdAt', 'desc')
        .execute(),
      ctx.principal
        ? this.db
            .selectFrom('buildingFavourites')
            .select('userId')
            .where('userId', '=', ctx.principal.userId)
            .where('buildingId', '=', id)
            .executeTakeFirst()
        : undefined,
    ]);
    const staff = isStaff(ctx);
    return {
      ...toCard(card, { now, staleBefore: this.staleBefore(), covers }),
      floorsAbove: b.floorsAbove,
      floorsBelow: b.floorsBelow,
      grossArea: b.grossArea === null ? null : Number(b.grossArea),
      completedYear: b.completedYear,
      developer: b.developer,
      propertyManager: b.propertyManager,
      contactName: b.contactName,
      // The contact is a person (物业/招商联系人): in full only for the editors who keep the record (and edit it in
      // the form this detail fills); other staff have no call to make and see it masked like the public.
      contactPhone: editor ? b.contactPhone : maskPhone(b.contactPhone),
      description: b.description,
      leasableArea: Number(b.leasableArea),
      occupantTaxWan: staff && b.occupantTaxWan !== null ? Number(b.occupantTaxWan) : null,
      source: b.source,
      sourceNote: b.sourceNote,
      photos: photos.map((p) => ({
        id: p.id,
        url: photoUrl(p.id),
        caption: p.caption,
        sortOrder: p.sortOrder,
      })),
      spaces: spaces.map(toSpace),
      occupants: occupants.map((o) => ({
        id: o.id,
        buildingId: o.buildingId,
        spaceId: o.spaceId,
        enterpriseId: staff ? o.enterpriseId : null,
        enterpriseName: o.enterpriseName,
        floor: o.floor,
        unit: o.unit,
        area: o.area === null ? null : Number(o.area),
        movedInOn: o.movedInOn,
        movedOutOn: o.movedOutOn,
        source: o.source,
        lastVerifiedOn: o.lastVerifiedOn,
      })),
      projects: projects.map((p) => toProject(p, b.name)),
      favourite: !!favourite,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
    };
  }

  /** The hot ranking: heat_sort_key orders by current heat at any instant (heat.ts). */
  async hot(limit: number) {
    const now = this.platform.clock.now();
    const rows = await cardQuery(this.db)
      .select(['h.views', 'h.favourites', 'h.viewingRequests'])
      .where('b.status', '=', 'active')
      .where('h.buildingId', 'is not', null)
      .orderBy('b.heatSortKey', 'desc')
      .orderBy('b.id', 'desc')
      .limit(limit)
      .execute();
    const covers = await coverPhotos(
      this.db,
      rows.map((r) => r.id),
    );
    const staleBefore = this.staleBefore();
    return {
      items: rows.map((r, i) => ({
        ...toCard(r, { now, staleBefore, covers }),
        rank: i + 1,
        views: Number(r.views ?? 0),
        favourites: Number(r.favourites ?? 0),
        viewingRequests: Number(r.viewingRequests ?? 0),
      })),
    };
  }

  async map() {
    const rows = await this.db
      .selectFrom('buildings')
      .select(['id', 'name', 'lat', 'lng', 'grade', 'vacantCount', 'minRentMonthly', 'maxRentMonthly'])
      .where('status', '=', 'active')
      .where('lat', 'is not', null)
      .where('lng', 'is not', null)
      .orderBy('name')
      .execute();
    const { tileUrl, tileAttribution } = this.platform.config.buildings;
    return {
      tileUrl,
      attribution: tileUrl ? tileAttribution || null : null,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        lat: Number(r.lat),
        lng: Number(r.lng),
        grade: r.grade,
        vacantCount: Number(r.vacantCount),
        rentMonthly:
          r.minRentMonthly !== null && r.maxRentMonthly !== null
            ? { min: round2(Number(r.minRentMonthly)), max: round2(Number(r.maxRentMonthly)) }
            : null,
      })),
    };
  }

  /** A photo of an active building (or any, for the editor): the file row to send. */
  async photoFile(ctx: RequestContext, photoId: string) {
    const row = await this.db
      .selectFrom('buildingPhotos as p')
      .innerJoin('buildings as b', 'b.id', 'p.buildingId')
      .select(['p.fileId', 'b.status'])
      .where('p.id', '=', photoId)
      .executeTakeFirst();
    if (!row || (row.status !== 'active' && !hasRole(ctx.principal, EDITOR))) throw notFound('照片');
    const file = await this.files.row(row.fileId);
    if (!file) throw notFound('照片');
    return file;
  }

  // ——— buildings ———

  private async buildingValues(input: BuildingUpdate, fields: FieldError[]) {
    const out: Partial<BuildingTable> = {};
    if (input.street !== undefined) {
      const streets = await this.streets();
      const parsed = parseStreet(
        input.street,
        [...streets].map(([code, name]) => ({ code, name })),
      );
      if (parsed.ok) out.streetCode = parsed.value;
      else fields.push({ field: 'street', code: 'UNKNOWN_STREET', message: parsed.error });
    }
    if (input.contactPhone) {
      const parsed = parsePhone(input.contactPhone);
      if (parsed.ok) out.contactPhone = parsed.value;
      else fields.push({ field: 'contactPhone', code: 'BUILDING_INVALID_PHONE', message: parsed.error });
    } else if (input.contactPhone !== undefined) out.contactPhone = null;
    if ((input.lat == null) !== (input.lng == null) && (input.lat !== undefined || input.lng !== undefined)) {
      fields.push({ field: 'lng', code: 'VALIDATION_FAILED', message: '经度与纬度须同时填写' });
    }
    const copy = [
      'name',
      'address',
      'lat',
      'lng',
      'grade',
      'use',
      'floorsAbove',
      'floorsBelow',
      'grossArea',
      'completedYear',
      'developer',
      'propertyManager',
      'contactName',
      'description',
      'source',
      'sourceNote',
    ] as const;
    for (const k of copy) if (input[k] !== undefined) (out as Record<string, unknown>)[k] = input[k] ?? null;
    if (input.description !== undefined) out.description = input.description ?? '';
    if (input.tags !== undefined) out.tags = toJson([...new Set(input.tags)]);
    if (input.verified) out.lastVerifiedOn = this.today();
    return out;
  }

  async createBuilding(ctx: RequestContext, input: BuildingInput): Promise<BuildingDetail> {
    const fields: FieldError[] = [];
    const values = await this.buildingValues(input, fields);
    if (fields.length) throw fieldErrors(fields);
    const id = newId(this.platform.clock.now().getTime());
    const now = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('buildings')
        .values({
          id,
          name: input.name,
          streetCode: values.streetCode!,
          address: input.address,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          grade: input.grade,
          use: input.use,
          floorsAbove: input.floorsAbove ?? null,
          floorsBelow: input.floorsBelow ?? null,
          grossArea: input.grossArea ?? null,
          completedYear: input.completedYear ?? null,
          developer: input.developer ?? null,
          propertyManager: input.propertyManager ?? null,
          contactName: input.contactName ?? null,
          contactPhone: values.contactPhone ?? null,
          description: input.description ?? '',
          tags: toJson([...new Set(input.tags ?? [])]),
          source: input.source ?? 'manual',
          sourceNote: input.sourceNote ?? null,
          lastVerifiedOn: input.verified ? this.today() : null,
          status: 'active',
          spaceCount: 0,
          vacantCount: 0,
          leasableArea: 0,
          vacantArea: 0,
          vacancyRate: 0,
          minRentMonthly: null,
          maxRentMonthly: null,
          minVacantArea: null,
          maxVacantArea: null,
          occupantTaxWan: null,
          taxFlag: null,
          heatSortKey: 0,
          createdBy: ctx.principal?.userId ?? null,
          updatedBy: ctx.principal?.userId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await indexBuildings(trx, this.platform.search, [id]);
      await this.platform.audit.write(trx, ctx, {
        action: 'building.create',
        objectType: 'building',
        objectId: id,
        details: { name: input.name },
      });
    });
    return this.detail(ctx, id);
  }

  async updateBuilding(ctx: RequestContext, id: string, input: BuildingUpdate): Promise<BuildingDetail> {
    const current = await this.building(id);
    if (current.status !== 'active') throw new AppError('BUILDING_ARCHIVED');
    const fields: FieldError[] = [];
    const values = await this.buildingValues(input, fields);
    const lat = input.lat !== undefined ? input.lat : current.lat;
    const lng = input.lng !== undefined ? input.lng : current.lng;
    if ((lat == null) !== (lng == null) && !fields.some((f) => f.field === 'lng')) {
      fields.push({ field: 'lng', code: 'VALIDATION_FAILED', message: '经度与纬度须同时填写' });
    }
    if (fields.length) throw fieldErrors(fields);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('buildings')
        .set({ ...values, updatedBy: ctx.principal?.userId ?? null, updatedAt: this.nowIso() })
        .where('id', '=', id)
        .execute();
      await indexBuildings(trx, this.platform.search, [id]);
      await this.platform.audit.write(trx, ctx, {
        action: 'building.update',
        objectType: 'building',
        objectId: id,
        details: { fields: Object.keys(input) },
      });
    });
    return this.detail(ctx, id);
  }

  async setStatus(ctx: RequestContext, id: string, action: 'archive' | 'verify'): Promise<BuildingDetail> {
    const current = await this.building(id);
    if (current.status !== 'active') throw new AppError('BUILDING_ARCHIVED');
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('buildings')
        .set(
          action === 'archive'
            ? { status: 'archived', updatedAt: this.nowIso(), updatedBy: ctx.principal?.userId ?? null }
            : {
                lastVerifiedOn: this.today(),
                updatedAt: this.nowIso(),
                updatedBy: ctx.principal?.userId ?? null,
              },
        )
        .where('id', '=', id)
        .execute();
      await indexBuildings(trx, this.platform.search, [id]);
      await this.platform.audit.write(trx, ctx, {
        action: `building.${action}`,
        objectType: 'building',
        objectId: id,
      });
    });
    return this.detail(ctx, id);
  }

  /** Run a write on an active building's parts: derived figures and index refreshed, audited. */
  private async onBuilding<T>(
    ctx: RequestContext,
    buildingId: string,
    audit: { action: string; objectType: string; objectId?: string; details?: Record<string, unknown> },
    fn: (trx: DB) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const b = await this.building(buildingId, trx);
      if (b.status !== 'active') throw new AppError('BUILDING_ARCHIVED');
      const result = await fn(trx);
      await trx
        .updateTable('buildings')
        .set({ updatedAt: this.nowIso(), updatedBy: ctx.principal?.userId ?? null })
        .where('id', '=', buildingId)
        .execute();
      await refreshBuildingDerived(trx, [buildingId], this.nowIso());
      await indexBuildings(trx, this.platform.search, [buildingId]);
      const objectId = audit.objectId ?? (typeof result === 'string' ? result : buildingId);
      await this.platform.audit.write(trx, ctx, { ...audit, objectId });
      return result;
    });
  }

  // ——— spaces ———

  private spaceValues(input: SpaceUpdate, current: BuildingSpaceTable | null): Partial<BuildingSpaceTable> {
    const fields: FieldError[] = [];
    const out: Partial<BuildingSpaceTable> = {};
    if (input.floor !== undefined) {
      if (input.floor === 0 || Math.abs(input.floor) > MAX_FLOOR) {
        fields.push({
          field: 'floor',
          code: 'BUILDING_INVALID_FLOOR',
          message: `楼层有误：${input.floor}（地下层为负数，没有 0 层）`,
        });
      } else out.floor = input.floor;
    }
    if (input.unit !== undefined) {
      out.unit = input.unit;
      out.unitKey = unitKey(input.unit);
      if (!out.unitKey) fields.push({ field: 'unit', code: 'VALIDATION_FAILED', message: '房号不能为空' });
    }
    if (input.area !== undefined) {
      if (!(input.area > 0) || input.area > MAX_AREA_SQM) {
        fields.push({
          field: 'area',
          code: 'BUILDING_INVALID_AREA',
          message: `面积须大于 0 且不超过 ${MAX_AREA_SQM} ㎡，收到 ${input.area}`,
        });
      } else out.area = input.area;
    }
    if (input.rentAmount !== undefined || input.rentUnit !== undefined) {
      const amount = input.rentAmount !== undefined ? input.rentAmount : (current?.rentAmount ?? null);
      const unit = (input.rentUnit !== undefined ? input.rentUnit : current?.rentUnit) as RentUnit | null;
      if (amount === null && unit === null) {
        Object.assign(out, { rentAmount: null, rentUnit: null, rentMonthly: null });
      } else if (amount === null || amount === undefined) {
        fields.push({
          field: 'rentAmount',
          code: 'BUILDING_INVALID_RENT',
          message: '填写了租金单位但没有租金',
        });
      } else if (!unit) {
        fields.push({
          field: 'rentUnit',
          code: 'BUILDING_INVALID_RENT',
          message: '租金须注明单位（元/㎡·天 或 元/㎡·月）',
        });
      } else if (!(amount > 0)) {
        fields.push({ field: 'rentAmount', code: 'BUILDING_INVALID_RENT', message: '租金须大于 0' });
      } else if (monthlyRent(amount, unit) > monthlyRent(MAX_RENT_PER_DAY, 'yuan_per_sqm_day') + 1e-9) {
        fields.push({
          field: 'rentAmount',
          code: 'BUILDING_INVALID_RENT',
          message: `租金过高：超过 ${MAX_RENT_PER_DAY} 元/㎡·天，请检查单位`,
        });
      } else
        Object.assign(out, { rentAmount: amount, rentUnit: unit, rentMonthly: monthlyRent(amount, unit) });
    }
    for (const k of [
      'status',
      'decoration',
      'availableFrom',
      'orientation',
      'description',
      'source',
    ] as const) {
      if (input[k] !== undefined)
        (out as Record<string, unknown>)[k] = input[k] ?? (k === 'description' ? '' : null);
    }
    if (input.verified) out.lastVerifiedOn = this.today();
    if (fields.length) throw fieldErrors(fields);
    return out;
  }

  private async spaceRow(trx: DB, id: string) {
    const s = await trx.selectFrom('buildingSpaces').selectAll().where('id', '=', id).executeTakeFirst();
    if (!s) throw notFound('房源');
    return s;
  }

  private async insertOrUpdateSpace(fn: () => Promise<unknown>) {
    try {
      await fn();
    } catch (err) {
      if (isUniqueViolation(err)) throw fieldError('unit', 'BUILDING_SPACE_EXISTS');
      throw err;
    }
  }

  async addSpace(ctx: RequestContext, buildingId: string, input: SpaceInput) {
    const values = this.spaceValues(input, null);
    const id = newId(this.platform.clock.now().getTime());
    const now = this.nowIso();
    await this.building(buildingId);
    await this.onBuilding(
      ctx,
      buildingId,
      {
        action: 'building.space.create',
        objectType: 'building_space',
        objectId: id,
        details: { buildingId },
      },
      async (trx) => {
        await this.assertFreeUnit(trx, buildingId, values.floor!, values.unitKey!, null);
        await this.insertOrUpdateSpace(() =>
          trx
            .insertInto('buildingSpaces')
            .values({
              id,
              buildingId,
              floor: values.floor!,
              unit: values.unit!,
              unitKey: values.unitKey!,
              area: values.area!,
              rentAmount: values.rentAmount ?? null,
              rentUnit: values.rentUnit ?? null,
              rentMonthly: values.rentMonthly ?? null,
              status: input.status,
              decoration: input.decoration ?? null,
              availableFrom: input.availableFrom ?? null,
              orientation: input.orientation ?? null,
              description: input.description ?? '',
              source: input.source ?? 'manual',
              lastVerifiedOn: input.verified ? this.today() : null,
              createdAt: now,
              updatedAt: now,
            })
            .execute(),
        );
      },
    );
    return toSpace(await this.spaceRow(this.db, id));
  }

  /** One space per building, floor and unit (unitKey): a clear 409 rather than the database's refusal. */
  private async assertFreeUnit(
    trx: DB,
    buildingId: string,
    floor: number,
    key: string,
    except: string | null,
  ) {
    const other = await trx
      .selectFrom('buildingSpaces')
      .select('id')
      .where('buildingId', '=', buildingId)
      .where('floor', '=', floor)
      .where('unitKey', '=', key)
      .$if(except !== null, (q) => q.where('id', '<>', except!))
      .executeTakeFirst();
    if (other) throw fieldError('unit', 'BUILDING_SPACE_EXISTS');
  }

  async updateSpace(ctx: RequestContext, id: string, input: SpaceUpdate) {
    const current = await this.spaceRow(this.db, id);
    const values = this.spaceValues(input, current);
    await this.onBuilding(
      ctx,
      current.buildingId,
      {
        action: 'building.space.update',
        objectType: 'building_space',
        objectId: id,
        details: { fields: Object.keys(input) },
      },
      async (trx) => {
        if (values.floor !== undefined || values.unitKey !== undefined) {
          await this.assertFreeUnit(
            trx,
            current.buildingId,
            values.floor ?? current.floor,
            values.unitKey ?? current.unitKey,
            id,
          );
        }
        await this.insertOrUpdateSpace(() =>
          trx
            .updateTable('buildingSpaces')
            .set({ ...values, updatedAt: this.nowIso() })
            .where('id', '=', id)
            .execute(),
        );
      },
    );
    return toSpace(await this.spaceRow(this.db, id));
  }

  async deleteSpace(ctx: RequestContext, id: string): Promise<void> {
    const current = await this.spaceRow(this.db, id);
    await this.onBuilding(
      ctx,
      current.buildingId,
      {
        action: 'building.space.delete',
        objectType: 'building_space',
        objectId: id,
        details: { floor: current.floor, unit: current.unit },
      },
      async (trx) => {
        await trx.deleteFrom('buildingSpaces').where('id', '=', id).execute();
      },
    );
  }

  // ——— occupants ———

  private async occupantValues(trx: DB, buildingId: string, input: OccupantUpdate) {
    const fields: FieldError[] = [];
    const out: Partial<BuildingOccupantTable> = {};
    if (input.enterpriseId) {
      const e = await trx
        .selectFrom('enterprises')
        .select('id')
        .where('id', '=', input.enterpriseId)
        .executeTakeFirst();
      if (!e)
        fields.push({
          field: 'enterpriseId',
          code: 'BUILDING_UNKNOWN_ENTERPRISE',
          message: '企业不在企业库中',
        });
      else out.enterpriseId = e.id;
    } else if (input.enterpriseId !== undefined) out.enterpriseId = null;
    if (input.spaceId) {
      const s = await trx
        .selectFrom('buildingSpaces')
        .selectAll()
        .where('id', '=', input.spaceId)
        .executeTakeFirst();
      if (!s || s.buildingId !== buildingId) {
        fields.push({
          field: 'spaceId',
          code: 'BUILDING_UNKNOWN_SPACE',
          message: '房源不存在或不属于该楼宇',
        });
      } else {
        out.spaceId = s.id;
        if (input.floor === undefined) out.floor = s.floor;
        if (input.unit === undefined) out.unit = s.unit;
      }
    } else if (input.spaceId !== undefined) out.spaceId = null;
    if (input.floor != null && (input.floor === 0 || Math.abs(input.floor) > MAX_FLOOR)) {
      fields.push({ field: 'floor', code: 'BUILDING_INVALID_FLOOR', message: `楼层有误：${input.floor}` });
    } else if (input.floor !== undefined) out.floor = input.floor;
    if (input.area != null && (!(input.area > 0) || input.area > MAX_AREA_SQM)) {
      fields.push({
        field: 'area',
        code: 'BUILDING_INVALID_AREA',
        message: `面积须大于 0，收到 ${input.area}`,
      });
    } else if (input.area !== undefined) out.area = input.area;
    for (const k of ['enterpriseName', 'unit', 'movedInOn', 'source'] as const) {
      if (input[k] !== undefined) (out as Record<string, unknown>)[k] = input[k] ?? null;
    }
    if (input.verified) out.lastVerifiedOn = this.today();
    if (fields.length) throw fieldErrors(fields);
    return out;
  }

  private async occupantRow(trx: DB, id: string) {
    const o = await trx.selectFrom('buildingOccupants').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o) throw notFound('入驻企业');
    return o;
  }

  private toOccupant(o: BuildingOccupantTable) {
    return { ...o, area: o.area === null ? null : Number(o.area) };
  }

  async addOccupant(ctx: RequestContext, buildingId: string, input: OccupantInput) {
    await this.building(buildingId);
    const id = newId(this.platform.clock.now().getTime());
    const now = this.nowIso();
    await this.onBuilding(
      ctx,
      buildingId,
      {
        action: 'building.occupant.create',
        objectType: 'building_occupant',
        objectId: id,
        details: { buildingId, name: input.enterpriseName },
      },
      async (trx) => {
        const v = await this.occupantValues(trx, buildingId, input);
        await trx
          .insertInto('buildingOccupants')
          .values({
            id,
            buildingId,
            spaceId: v.spaceId ?? null,
            enterpriseId: v.enterpriseId ?? null,
            enterpriseName: input.enterpriseName,
            floor: v.floor ?? null,
            unit: v.unit ?? null,
            area: v.area ?? null,
            movedInOn: input.movedInOn ?? null,
            movedOutOn: null,
            source: input.source ?? 'manual',
            lastVerifiedOn: input.verified ? this.today() : null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      },
    );
    return this.toOccupant(await this.occupantRow(this.db, id));
  }

  async updateOccupant(ctx: RequestContext, id: string, input: OccupantUpdate) {
    const current = await this.occupantRow(this.db, id);
    await this.onBuilding(
      ctx,
      current.buildingId,
      {
        action: 'building.occupant.update',
        objectType: 'building_occupant',
        objectId: id,
        details: { fields: Object.keys(input) },
      },
      async (trx) => {
        const v = await this.occupantValues(trx, current.buildingId, input);
        await trx
          .updateTable('buildingOccupants')
          .set({ ...v, updatedAt: this.nowIso() })
          .where('id', '=', id)
          .execute();
      },
    );
    return this.toOccupant(await this.occupantRow(this.db, id));
  }

  async moveOut(ctx: RequestContext, id: string, movedOutOn: string | undefined) {
    const current = await this.occupantRow(this.db, id);
    if (current.movedOutOn) throw new AppError('BUILDING_ALREADY_MOVED_OUT');
    const day = movedOutOn ?? this.today();
    if (current.movedInOn && day < current.movedInOn) {
      throw fieldError('movedOutOn', 'INVALID_DATE', '迁出日期不能早于入驻日期');
    }
    await this.onBuilding(
      ctx,
      current.buildingId,
      {
        action: 'building.occupant.move_out',
        objectType: 'building_occupant',
        objectId: id,
        details: { movedOutOn: day },
      },
      async (trx) => {
        await trx
          .updateTable('buildingOccupants')
          .set({ movedOutOn: day, updatedAt: this.nowIso() })
          .where('id', '=', id)
          .execute();
      },
    );
    return this.toOccupant(await this.occupantRow(this.db, id));
  }

  // ——— projects ———

  async listProjects(ctx: RequestContext, q: z.output<typeof projectListQuerySchema>) {
    let base = this.db.selectFrom('buildingProjects as p').leftJoin('buildings as b', 'b.id', 'p.buildingId');
    if (q.buildingId) base = base.where('p.buildingId', '=', q.buildingId);
    if (q.status) base = base.where('p.status', '=', q.status);
    const [rows, count] = await Promise.all([
      base
        .selectAll('p')
        .select('b.name as buildingName')
        .orderBy('p.updatedAt', 'desc')
        .orderBy('p.id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    void ctx;
    return {
      items: rows.map((r) => toProject(r, r.buildingName)),
      total: Number(count.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private async projectRow(id: string) {
    const p = await this.db
      .selectFrom('buildingProjects as p')
      .leftJoin('buildings as b', 'b.id', 'p.buildingId')
      .selectAll('p')
      .select('b.name as buildingName')
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!p) throw notFound('招商项目');
    return toProject(p, p.buildingName);
  }

  private projectValues(input: ProjectUpdate): Partial<BuildingProjectTable> {
    const out: Partial<BuildingProjectTable> = {};
    for (const k of [
      'name',
      'industry',
      'investor',
      'investmentWan',
      'areaNeeded',
      'status',
      'description',
      'signedOn',
      'source',
    ] as const) {
      if (input[k] !== undefined)
        (out as Record<string, unknown>)[k] = input[k] ?? (k === 'description' ? '' : null);
    }
    if (input.verified) out.lastVerifiedOn = this.today();
    return out;
  }

  async addProject(ctx: RequestContext, buildingId: string, input: ProjectInput) {
    await this.building(buildingId);
    const id = newId(this.platform.clock.now().getTime());
    const now = this.nowIso();
    await this.onBuilding(
      ctx,
      buildingId,
      {
        action: 'building.project.create',
        objectType: 'building_project',
        objectId: id,
        details: { buildingId, name: input.name },
      },
      async (trx) => {
        await trx
          .insertInto('buildingProjects')
          .values({
            id,
            buildingId,
            name: input.name,
            industry: input.industry ?? null,
            investor: input.investor ?? null,
            investmentWan: input.investmentWan ?? null,
            areaNeeded: input.areaNeeded ?? null,
            status: input.status,
            description: input.description ?? '',
            signedOn: input.signedOn ?? null,
            source: input.source ?? 'manual',
            lastVerifiedOn: input.verified ? this.today() : null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      },
    );
    return this.projectRow(id);
  }

  async updateProject(ctx: RequestContext, id: string, input: ProjectUpdate) {
    const current = await this.projectRow(id);
    const values = this.projectValues(input);
    if (input.buildingId !== undefined) {
      if (input.buildingId) {
        const b = await this.db
          .selectFrom('buildings')
          .select(['id', 'status'])
          .where('id', '=', input.buildingId)
          .executeTakeFirst();
        if (!b) throw fieldError('buildingId', 'NOT_FOUND', '楼宇不存在');
        if (b.status !== 'active') throw new AppError('BUILDING_ARCHIVED');
      }
      values.buildingId = input.buildingId;
    }
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('buildingProjects')
        .set({ ...values, updatedAt: this.nowIso() })
        .where('id', '=', id)
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'building.project.update',
        objectType: 'building_project',
        objectId: id,
        details: { fields: Object.keys(input), buildingId: values.buildingId ?? current.buildingId },
      });
    });
    return this.projectRow(id);
  }

  // ——— photos ———

  async addPhoto(
    ctx: RequestContext,
    buildingId: string,
    input: { fileId: string; caption?: string; sortOrder?: number },
  ) {
    await this.building(buildingId);
    const file = await this.files.row(input.fileId);
    if (file?.purpose !== 'building') {
      throw fieldError('fileId', 'UNKNOWN_FILE');
    }
    if (!['jpg', 'png'].includes(file.ext)) throw fieldError('fileId', 'BUILDING_NOT_IMAGE');
    const id = newId(this.platform.clock.now().getTime());
    await this.onBuilding(
      ctx,
      buildingId,
      {
        action: 'building.photo.create',
        objectType: 'building_photo',
        objectId: id,
        details: { buildingId, fileId: file.id },
      },
      async (trx) => {
        const last = await trx
          .selectFrom('buildingPhotos')
          .select((eb) => eb.fn.max('sortOrder').as('m'))
          .where('buildingId', '=', buildingId)
          .executeTakeFirst();
        await trx
          .insertInto('buildingPhotos')
          .values({
            id,
            buildingId,
            fileId: file.id,
            caption: input.caption ?? '',
            sortOrder: input.sortOrder ?? (last?.m == null ? 0 : Number(last.m) + 1),
            createdAt: this.nowIso(),
          })
          .execute();
      },
    );
    return { id, url: photoUrl(id), caption: input.caption ?? '', sortOrder: input.sortOrder ?? 0 };
  }

  async deletePhoto(ctx: RequestContext, photoId: string): Promise<void> {
    const p = await this.db
      .selectFrom('buildingPhotos')
      .selectAll()
      .where('id', '=', photoId)
      .executeTakeFirst();
    if (!p) throw notFound('照片');
    await this.onBuilding(
      ctx,
      p.buildingId,
      {
        action: 'building.photo.delete',
        objectType: 'building_photo',
        objectId: photoId,
        details: { buildingId: p.buildingId },
      },
      async (trx) => {
        await trx.deleteFrom('buildingPhotos').where('id', '=', photoId).execute();
      },
    );
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function toProject(p: BuildingProjectTable, buildingName: string | null) {
  return {
    id: p.id,
    buildingId: p.buildingId,
    buildingName,
    name: p.name,
    industry: p.industry,
    investor: p.investor,
    investmentWan: p.investmentWan === null ? null : Number(p.investmentWan),
    areaNeeded: p.areaNeeded === null ? null : Number(p.areaNeeded),
    status: p.status as ProjectStatus,
    description: p.description,
    signedOn: p.signedOn,
    source: p.source,
    lastVerifiedOn: p.lastVerifiedOn,
    updatedAt: p.updatedAt,
  };
}
