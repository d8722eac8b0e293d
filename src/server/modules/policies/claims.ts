import type { z } from 'zod';
import type { FieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/format';
import type { NotificationKind } from '../../../shared/notifications';
import {
  type Claim,
  type ClaimAction,
  type ClaimAnswers,
  type ClaimDraft,
  type ClaimStatus,
  type ClaimSummary,
  type claimApproveSchema,
  type claimConfirmSchema,
  type claimInputSchema,
  type claimListQuerySchema,
  type claimPaySchema,
  type claimRejectSchema,
  type claimResubmitSchema,
  type claimReturnSchema,
  type claimWithdrawSchema,
  type noticeListQuerySchema,
  type ProgramMode,
  windowStateOf,
} from '../../../shared/policies';
import {
  type EnterpriseFacts,
  type FactCatalogue,
  formatAmountEstimate,
  formatYuan,
  type RuleSet,
} from '../../../shared/policy-rules';
import type { DB } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect';
import type { PolicyClaimEventTable, PolicyClaimTable } from '../../db/schema';
import { hasRole, type RequestContext } from '../../platform/context';
import { AppError, fieldError, fieldErrors, notFound } from '../../platform/errors';
import type { FileRow } from '../../platform/files';
import type { RevealedValue } from '../../platform/privacy';
import type { PolicyContext } from './context';
import { factSnapshot, ruleFactKeys } from './enterprise-facts';
import type { MatchingService } from './matching';
import { budgetOf, filesInOrder } from './present';
import { claimYearOf } from './programs';
import type { ClaimRow, ClaimScope, ProgramRow } from './repository';
import { compileRule, describeFact, indexCatalogue, prepareFacts } from './rules';

type AttachmentInput = { fileId: string; material: string }[];
/** Name a material that is not on the program's list may still go under. */
const OTHER_MATERIAL = '其他材料';
const OWNER_ACTIONS: Partial<Record<ClaimStatus, ClaimAction[]>> = {
  candidate: ['confirm', 'withdraw'],
  submitted: ['withdraw'],
  returned: ['resubmit', 'withdraw'],
};
const REVIEW_ACTIONS: Partial<Record<ClaimStatus, ClaimAction[]>> = {
  submitted: ['approve', 'return', 'reject'],
  approved: ['pay'],
};

/**
 * Claims (兑现申请), from application to payment (SPEC §2.3):
 *   apply (profile pre-filled, attachments by id) or, for 免申即享, confirm the platform's candidate → review by the
 *   program's department (approve with an amount within the remaining budget / return for material / reject with a
 *   reason) → resubmit after a return → payment recorded → public notice (公示).
 * Every step is one transaction: the claim moves only from the expected state at the expected revision (of two
 * decisions racing, one wins and the other gets 409), the event history and the audit record are written, and the
 * enterprise's members are notified.
 *
 * Who sees a claim: the enterprise's own users, its liaison, the reviewing department's handlers, policy editors
 * and leaders. Anyone else gets 404.
 */
export class ClaimsService {
  constructor(
    private readonly c: PolicyContext,
    private readonly matching: MatchingService,
  ) {}

  // ——— who may do what ———

  private isOwner(ctx: RequestContext, claim: Pick<ClaimRow, 'enterpriseId'>): boolean {
    const p = ctx.principal;
    return !!p && p.kind === 'enterprise' && p.enterpriseId === claim.enterpriseId;
  }

  private canReview(ctx: RequestContext, claim: Pick<ClaimRow, 'programDepartmentId'>): boolean {
    const p = ctx.principal;
    if (!p) return false;
    if (p.roles.includes('policy_editor')) return true;
    return p.roles.includes('handler') && !!p.departmentId && p.departmentId === claim.programDepartmentId;
  }

  private canRead(ctx: RequestContext, claim: ClaimRow): boolean {
    const p = ctx.principal;
    if (!p) return false;
    if (this.isOwner(ctx, claim) || this.canReview(ctx, claim)) return true;
    if (p.roles.includes('leader')) return true;
    return p.roles.includes('liaison') && claim.enterpriseLiaisonId === p.userId;
  }

  /** What a caller's claim list is narrowed to; null: nothing. */
  private scopeOf(ctx: RequestContext): ClaimScope | null {
    const p = ctx.principal!;
    if (p.kind === 'enterprise') return p.enterpriseId ? { enterpriseId: p.enterpriseId } : null;
    if (hasRole(p, 'policy_editor', 'leader')) return {};
    if (p.roles.includes('handler') && p.departmentId) return { departmentId: p.departmentId };
    if (p.roles.includes('liaison')) return { liaisonUserId: p.userId };
    return null;
  }

  private async readable(ctx: RequestContext, id: string, trx: DB = this.c.db): Promise<ClaimRow> {
    const claim = await this.c.repo.claim(id, trx);
    if (!claim || !this.canRead(ctx, claim)) throw notFound('兑现申请');
    return claim;
  }

  private enterpriseOf(ctx: RequestContext): string {
    const p = ctx.principal!;
    if (p.kind !== 'enterprise' || !p.enterpriseId)
      throw new AppError('NOT_FOUND', '您尚未绑定企业，或绑定申请尚未确认');
    return p.enterpriseId;
  }

  /** A program an enterprise can see: published (or withdrawn, for claims in flight) under a published document. */
  private async program(id: string, trx: DB = this.c.db): Promise<ProgramRow> {
    const p = await this.c.repo.program(id, trx);
    if (!p || p.status === 'draft' || p.docStatus === 'draft') throw notFound('申报事项');
    return p;
  }

  // ——— reading ———

  /**
   * The contact phone in clear for `POST /personal-data/reveal` (reveal.ts), read in the reveal's transaction:
   * 404 unless the caller may read the claim, 403 unless he reviews it (a liaison or leader reads, never calls).
   */
  async contactPhoneToReveal(trx: DB, ctx: RequestContext, id: string): Promise<RevealedValue> {
    const claim = await this.readable(ctx, id, trx);
    if (!this.canReview(ctx, claim)) throw new AppError('FORBIDDEN', '只有审核该申请的人员可以查看联系电话');
    return { objectType: 'policy_claim', objectId: claim.id, value: claim.contactPhone };
  }

  async list(ctx: RequestContext, q: z.output<typeof claimListQuerySchema>) {
    const scope = this.scopeOf(ctx);
    if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const { total, rows } = await this.c.repo.listClaims({ ...q, scope });
    return { items: rows.map((r) => this.summary(r)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<Claim> {
    return this.present(ctx, await this.readable(ctx, id));
  }

  async attachment(ctx: RequestContext, id: string, fileId: string): Promise<FileRow> {
    const claim = await this.readable(ctx, id);
    const row = claim.attachments.some((a) => a.fileId === fileId)
      ? await this.c.files.row(fileId)
      : undefined;
    if (!row) throw notFound('附件');
    return row;
  }

  private summary(r: ClaimRow): ClaimSummary {
    return {
      id: r.id,
      program: {
        id: r.programId,
        title: r.programTitle,
        mode: r.programMode as ProgramMode,
        department: r.departmentName ? { id: r.programDepartmentId, name: r.departmentName } : null,
      },
      enterprise: { id: r.enterpriseId, name: r.enterpriseName, uscc: r.enterpriseUscc },
      year: r.year,
      status: r.status as ClaimStatus,
      eligibility: r.eligibility as ClaimSummary['eligibility'],
      estimatedAmount: r.estimate,
      requestedAmount: r.requestedAmount,
      approvedAmount: r.approvedAmount,
      paidAmount: r.paidAmount,
      paidOn: r.paidOn,
      rulesVersion: r.rulesVersion,
      revision: r.revision,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  private async present(ctx: RequestContext, r: ClaimRow, trx: DB = this.c.db): Promise<Claim> {
    const [files, events, program] = await Promise.all([
      this.c.files.rows(
        r.attachments.map((a) => a.fileId),
        trx,
      ),
      this.c.repo.claimEvents(r.id, trx),
      this.c.repo.program(r.programId, trx),
    ]);
    const actions = new Set<ClaimAction>();
    if (this.isOwner(ctx, r)) for (const a of OWNER_ACTIONS[r.status as ClaimStatus] ?? []) actions.add(a);
    if (this.canReview(ctx, r)) for (const a of REVIEW_ACTIONS[r.status as ClaimStatus] ?? []) actions.add(a);
    const evaluation = r.evaluation as Claim['evaluation'];
    return {
      ...this.summary(r),
      contactName: r.contactName,
      contactPhoneMasked: maskPhone(r.contactPhone),
      contactPhone: this.isOwner(ctx, r) ? r.contactPhone : null,
      statement: r.statement,
      answers: r.answers,
      evaluation: {
        asOf: evaluation.asOf ?? r.createdAt.slice(0, 10),
        conditions: evaluation.conditions,
        manualConditions: evaluation.manualConditions ?? [],
        amountExplanation: evaluation.amountExplanation ?? null,
      },
      facts: r.facts,
      attachments: r.attachments.flatMap((a) => {
        const info = filesInOrder([a.fileId], files)[0];
        return info ? [{ ...info, material: a.material }] : [];
      }),
      reviewNote: r.reviewNote,
      events: events.map((e) => ({
        at: e.at,
        action: e.action as ClaimAction,
        fromStatus: (e.fromStatus as ClaimStatus | null) ?? null,
        toStatus: e.toStatus as ClaimStatus,
        actorName: e.actorName,
        note: e.note,
        amount: e.amount,
      })),
      budget: program ? budgetOf(program) : { total: null, used: 0, paid: 0, remaining: null },
      actions: [...actions] as Claim['actions'],
    };
  }

  // ——— evaluation shared by submit, confirm and resubmit ———

  /** Profile facts plus the facts answered on the form (only codes the catalogue knows). */
  private async factsFor(trx: DB, enterpriseId: string, answers: ClaimAnswers, catalogue: FactCatalogue) {
    const facts: EnterpriseFacts = { ...(await this.matching.factsOf(enterpriseId, catalogue, trx)) };
    const known = (list: readonly { code: string }[]) => new Set(list.map((e) => e.code));
    const pick = <T>(values: Record<string, T> | undefined, codes: Set<string>) => {
      const out: Record<string, T> = {};
      for (const [k, v] of Object.entries(values ?? {})) if (codes.has(k)) out[k] = v;
      return Object.keys(out).length ? out : undefined;
    };
    const cleaned: ClaimAnswers = {
      flags: pick(answers.flags, known(catalogue.flags)),
      measures: pick(answers.measures, known(catalogue.measures)),
      events: pick(answers.events, known(catalogue.events)),
      otherPayments: pick(answers.otherPayments, known(catalogue.otherPayments)),
    };
    for (const k of ['flags', 'measures', 'events', 'otherPayments'] as const) {
      if (cleaned[k]) (facts as Record<string, unknown>)[k] = { ...cleaned[k] };
      else delete cleaned[k];
    }
    return { facts, answers: cleaned };
  }

  private assess(program: ProgramRow, facts: EnterpriseFacts, catalogue: FactCatalogue) {
    const rules = program.rules as RuleSet;
    const rule = compileRule(rules, { catalogue });
    const asOf = this.c.today();
    const e = rule.evaluate(prepareFacts(facts, { asOf }));
    return {
      eligibility: e.status,
      estimate: e.amount,
      facts: factSnapshot(facts, ruleFactKeys(rule, asOf)),
      evaluation: {
        asOf,
        conditions: e.conditions,
        manualConditions: e.manualConditions,
        amountExplanation: e.amountExplanation,
      },
    };
  }

  /** Attachments must be claim files of this enterprise; every required material must be there. */
  /**
   * What every (re)submission of an existing claim writes: its attachments checked (免申即享 asks for no
   * material, but whatever the enterprise adds must still be its own files) and the claim assessed afresh
   * against the program's current rules.
   */
  private async reassess(
    trx: DB,
    claim: ClaimRow,
    program: ProgramRow,
    attachments: AttachmentInput,
    answersIn: ClaimAnswers,
  ) {
    const materials =
      claim.programMode === 'no_application'
        ? { ...program, materials: program.materials.map((m) => ({ ...m, required: false })) }
        : program;
    await this.checkAttachments(trx, claim.enterpriseId, materials, attachments);
    const catalogue = await this.c.catalogue(trx);
    const { facts, answers } = await this.factsFor(trx, claim.enterpriseId, answersIn, catalogue);
    const a = this.assess(program, facts, catalogue);
    const now = this.c.nowIso();
    return {
      fields: {
        status: 'submitted',
        rulesVersion: program.rulesVersion,
        eligibility: a.eligibility,
        estimate: a.estimate,
        facts: a.facts,
        evaluation: a.evaluation,
        answers,
        attachments,
        submittedAt: now,
        updatedAt: now,
      },
    };
  }

  private async checkAttachments(
    trx: DB,
    enterpriseId: string,
    program: ProgramRow,
    attachments: AttachmentInput,
  ): Promise<void> {
    const rows = await this.c.files.rows(
      attachments.map((a) => a.fileId),
      trx,
    );
    const names = new Set([...program.materials.map((m) => m.name), OTHER_MATERIAL]);
    const problems = attachments.flatMap((a, i): FieldError[] => {
      const r = rows.get(a.fileId);
      if (r?.purpose !== 'claim' || r.enterpriseId !== enterpriseId)
        return [
          {
            field: `attachments.${i}.fileId`,
            code: 'UNKNOWN_FILE',
            message: '附件不存在或无权使用，请重新上传',
          },
        ];
      if (!names.has(a.material))
        return [
          {
            field: `attachments.${i}.material`,
            code: 'VALIDATION_FAILED',
            message: `“${a.material}”不是该事项的申报材料，应为：${[...names].join('、')}`,
          },
        ];
      return [];
    });
    if (problems.length) throw fieldErrors(problems);
    const missing = program.materials.filter(
      (m) => m.required && !attachments.some((a) => a.material === m.name),
    );
    if (missing.length) {
      throw new AppError(
        'MISSING_MATERIALS',
        `缺少必须提交的材料：${missing.map((m) => m.name).join('、')}`,
        {
          fields: missing.map((m) => ({
            field: 'attachments',
            code: 'MISSING_MATERIALS',
            message: `请上传“${m.name}”`,
          })),
        },
      );
    }
  }

  // ——— the enterprise's side ———

  async draft(ctx: RequestContext, programId: string): Promise<ClaimDraft> {
    const enterpriseId = this.enterpriseOf(ctx);
    const program = await this.program(programId);
    const ent = (await this.c.repo.enterprise(enterpriseId))!;
    const catalogue = await this.c.catalogue();
    const facts = await this.matching.factsOf(enterpriseId, catalogue);
    const today = this.c.today();
    const rules = program.rules as RuleSet;
    const rule = compileRule(rules, { catalogue });
    const index = indexCatalogue(catalogue);
    const keys = ruleFactKeys(rule, today);
    const snapshot = factSnapshot(facts, keys);
    const r = this.matching.evaluate([program], facts, catalogue, 20);
    const year = claimYearOf(rules, today);
    const existing = await this.c.repo.liveClaim(this.c.db, programId, enterpriseId, year);
    const windowState = windowStateOf(program.windowStart, program.windowEnd, today);
    const blockedReason =
      program.status !== 'published'
        ? '该事项已撤回，不再受理申请'
        : windowState === 'upcoming'
          ? `申报将于 ${program.windowStart} 开始`
          : windowState === 'closed'
            ? `申报已于 ${program.windowEnd} 截止`
            : existing
              ? existing.status === 'candidate'
                ? '贵企业已列入免申即享名单，请在申请记录中确认申领'
                : `${year}年度已申请过该事项`
              : null;
    return {
      program: r.items[0]!.program,
      enterprise: { id: ent.id, name: ent.name, uscc: ent.uscc },
      year,
      windowState,
      canApply: blockedReason === null,
      blockedReason,
      existingClaimId: existing?.id ?? null,
      prefilled: keys
        .filter((k) => snapshot[k] !== null)
        .map((fact) => ({ fact, name: describeFact(fact, index).name, value: snapshot[fact] })),
      questions: r.questions,
      materials: program.materials,
      evaluation: r.items[0]!,
      contactName: ctx.principal?.displayName ?? null,
    };
  }

  async submit(
    ctx: RequestContext,
    programId: string,
    input: z.output<typeof claimInputSchema>,
  ): Promise<Claim> {
    const enterpriseId = this.enterpriseOf(ctx);
    try {
      return await this.c.db.transaction().execute(async (trx) => {
        const program = await this.program(programId, trx);
        if (program.status !== 'published')
          throw new AppError('INVALID_TRANSITION', '该事项已撤回，不再受理申请');
        if (program.docStatus !== 'published')
          throw new AppError('INVALID_TRANSITION', '该事项所依据的政策文件已失效或废止，不再受理申请');
        const today = this.c.today();
        const windowState = windowStateOf(program.windowStart, program.windowEnd, today);
        if (windowState === 'upcoming' || windowState === 'closed') throw windowClosed(program);
        const rules = program.rules as RuleSet;
        const year = claimYearOf(rules, today);
        if (await this.c.repo.liveClaim(trx, programId, enterpriseId, year)) throw claimExists(year);
        await this.checkAttachments(trx, enterpriseId, program, input.attachments);
        const catalogue = await this.c.catalogue(trx);
        const { facts, answers } = await this.factsFor(trx, enterpriseId, input.answers, catalogue);
        const a = this.assess(program, facts, catalogue);
        const now = this.c.nowIso();
        const row: PolicyClaimTable = {
          id: this.c.id(),
          programId,
          enterpriseId,
          year,
          status: 'submitted',
          rulesVersion: program.rulesVersion,
          eligibility: a.eligibility,
          estimate: a.estimate,
          facts: a.facts,
          answers,
          evaluation: a.evaluation,
          attachments: input.attachments,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          statement: input.statement,
          requestedAmount: input.requestedAmount,
          approvedAmount: null,
          paidAmount: null,
          paidOn: null,
          reviewNote: null,
          revision: 1,
          createdBy: ctx.principal!.userId,
          submittedAt: now,
          decidedAt: null,
          decidedBy: null,
          createdAt: now,
          updatedAt: now,
        };
        await this.c.repo.insertClaims(trx, [row]);
        await this.event(trx, ctx, row.id, 1, 'submit', null, 'submitted', input.statement, null);
        await this.afterStep(trx, ctx, row.id, 'submit', { eligibility: a.eligibility, year });
        return this.present(ctx, (await this.c.repo.claim(row.id, trx))!, trx);
      });
    } catch (err) {
      // Two submissions at once: the partial unique index lets one through.
      if (isUniqueViolation(err)) throw claimExists();
      throw err;
    }
  }

  /** 意愿确认: a 免申即享 candidate confirms it wants the benefit; the claim goes to review. */
  async confirm(ctx: RequestContext, id: string, input: z.output<typeof claimConfirmSchema>): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.readable(ctx, id, trx);
      if (!this.isOwner(ctx, claim)) throw new AppError('FORBIDDEN', '只有本企业的用户可以确认申领');
      this.expect(claim, input.revision, ['candidate'], '只有待确认的名单可以确认申领');
      const program = await this.program(claim.programId, trx);
      if (program.status !== 'published') throw new AppError('INVALID_TRANSITION', '该事项已撤回');
      const state = windowStateOf(program.windowStart, program.windowEnd, this.c.today());
      if (state === 'upcoming' || state === 'closed') throw windowClosed(program);
      const a = await this.reassess(trx, claim, program, input.attachments, input.answers);
      await this.move(trx, claim, input.revision, ['candidate'], {
        ...a.fields,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        statement: input.statement,
        createdBy: ctx.principal!.userId,
      });
      await this.event(
        trx,
        ctx,
        id,
        input.revision + 1,
        'confirm',
        'candidate',
        'submitted',
        input.statement,
        null,
      );
      await this.afterStep(trx, ctx, id, 'confirm', { eligibility: a.fields.eligibility });
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  async resubmit(
    ctx: RequestContext,
    id: string,
    input: z.output<typeof claimResubmitSchema>,
  ): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.readable(ctx, id, trx);
      if (!this.isOwner(ctx, claim)) throw new AppError('FORBIDDEN', '只有本企业的用户可以补正');
      this.expect(claim, input.revision, ['returned'], '只有被退回补正的申请可以重新提交');
      const program = await this.program(claim.programId, trx);
      const a = await this.reassess(trx, claim, program, input.attachments, input.answers);
      await this.move(trx, claim, input.revision, ['returned'], {
        ...a.fields,
        statement: input.statement ?? claim.statement,
      });
      await this.event(
        trx,
        ctx,
        id,
        input.revision + 1,
        'resubmit',
        'returned',
        'submitted',
        input.statement,
        null,
      );
      await this.afterStep(trx, ctx, id, 'resubmit', {});
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  async withdraw(
    ctx: RequestContext,
    id: string,
    input: z.output<typeof claimWithdrawSchema>,
  ): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.readable(ctx, id, trx);
      if (!this.isOwner(ctx, claim)) throw new AppError('FORBIDDEN', '只有本企业的用户可以撤回申请');
      const from = ['candidate', 'submitted', 'returned'];
      this.expect(claim, input.revision, from, '审核已有结论的申请不能撤回');
      await this.move(trx, claim, input.revision, from, { status: 'withdrawn', updatedAt: this.c.nowIso() });
      await this.event(
        trx,
        ctx,
        id,
        input.revision + 1,
        'withdraw',
        claim.status,
        'withdrawn',
        input.reason,
        null,
      );
      await this.afterStep(trx, ctx, id, 'withdraw', { reason: input.reason }, false);
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  // ——— the department's side ———

  private async forReview(ctx: RequestContext, id: string, trx: DB): Promise<ClaimRow> {
    const claim = await this.readable(ctx, id, trx);
    if (!this.canReview(ctx, claim))
      throw new AppError('FORBIDDEN', '只有该事项审核部门的承办人或政策编辑可以审核');
    return claim;
  }

  async approve(ctx: RequestContext, id: string, input: z.output<typeof claimApproveSchema>): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.forReview(ctx, id, trx);
      this.expect(claim, input.revision, ['submitted'], '只有审核中的申请可以审核');
      const now = this.c.nowIso();
      await this.move(trx, claim, input.revision, ['submitted'], {
        status: 'approved',
        approvedAmount: input.amount,
        reviewNote: input.note,
        decidedAt: now,
        decidedBy: ctx.principal!.userId,
        updatedAt: now,
      });
      // After the claim moved (so a lost race answers 409 on the claim first), inside the same transaction.
      if (!(await this.c.repo.moveBudget(trx, claim.programId, input.amount))) {
        const program = (await this.c.repo.program(claim.programId, trx))!;
        const remaining = budgetOf(program).remaining ?? 0;
        throw new AppError(
          'BUDGET_EXCEEDED',
          `核定金额 ${formatYuan(input.amount)} 超出剩余预算 ${formatYuan(remaining)}`,
          {
            fields: [
              { field: 'amount', code: 'BUDGET_EXCEEDED', message: `剩余预算 ${formatYuan(remaining)}` },
            ],
            remaining,
          },
        );
      }
      await this.event(
        trx,
        ctx,
        id,
        input.revision + 1,
        'approve',
        'submitted',
        'approved',
        input.note,
        input.amount,
      );
      await this.afterStep(trx, ctx, id, 'approve', { amount: input.amount });
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  async returnForMaterial(
    ctx: RequestContext,
    id: string,
    input: z.output<typeof claimReturnSchema>,
  ): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.forReview(ctx, id, trx);
      this.expect(claim, input.revision, ['submitted'], '只有审核中的申请可以退回补正');
      const now = this.c.nowIso();
      await this.move(trx, claim, input.revision, ['submitted'], {
        status: 'returned',
        reviewNote: input.note,
        updatedAt: now,
      });
      await this.event(trx, ctx, id, input.revision + 1, 'return', 'submitted', 'returned', input.note, null);
      await this.afterStep(trx, ctx, id, 'return', { note: input.note });
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  async reject(ctx: RequestContext, id: string, input: z.output<typeof claimRejectSchema>): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.forReview(ctx, id, trx);
      this.expect(claim, input.revision, ['submitted'], '只有审核中的申请可以作出不通过决定');
      const now = this.c.nowIso();
      await this.move(trx, claim, input.revision, ['submitted'], {
        status: 'rejected',
        reviewNote: input.reason,
        decidedAt: now,
        decidedBy: ctx.principal!.userId,
        updatedAt: now,
      });
      await this.event(
        trx,
        ctx,
        id,
        input.revision + 1,
        'reject',
        'submitted',
        'rejected',
        input.reason,
        null,
      );
      await this.afterStep(trx, ctx, id, 'reject', { reason: input.reason });
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  async pay(ctx: RequestContext, id: string, input: z.output<typeof claimPaySchema>): Promise<Claim> {
    return this.c.db.transaction().execute(async (trx) => {
      const claim = await this.forReview(ctx, id, trx);
      this.expect(claim, input.revision, ['approved'], '只有审核通过的申请可以登记拨付');
      const approved = claim.approvedAmount ?? 0;
      if (input.amount > approved)
        throw fieldError('amount', 'VALIDATION_FAILED', `拨付金额不能超过核定金额 ${formatYuan(approved)}`);
      if (input.paidOn > this.c.today()) throw fieldError('paidOn', 'DATE_IN_FUTURE', '拨付日期不能晚于今天');
      const now = this.c.nowIso();
      await this.move(trx, claim, input.revision, ['approved'], {
        status: 'paid',
        paidAmount: input.amount,
        paidOn: input.paidOn,
        updatedAt: now,
      });
      // Paying less than approved releases the difference back to the budget.
      await this.c.repo.moveBudget(trx, claim.programId, input.amount - approved, input.amount);
      await this.event(trx, ctx, id, input.revision + 1, 'pay', 'approved', 'paid', input.note, input.amount);
      await this.afterStep(trx, ctx, id, 'pay', { amount: input.amount, paidOn: input.paidOn });
      return this.present(ctx, (await this.c.repo.claim(id, trx))!, trx);
    });
  }

  // ——— steps ———

  /** The state and revision a step starts from; 409 with the reason when they are not what the caller saw. */
  private expect(claim: ClaimRow, revision: number, from: readonly string[], message: string): void {
    if (claim.revision !== revision) throw new AppError('STALE_VERSION', '该申请已被他人处理，请刷新后查看');
    if (!from.includes(claim.status)) throw new AppError('INVALID_TRANSITION', message);
  }

  private async move(
    trx: DB,
    claim: ClaimRow,
    revision: number,
    from: readonly string[],
    set: Partial<Omit<PolicyClaimTable, 'id' | 'revision'>>,
  ): Promise<void> {
    if (!(await this.c.repo.transitionClaim(trx, claim.id, { revision, from }, set)))
      throw new AppError('STALE_VERSION', '该申请已被他人处理，请刷新后查看');
  }

  private async event(
    trx: DB,
    ctx: RequestContext,
    claimId: string,
    revision: number,
    action: ClaimAction,
    fromStatus: string | null,
    toStatus: ClaimStatus,
    note: string | null,
    amount: number | null,
  ): Promise<void> {
    const row: PolicyClaimEventTable = {
      id: this.c.id(),
      claimId,
      revision,
      at: this.c.nowIso(),
      actorId: ctx.principal?.userId ?? null,
      action,
      fromStatus,
      toStatus,
      note,
      amount,
    };
    await this.c.repo.insertClaimEvents(trx, [row]);
  }

  /** Audit every step; tell the enterprise (and, for new submissions, the reviewing department). */
  private async afterStep(
    trx: DB,
    ctx: RequestContext,
    id: string,
    action: ClaimAction,
    details: Record<string, unknown>,
    notify = true,
  ): Promise<void> {
    const claim = (await this.c.repo.claim(id, trx))!;
    await this.c.p.audit.write(trx, ctx, {
      action: `policy_claim.${action}`,
      objectType: 'policy_claim',
      objectId: id,
      details: {
        programId: claim.programId,
        enterpriseId: claim.enterpriseId,
        status: claim.status,
        ...details,
      },
    });
    if (!notify) return;
    const t = claim.programTitle;
    const messages: Partial<Record<ClaimAction, { kind: NotificationKind; title: string; body: string }>> = {
      submit: {
        kind: 'claim_submitted',
        title: `已收到“${t}”兑现申请`,
        body: `申请已提交${claim.departmentName ? `至${claim.departmentName}` : ''}审核，可在申请记录中查看进度。`,
      },
      confirm: {
        kind: 'claim_submitted',
        title: `已确认申领“${t}”`,
        body: `意愿确认已提交${claim.departmentName ? `至${claim.departmentName}` : ''}审核。`,
      },
      resubmit: { kind: 'claim_submitted', title: `“${t}”补正材料已提交`, body: '申请已重新进入审核。' },
      return: {
        kind: 'claim_returned',
        title: `“${t}”申请需补正材料`,
        body: `退回原因：${claim.reviewNote ?? ''}`,
      },
      approve: {
        kind: 'claim_approved',
        title: `“${t}”申请审核通过`,
        body: `核定金额 ${formatYuan(claim.approvedAmount ?? 0)}，资金拨付后将另行通知。`,
      },
      reject: { kind: 'claim_rejected', title: `“${t}”申请未通过`, body: `理由：${claim.reviewNote ?? ''}` },
      pay: {
        kind: 'claim_paid',
        title: `“${t}”资金已拨付`,
        body: `${claim.paidOn} 拨付 ${formatYuan(claim.paidAmount ?? 0)}，请注意查收。`,
      },
    };
    const m = messages[action];
    if (!m) return;
    await this.c.p.notifications.notify(trx, {
      enterpriseId: claim.enterpriseId,
      ...m,
      link: `/policies/claims/${id}`,
    });
    if (action === 'submit' || action === 'confirm' || action === 'resubmit') {
      const reviewers = await trx
        .selectFrom('users as u')
        .innerJoin('userRoles as r', 'r.userId', 'u.id')
        .select('u.id')
        .where('u.departmentId', '=', claim.programDepartmentId)
        .where('r.role', '=', 'handler')
        .where('u.status', '=', 'active')
        .execute();
      if (reviewers.length) {
        const estimate = claim.estimate ? `，测算金额 ${formatAmountEstimate(claim.estimate)}` : '';
        await this.c.p.notifications.notify(trx, {
          userIds: reviewers.map((r) => r.id),
          kind: 'claim_submitted',
          title: `待审核：${claim.enterpriseName}“${t}”`,
          body: `${claim.enterpriseName}提交了“${t}”兑现申请${estimate}。`,
          link: `/workbench/policies/claims/${id}`,
        });
      }
    }
  }

  // ——— public notice list (公示) ———

  async notices(q: z.output<typeof noticeListQuerySchema>) {
    const { total, totalAmount, rows } = await this.c.repo.notices(q);
    return {
      items: rows.map((r) => ({
        claimId: r.id,
        enterpriseName: r.enterpriseName,
        program: { id: r.programId, title: r.programTitle },
        department: r.departmentName,
        amount: Number(r.paidAmount ?? 0),
        paidOn: r.paidOn ?? '',
        year: r.year,
      })),
      total,
      totalAmount,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function windowClosed(p: ProgramRow): AppError {
  const span =
    p.windowStart || p.windowEnd ? `（申报期 ${p.windowStart ?? '不限'} 至 ${p.windowEnd ?? '不限'}）` : '';
  return new AppError('CLAIM_WINDOW_CLOSED', `不在申报期内${span}`);
}

function claimExists(year?: number): AppError {
  return new AppError(
    'CLAIM_EXISTS',
    year ? `${year}年度已申请过该事项，不能重复申请` : '已申请过该事项，不能重复申请',
  );
}
