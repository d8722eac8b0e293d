import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import type {
  Program,
  ProgramSummary,
  PushSummary,
  programInputSchema,
  programListQuerySchema,
  programUpdateSchema,
  RulesPreview,
  RuleVersion,
} from '../../../shared/policies';
import { POLICY_TOPIC_CODES, type PolicyTopic } from '../../../shared/policies';
import type { FactCatalogue, RuleSet } from '../../../shared/policy-rules';
import type { DB } from '../../db/database';
import { fromJson, toJson } from '../../db/dialect';
import type { RequestContext } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import type { PolicyContext } from './context';
import { loadEnterpriseFacts, needsOf, ruleFactKeys } from './enterprise-facts';
import type { PolicyIndexer } from './indexer';
import { amountTextOf, conditionLabels, programSummary } from './present';
import type { PushService } from './push';
import type { ProgramRow } from './repository';
import { type CatalogueIndex, compileRule, describeFact, indexCatalogue, prepareFacts } from './rules';

type ProgramInput = z.output<typeof programInputSchema>;
type ProgramUpdate = z.output<typeof programUpdateSchema>;

/** The reward year a claim is for: the rule set's own, else the year before the evaluation year. */
export function claimYearOf(rules: RuleSet, today: string): number {
  return rules.rewardYear ?? Number(today.slice(0, 4)) - 1;
}

/** JSON with object keys sorted: PostgreSQL's jsonb hands keys back in its own order, so compare this form. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : value,
  );
}
const sameRules = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Benefit programs (申报/兑现事项): their eligibility rules are data, versioned with the program. While a program is
 * a draft its rules are edited in place; publishing brings version 1 into force; every later change of rules is
 * the next version, in force at once, and triggers 政策找企业 for it. Visitors see published programs; drafts are
 * the editors' (404 for everyone else).
 */
export class ProgramsService {
  constructor(
    private readonly c: PolicyContext,
    private readonly indexer: PolicyIndexer,
    private readonly pusher: PushService,
  ) {}

  private async visible(ctx: RequestContext, id: string, trx: DB = this.c.db): Promise<ProgramRow> {
    const p = await this.c.repo.program(id, trx);
    if (!p || ((p.status === 'draft' || p.docStatus === 'draft') && !this.c.isEditor(ctx)))
      throw notFound('申报事项');
    return p;
  }

  async index(trx?: DB): Promise<{ catalogue: FactCatalogue; index: CatalogueIndex }> {
    const catalogue = await this.c.catalogue(trx);
    return { catalogue, index: indexCatalogue(catalogue) };
  }

