import type { z } from 'zod';
import type {
  AppealTopic,
  appealTopicInputSchema,
  appealTopicPatchSchema,
  SlaSettingsInput,
} from '../../../shared/appeals-api';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { fromJson, isUniqueViolation, toJson } from '../../db/dialect';
import type { RequestContext } from '../../platform/context';
import { fieldError, notFound } from '../../platform/errors';
import { appealRouting } from './classifier';
import { DEFAULT_SLA_SETTINGS, type SlaContext, type SlaDurations, type SlaSettings } from './sla';

/** One topic of the dispatch catalogue (派单目录) as the service uses it. */
export interface TopicEntry {
  code: string;
  name: string;
  category: string;
  description: string;
  leadDepartmentId: string;
  leadDepartmentName: string;
  keywords: string[];
  sla: Partial<SlaDurations>;
  active: boolean;
  sortOrder: number;
}

export type DistrictSlaSettings = Omit<SlaSettings, 'topics'>;

interface Snapshot {
  /** Every topic, active or not, in display order. */
  topics: TopicEntry[];
  byCode: Map<string, TopicEntry>;
  /** District settings with the topics' overrides folded in. */
  settings: SlaSettings;
  district: DistrictSlaSettings;
  loadedAt: number;
}

/** Another instance may have changed the catalogue: re-read it at most this often. */
const TTL_MS = 30_000;
export const SLA_SETTINGS_KEY = 'sla';

const DURATION_KEYS = ['acceptWorkdays', 'replyWorkdays', 'extensionWorkdays'] as const;

function cleanDurations(raw: unknown): Partial<SlaDurations> {
  const out: Partial<SlaDurations> = {};
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  for (const k of DURATION_KEYS) {
    const v = obj[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) out[k] = v;
  }
  return out;
}

/** Stored settings merged over the defaults, field by field, so an old row never lacks a new field. */
function mergeDistrict(raw: unknown): DistrictSlaSettings {
  const { topics: _ignored, ...defaults } = DEFAULT_SLA_SETTINGS;
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Partial<DistrictSlaSettings>;
  return {
    ...defaults,
    ...stored,
    replyWorkdays: { ...defaults.replyWorkdays, ...(stored.replyWorkdays ?? {}) },
    dueSoon: stored.dueSoon ?? defaults.dueSoon,
  };
}

/**
 * The dispatch catalogue and the SLA settings, cached in memory: every submission and every action needs them, and
 * they change a few times a year. Edits through this service invalidate the cache at once; other instances see them
 * within TTL_MS.
 */
export class AppealCatalogue {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(private readonly platform: Platform) {}

  private get db(): DB {
    return this.platform.database.db;
  }

  invalidate(): void {
    this.snapshot = null;
    appealRouting(this.platform).refresh();
  }

