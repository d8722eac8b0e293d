import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type ZodType, z } from 'zod';
import {
  APPEAL_ACTION_LABELS,
  APPEAL_ACTOR_ROLE_LABELS,
  APPEAL_STATE_LABELS,
  type AppealAction,
  type AppealActorRole,
  type AppealState,
  type AppealType,
  askInfoInputSchema,
  closeInputSchema,
  decideExtensionInputSchema,
  dispatchInputSchema,
  insistInputSchema,
  mergeInputSchema,
  rateInputSchema,
  redispatchInputSchema,
  rejectInputSchema,
  reopenInputSchema,
  replyInputSchema,
  requestExtensionInputSchema,
  returnInputSchema,
  type SlaStatus,
  supervisionInputSchema,
  supplyInfoInputSchema,
} from '../../../shared/appeals';
import type {
  AppealDetail,
  AppealList,
  appealListQuerySchema,
  appealOpinionSchema,
  SubmitAppealInput,
  submitAppealSchema,
} from '../../../shared/appeals-api';
import type { FieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/format';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { fromJson, isUniqueViolation, likeEscape, likePattern, toJson } from '../../db/dialect';
import type { AppealTable, Database } from '../../db/schema';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Principal, RequestContext } from '../../platform/context';
import { AppError, fieldError, fieldErrors, notFound } from '../../platform/errors';
import { type FileRow, toFileInfo } from '../../platform/files';
import { newId } from '../../platform/ids';
import type { AppealCatalogue, TopicEntry } from './catalogue';
import { appealRouting, type RoutingSuggestion } from './classifier';
import { type Arrival, GroupCommit } from './group-commit';
import { factsOf, slaViews, toSummary } from './present';
import { actorsFor, allowedFor, canSee, decideFor } from './relation';
import {
  type AppealRow,
  type DepartmentRow,
  type EventRow,
  enterpriseAdmins,
  findAppeal,
  loadDepartments,
  loadEvents,
  loadFiles,
  nextCode,
  nextSeq,
  staffRecipients,
  submittedAppeal,
} from './repository';
import { seesContactInFull } from './reveal';
import {
  acceptanceDeadline,
  extendDeadline,
  receiptDay,
  replyDeadline,
  resolveDurations,
  type SlaContext,
  workingMinutesBetween,
} from './sla';
import type { AppealActor, AppealEffect, Party } from './workflow';

type AppealEb = ExpressionBuilder<Database & { a: AppealTable }, 'a'>;
type Cond = (eb: AppealEb) => Expression<SqlBool>;
type SubmitInput = z.output<typeof submitAppealSchema>;
type ListQuery = z.output<typeof appealListQuerySchema>;

/** Each action's input schema (src/shared/appeals.ts); expectedVersion is taken off the body first. */
export const ACTION_INPUTS: Record<Exclude<AppealAction, 'auto_close'>, ZodType> = {
  accept: closeInputSchema,
  reject: rejectInputSchema,
  ask_info: askInfoInputSchema,
  supply_info: supplyInfoInputSchema,
  dispatch: dispatchInputSchema,
  sign: closeInputSchema,
  reply: replyInputSchema,
  return: returnInputSchema,
  redispatch: redispatchInputSchema,
  insist: insistInputSchema,
  request_extension: requestExtensionInputSchema,
  approve_extension: decideExtensionInputSchema,
  deny_extension: decideExtensionInputSchema,
  urge: supervisionInputSchema,
  supervise: supervisionInputSchema,
  rate: rateInputSchema,
  reopen: reopenInputSchema,
  merge_into: mergeInputSchema,
  close: closeInputSchema,
};

/** Events the enterprise does not see: the desk's and the departments' internal steps. */
const INTERNAL_ACTIONS: ReadonlySet<string> = new Set([
  'return',
  'redispatch',
  'insist',
  'request_extension',
  'deny_extension',
  'urge',
  'supervise',
  'opinion',
  'remind',
]);
const TERMINAL: ReadonlySet<string> = new Set(['rejected', 'merged', 'closed']);
const SUPERVISION_RANK = { none: 0, urged: 1, supervised: 2 } as const;
const ENTERPRISE_ROLES: readonly AppealActorRole[] = ['enterprise_admin', 'enterprise_member'];

const expectedVersionSchema = z
  .number({ message: 'expectedVersion 应为整数' })
  .int('expectedVersion 应为整数')
  .min(1, 'expectedVersion 应为正整数');

/** zod issues → field errors with catalogue codes. */
function zodFields(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          field: [...issue.path, key].join('.'),
          code: 'UNKNOWN_FIELD',
          message: `不允许的字段：${key}`,
        });
      }
      continue;
    }
    out.push({ field: issue.path.join('.') || 'body', code: 'VALIDATION_FAILED', message: issue.message });
  }
  return out;
}

/** What the caller writes as the actor of an event. */
interface EventActor {
  id: string | null;
  role: AppealActorRole;
  departmentId: string | null;
}

export interface ActOptions {
  /** Back-dating for seeds and jobs; defaults to the platform clock. */
  now?: Date;
}

/**
 * The appeals service (SPEC §2.4): submission, lists and detail, the workflow actions, the assisting departments'
 * opinion, and the system actions the scheduled job takes. Every write is one transaction with its event, audit
 * record and notifications; every action is an optimistic `update … where version = ?`.
 */
/** A unique violation of `appeal_files` (a file linked to a second appeal: the index of migration 009). */
const onAppealFiles = (err: unknown) => String((err as Error | null)?.message ?? '').includes('appeal_files');
const fileInUse = () =>
  fieldError('attachments', 'APPEAL_FILE_IN_USE', '附件已添加到其他诉求中，不能重复使用，请重新上传');

export class AppealService {
  constructor(
    private readonly platform: Platform,
    private readonly catalogue: AppealCatalogue,
  ) {}

  private get db(): DB {
    return this.platform.database.db;
  }

  // ——— submission ———

  /** Submit an appeal; `created: false` when the idempotency key had already been used by this user. */
  async submit(
    ctx: RequestContext,
    raw: SubmitInput | SubmitAppealInput,
    opts: { idempotencyKey?: string | undefined; now?: Date } = {},
  ): Promise<{ detail: AppealDetail; created: boolean }> {
    // Announced to the group committer while it is checked, so that the next batch waits for it (briefly).
    const arrival = this.submissions.arrival();
    try {
      return await this.submitChecked(ctx, raw, opts, arrival);
    } finally {
      arrival.done();
    }
  }

