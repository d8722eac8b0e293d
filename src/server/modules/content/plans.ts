import type {
  ActionPlan,
  ActionPlanEditorView,
  ActionPlanSummary,
  ContentStatus,
  MeasureEditorView,
  MeasureProgressInput,
  MeasureStatus,
  MeasureUpdate,
} from '../../../shared/content-api';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { RequestContext } from '../../platform/context';
import { fieldError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { derivedStatus, isVisible, type MeasureRow, measure } from './present';
import { versionConflict } from './service';

/**
 * The district's action plans (行动方案): groups of measures, each owned by a department, with a deadline, a status
 * the editor sets (`delayed` is also derived: not done past the deadline), a progress figure and dated notes.
 * Public: published plans; the content editor corrects measures (with `version`) and records progress (a note
 * is required, audited `content.measure.progress`).
 */
export class PlanService {
  constructor(private readonly platform: Platform) {}

  private get db(): DB {
    return this.platform.database.db;
  }

  private today(): string {
    return shanghaiDate(this.platform.clock.now());
  }

  async list(): Promise<{ items: ActionPlanSummary[] }> {
    const now = this.platform.clock.now().toISOString();
    const plans = await this.db
      .selectFrom('contentActionPlans')
      .selectAll()
      .where('status', '=', 'published')
      .where('publishAt', '<=', now)
      .orderBy('year', 'desc')
      .orderBy('publishAt', 'desc')
      .execute();
    return { items: await this.summaries(plans) };
  }

  /** Every plan, drafts included (editors). */
  async listAll(): Promise<{ items: (ActionPlanSummary & { status: ContentStatus })[] }> {
    const plans = await this.db
      .selectFrom('contentActionPlans')
      .selectAll()
      .orderBy('year', 'desc')
      .orderBy('createdAt', 'desc')
      .execute();
    const sums = await this.summaries(plans);
    return { items: sums.map((s, i) => ({ ...s, status: plans[i]!.status as ContentStatus })) };
  }

  private async summaries(
    plans: { id: string; title: string; year: number; summary: string; publishAt: string | null }[],
  ): Promise<ActionPlanSummary[]> {
    if (!plans.length) return [];
    const measures = await this.db
      .selectFrom('contentMeasures')
      .select(['planId', 'status', 'deadline'])
      .where(
        'planId',
        'in',
        plans.map((p) => p.id),
      )
      .execute();
    const today = this.today();
    return plans.map((p) => {
      const mine = measures.filter((m) => m.planId === p.id);
      return {
        id: p.id,
        title: p.title,
        year: p.year,
        summary: p.summary,
        measureCount: mine.length,
        doneCount: mine.filter((m) => derivedStatus(m.status, m.deadline, today) === 'done').length,
        publishAt: p.publishAt,
      };
    });
  }

  /** A published plan with its groups and measures (404 for drafts). */
  async plan(id: string): Promise<ActionPlan> {
    const view = await this.load(id, this.db);
    if (!isVisible(view.status, view.publishAt, this.platform.clock.now().toISOString()))
      throw notFound('行动方案');
    const { status: _status, ...plan } = view;
    return {
      ...plan,
      groups: plan.groups.map((g) => ({
        ...g,
        measures: g.measures.map(({ version: _v, ...m }) => m),
      })),
    };
  }

  /** Any plan, with each measure's version (editors). */
  async manage(id: string): Promise<ActionPlanEditorView> {
    return this.load(id, this.db);
  }

  private async load(id: string, db: DB): Promise<ActionPlanEditorView> {
    const plan = await db
      .selectFrom('contentActionPlans')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!plan) throw notFound('行动方案');
    const [groups, rows] = await Promise.all([
      db.selectFrom('contentPlanGroups').selectAll().where('planId', '=', id).orderBy('seq').execute(),
      this.measureRows(db).where('m.planId', '=', id).orderBy('m.seq').execute(),
    ]);
    const notes = await this.notesOf(
      db,
      rows.map((r) => r.id),
    );
    const today = this.today();
    const counts: Record<MeasureStatus, number> = { not_started: 0, in_progress: 0, done: 0, delayed: 0 };
    const measures = rows.map((r) => {
      const m: MeasureEditorView = { ...measure(r, notes.get(r.id) ?? [], today), version: r.version };
      counts[m.status] += 1;
      return m;
    });
    const updatedAt = [plan.updatedAt, ...rows.map((r) => r.updatedAt)].sort().at(-1)!;
    return {
      id: plan.id,
      title: plan.title,
      year: plan.year,
      summary: plan.summary,
      publishAt: plan.publishAt,
      updatedAt,
      status: plan.status as ContentStatus,
      counts,
      groups: groups.map((g) => ({
        id: g.id,
        seq: g.seq,
        title: g.title,
        measures: measures.filter((m) => m.groupId === g.id),
      })),
    };
  }

  private measureRows(db: DB) {
    return db
      .selectFrom('contentMeasures as m')
      .innerJoin('departments as d', 'd.id', 'm.departmentId')
      .selectAll('m')
      .select('d.name as departmentName');
  }

  private async notesOf(db: DB, measureIds: string[]) {
    const out = new Map<string, Awaited<ReturnType<typeof this.noteRows>>>();
    if (!measureIds.length) return out;
    for (const n of await this.noteRows(db, measureIds)) {
      const list = out.get(n.measureId) ?? [];
      list.push(n);
      out.set(n.measureId, list);
    }
    return out;
  }

  private noteRows(db: DB, measureIds: string[]) {
    return db
      .selectFrom('contentMeasureNotes')
      .selectAll()
      .where('measureId', 'in', measureIds)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  private async measureView(db: DB, id: string): Promise<MeasureEditorView> {
    const row = await this.measureRows(db).where('m.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('举措');
    const notes = await this.notesOf(db, [id]);
    return { ...measure(row as MeasureRow, notes.get(id) ?? [], this.today()), version: row.version };
  }

  /** Correct a measure's wording, department or deadline. */
  async updateMeasure(ctx: RequestContext, id: string, input: MeasureUpdate): Promise<MeasureEditorView> {
    const { version, ...fields } = input;
    const set: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) set[k] = v;
    return this.db.transaction().execute(async (trx) => {
      if (fields.departmentId) {
        const dept = await trx
          .selectFrom('departments')
          .select('id')
          .where('id', '=', fields.departmentId)
          .executeTakeFirst();
        if (!dept) throw fieldError('departmentId', 'UNKNOWN_DEPARTMENT');
      }
      if (fields.deadline && Number.isNaN(Date.parse(`${fields.deadline}T00:00:00Z`)))
        throw fieldError('deadline', 'INVALID_DATE');
      const before = await trx
        .selectFrom('contentMeasures')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw notFound('举措');
      const res = await trx
        .updateTable('contentMeasures')
        .set({
          ...set,
          version: version + 1,
          updatedAt: this.platform.clock.now().toISOString(),
          updatedBy: ctx.principal?.userId ?? null,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw versionConflict(before.version);
      await this.platform.audit.write(trx, ctx, {
        action: 'content.measure.update',
        objectType: 'content_measure',
        objectId: id,
        details: {
          changed: Object.keys(set),
          before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof typeof before]])),
          version: version + 1,
        },
      });
      return this.measureView(trx, id);
    });
  }

  /** Record progress: the status and figure the editor reports, with a required note appended to the history. */
  async progress(ctx: RequestContext, id: string, input: MeasureProgressInput): Promise<MeasureEditorView> {
    const now = this.platform.clock.now().toISOString();
    const progress = input.status === 'done' ? 100 : input.progress;
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('contentMeasures')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw notFound('举措');
      await trx
        .updateTable('contentMeasures')
        .set((eb) => ({
          status: input.status,
          progress,
          version: eb('version', '+', 1),
          updatedAt: now,
          updatedBy: ctx.principal?.userId ?? null,
        }))
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('contentMeasureNotes')
        .values({
          id: newId(this.platform.clock.now().getTime()),
          measureId: id,
          at: now,
          text: input.note,
          status: input.status,
          progress,
          authorId: ctx.principal?.userId ?? null,
          authorName: ctx.principal?.displayName ?? null,
        })
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'content.measure.progress',
        objectType: 'content_measure',
        objectId: id,
        details: {
          from: { status: before.status, progress: before.progress },
          to: { status: input.status, progress },
          note: input.note,
        },
      });
      return this.measureView(trx, id);
    });
  }
}