  /** The cached catalogue (never call inside an open transaction on SQLite: it may query). */
  async load(): Promise<Snapshot> {
    const now = this.platform.clock.now().getTime();
    if (this.snapshot && Math.abs(now - this.snapshot.loadedAt) < TTL_MS) return this.snapshot;
    if (!this.loading) {
      this.loading = this.read().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  private async read(): Promise<Snapshot> {
    const [rows, setting] = await Promise.all([
      this.db
        .selectFrom('appealTopics as t')
        .innerJoin('departments as d', 'd.id', 't.leadDepartmentId')
        .selectAll('t')
        .select('d.name as leadDepartmentName')
        .orderBy('t.sortOrder')
        .orderBy('t.code')
        .execute(),
      this.db
        .selectFrom('appealSettings')
        .select('value')
        .where('key', '=', SLA_SETTINGS_KEY)
        .executeTakeFirst(),
    ]);
    const topics: TopicEntry[] = rows.map((r) => ({
      code: r.code,
      name: r.name,
      category: r.category,
      description: r.description,
      leadDepartmentId: r.leadDepartmentId,
      leadDepartmentName: r.leadDepartmentName,
      keywords: fromJson<string[]>(r.keywords, []),
      sla: cleanDurations(fromJson(r.sla, {})),
      active: r.active === 1,
      sortOrder: r.sortOrder,
    }));
    const district = mergeDistrict(setting ? fromJson(setting.value, {}) : {});
    const settings: SlaSettings = {
      ...district,
      topics: Object.fromEntries(topics.map((t) => [t.code, t.sla])),
    };
    const snap: Snapshot = {
      topics,
      byCode: new Map(topics.map((t) => [t.code, t])),
      settings,
      district,
      loadedAt: this.platform.clock.now().getTime(),
    };
    this.snapshot = snap;
    return snap;
  }

  /** The calendar and the settings for sla.ts. */
  async slaContext(): Promise<SlaContext> {
    const [snap, calendar] = await Promise.all([this.load(), this.platform.calendar.current()]);
    return { calendar, settings: snap.settings };
  }

  async topic(code: string): Promise<TopicEntry | undefined> {
    return (await this.load()).byCode.get(code);
  }

  async listTopics(includeInactive: boolean): Promise<AppealTopic[]> {
    const snap = await this.load();
    return snap.topics.filter((t) => includeInactive || t.active).map(presentTopic);
  }

  async getTopic(code: string): Promise<AppealTopic> {
    const t = await this.topic(code);
    if (!t) throw notFound('诉求分类');
    return presentTopic(t);
  }

  private async requireDepartment(trx: DB, id: string): Promise<void> {
    const d = await trx.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
    if (!d) throw fieldError('leadDepartmentId', 'UNKNOWN_DEPARTMENT', '主办部门不存在');
  }

  async createTopic(
    ctx: RequestContext,
    input: z.output<typeof appealTopicInputSchema>,
  ): Promise<AppealTopic> {
    const at = this.platform.clock.now().toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.requireDepartment(trx, input.leadDepartmentId);
        const exists = await trx
          .selectFrom('appealTopics')
          .select('code')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (exists) throw fieldError('code', 'APPEAL_TOPIC_EXISTS', `分类编码 ${input.code} 已存在`);
        await trx
          .insertInto('appealTopics')
          .values({
            code: input.code,
            name: input.name,
            category: input.category,
            description: input.description,
            leadDepartmentId: input.leadDepartmentId,
            keywords: toJson(input.keywords),
            sla: toJson(input.sla),
            active: input.active ? 1 : 0,
            sortOrder: input.sortOrder,
            createdAt: at,
            updatedAt: at,
          })
          .execute();
        await this.platform.audit.write(trx, ctx, {
          action: 'appeal.topic.create',
          objectType: 'appeal_topic',
          objectId: input.code,
          details: { name: input.name, leadDepartmentId: input.leadDepartmentId, sla: input.sla },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw fieldError('code', 'APPEAL_TOPIC_EXISTS', `分类编码 ${input.code} 已存在`);
      throw err;
    }
    this.invalidate();
    return this.getTopic(input.code);
  }

  async updateTopic(
    ctx: RequestContext,
    code: string,
    patch: z.output<typeof appealTopicPatchSchema>,
  ): Promise<AppealTopic> {
    const at = this.platform.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('appealTopics')
        .select('code')
        .where('code', '=', code)
        .executeTakeFirst();
      if (!current) throw notFound('诉求分类');
      if (patch.leadDepartmentId !== undefined) await this.requireDepartment(trx, patch.leadDepartmentId);
      await trx
        .updateTable('appealTopics')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.category !== undefined ? { category: patch.category } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.leadDepartmentId !== undefined ? { leadDepartmentId: patch.leadDepartmentId } : {}),
          ...(patch.keywords !== undefined ? { keywords: toJson(patch.keywords) } : {}),
          ...(patch.sla !== undefined ? { sla: toJson(patch.sla) } : {}),
          ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
          ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
          updatedAt: at,
        })
        .where('code', '=', code)
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'appeal.topic.update',
        objectType: 'appeal_topic',
        objectId: code,
        details: { changes: patch },
      });
    });
    this.invalidate();
    return this.getTopic(code);
  }

  async getSettings(): Promise<DistrictSlaSettings> {
    return (await this.load()).district;
  }

  async putSettings(ctx: RequestContext, input: SlaSettingsInput): Promise<DistrictSlaSettings> {
    const at = this.platform.clock.now().toISOString();
    const value = toJson(input);
    const userId = ctx.principal?.userId ?? null;
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('appealSettings')
        .select('value')
        .where('key', '=', SLA_SETTINGS_KEY)
        .executeTakeFirst();
      if (before) {
        await trx
          .updateTable('appealSettings')
          .set({ value, updatedBy: userId, updatedAt: at })
          .where('key', '=', SLA_SETTINGS_KEY)
          .execute();
      } else {
        await trx
          .insertInto('appealSettings')
          .values({ key: SLA_SETTINGS_KEY, value, updatedBy: userId, updatedAt: at })
          .execute();
      }
      await this.platform.audit.write(trx, ctx, {
        action: 'appeal.settings.update',
        objectType: 'appeal_settings',
        objectId: SLA_SETTINGS_KEY,
        details: { before: before ? fromJson(before.value, null) : null, after: input },
      });
    });
    this.invalidate();
    return this.getSettings();
  }
}

export function presentTopic(t: TopicEntry): AppealTopic {
  return {
    code: t.code,
    name: t.name,
    category: t.category,
    description: t.description,
    leadDepartment: { id: t.leadDepartmentId, name: t.leadDepartmentName },
    keywords: t.keywords,
    sla: t.sla,
    active: t.active,
    sortOrder: t.sortOrder,
  };
}