  private async submitChecked(
    ctx: RequestContext,
    raw: SubmitInput | SubmitAppealInput,
    opts: { idempotencyKey?: string | undefined; now?: Date },
    arrival: Arrival,
  ): Promise<{ detail: AppealDetail; created: boolean }> {
    const p = ctx.principal;
    if (!p) throw new AppError('UNAUTHENTICATED');
    const input = raw as SubmitInput;
    const key = opts.idempotencyKey ?? null;
    if (key) {
      const existing = await this.byIdempotencyKey(p.userId, key);
      if (existing) return { detail: await this.get(ctx, existing), created: false };
    }
    const now = opts.now ?? this.platform.clock.now();
    const nowIso = now.toISOString();
    const enterpriseOf = (id: string) =>
      this.db
        .selectFrom('enterprises')
        .select(['id', 'name', 'liaisonUserId'])
        .where('id', '=', id)
        .executeTakeFirst();

    // Who submits for which enterprise, through which channel.
    let enterprise: { id: string; name: string; liaisonUserId: string | null } | undefined;
    let channel: 'web' | 'liaison' | 'phone';
    let role: AppealActorRole;
    const entRole = ENTERPRISE_ROLES.find((r) => (p.roles as readonly string[]).includes(r));
    if (p.enterpriseId && entRole) {
      if (input.enterpriseId !== undefined && input.enterpriseId !== p.enterpriseId)
        throw fieldError('enterpriseId', 'APPEAL_UNKNOWN_ENTERPRISE', '只能为本企业提交诉求');
      if (input.channel !== undefined && input.channel !== 'web')
        throw fieldError('channel', 'VALIDATION_FAILED', '企业用户只能通过网上渠道提交');
      enterprise = await enterpriseOf(p.enterpriseId);
      if (!enterprise) throw new AppError('FORBIDDEN', '企业不存在');
      channel = 'web';
      role = entRole;
    } else if (
      p.roles.includes('dispatcher') &&
      (input.channel === 'phone' || !p.roles.includes('liaison'))
    ) {
      if (input.channel !== undefined && input.channel !== 'phone')
        throw fieldError('channel', 'VALIDATION_FAILED', '分拨员只能登记电话诉求（channel 为 phone）');
      if (input.enterpriseId) {
        enterprise = await enterpriseOf(input.enterpriseId);
        if (!enterprise) throw fieldError('enterpriseId', 'APPEAL_UNKNOWN_ENTERPRISE', '企业不存在');
      }
      channel = 'phone';
      role = 'dispatcher';
    } else if (p.roles.includes('liaison')) {
      if (input.channel !== undefined && input.channel !== 'liaison')
        throw fieldError('channel', 'VALIDATION_FAILED', '企业专员代提的渠道应为 liaison');
      if (!input.enterpriseId) throw fieldError('enterpriseId', 'VALIDATION_FAILED', '请选择代为提交的企业');
      enterprise = await enterpriseOf(input.enterpriseId);
      if (!enterprise || enterprise.liaisonUserId !== p.userId)
        throw fieldError('enterpriseId', 'APPEAL_UNKNOWN_ENTERPRISE', '企业不存在或不是您负责的企业');
      channel = 'liaison';
      role = 'liaison';
    } else {
      throw new AppError('FORBIDDEN', '只有已绑定企业的用户、企业专员和分拨员可以提交诉求');
    }
    const enterpriseId = enterprise?.id ?? null;

    let topic: TopicEntry | undefined;
    if (input.topicCode !== undefined) {
      topic = await this.catalogue.topic(input.topicCode);
      if (!topic?.active) throw fieldError('topicCode', 'APPEAL_UNKNOWN_TOPIC', '事项分类不存在或已停用');
    }

    const fileRows = await this.usableFiles(p, input.attachments);
    const fileIds = fileRows.map((f) => f.id);

    const [slaCtx, dispatchers] = await Promise.all([this.catalogue.slaContext(), this.dispatcherIds()]);
    const type = input.type as AppealType;
    const day = shanghaiDate(now).replaceAll('-', '');
    const values = submittedAppeal(
      {
        enterpriseId,
        submittedBy: p.userId,
        channel,
        idempotencyKey: key,
        contactName: input.contactName || null,
        contactPhone: input.contactPhone || null,
        type,
        topicCode: topic?.code ?? null,
        title: input.title,
        content: input.content,
        isPublic: input.isPublic ? 1 : 0,
        receivedOn: receiptDay(now, slaCtx),
        acceptDeadline: acceptanceDeadline(now, type, topic?.code ?? null, slaCtx).toISOString(),
      },
      nowIso,
    );

    for (let attempt = 0; ; attempt++) {
      const id = newId(now.getTime());
      const eventId = newId(now.getTime());
      const event = {
        id: eventId,
        appealId: id,
        seq: 1,
        action: 'submit',
        actorId: p.userId,
        actorRole: role,
        departmentId: role === 'dispatcher' ? p.departmentId : null,
        fromState: null,
        toState: 'submitted',
        note: null,
        data: toJson({ channel, attachments: fileIds.length }),
        visibleToEnterprise: 1,
        at: nowIso,
      };
      let code: string;
      try {
        // Group commit: submissions arriving together share one transaction (one fsync); one that fails fails
        // alone (group-commit.ts); the promise settles after that COMMIT, so an acknowledged appeal is durable.
        code = await this.submissions.run(async (trx) => {
          const code = await nextCode(trx, this.platform.database.dialect, day, nowIso, attempt > 0);
          await trx
            .insertInto('appeals')
            .values({ id, code, ...values })
            .execute();
          await trx.insertInto('appealEvents').values(event).execute();
          if (fileIds.length) {
            await trx
              .insertInto('appealFiles')
              .values(fileIds.map((fileId) => ({ appealId: id, fileId, eventId, addedAt: nowIso })))
              .execute();
          }
          await this.platform.audit.write(trx, ctx, {
            action: 'appeal.submit',
            objectType: 'appeal',
            objectId: id,
            details: { code, enterpriseId, channel, type, topicCode: topic?.code ?? null },
          });
          const to = dispatchers.filter((u) => u !== p.userId);
          if (to.length) {
            await this.platform.notifications.notify(trx, {
              kind: 'appeal',
              userIds: to,
              title: `新诉求待受理：${code}`,
              body: input.title,
              link: staffLink(id),
            });
          }
          return code;
        }, arrival);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Another request linked one of these files between the check and the insert (unique index, migration 009).
        if (onAppealFiles(err)) throw fileInUse();
        if (key) {
          const existing = await this.byIdempotencyKey(p.userId, key);
          if (existing) return { detail: await this.get(ctx, existing), created: false };
        }
        if (attempt >= 5) throw err;
        continue;
      }
      // The detail from what was just written: no read-back on the hot path.
      const row: AppealRow = {
        id,
        code,
        ...values,
        enterpriseName: enterprise?.name ?? null,
        liaisonUserId: enterprise?.liaisonUserId ?? null,
        leadDepartmentName: null,
      };
      const access = { ...row, departments: [] };
      const suggestion = p.roles.includes('dispatcher') ? await this.suggestionFor(row) : null;
      const detail = this.assemble({
        p,
        row,
        departments: [],
        actors: actorsFor(p, access),
        events: [{ ...event, actorName: p.displayName, departmentName: null }],
        files: fileRows.map((f) => ({ ...f, eventId })),
        mergedInto: null,
        mergedFrom: [],
        now,
        slaCtx,
        topicName: topic?.name ?? null,
        suggestion,
      });
      return { detail, created: true };
    }
  }

