import { sql } from 'kysely';
import type { z } from 'zod';
import { type AppealState, TERMINAL_APPEAL_STATES } from '../../../shared/appeals';
import type { FieldError } from '../../../shared/errors';
import {
  VISIT_COVERAGE_DAYS,
  VISIT_EDIT_DAYS,
  VISIT_FORMS,
  VISIT_PROBLEM_STATUSES,
  VISIT_TOPICS,
  type VisitCoverage,
  type VisitDetail,
  type VisitForm,
  type VisitList,
  type VisitProblemStatus,
  type VisitSummary,
  type VisitTopic,
  type visitCreateSchema,
  type visitListQuerySchema,
  type visitProblemAppealSchema,
  type visitUpdateSchema,
} from '../../../shared/visits-api';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { fromJson, toJson } from '../../db/dialect';
import { shanghaiToday } from '../../platform/calendar/workdays';
import type { Principal, RequestContext } from '../../platform/context';
import { AppError, fieldError, fieldErrors, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { appealServices } from '../appeals';

type CreateInput = z.output<typeof visitCreateSchema>;
type UpdateInput = z.output<typeof visitUpdateSchema>;
type ListQuery = z.output<typeof visitListQuerySchema>;
type AppealInput = z.output<typeof visitProblemAppealSchema>;

const OBJECT = 'enterprise_visit';
const DAY_MS = 86_400_000;
const NOT_FOUND = '走访记录';

/** A calendar date `days` after `date` (both YYYY-MM-DD; UTC arithmetic, no time-zone edge). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Who reads visit records: the leader district-wide, a liaison his own records and his enterprises' history. */
type Scope = { all: true } | { all: false; userId: string };

function scopeOf(p: Principal | null): Scope | null {
  if (!p) return null;
  if (p.roles.includes('leader')) return { all: true };
  if (p.roles.includes('liaison')) return { all: false, userId: p.userId };
  // Enterprise users, and any other role: visit records are internal notes, so they do not exist for them.
  return null;
}

const asForm = (v: string): VisitForm =>
  (VISIT_FORMS as readonly string[]).includes(v) ? (v as VisitForm) : 'onsite';
const asTopics = (v: unknown): VisitTopic[] =>
  fromJson<string[]>(v, []).filter((t): t is VisitTopic => (VISIT_TOPICS as readonly string[]).includes(t));
const asStatus = (v: string): VisitProblemStatus =>
  (VISIT_PROBLEM_STATUSES as readonly string[]).includes(v) ? (v as VisitProblemStatus) : 'following';

/** A problem still needing work: being followed, or an appeal not yet finished. */
function isOpen(status: string, appealState: string | null): boolean {
  if (status === 'following') return true;
  if (status === 'appeal')
    return !appealState || !TERMINAL_APPEAL_STATES.includes(appealState as AppealState);
  return false;
}

/**
 * 走访记录 (SPEC §1, §2.2): a liaison records his visits to the enterprises he is responsible for; the leader reads
 * all of them and the coverage (走访覆盖). The author may change a record for VISIT_EDIT_DAYS days, then only
 * append correction notes. A problem raised may be turned into an appeal through the appeals module's own liaison
 * submission (代提); the record keeps the appeal's id and shows its state.
 */
export class VisitService {
  private readonly db: DB;

  constructor(private readonly p: Platform) {
    this.db = p.database.db;
  }

  private now(): Date {
    return this.p.clock.now();
  }

  // ——— reading ———

  /** Visits the caller may read, joined with enterprise and author. */
  private scoped(scope: Scope) {
    let q = this.db
      .selectFrom('enterpriseVisits as v')
      .innerJoin('enterprises as e', 'e.id', 'v.enterpriseId')
      .innerJoin('users as u', 'u.id', 'v.liaisonId');
    if (!scope.all) {
      const me = scope.userId;
      q = q.where((eb) => eb.or([eb('v.liaisonId', '=', me), eb('e.liaisonUserId', '=', me)]));
    }
    return q;
  }

  private summaryColumns() {
    return [
      'v.id',
      'v.enterpriseId',
      'e.name as enterpriseName',
      'e.liaisonUserId as enterpriseLiaisonId',
      'v.liaisonId',
      'u.displayName as liaisonName',
      'v.visitedOn',
      'v.form',
      'v.topics',
      'v.nextVisitOn',
      'v.createdAt',
    ] as const;
  }

  private async problemsOf(visitIds: string[]) {
    if (!visitIds.length) return [];
    return this.db
      .selectFrom('enterpriseVisitProblems as pr')
      .leftJoin('appeals as a', 'a.id', 'pr.appealId')
      .select([
        'pr.id',
        'pr.visitId',
        'pr.seq',
        'pr.text',
        'pr.status',
        'pr.appealId',
        'pr.updatedAt',
        'a.code as appealCode',
        'a.state as appealState',
        'a.title as appealTitle',
      ])
      .where('pr.visitId', 'in', visitIds)
      .orderBy('pr.visitId')
      .orderBy('pr.seq')
      .execute();
  }

  /** The SQL condition "this visit has an open problem" (isOpen, as a query). */
  private openProblemExists() {
    return sql<boolean>`exists (select 1 from enterprise_visit_problems pr left join appeals a on a.id = pr.appeal_id
      where pr.visit_id = v.id and (pr.status = 'following' or (pr.status = 'appeal' and (a.state is null or a.state not in (${sql.join(
        TERMINAL_APPEAL_STATES,
      )})))))`;
  }

  async list(ctx: RequestContext, query: ListQuery): Promise<VisitList> {
    const scope = scopeOf(ctx.principal);
    if (!scope) throw new AppError('FORBIDDEN');
    if (query.from && query.to && query.from > query.to)
      throw fieldError('to', 'INVALID_DATE', '截止日期不能早于起始日期');
    let q = this.scoped(scope);
    if (query.enterpriseId) q = q.where('v.enterpriseId', '=', query.enterpriseId);
    if (query.liaisonId) q = q.where('v.liaisonId', '=', query.liaisonId);
    if (query.from) q = q.where('v.visitedOn', '>=', query.from);
    if (query.to) q = q.where('v.visitedOn', '<=', query.to);
    if (query.form) q = q.where('v.form', '=', query.form);
    if (query.openProblems === 'true') q = q.where(this.openProblemExists());
    const [{ total }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      q
        .select(this.summaryColumns())
        .orderBy('v.visitedOn', 'desc')
        .orderBy('v.createdAt', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
    ]);
    const problems = await this.problemsOf(rows.map((r) => r.id));
    return {
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => this.summary(r, problems)),
    };
  }

  /** The visit history of one enterprise (the staff enterprise page). */
  async forEnterprise(ctx: RequestContext, enterpriseId: string, query: ListQuery): Promise<VisitList> {
    const scope = scopeOf(ctx.principal);
    if (!scope) throw notFound('企业');
    const ent = await this.db
      .selectFrom('enterprises')
      .select(['id', 'liaisonUserId'])
      .where('id', '=', enterpriseId)
      .executeTakeFirst();
    if (!ent) throw notFound('企业');
    if (!scope.all && ent.liaisonUserId !== scope.userId) {
      const authored = await this.db
        .selectFrom('enterpriseVisits')
        .select('id')
        .where('enterpriseId', '=', enterpriseId)
        .where('liaisonId', '=', scope.userId)
        .limit(1)
        .executeTakeFirst();
      if (!authored) throw notFound('企业');
    }
    return this.list(ctx, { ...query, enterpriseId });
  }

  private summary(
    r: {
      id: string;
      enterpriseId: string;
      enterpriseName: string;
      liaisonId: string;
      liaisonName: string;
      visitedOn: string;
      form: string;
      topics: unknown;
      nextVisitOn: string | null;
      createdAt: string;
    },
    problems: { visitId: string; status: string; appealState: string | null }[],
  ): VisitSummary {
    const mine = problems.filter((x) => x.visitId === r.id);
    return {
      id: r.id,
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
      liaison: { id: r.liaisonId, name: r.liaisonName },
      visitedOn: r.visitedOn,
      form: asForm(r.form),
      topics: asTopics(r.topics),
      problemCount: mine.length,
      openProblemCount: mine.filter((x) => isOpen(x.status, x.appealState)).length,
      nextVisitOn: r.nextVisitOn,
      createdAt: r.createdAt,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<VisitDetail> {
    const scope = scopeOf(ctx.principal);
    if (!scope) throw notFound(NOT_FOUND);
    const row = await this.scoped(scope)
      .select(this.summaryColumns())
      .select(['v.people', 'v.topicNote', 'v.discussion', 'v.note', 'v.version', 'v.updatedAt'])
      .where('v.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(NOT_FOUND);
    const [problems, notes] = await Promise.all([
      this.problemsOf([id]),
      this.db
        .selectFrom('enterpriseVisitNotes as n')
        .innerJoin('users as u', 'u.id', 'n.authorId')
        .select(['n.id', 'n.text', 'n.createdAt', 'u.displayName as authorName'])
        .where('n.visitId', '=', id)
        .orderBy('n.createdAt')
        .orderBy('n.id')
        .execute(),
    ]);
    const p = ctx.principal!;
    const editableUntil = new Date(Date.parse(row.createdAt) + VISIT_EDIT_DAYS * DAY_MS);
    const author = row.liaisonId === p.userId;
    return {
      ...this.summary(row, problems),
      people: fromJson<{ name: string; post: string }[]>(row.people, []),
      topicNote: row.topicNote,
      discussion: row.discussion,
      note: row.note,
      problems: problems.map((x) => ({
        id: x.id,
        text: x.text,
        status: asStatus(x.status),
        appeal:
          x.appealId && x.appealCode
            ? {
                id: x.appealId,
                code: x.appealCode,
                state: x.appealState as AppealState,
                title: x.appealTitle ?? '',
              }
            : null,
        updatedAt: x.updatedAt,
      })),
      notes,
      version: row.version,
      updatedAt: row.updatedAt,
      editableUntil: editableUntil.toISOString(),
      permissions: {
        edit: author && this.now() < editableUntil,
        note: author,
        followUp: p.roles.includes('liaison') && row.enterpriseLiaisonId === p.userId,
      },
    };
  }

  /** The liaison's enterprises, for the form's picker, with the last visit. */
  async enterpriseOptions(ctx: RequestContext) {
    const me = ctx.principal!.userId;
    const rows = await this.db
      .selectFrom('enterprises as e')
      .leftJoin('streets as s', 's.code', 'e.streetCode')
      .leftJoin('enterpriseVisits as v', 'v.enterpriseId', 'e.id')
      .select(['e.id', 'e.name', 's.name as street'])
      .select((eb) => eb.fn.max('v.visitedOn').as('lastVisitedOn'))
      .where('e.liaisonUserId', '=', me)
      .groupBy(['e.id', 'e.name', 's.name'])
      .orderBy('e.name')
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        street: r.street ?? null,
        lastVisitedOn: (r.lastVisitedOn as string | null) ?? null,
      })),
    };
  }

  // ——— writing ———

  /** Checks shared by create and update; returns the field errors. */
  private checkFields(input: CreateInput | UpdateInput): FieldError[] {
    const today = shanghaiToday(this.now());
    const errors: FieldError[] = [];
    if (input.visitedOn > today)
      errors.push({ field: 'visitedOn', code: 'DATE_IN_FUTURE', message: '走访日期不能晚于今天' });
    if (input.nextVisitOn !== null && input.nextVisitOn <= input.visitedOn)
      errors.push({ field: 'nextVisitOn', code: 'INVALID_DATE', message: '下次走访日期应晚于本次走访日期' });
    if (input.nextVisitOn !== null && input.nextVisitOn > addDays(today, 366))
      errors.push({ field: 'nextVisitOn', code: 'INVALID_DATE', message: '下次走访日期应在一年以内' });
    return errors;
  }

  async create(ctx: RequestContext, input: CreateInput): Promise<VisitDetail> {
    const p = ctx.principal!;
    const ent = await this.db
      .selectFrom('enterprises')
      .select(['id', 'liaisonUserId'])
      .where('id', '=', input.enterpriseId)
      .executeTakeFirst();
    // Only the liaison's own enterprises exist for him here.
    if (!ent || ent.liaisonUserId !== p.userId) throw notFound('企业');
    const errors = this.checkFields(input);
    input.problems.forEach((pr, i) => {
      if (pr.id !== undefined)
        errors.push({
          field: `problems.${i}.id`,
          code: 'VALIDATION_FAILED',
          message: '新记录的问题不应带编号',
        });
      if (pr.status === 'appeal')
        errors.push({
          field: `problems.${i}.status`,
          code: 'VALIDATION_FAILED',
          message: '请先保存走访记录，再将该问题转为诉求',
        });
    });
    if (errors.length) throw fieldErrors(errors);
    const now = this.now();
    const nowIso = now.toISOString();
    const id = newId(now.getTime());
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('enterpriseVisits')
        .values({
          id,
          enterpriseId: ent.id,
          liaisonId: p.userId,
          visitedOn: input.visitedOn,
          form: input.form,
          people: toJson(input.people),
          topics: toJson(input.topics),
          topicNote: input.topicNote,
          discussion: input.discussion,
          note: input.note,
          nextVisitOn: input.nextVisitOn,
          version: 1,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .execute();
      if (input.problems.length) {
        await trx
          .insertInto('enterpriseVisitProblems')
          .values(
            input.problems.map((pr, i) => ({
              id: newId(now.getTime()),
              visitId: id,
              seq: i + 1,
              text: pr.text,
              status: pr.status,
              appealId: null,
              updatedAt: nowIso,
            })),
          )
          .execute();
      }
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.visit.create',
        objectType: OBJECT,
        objectId: id,
        details: {
          enterpriseId: ent.id,
          visitedOn: input.visitedOn,
          form: input.form,
          topics: input.topics,
          problems: input.problems.length,
        },
      });
    });
    return this.get(ctx, id);
  }

  /** The visit, readable by the caller and written by him (else 404 / 403). */
  private async ownVisit(ctx: RequestContext, id: string) {
    const detail = await this.get(ctx, id);
    if (detail.liaison.id !== ctx.principal!.userId)
      throw new AppError('FORBIDDEN', '只有记录人本人可以修改走访记录或追加更正说明');
    return detail;
  }

  async update(ctx: RequestContext, id: string, input: UpdateInput): Promise<VisitDetail> {
    const current = await this.ownVisit(ctx, id);
    const now = this.now();
    if (now.getTime() >= Date.parse(current.editableUntil)) throw new AppError('VISIT_EDIT_CLOSED');
    if (current.version !== input.version) throw new AppError('VISIT_VERSION_CONFLICT');
    const errors = this.checkFields(input);
    const existing = new Map(current.problems.map((x) => [x.id, x]));
    const kept = new Set<string>();
    input.problems.forEach((pr, i) => {
      const before = pr.id === undefined ? undefined : existing.get(pr.id);
      if (pr.id !== undefined && (!before || kept.has(pr.id))) {
        errors.push({
          field: `problems.${i}.id`,
          code: 'VALIDATION_FAILED',
          message: '问题不属于该走访记录',
        });
        return;
      }
      if (before) kept.add(before.id);
      if (before?.appeal) {
        if (pr.text !== before.text || pr.status !== 'appeal') throw new AppError('VISIT_PROBLEM_LINKED');
      } else if (pr.status === 'appeal') {
        errors.push({
          field: `problems.${i}.status`,
          code: 'VALIDATION_FAILED',
          message: '请先保存走访记录，再将该问题转为诉求',
        });
      }
    });
    for (const x of current.problems) {
      if (x.appeal && !kept.has(x.id))
        throw new AppError('VISIT_PROBLEM_LINKED', `问题“${x.text.slice(0, 20)}”已转为诉求，不能删除`);
    }
    if (errors.length) throw fieldErrors(errors);
    const nowIso = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('enterpriseVisits')
        .set({
          visitedOn: input.visitedOn,
          form: input.form,
          people: toJson(input.people),
          topics: toJson(input.topics),
          topicNote: input.topicNote,
          discussion: input.discussion,
          note: input.note,
          nextVisitOn: input.nextVisitOn,
          version: input.version + 1,
          updatedAt: nowIso,
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('VISIT_VERSION_CONFLICT');
      const removed = current.problems.filter((x) => !kept.has(x.id)).map((x) => x.id);
      if (removed.length)
        await trx
          .deleteFrom('enterpriseVisitProblems')
          .where('id', 'in', removed)
          .where('appealId', 'is', null)
          .execute();
      for (const [i, pr] of input.problems.entries()) {
        if (pr.id !== undefined) {
          const before = existing.get(pr.id)!;
          await trx
            .updateTable('enterpriseVisitProblems')
            .set({
              seq: i + 1,
              text: pr.text,
              status: pr.status,
              ...(before.text !== pr.text || before.status !== pr.status ? { updatedAt: nowIso } : {}),
            })
            .where('id', '=', pr.id)
            .execute();
        } else {
          await trx
            .insertInto('enterpriseVisitProblems')
            .values({
              id: newId(now.getTime()),
              visitId: id,
              seq: i + 1,
              text: pr.text,
              status: pr.status,
              appealId: null,
              updatedAt: nowIso,
            })
            .execute();
        }
      }
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.visit.update',
        objectType: OBJECT,
        objectId: id,
        details: {
          enterpriseId: current.enterprise.id,
          version: input.version + 1,
          visitedOn: input.visitedOn,
          problems: { kept: kept.size, removed: removed.length, added: input.problems.length - kept.size },
        },
      });
    });
    return this.get(ctx, id);
  }

  /** 更正说明: appended by the author at any time; the record itself stays as it was. */
  async addNote(ctx: RequestContext, id: string, text: string): Promise<VisitDetail> {
    await this.ownVisit(ctx, id);
    const now = this.now();
    const noteId = newId(now.getTime());
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('enterpriseVisitNotes')
        .values({
          id: noteId,
          visitId: id,
          authorId: ctx.principal!.userId,
          text,
          createdAt: now.toISOString(),
        })
        .execute();
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.visit.note',
        objectType: OBJECT,
        objectId: id,
        details: { noteId, length: text.length },
      });
    });
    return this.get(ctx, id);
  }

  /** A visit and one of its problems that the caller, the enterprise's current liaison, follows up. */
  private async followedProblem(ctx: RequestContext, id: string, problemId: string) {
    const visit = await this.get(ctx, id);
    if (!visit.permissions.followUp)
      throw new AppError('FORBIDDEN', '只有该企业现任的企业专员可以跟进走访中的问题');
    const problem = visit.problems.find((x) => x.id === problemId);
    if (!problem) throw notFound('问题');
    if (problem.appeal) throw new AppError('VISIT_PROBLEM_LINKED');
    return { visit, problem };
  }

  /** The follow-up status of a problem (当场解答 / 持续跟进 / 已解决); allowed after the edit window too. */
  async setProblemStatus(
    ctx: RequestContext,
    id: string,
    problemId: string,
    status: 'answered' | 'following' | 'resolved',
  ): Promise<VisitDetail> {
    const { visit, problem } = await this.followedProblem(ctx, id, problemId);
    if (problem.status !== status) {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('enterpriseVisitProblems')
          .set({ status, updatedAt: this.now().toISOString() })
          .where('id', '=', problemId)
          .where('appealId', 'is', null)
          .execute();
        await this.p.audit.write(trx, ctx, {
          action: 'enterprise.visit.problem',
          objectType: OBJECT,
          objectId: id,
          details: { enterpriseId: visit.enterprise.id, problemId, before: problem.status, after: status },
        });
      });
    }
    return this.get(ctx, id);
  }

  /**
   * 转为诉求: submit the problem as an appeal on the enterprise's behalf through the appeals module (its liaison
   * submission checks the enterprise is the caller's), then link it. The idempotency key is the problem's id, so a
   * retry after a failure between the two steps finds the same appeal instead of submitting a second one.
   */
  async toAppeal(
    ctx: RequestContext,
    id: string,
    problemId: string,
    input: AppealInput,
  ): Promise<VisitDetail> {
    const { visit } = await this.followedProblem(ctx, id, problemId);
    const { detail } = await appealServices(this.p).appeals.submit(
      ctx,
      {
        type: input.type,
        topicCode: input.topicCode,
        title: input.title,
        content: input.content,
        isPublic: false,
        attachments: [],
        enterpriseId: visit.enterprise.id,
        channel: 'liaison',
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      },
      { idempotencyKey: `visit_problem_${problemId}` },
    );
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('enterpriseVisitProblems')
        .set({ status: 'appeal', appealId: detail.id, updatedAt: this.now().toISOString() })
        .where('id', '=', problemId)
        .where('appealId', 'is', null)
        .executeTakeFirst();
      // A concurrent request linked the same appeal (same idempotency key): nothing left to do.
      if (Number(res.numUpdatedRows) !== 1) return;
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.visit.appeal',
        objectType: OBJECT,
        objectId: id,
        details: {
          enterpriseId: visit.enterprise.id,
          problemId,
          appealId: detail.id,
          appealCode: detail.code,
        },
      });
    });
    return this.get(ctx, id);
  }

  // ——— 走访覆盖 ———

  /** The leader's view: visits per liaison and enterprises with a liaison not visited in VISIT_COVERAGE_DAYS. */
  async coverage(): Promise<VisitCoverage> {
    const today = shanghaiToday(this.now());
    const windowStart = addDays(today, -VISIT_COVERAGE_DAYS);
    const yearStart = addDays(today, -365);
    const [assigned, liaisons, visits, openRows] = await Promise.all([
      this.db
        .selectFrom('enterprises as e')
        .innerJoin('users as l', 'l.id', 'e.liaisonUserId')
        .leftJoin('streets as s', 's.code', 'e.streetCode')
        .leftJoin('enterpriseVisits as v', 'v.enterpriseId', 'e.id')
        .select(['e.id', 'e.name', 's.name as street', 'e.liaisonUserId', 'l.displayName as liaisonName'])
        .select((eb) => eb.fn.max('v.visitedOn').as('lastVisitedOn'))
        .groupBy(['e.id', 'e.name', 's.name', 'e.liaisonUserId', 'l.displayName'])
        .execute(),
      this.db
        .selectFrom('users as u')
        .innerJoin('userRoles as r', 'r.userId', 'u.id')
        .select(['u.id', 'u.displayName'])
        .where('r.role', '=', 'liaison')
        .where('u.status', '=', 'active')
        .execute(),
      this.db
        .selectFrom('enterpriseVisits as v')
        .innerJoin('users as u', 'u.id', 'v.liaisonId')
        .select(['v.liaisonId', 'u.displayName', 'v.visitedOn'])
        .where('v.visitedOn', '>=', yearStart)
        .execute(),
      this.db
        .selectFrom('enterpriseVisitProblems as pr')
        .innerJoin('enterpriseVisits as v', 'v.id', 'pr.visitId')
        .leftJoin('appeals as a', 'a.id', 'pr.appealId')
        .select(['v.liaisonId', 'pr.status', 'a.state as appealState'])
        .where('pr.status', 'in', ['following', 'appeal'])
        .execute(),
    ]);
    type Row = VisitCoverage['liaisons'][number];
    const byLiaison = new Map<string, Row>();
    const row = (id: string, name: string): Row => {
      let r = byLiaison.get(id);
      if (!r) {
        r = {
          id,
          name,
          enterprises: 0,
          covered: 0,
          visitsInWindow: 0,
          visitsInYear: 0,
          openProblems: 0,
          lastVisitedOn: null,
        };
        byLiaison.set(id, r);
      }
      return r;
    };
    for (const l of liaisons) row(l.id, l.displayName);
    for (const v of visits) {
      const r = row(v.liaisonId, v.displayName);
      r.visitsInYear += 1;
      if (v.visitedOn >= windowStart) r.visitsInWindow += 1;
      if (!r.lastVisitedOn || v.visitedOn > r.lastVisitedOn) r.lastVisitedOn = v.visitedOn;
    }
    let openProblems = 0;
    for (const o of openRows) {
      if (!isOpen(o.status, o.appealState)) continue;
      openProblems += 1;
      const r = byLiaison.get(o.liaisonId);
      if (r) r.openProblems += 1;
    }
    const uncovered: VisitCoverage['uncovered'] = [];
    let covered = 0;
    for (const e of assigned) {
      const last = (e.lastVisitedOn as string | null) ?? null;
      const r = row(e.liaisonUserId!, e.liaisonName);
      r.enterprises += 1;
      if (last && last >= windowStart) {
        covered += 1;
        r.covered += 1;
      } else {
        uncovered.push({
          id: e.id,
          name: e.name,
          street: e.street ?? null,
          liaison: { id: e.liaisonUserId!, name: e.liaisonName },
          lastVisitedOn: last,
        });
      }
    }
    // Never visited first, then the longest since the last visit.
    uncovered.sort(
      (a, b) =>
        (a.lastVisitedOn ?? '').localeCompare(b.lastVisitedOn ?? '') || a.name.localeCompare(b.name, 'zh'),
    );
    return {
      asOf: today,
      days: VISIT_COVERAGE_DAYS,
      assigned: assigned.length,
      covered,
      visitsInWindow: visits.filter((v) => v.visitedOn >= windowStart).length,
      visitsInYear: visits.length,
      openProblems,
      liaisons: [...byLiaison.values()].sort(
        (a, b) => b.enterprises - a.enterprises || a.name.localeCompare(b.name, 'zh'),
      ),
      uncovered,
    };
  }
}