  async list(ctx: RequestContext, q: z.output<typeof programListQuerySchema>) {
    const editor = this.c.isEditor(ctx);
    const statuses = q.status
      ? editor || q.status !== 'draft'
        ? [q.status]
        : []
      : editor
        ? ['draft', 'published', 'withdrawn']
        : ['published', 'withdrawn'];
    if (!statuses.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const today = this.c.today();
    const { total, rows } = await this.c.repo.listPrograms({
      ...q,
      statuses,
      openOn: q.openNow ? today : undefined,
    });
    const { index } = await this.index();
    return {
      items: rows.map((p) => programSummary(p, today, index)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(ctx: RequestContext, id: string, trx: DB = this.c.db): Promise<Program> {
    const p = await this.visible(ctx, id, trx);
    return this.present(p, trx);
  }

  private async present(p: ProgramRow, trx: DB = this.c.db): Promise<Program> {
    const { index } = await this.index(trx);
    const rules = p.rules as RuleSet;
    return {
      ...programSummary(p, this.c.today(), index),
      beneficiaries: p.beneficiaries,
      materials: p.materials,
      rules,
      conditionLabels: conditionLabels(rules.conditions),
      claimCount: await this.c.repo.claimCount(p.id, trx),
    };
  }

  async summaryOf(p: ProgramRow): Promise<ProgramSummary> {
    return programSummary(p, this.c.today(), (await this.index()).index);
  }

  async ruleVersions(ctx: RequestContext, id: string): Promise<RuleVersion[]> {
    await this.visible(ctx, id);
    const rows = await this.c.repo.ruleVersions(id);
    const editor = this.c.isEditor(ctx);
    return rows
      .filter((r) => editor || r.publishedAt !== null)
      .map((r) => ({
        version: r.version,
        rules: r.rules as RuleSet,
        changeNote: r.changeNote,
        createdAt: r.createdAt,
        createdByName: r.createdByName,
        publishedAt: r.publishedAt,
      }));
  }

  // ——— writes ———

  private async checkRefs(trx: DB, input: ProgramInput): Promise<void> {
    if (!(await this.c.repo.department(input.departmentId, trx)))
      throw fieldError('departmentId', 'UNKNOWN_DEPARTMENT', '审核部门不存在');
    const doc = await this.c.repo.document(input.documentId, trx);
    if (!doc) throw fieldError('documentId', 'UNKNOWN_DOCUMENT', '所属政策文件不存在');
    if (doc.status === 'repealed' || doc.status === 'expired')
      throw fieldError('documentId', 'UNKNOWN_DOCUMENT', '所属政策文件已失效或已废止');
  }

  async create(ctx: RequestContext, input: ProgramInput): Promise<Program> {
    return this.c.db.transaction().execute(async (trx) => {
      const catalogue = await this.c.catalogue(trx);
      const rules = this.c.validateRules(input.rules, catalogue);
      await this.checkRefs(trx, input);
      const now = this.c.nowIso();
      const id = this.c.id();
      await this.c.repo.insertProgram(trx, {
        id,
        documentId: input.documentId,
        title: input.title,
        summary: input.summary,
        beneficiaries: input.beneficiaries,
        mode: input.mode,
        departmentId: input.departmentId,
        budget: input.budget,
        budgetUsed: 0,
        budgetPaid: 0,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        materials: toJson(input.materials),
        rules: toJson(rules),
        rulesVersion: 1,
        status: 'draft',
        revision: 1,
        publishedAt: null,
        createdBy: ctx.principal?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await this.c.repo.insertRuleVersion(trx, {
        programId: id,
        version: 1,
        rules,
        changeNote: null,
        createdBy: ctx.principal?.userId ?? null,
        createdAt: now,
        publishedAt: null,
      });
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_program.create',
        objectType: 'policy_program',
        objectId: id,
        details: { title: input.title, documentId: input.documentId, mode: input.mode },
      });
      return this.present((await this.c.repo.program(id, trx))!, trx);
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: ProgramUpdate,
  ): Promise<{ program: Program; push: PushSummary | null }> {
    return this.c.db.transaction().execute(async (trx) => {
      const p = await this.c.repo.program(id, trx);
      if (!p) throw notFound('申报事项');
      if (p.revision !== input.revision) throw new AppError('STALE_VERSION');
      if (p.status === 'withdrawn') throw new AppError('INVALID_TRANSITION', '已撤回的事项不能修改');
      const catalogue = await this.c.catalogue(trx);
      const rules = this.c.validateRules(input.rules, catalogue);
      await this.checkRefs(trx, input);
      if (p.status === 'published' && input.documentId !== p.documentId) {
        const doc = await this.c.repo.document(input.documentId, trx);
        if (doc?.status !== 'published')
          throw new AppError('DOCUMENT_NOT_PUBLISHED', '已发布的事项只能关联现行有效的政策文件');
      }
      const now = this.c.nowIso();
      const rulesChanged = !sameRules(p.rules, rules);
      const newVersion = rulesChanged && p.status === 'published' ? p.rulesVersion + 1 : p.rulesVersion;
      const fields = {
        documentId: input.documentId,
        title: input.title,
        summary: input.summary,
        beneficiaries: input.beneficiaries,
        mode: input.mode,
        departmentId: input.departmentId,
        budget: input.budget,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
      };
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => p[k] !== fields[k]);
      if (!sameRules(p.materials, input.materials)) changed.push('materials' as never);
      if (rulesChanged) changed.push('rules' as never);
      if (!changed.length) return { program: await this.present(p, trx), push: null };
      if (input.budget !== null && input.budget < p.budgetUsed)
        throw fieldError('budget', 'BUDGET_EXCEEDED', `预算不能低于已核定金额（${p.budgetUsed} 元）`);
      const ok = await this.c.repo.updateProgram(trx, id, input.revision, {
        ...fields,
        materials: toJson(input.materials),
        rules: toJson(rules),
        rulesVersion: newVersion,
        updatedAt: now,
      });
      if (!ok) throw new AppError('STALE_VERSION');
      if (rulesChanged) {
        if (newVersion !== p.rulesVersion) {
          await this.c.repo.insertRuleVersion(trx, {
            programId: id,
            version: newVersion,
            rules,
            changeNote: input.changeNote,
            createdBy: ctx.principal?.userId ?? null,
            createdAt: now,
            publishedAt: now,
          });
        } else {
          await this.c.repo.updateRuleVersion(trx, id, newVersion, {
            rules,
            changeNote: input.changeNote,
            createdBy: ctx.principal?.userId ?? null,
            createdAt: now,
          });
        }
      }
      const after = (await this.c.repo.program(id, trx))!;
      let push: PushSummary | null = null;
      if (after.status === 'published') {
        await this.indexer.program(trx, after, amountTextOf(rules, indexCatalogue(catalogue)));
        if (newVersion !== p.rulesVersion)
          push = await this.pusher.push(trx, after, rules, {
            catalogue,
            claimYear: claimYearOf(rules, this.c.today()),
          });
      }
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_program.update',
        objectType: 'policy_program',
        objectId: id,
        details: { changed, rulesVersion: newVersion, changeNote: input.changeNote, push },
      });
      return { program: await this.present(after, trx), push };
    });
  }

  /** draft → published: the rules version comes into force; 政策找企业 runs; 免申即享 lists its candidates. */
  async publish(
    ctx: RequestContext,
    id: string,
    revision: number,
  ): Promise<{ program: Program; push: PushSummary | null }> {
    return this.c.db.transaction().execute(async (trx) => {
      const p = await this.c.repo.program(id, trx);
      if (!p) throw notFound('申报事项');
      if (p.revision !== revision) throw new AppError('STALE_VERSION');
      if (p.status !== 'draft') throw new AppError('INVALID_TRANSITION', '只有草稿可以发布');
      if (p.docStatus !== 'published') throw new AppError('DOCUMENT_NOT_PUBLISHED', '请先发布所属的政策文件');
      const now = this.c.nowIso();
      if (
        !(await this.c.repo.updateProgram(trx, id, revision, {
          status: 'published',
          publishedAt: now,
          updatedAt: now,
        }))
      )
        throw new AppError('STALE_VERSION');
      await this.c.repo.updateRuleVersion(trx, id, p.rulesVersion, { publishedAt: now });
      const after = (await this.c.repo.program(id, trx))!;
      const catalogue = await this.c.catalogue(trx);
      const rules = after.rules as RuleSet;
      await this.indexer.program(trx, after, amountTextOf(rules, indexCatalogue(catalogue)));
      const push = await this.pusher.push(trx, after, rules, {
        catalogue,
        claimYear: claimYearOf(rules, this.c.today()),
      });
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_program.publish',
        objectType: 'policy_program',
        objectId: id,
        details: { title: p.title, rulesVersion: p.rulesVersion, push },
      });
      return { program: await this.present(after, trx), push };
    });
  }

  /** published → withdrawn: no new claims; claims already made continue. */
  async withdraw(ctx: RequestContext, id: string, revision: number): Promise<Program> {
    return this.c.db.transaction().execute(async (trx) => {
      const p = await this.c.repo.program(id, trx);
      if (!p) throw notFound('申报事项');
      if (p.revision !== revision) throw new AppError('STALE_VERSION');
      if (p.status !== 'published') throw new AppError('INVALID_TRANSITION', '只有已发布的事项可以撤回');
      const now = this.c.nowIso();
      if (!(await this.c.repo.updateProgram(trx, id, revision, { status: 'withdrawn', updatedAt: now })))
        throw new AppError('STALE_VERSION');
      const after = (await this.c.repo.program(id, trx))!;
      await this.indexer.program(trx, after, null);
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_program.withdraw',
        objectType: 'policy_program',
        objectId: id,
        details: { title: p.title },
      });
      return this.present(after, trx);
    });
  }

  // ——— rules: catalogue and live preview ———

  async catalogue() {
    const catalogue = await this.c.catalogue();
    return {
      qualifications: [...catalogue.qualifications],
      flags: [...catalogue.flags],
      measures: catalogue.measures.map((m) => ({ code: m.code, name: m.name, unit: m.unit })),
      events: [...catalogue.events],
      otherPayments: [...catalogue.otherPayments],
      streets: [...(catalogue.streets ?? [])],
    };
  }

  /** How many enterprises the rules would find eligible / undetermined / ineligible today. */
  async preview(rulesInput: unknown): Promise<RulesPreview> {
    const started = performance.now();
    const catalogue = await this.c.catalogue();
    const rules = this.c.validateRules(rulesInput, catalogue);
    const asOf = this.c.today();
    const rule = compileRule(rules, { catalogue });
    const facts = await loadEnterpriseFacts(this.c.db, needsOf(ruleFactKeys(rule, asOf)), {
      asOf,
      qualificationKinds: catalogue.qualifications.map((q) => q.code),
    });
    const counts = { eligible: 0, undetermined: 0, ineligible: 0 };
    const missing = new Map<string, number>();
    let eligibleAmountMin = 0;
    const ctx = { asOf };
    for (const f of facts.values()) {
      const m = rule.match(prepareFacts(f, ctx));
      counts[m.status]++;
      if (m.status === 'eligible' && m.amount) eligibleAmountMin += m.amount.min;
      if (m.status === 'undetermined')
        for (const k of m.missingFacts) missing.set(k, (missing.get(k) ?? 0) + 1);
    }
    const index = indexCatalogue(catalogue);
    return {
      asOf,
      total: facts.size,
      ...counts,
      topMissingFacts: [...missing]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 10)
        .map(([fact, enterprises]) => ({ fact, name: describeFact(fact, index).name, enterprises })),
      eligibleAmountMin: Math.round(eligibleAmountMin),
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  // ——— push records and subscriptions ———

  async pushRecords(id: string, page: number, pageSize: number) {
    if (!(await this.c.repo.program(id))) throw notFound('申报事项');
    const { total, rows } = await this.c.repo.pushRecords(id, page, pageSize);
    return {
      items: rows.map((r) => ({
        id: r.id,
        enterprise: { id: r.enterpriseId, name: r.enterpriseName },
        rulesVersion: r.rulesVersion,
        facts: fromJson<Record<string, unknown>>(r.facts, {}),
        amount: fromJson<{ min: number; max: number | null } | null>(r.amount, null),
        notified: r.notified === 1,
        createdAt: r.createdAt,
      })),
      total,
      page,
      pageSize,
    };
  }

  private enterpriseOf(ctx: RequestContext): string {
    const id = ctx.principal?.enterpriseId;
    if (!id) throw new AppError('NOT_FOUND', '您尚未绑定企业，或绑定申请尚未确认');
    return id;
  }

  async subscriptions(ctx: RequestContext) {
    const enterpriseId = this.enterpriseOf(ctx);
    return { enterpriseId, topics: await this.c.repo.subscriptions(enterpriseId) };
  }

  async setSubscriptions(ctx: RequestContext, topics: readonly string[]) {
    const enterpriseId = this.enterpriseOf(ctx);
    const wanted = topics.filter((t): t is PolicyTopic =>
      (POLICY_TOPIC_CODES as readonly string[]).includes(t),
    );
    return this.c.db.transaction().execute(async (trx) => {
      const before = await this.c.repo.subscriptions(enterpriseId, trx);
      await this.c.repo.setSubscriptions(trx, enterpriseId, wanted, this.c.nowIso());
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_subscription.update',
        objectType: 'enterprise',
        objectId: enterpriseId,
        details: { before, after: wanted },
      });
      return { enterpriseId, topics: [...wanted].sort() };
    });
  }
}