  /**
   * The appeal uploads named by `ids` (the `attachments` of an intake or of a 补充材料), each once, in the order
   * given: each must exist, be a `purpose=appeal` file uploaded by the caller (or by his enterprise) and belong to
   * no appeal yet. Otherwise 400 naming the item (`attachments.i`): UNKNOWN_FILE, APPEAL_FILE_IN_USE.
   */
  private async usableFiles(p: Principal, ids: readonly string[]): Promise<FileRow[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows = await this.db
      .selectFrom('files as f')
      .selectAll('f')
      .select((eb) =>
        eb
          .exists(eb.selectFrom('appealFiles as af').select('af.fileId').whereRef('af.fileId', '=', 'f.id'))
          .as('linked'),
      )
      .where('f.id', 'in', unique)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: FieldError[] = [];
    ids.forEach((fid, i) => {
      const f = byId.get(fid);
      const mine =
        f && (f.uploadedBy === p.userId || (f.enterpriseId !== null && f.enterpriseId === p.enterpriseId));
      if (f?.purpose !== 'appeal' || !mine) {
        problems.push({
          field: `attachments.${i}`,
          code: 'UNKNOWN_FILE',
          message: '附件不存在或无权使用，请重新上传',
        });
      } else if (f.linked) {
        problems.push({
          field: `attachments.${i}`,
          code: 'APPEAL_FILE_IN_USE',
          message: `附件“${f.name}”已添加到诉求中，不能重复使用，请重新上传`,
        });
      }
    });
    if (problems.length) throw fieldErrors(problems);
    return unique.map((fid) => {
      const { linked: _linked, ...row } = byId.get(fid)!;
      return row;
    });
  }

  private dispatchers: { ids: string[]; at: number } | null = null;
  private submitCommitter: GroupCommit | null = null;

  /** The group committer of submissions (one per service, i.e. per platform/database). */
  private get submissions(): GroupCommit {
    this.submitCommitter ??= new GroupCommit(this.db);
    return this.submitCommitter;
  }

  /** Active dispatchers, cached briefly: every submission notifies them. */
  private async dispatcherIds(): Promise<string[]> {
    const now = Date.now();
    if (this.dispatchers && now - this.dispatchers.at < 15_000) return this.dispatchers.ids;
    const ids = await staffRecipients(this.db, { roles: ['dispatcher'], handlerDepartments: [] });
    this.dispatchers = { ids, at: now };
    return ids;
  }

  /** The routing classifier's top-k (never fails a request: a broken model just suggests nothing). */
  private async suggest(text: string, k: number): Promise<RoutingSuggestion[]> {
    try {
      return await appealRouting(this.platform).suggest(text, k);
    } catch {
      return [];
    }
  }

  private async byIdempotencyKey(userId: string, key: string): Promise<string | undefined> {
    const r = await this.db
      .selectFrom('appeals')
      .select('id')
      .where('submittedBy', '=', userId)
      .where('idempotencyKey', '=', key)
      .executeTakeFirst();
    return r?.id;
  }

  // ——— reading ———

  /** The appeal if the caller may see it, else 404. */
  private async readable(ctx: RequestContext, idOrCode: string) {
    const p = ctx.principal;
    if (!p) throw new AppError('UNAUTHENTICATED');
    const row = await findAppeal(this.db, idOrCode);
    if (!row) throw notFound('诉求');
    const departments = await loadDepartments(this.db, [row.id]);
    const access = { ...row, departments };
    if (!canSee(p, access)) throw notFound('诉求');
    return { p, row, departments, actors: actorsFor(p, access) };
  }

  async get(ctx: RequestContext, idOrCode: string, opts: ActOptions = {}): Promise<AppealDetail> {
    const { p, row, departments, actors } = await this.readable(ctx, idOrCode);
    const now = opts.now ?? this.platform.clock.now();
    const [events, files, mergedInto, mergedFrom, slaCtx, snap] = await Promise.all([
      loadEvents(this.db, row.id),
      loadFiles(this.db, row.id),
      row.mergedIntoId
        ? this.db.selectFrom('appeals').select('code').where('id', '=', row.mergedIntoId).executeTakeFirst()
        : Promise.resolve(undefined),
      this.db
        .selectFrom('appeals')
        .select('code')
        .where('mergedIntoId', '=', row.id)
        .orderBy('code')
        .execute(),
      this.catalogue.slaContext(),
      this.catalogue.load(),
    ]);
    const suggestion: AppealDetail['suggestion'] = p.roles.includes('dispatcher')
      ? await this.suggestionFor(row)
      : null;
    return this.assemble({
      p,
      row,
      departments,
      actors,
      events,
      files,
      mergedInto: mergedInto?.code ?? null,
      mergedFrom: mergedFrom.map((m) => m.code),
      now,
      slaCtx,
      topicName: row.topicCode ? (snap.byCode.get(row.topicCode)?.name ?? null) : null,
      suggestion,
    });
  }

  /** The dispatcher's routing suggestion (智能分拨), computed when first read and stored on the appeal. */
  private async suggestionFor(row: AppealRow): Promise<NonNullable<AppealDetail['suggestion']>> {
    const list = (await this.suggest(`${row.title}\n${row.content}`, 3)).map((x) => ({
      topicCode: x.topicCode,
      topicName: x.topicName,
      departmentId: x.departmentId,
      departmentName: x.departmentName,
      score: x.score,
      rank: x.rank,
      confidence: x.confidence,
    }));
    const best = list[0];
    if (best && row.suggestedTopicCode === null && !TERMINAL.has(row.state)) {
      // A column of its own, outside the version: no event, no audit (nothing a person did).
      await this.db
        .updateTable('appeals')
        .set({ suggestedTopicCode: best.topicCode, suggestedDepartmentId: best.departmentId })
        .where('id', '=', row.id)
        .where('suggestedTopicCode', 'is', null)
        .execute();
    }
    return list;
  }

  private assemble(x: {
    p: Principal;
    row: AppealRow;
    departments: DepartmentRow[];
    actors: AppealActor[];
    events: EventRow[];
    files: (FileRow & { eventId: string | null })[];
    mergedInto: string | null;
    mergedFrom: string[];
    now: Date;
    slaCtx: SlaContext;
    topicName: string | null;
    suggestion: AppealDetail['suggestion'];
  }): AppealDetail {
    const { p, row, departments, actors, events, files, now, slaCtx, topicName, suggestion } = x;
    const enterpriseReader = p.kind === 'enterprise';
    const facts = factsOf(row, now, slaCtx);
    const allowed = allowedFor(actors, row.state as AppealState, facts);
    const canWriteOpinion =
      actors.some((a) => a.role === 'handler' && a.relation === 'assisting_department') &&
      (row.state === 'dispatched' || row.state === 'signed');
    return {
      ...toSummary(row, topicName, now, slaCtx),
      content: row.content,
      isPublic: row.isPublic === 1,
      contactName: row.contactName,
      contactPhone: seesContactInFull(p, row) ? row.contactPhone : maskPhone(row.contactPhone),
      submittedBy: {
        id: enterpriseReader ? null : row.submittedBy,
        label: submitterLabel(row, events[0]?.actorName ?? null, enterpriseReader),
      },
      receivedOn: row.receivedOn,
      acceptDeadline: row.acceptDeadline,
      replyDeadline: row.replyDeadline,
      extensionDays: row.extensionDays,
      extensionReason: enterpriseReader ? null : row.extensionReason,
      acceptedAt: row.acceptedAt,
      dispatchedAt: row.dispatchedAt,
      signedAt: row.signedAt,
      repliedAt: row.repliedAt,
      closedAt: row.closedAt,
      reply:
        row.replyContent !== null && row.repliedAt !== null
          ? {
              content: row.replyContent,
              solved: row.replySolved === 1,
              unsolvedReason: row.replyUnsolvedReason,
              public: row.replyPublic === 1,
              late: row.repliedLate === 1,
            }
          : null,
      rating: row.rating
        ? {
            rating: row.rating as NonNullable<AppealDetail['rating']>['rating'],
            solved: row.ratingSolved === 1,
            comment: row.ratingComment,
            isDefault: row.ratingDefault === 1,
            ratedAt: row.ratedAt,
          }
        : null,
      departments: departments.map((d) => ({
        id: d.departmentId,
        name: d.name,
        role: d.role === 'lead' ? ('lead' as const) : ('assisting' as const),
        opinion: enterpriseReader ? null : d.opinion,
        opinionAt: enterpriseReader ? null : d.opinionAt,
        assignedAt: d.assignedAt,
      })),
      events: events
        .filter((e) => !enterpriseReader || e.visibleToEnterprise === 1)
        .map((e) => {
          const roleLabel = APPEAL_ACTOR_ROLE_LABELS[e.actorRole as AppealActorRole] ?? e.actorRole;
          const staffActor = e.actorRole !== 'enterprise_admin' && e.actorRole !== 'enterprise_member';
          return {
            id: e.id,
            seq: e.seq,
            action: e.action,
            actorLabel:
              enterpriseReader && staffActor ? (e.departmentName ?? roleLabel) : (e.actorName ?? roleLabel),
            actorName: enterpriseReader && staffActor ? null : e.actorName,
            actorRole: e.actorRole,
            department: e.departmentId ? { id: e.departmentId, name: e.departmentName ?? '' } : null,
            fromState: e.fromState,
            toState: e.toState,
            note: e.note,
            data: fromJson<Record<string, unknown> | null>(e.data, null),
            at: e.at,
          };
        }),
      files: files.map((f) => ({ ...toFileInfo(f), eventId: f.eventId })),
      allowedActions: allowed,
      canWriteOpinion,
      suggestion,
      mergedInto: x.mergedInto,
      mergedFrom: x.mergedFrom,
    };
  }

  /** A file of the appeal (404 unless the caller sees the appeal and the file belongs to it). */
  async file(ctx: RequestContext, idOrCode: string, fileId: string) {
    const { row } = await this.readable(ctx, idOrCode);
    const f = await this.db
      .selectFrom('appealFiles as af')
      .innerJoin('files as f', 'f.id', 'af.fileId')
      .selectAll('f')
      .where('af.appealId', '=', row.id)
      .where('af.fileId', '=', fileId)
      .executeTakeFirst();
    if (!f) throw notFound('附件');
    return f;
  }

  async list(ctx: RequestContext, q: ListQuery): Promise<AppealList> {
    const p = ctx.principal;
    if (!p) throw new AppError('UNAUTHENTICATED');
    const now = this.platform.clock.now();
    const isDesk = p.roles.includes('dispatcher') || p.roles.includes('leader');
    const defaultMine =
      p.kind === 'enterprise' || (p.roles.includes('liaison') && !isDesk && !p.roles.includes('handler'));
    const view = q.view ?? (defaultMine ? 'mine' : 'all');
    const sort = q.sort ?? (view === 'queue' ? 'deadline' : 'created');
    const scope = this.scope(p, view);
    if (scope === 'none') return { items: [], total: 0, page: q.page, pageSize: q.pageSize };

    let base = this.db
      .selectFrom('appeals as a')
      .leftJoin('enterprises as e', 'e.id', 'a.enterpriseId')
      .leftJoin('departments as ld', 'ld.id', 'a.leadDepartmentId');
    if (scope !== 'all') base = base.where(scope);
    if (q.state?.length) base = base.where('a.state', 'in', q.state);
    if (q.extension?.length) base = base.where('a.extensionStatus', 'in', q.extension);
    if (q.type) base = base.where('a.type', '=', q.type);
    if (q.topicCode) base = base.where('a.topicCode', '=', q.topicCode);
    if (q.departmentId) {
      const dept = q.departmentId;
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('appealDepartments as fd')
            .select('fd.appealId')
            .whereRef('fd.appealId', '=', 'a.id')
            .where('fd.departmentId', '=', dept),
        ),
      );
    }
    if (q.q) {
      const op = this.platform.database.dialect.likeOperator;
      const pattern = sql<string>`${likePattern(q.q)} escape ${likeEscape}`;
      base = base.where((eb) =>
        eb.or([eb('a.title', op, pattern), eb('a.content', op, pattern), eb('a.code', op, pattern)]),
      );
    }
    const activeDeadline = sql<string>`coalesce(case when ${sql.ref('a.state')} in ('dispatched', 'signed', 'returned', 'replied', 'rated') then ${sql.ref('a.replyDeadline')} end, ${sql.ref('a.acceptDeadline')})`;
    const ordered = () => {
      const s = base
        .selectAll('a')
        .select([
          'e.name as enterpriseName',
          'e.liaisonUserId as liaisonUserId',
          'ld.name as leadDepartmentName',
        ]);
      return sort === 'deadline'
        ? s.orderBy(activeDeadline).orderBy('a.id')
        : s.orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc');
    };
    const [slaCtx, snap] = await Promise.all([this.catalogue.slaContext(), this.catalogue.load()]);
    const topicName = (code: string | null) => (code ? (snap.byCode.get(code)?.name ?? null) : null);

    if (q.sla) {
      // The SLA status needs working-time arithmetic: filter the open appeals in memory.
      const wanted: SlaStatus = q.sla;
      const rows = (await ordered()
        .where('a.state', 'in', ['submitted', 'dispatched', 'signed'])
        .execute()) as AppealRow[];
      const matching = rows.filter((r) => currentStatus(r, now, slaCtx) === wanted);
      const page = matching.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      return {
        items: page.map((r) => toSummary(r, topicName(r.topicCode), now, slaCtx)),
        total: matching.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    }
    const [rows, total] = await Promise.all([
      ordered()
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute() as Promise<AppealRow[]>,
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => toSummary(r, topicName(r.topicCode), now, slaCtx)),
      total: Number(total.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The rows a view shows this caller, as a condition on `appeals as a`; 'all' = no condition. */
  private scope(p: Principal, view: 'mine' | 'queue' | 'all') {
    const isDesk = p.roles.includes('dispatcher') || p.roles.includes('leader');
    const ownEnterprise: Cond[] = [(eb) => eb('a.submittedBy', '=', p.userId)];
    if (p.enterpriseId) {
      const ent = p.enterpriseId;
      ownEnterprise.push((eb) => eb('a.enterpriseId', '=', ent));
    }
    if (p.roles.includes('liaison')) {
      ownEnterprise.push((eb) =>
        eb(
          'a.enterpriseId',
          'in',
          eb.selectFrom('enterprises as le').select('le.id').where('le.liaisonUserId', '=', p.userId),
        ),
      );
    }
    const dept = p.roles.includes('handler') ? p.departmentId : null;
    const inDept =
      (states?: readonly string[]): Cond =>
      (eb) => {
        const sub = eb
          .selectFrom('appealDepartments as sd')
          .select('sd.appealId')
          .whereRef('sd.appealId', '=', 'a.id')
          .where('sd.departmentId', '=', dept ?? '');
        return states ? eb.and([eb.exists(sub), eb('a.state', 'in', [...states])]) : eb.exists(sub);
      };
    let conds: Cond[];
    if (view === 'mine') conds = ownEnterprise;
    else if (view === 'queue') {
      conds = [];
      if (p.roles.includes('dispatcher')) {
        conds.push((eb) =>
          eb.or([
            eb('a.state', 'in', ['submitted', 'needs_info', 'returned', 'accepted']),
            eb.and([
              eb('a.state', 'in', ['dispatched', 'signed']),
              eb('a.extensionStatus', '=', 'requested'),
            ]),
          ]),
        );
      }
      if (dept) conds.push(inDept(['dispatched', 'signed']));
      if (!conds.length && !isDesk) conds = ownEnterprise;
    } else {
      if (isDesk) return 'all' as const;
      conds = [...ownEnterprise];
      if (dept) conds.push(inDept());
    }
    if (!conds.length) return 'none' as const;
    return (eb: AppealEb) => eb.or(conds.map((c) => c(eb)));
  }

  // ——— actions ———

  async act(
    ctx: RequestContext,
    idOrCode: string,
    action: Exclude<AppealAction, 'auto_close'>,
    body: Record<string, unknown>,
    opts: ActOptions = {},
  ): Promise<AppealDetail> {
    const { p, row, departments, actors } = await this.readable(ctx, idOrCode);
    const now = opts.now ?? this.platform.clock.now();
    const { expectedVersion: rawVersion, ...rest } = body ?? {};
    let expectedVersion: number | undefined;
    if (rawVersion !== undefined) {
      const v = expectedVersionSchema.safeParse(rawVersion);
      if (!v.success) throw fieldError('expectedVersion', 'VALIDATION_FAILED', 'expectedVersion 应为正整数');
      expectedVersion = v.data;
    }
    const schema = ACTION_INPUTS[action];
    if (!schema) throw new AppError('VALIDATION_FAILED', '不支持的操作');
    const parsed = schema.safeParse(rest);
    if (!parsed.success) throw fieldErrors(zodFields(parsed.error));
    const input = parsed.data as Record<string, unknown>;

    const slaCtx = await this.catalogue.slaContext();
    const facts = factsOf(row, now, slaCtx);
    const { decision, actor } = decideFor(actors, row.state as AppealState, action, facts);
    if (!decision.ok) throw new AppError(decision.code, decision.message);
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw staleError(row);

    // Inputs that refer to other records, checked before the transaction (the catalogue may query).
    let topic: TopicEntry | undefined;
    if ((action === 'dispatch' || action === 'redispatch') && typeof input.topic === 'string') {
      topic = await this.catalogue.topic(input.topic);
      if (!topic?.active) throw fieldError('topic', 'APPEAL_UNKNOWN_TOPIC', '事项分类不存在或已停用');
    }
    // 补充材料 carries files like the intake: the same checks, linked to the event in the action's transaction.
    const files =
      action === 'supply_info'
        ? await this.usableFiles(p, (input.attachments as string[] | undefined) ?? [])
        : [];
    try {
      return await this.perform(ctx, {
        row,
        departments,
        action,
        input,
        now,
        slaCtx,
        effects: decision.effects,
        next: decision.next,
        actor: {
          id: p.userId,
          role: actor!.role,
          departmentId: actor!.role === 'handler' ? p.departmentId : null,
        },
        topic,
        fileIds: files.map((f) => f.id),
      });
    } catch (err) {
      if (isUniqueViolation(err) && onAppealFiles(err)) throw fileInUse();
      throw err;
    }
  }

  /**
   * The scheduler's actions (auto_close, close) on one appeal. Returns false when the workflow refuses (the window is
   * still open, someone else acted first) — the job simply moves on.
   */
  async systemAction(appealId: string, action: 'auto_close' | 'close', now: Date): Promise<boolean> {
    const row = await findAppeal(this.db, appealId);
    if (!row) return false;
    const slaCtx = await this.catalogue.slaContext();
    const systemActor: AppealActor = { role: 'system', relation: 'none' };
    const { decision } = decideFor(
      [systemActor],
      row.state as AppealState,
      action,
      factsOf(row, now, slaCtx),
    );
    if (!decision.ok) return false;
    const ctx: RequestContext = { principal: null, ip: null, requestId: `job:${action}` };
    try {
      await this.perform(
        ctx,
        {
          row,
          departments: [],
          action,
          input: {},
          now,
          slaCtx,
          effects: decision.effects,
          next: decision.next,
          actor: { id: null, role: 'system', departmentId: null },
        },
        false,
      );
      return true;
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return false;
      throw err;
    }
  }

  private async perform(
    ctx: RequestContext,
    a: {
      row: AppealRow;
      departments: readonly { departmentId: string; role: string }[];
      action: AppealAction;
      input: Record<string, unknown>;
      now: Date;
      slaCtx: SlaContext;
      effects: readonly AppealEffect[];
      next: AppealState;
      actor: EventActor;
      topic?: TopicEntry | undefined;
      /** Files to link to this action's event (补充材料), already checked. */
      fileIds?: readonly string[];
    },
    present = true,
  ): Promise<AppealDetail> {
    const { row, action, input, now, slaCtx } = a;
    const nowIso = now.toISOString();
    const type = row.type as AppealType;
    const patch: Partial<AppealTable> = { state: a.next, updatedAt: nowIso };
    const parties = new Set<Party>();
    let newDepartments: { lead: string; assisting: string[] } | null = null;
    let mergeTarget: string | null = null;
    const topicCode = a.topic?.code ?? row.topicCode;

    for (const e of a.effects) {
      switch (e.type) {
        case 'start_clock':
          if (e.clock === 'acceptance') {
            patch.acceptDeadline = acceptanceDeadline(now, type, topicCode, slaCtx).toISOString();
          } else if (e.clock === 'reply') {
            patch.replyStartedAt = nowIso;
            patch.replyDeadline = replyDeadline(now, type, topicCode, slaCtx).toISOString();
          }
          break;
        case 'stop_clock':
        case 'restore_clock':
          // Deadlines stay stored (statistics and insist read them); milestones are set per action below.
          break;
        case 'extend_deadline': {
          const days =
            row.extensionDays ?? resolveDurations(type, topicCode, slaCtx.settings).extensionWorkdays;
          const from = row.replyDeadline ? new Date(row.replyDeadline) : now;
          patch.replyDeadline = extendDeadline(from, days, slaCtx).toISOString();
          break;
        }
        case 'set_extension':
          patch.extensionStatus = e.status;
          if (e.status === 'requested') {
            patch.extensionDays = input.days as number;
            patch.extensionReason = input.reason as string;
          } else if (e.status === 'none') {
            patch.extensionDays = null;
            patch.extensionReason = null;
          }
          break;
        case 'raise_supervision': {
          const current = row.supervisionLevel as keyof typeof SUPERVISION_RANK;
          if ((SUPERVISION_RANK[current] ?? 0) < SUPERVISION_RANK[e.level]) patch.supervisionLevel = e.level;
          break;
        }
        case 'replace_departments': {
          const lead = input.leadDepartmentId as string;
          const assisting = (input.assistingDepartmentIds as string[] | undefined) ?? [];
          newDepartments = { lead, assisting };
          patch.leadDepartmentId = lead;
          if (a.topic) patch.topicCode = a.topic.code;
          break;
        }
        case 'record_rating':
          patch.rating = input.rating as string;
          patch.ratingSolved = input.solved ? 1 : 0;
          patch.ratingComment = (input.comment as string | undefined) || null;
          patch.ratingDefault = 0;
          patch.ratedAt = nowIso;
          break;
        case 'apply_default_rating':
          patch.rating = 'satisfied';
          patch.ratingSolved = row.replySolved ?? 1;
          patch.ratingComment = null;
          patch.ratingDefault = 1;
          patch.ratedAt = nowIso;
          break;
        case 'increment_reopen_count':
          patch.reopenCount = row.reopenCount + 1;
          // A new handling round: its reply and rating replace the previous ones (the timeline keeps them).
          patch.signedAt = null;
          patch.repliedAt = null;
          patch.repliedLate = null;
          patch.handlingMinutes = null;
          patch.rating = null;
          patch.ratingSolved = null;
          patch.ratingComment = null;
          patch.ratingDefault = 0;
          patch.ratedAt = null;
          break;
        case 'link_merge_target':
          mergeTarget = input.targetAppealId as string;
          break;
        case 'notify':
          parties.add(e.to);
          break;
      }
    }
    // Milestones.
    if (action === 'accept') patch.acceptedAt = nowIso;
    if (action === 'dispatch' || action === 'redispatch') patch.dispatchedAt = nowIso;
    if (action === 'sign') patch.signedAt = nowIso;
    if (action === 'reply') {
      patch.repliedAt = nowIso;
      patch.repliedLate = row.replyDeadline && now.getTime() > new Date(row.replyDeadline).getTime() ? 1 : 0;
      // 平均办理工作日 averages this (statistics.ts): working minutes from the (last) dispatch to this reply.
      patch.handlingMinutes = row.dispatchedAt
        ? workingMinutesBetween(new Date(row.dispatchedAt), now, slaCtx)
        : null;
      patch.replyContent = input.content as string;
      patch.replySolved = input.solved ? 1 : 0;
      patch.replyUnsolvedReason = input.solved
        ? null
        : ((input.unsolvedReason as string | undefined) ?? null);
      patch.replyPublic = input.public ? 1 : 0;
    }
    if (TERMINAL.has(a.next)) patch.closedAt = nowIso;

    const db = this.db;
    // Departments named by a dispatch must exist (read-only, before the transaction).
    if (newDepartments) {
      const nd: { lead: string; assisting: string[] } = newDepartments;
      const ids = [nd.lead, ...nd.assisting];
      const found = new Set(
        (await db.selectFrom('departments').select('id').where('id', 'in', ids).execute()).map((d) => d.id),
      );
      const problems: FieldError[] = [];
      if (!found.has(nd.lead))
        problems.push({ field: 'leadDepartmentId', code: 'UNKNOWN_DEPARTMENT', message: '主办部门不存在' });
      nd.assisting.forEach((d, i) => {
        if (!found.has(d))
          problems.push({
            field: `assistingDepartmentIds.${i}`,
            code: 'UNKNOWN_DEPARTMENT',
            message: '协办部门不存在',
          });
      });
      if (problems.length) throw fieldErrors(problems);
    }
    if (mergeTarget !== null) {
      if (mergeTarget === row.id || mergeTarget === row.code)
        throw fieldError('targetAppealId', 'APPEAL_INVALID_MERGE_TARGET', '不能并入本诉求自身');
      const target = await findAppeal(db, mergeTarget);
      if (!target) throw fieldError('targetAppealId', 'APPEAL_INVALID_MERGE_TARGET', '要并入的诉求不存在');
      if (target.id === row.id)
        throw fieldError('targetAppealId', 'APPEAL_INVALID_MERGE_TARGET', '不能并入本诉求自身');
      if (TERMINAL.has(target.state))
        throw new AppError(
          'APPEAL_STATE_CONFLICT',
          `要并入的诉求 ${target.code} 当前状态为“${APPEAL_STATE_LABELS[target.state as AppealState]}”，不能并入`,
        );
      mergeTarget = target.id;
      patch.mergedIntoId = target.id;
    }
    // Recipients (read before the transaction keeps it short).
    const recipients = await this.recipientsOf(row, parties, newDepartments, a.actor.id);

    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('appeals')
        .set({ ...patch, version: row.version + 1 })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleError(row);
      if (mergeTarget !== null) {
        // The target must still be open when the merge commits.
        const t = await trx
          .selectFrom('appeals')
          .select(['state', 'code'])
          .where('id', '=', mergeTarget)
          .executeTakeFirst();
        if (!t || TERMINAL.has(t.state))
          throw new AppError(
            'APPEAL_STATE_CONFLICT',
            `要并入的诉求${t ? ` ${t.code}` : ''}已办结或已并单，不能并入`,
          );
      }
      if (newDepartments) {
        const nd: { lead: string; assisting: string[] } = newDepartments;
        await trx.deleteFrom('appealDepartments').where('appealId', '=', row.id).execute();
        await trx
          .insertInto('appealDepartments')
          .values([
            {
              appealId: row.id,
              departmentId: nd.lead,
              role: 'lead',
              opinion: null,
              opinionBy: null,
              opinionAt: null,
              assignedAt: nowIso,
            },
            ...nd.assisting.map((d) => ({
              appealId: row.id,
              departmentId: d,
              role: 'assisting',
              opinion: null,
              opinionBy: null,
              opinionAt: null,
              assignedAt: nowIso,
            })),
          ])
          .execute();
      }
      const { note, data } = eventNoteAndData(action, input, patch, row);
      const eventId = newId(now.getTime());
      await trx
        .insertInto('appealEvents')
        .values({
          id: eventId,
          appealId: row.id,
          seq: await nextSeq(trx, row.id),
          action,
          actorId: a.actor.id,
          actorRole: a.actor.role,
          departmentId:
            a.actor.departmentId ?? (newDepartments ? (newDepartments as { lead: string }).lead : null),
          fromState: row.state,
          toState: a.next,
          note,
          data: data ? toJson(data) : null,
          visibleToEnterprise: INTERNAL_ACTIONS.has(action) ? 0 : 1,
          at: nowIso,
        })
        .execute();
      if (a.fileIds?.length) {
        await trx
          .insertInto('appealFiles')
          .values(a.fileIds.map((fileId) => ({ appealId: row.id, fileId, eventId, addedAt: nowIso })))
          .execute();
      }
      await this.platform.audit.write(trx, ctx, {
        action: `appeal.${action}`,
        objectType: 'appeal',
        objectId: row.id,
        ...(a.actor.role === 'system' ? { actorId: null, actorRole: 'system' } : {}),
        details: { code: row.code, from: row.state, to: a.next, ...(data ?? {}) },
      });
      await this.sendAll(trx, row, action, a.next, recipients, note);
    });
    if (!present) return undefined as unknown as AppealDetail;
    return this.get(ctx, row.id, { now });
  }

  /** The assisting department's part (协办意见), for the lead department. */
  async opinion(
    ctx: RequestContext,
    idOrCode: string,
    input: z.output<typeof appealOpinionSchema>,
  ): Promise<AppealDetail> {
    const { p, row, departments } = await this.readable(ctx, idOrCode);
    const mine = p.roles.includes('handler')
      ? departments.find((d) => d.departmentId === p.departmentId && d.role === 'assisting')
      : undefined;
    if (!mine) throw new AppError('APPEAL_ACTION_FORBIDDEN', '只有协办部门的承办人可以填写协办意见');
    if (row.state !== 'dispatched' && row.state !== 'signed') {
      throw new AppError(
        'APPEAL_STATE_CONFLICT',
        `诉求当前状态为“${APPEAL_STATE_LABELS[row.state as AppealState]}”，不能填写协办意见`,
      );
    }
    const now = this.platform.clock.now();
    const nowIso = now.toISOString();
    const lead = departments.find((d) => d.role === 'lead')?.departmentId;
    const to = lead
      ? (await staffRecipients(this.db, { roles: [], handlerDepartments: [lead] })).filter(
          (u) => u !== p.userId,
        )
      : [];
    await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('appeals')
        .set({ version: row.version + 1, updatedAt: nowIso })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleError(row);
      await trx
        .updateTable('appealDepartments')
        .set({ opinion: input.content, opinionBy: p.userId, opinionAt: nowIso })
        .where('appealId', '=', row.id)
        .where('departmentId', '=', mine.departmentId)
        .execute();
      await trx
        .insertInto('appealEvents')
        .values({
          id: newId(now.getTime()),
          appealId: row.id,
          seq: await nextSeq(trx, row.id),
          action: 'opinion',
          actorId: p.userId,
          actorRole: 'handler',
          departmentId: mine.departmentId,
          fromState: row.state,
          toState: row.state,
          note: input.content,
          data: null,
          visibleToEnterprise: 0,
          at: nowIso,
        })
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'appeal.opinion',
        objectType: 'appeal',
        objectId: row.id,
        details: { code: row.code, departmentId: mine.departmentId },
      });
      if (to.length) {
        await this.platform.notifications.notify(trx, {
          kind: 'appeal',
          userIds: to,
          title: `诉求 ${row.code} 收到协办意见`,
          body: `${mine.name}：${input.content}`,
          link: staffLink(row.id),
        });
      }
    });
    return this.get(ctx, row.id);
  }

  // ——— notifications ———

  private async recipientsOf(
    row: AppealRow,
    parties: ReadonlySet<Party>,
    newDepartments: { lead: string; assisting: string[] } | null,
    actorId: string | null,
  ): Promise<{ staff: string[]; enterprise: string[] }> {
    if (!parties.size) return { staff: [], enterprise: [] };
    const roles: string[] = [];
    const depts: string[] = [];
    const current = newDepartments
      ? { lead: newDepartments.lead, all: [newDepartments.lead, ...newDepartments.assisting] }
      : await this.db
          .selectFrom('appealDepartments')
          .select(['departmentId', 'role'])
          .where('appealId', '=', row.id)
          .execute()
          .then((ds) => ({
            lead: ds.find((d) => d.role === 'lead')?.departmentId ?? row.leadDepartmentId,
            all: ds.map((d) => d.departmentId),
          }));
    if (parties.has('dispatcher')) roles.push('dispatcher');
    if (parties.has('leader')) roles.push('leader');
    if (parties.has('lead_department') && current.lead) depts.push(current.lead);
    if (parties.has('departments')) depts.push(...current.all);
    const staff = await staffRecipients(this.db, { roles, handlerDepartments: depts });
    let enterprise: string[] = [];
    if (parties.has('submitter')) {
      const admins = row.enterpriseId ? await enterpriseAdmins(this.db, row.enterpriseId) : [];
      enterprise = [
        ...new Set([...(row.channel !== 'phone' && row.submittedBy ? [row.submittedBy] : []), ...admins]),
      ];
    }
    return {
      staff: staff.filter((u) => u !== actorId),
      enterprise: enterprise.filter((u) => u !== actorId),
    };
  }

  private async sendAll(
    trx: DB,
    row: AppealRow,
    action: AppealAction,
    next: AppealState,
    to: { staff: string[]; enterprise: string[] },
    note: string | null = null,
  ): Promise<void> {
    const verb = APPEAL_ACTION_LABELS[action];
    const state = APPEAL_STATE_LABELS[next];
    if (to.staff.length) {
      await this.platform.notifications.notify(trx, {
        kind: 'appeal',
        userIds: to.staff,
        title: `诉求 ${row.code}：${verb}`,
        body: `${row.title}（当前状态：${state}）`,
        link: staffLink(row.id),
      });
    }
    if (to.enterprise.length) {
      await this.platform.notifications.notify(trx, {
        kind: 'appeal',
        userIds: to.enterprise,
        title: `您的诉求 ${row.code} ${state}`,
        // The reason or the answer is what the enterprise needs (不予受理的理由, 需要补充的内容, 答复).
        body: note ? `${row.title}：${note}` : row.title,
        link: `/enterprise/appeals/${row.id}`,
      });
    }
  }
}

function staffLink(id: string): string {
  return `/workbench/appeals/${id}`;
}

function staleError(row: AppealRow): AppError {
  return new AppError(
    'APPEAL_STATE_CONFLICT',
    `诉求 ${row.code} 已被他人处理（当前状态为“${APPEAL_STATE_LABELS[row.state as AppealState]}”或已更新），请刷新后重试`,
  );
}

function submitterLabel(row: AppealRow, name: string | null, enterpriseReader: boolean): string {
  if (row.channel === 'phone') return enterpriseReader ? '电话受理' : `电话受理（${name ?? '分拨员'}）`;
  if (row.channel === 'liaison') return enterpriseReader ? '企业专员代提' : `企业专员代提（${name ?? ''}）`;
  return name ?? '企业用户';
}

/** The event's note (the free text of the action) and structured data. */
function eventNoteAndData(
  action: AppealAction,
  input: Record<string, unknown>,
  patch: Partial<AppealTable>,
  row: AppealRow,
): { note: string | null; data: Record<string, unknown> | null } {
  const text = (k: string) => (typeof input[k] === 'string' && input[k] ? (input[k] as string) : null);
  switch (action) {
    case 'reject':
    case 'ask_info':
    case 'insist':
    case 'reopen':
      return { note: text('reason'), data: action === 'reopen' ? { reopenCount: patch.reopenCount } : null };
    case 'supply_info': {
      const files = new Set((input.attachments as string[] | undefined) ?? []).size;
      return { note: text('content'), data: files ? { attachments: files } : null };
    }
    case 'dispatch':
    case 'redispatch':
      return {
        note: text('note'),
        data: {
          leadDepartmentId: input.leadDepartmentId,
          assistingDepartmentIds: input.assistingDepartmentIds ?? [],
          topicCode: patch.topicCode ?? row.topicCode,
          replyDeadline: patch.replyDeadline,
        },
      };
    case 'reply':
      return {
        note: text('content'),
        data: {
          solved: input.solved,
          unsolvedReason: input.unsolvedReason ?? null,
          public: input.public,
          late: patch.repliedLate === 1,
        },
      };
    case 'return':
      return { note: text('basis'), data: null };
    case 'request_extension':
      return { note: text('reason'), data: { days: input.days } };
    case 'approve_extension':
      return { note: text('note'), data: { days: row.extensionDays, replyDeadline: patch.replyDeadline } };
    case 'urge':
    case 'supervise':
      return { note: text('note'), data: null };
    case 'rate':
      return { note: text('comment'), data: { rating: input.rating, solved: input.solved } };
    case 'auto_close':
      return { note: null, data: { rating: patch.rating, default: true } };
    case 'merge_into':
      return { note: text('note'), data: { targetAppealId: patch.mergedIntoId } };
    default:
      return { note: text('note'), data: null };
  }
}

/** The status of the clock that runs now (accept while submitted, reply while dispatched/signed). */
function currentStatus(row: AppealRow, now: Date, ctx: SlaContext): SlaStatus | null {
  const views = slaViews(row, now, ctx);
  if (views.accept.running) return views.accept.status;
  if (views.reply?.running) return views.reply.status;
  return null;
}
