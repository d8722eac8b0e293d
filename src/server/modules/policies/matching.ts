import type { z } from 'zod';
import type {
  Matches,
  matchesQuerySchema,
  ProgramMatch,
  SelfTest,
  selfTestInputSchema,
} from '../../../shared/policies';
import {
  type EnterpriseFacts,
  type FactCatalogue,
  formatAmountEstimate,
  type RuleSet,
} from '../../../shared/policy-rules';
import type { DB } from '../../db/database';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { permissionsFor } from '../enterprises';
import type { PolicyContext } from './context';
import { ALL_FACTS, loadEnterpriseFacts } from './enterprise-facts';
import { programSummary } from './present';
import type { ProgramRow } from './repository';
import {
  type CompiledProgram,
  compareMatches,
  compileRule,
  indexCatalogue,
  prepareFacts,
  questionsFor,
} from './rules';

/**
 * 政策匹配 and 政策自测: every published program evaluated for one enterprise's profile, or for the answers a visitor
 * gives, with reasons, gaps, amounts and the missing facts that would settle the most programs. The same compiled
 * rules serve both, so a visitor who answers what the profile holds gets the enterprise's result.
 */
export class MatchingService {
  constructor(private readonly c: PolicyContext) {}

  /** The enterprise the caller asks about: his own, or (staff) one he may see — else 404. */
  async enterpriseFor(ctx: RequestContext, requested: string | undefined) {
    const p = ctx.principal!;
    const id = p.kind === 'enterprise' ? p.enterpriseId : requested;
    if (!id) {
      throw p.kind === 'enterprise'
        ? new AppError('NOT_FOUND', '您尚未绑定企业，或绑定申请尚未确认')
        : new AppError('VALIDATION_FAILED', '请指定企业（enterpriseId）', {
            fields: [{ field: 'enterpriseId', code: 'VALIDATION_FAILED', message: '请指定企业' }],
          });
    }
    if (p.kind === 'enterprise' && requested && requested !== id) throw notFound('企业');
    const ent = await this.c.repo.enterprise(id);
    if (!ent || !permissionsFor(p, ent).read) throw notFound('企业');
    return ent;
  }

  /** Facts of one enterprise's profile (every fact the profile holds). */
  async factsOf(
    enterpriseId: string,
    catalogue: FactCatalogue,
    trx: DB = this.c.db,
  ): Promise<EnterpriseFacts> {
    const facts = await loadEnterpriseFacts(trx, ALL_FACTS, {
      asOf: this.c.today(),
      qualificationKinds: catalogue.qualifications.map((q) => q.code),
      enterpriseIds: [enterpriseId],
    });
    return facts.get(enterpriseId) ?? {};
  }

  async matches(ctx: RequestContext, q: z.output<typeof matchesQuerySchema>): Promise<Matches> {
    const ent = await this.enterpriseFor(ctx, q.enterpriseId);
    const catalogue = await this.c.catalogue();
    const facts = await this.factsOf(ent.id, catalogue);
    const programs = await this.c.repo.publishedPrograms();
    const r = this.evaluate(programs, facts, catalogue, 10);
    return {
      enterprise: { id: ent.id, name: ent.name },
      asOf: r.asOf,
      counts: r.counts,
      items: q.status ? r.items.filter((i) => i.status === q.status) : r.items,
      missingFacts: r.questions,
    };
  }

  async selfTest(input: z.output<typeof selfTestInputSchema>): Promise<SelfTest> {
    const catalogue = await this.c.catalogue();
    const programs = await this.c.repo.publishedPrograms(input.programIds);
    return this.evaluate(programs, input.answers, catalogue, input.questionLimit);
  }

  /** One program for one enterprise (the program page's "我是否符合"). */
  async forProgram(ctx: RequestContext, programId: string, enterpriseId?: string): Promise<ProgramMatch> {
    const ent = await this.enterpriseFor(ctx, enterpriseId);
    const programs = await this.c.repo.publishedPrograms([programId]);
    if (!programs.length) throw notFound('申报事项');
    const catalogue = await this.c.catalogue();
    const r = this.evaluate(programs, await this.factsOf(ent.id, catalogue), catalogue, 0);
    return r.items[0]!;
  }

  /** Evaluate programs against facts: ranked matches with reasons and gaps, and the next questions. */
  evaluate(
    programs: readonly ProgramRow[],
    facts: EnterpriseFacts,
    catalogue: FactCatalogue,
    questionLimit: number,
  ): SelfTest {
    const asOf = this.c.today();
    const index = indexCatalogue(catalogue);
    const ctx = { asOf };
    const prepared = prepareFacts(facts, ctx);
    const compiled: CompiledProgram[] = programs.map((p) => ({
      id: p.id,
      rule: compileRule(p.rules as RuleSet, { catalogue }),
    }));
    const evaluations = compiled.map((c) => c.rule.evaluate(prepared));
    const order = programs.map((_, i) => i);
    order.sort(
      (a, b) =>
        compareMatches(evaluations[a]!, evaluations[b]!) ||
        programs[a]!.title.localeCompare(programs[b]!.title, 'zh-CN'),
    );
    const items: ProgramMatch[] = order.map((i) => {
      const p = programs[i]!;
      const e = evaluations[i]!;
      return {
        program: programSummary(p, asOf, index),
        status: e.status,
        score: e.score,
        amount: e.amount,
        amountText: e.amount ? formatAmountEstimate(e.amount) : null,
        amountExplanation: e.amountExplanation,
        conditions: e.conditions,
        gaps: e.gaps,
        missingFacts: e.missingFacts,
        manualConditions: e.manualConditions,
        rewardYear: e.rewardYear,
      };
    });
    const counts = { eligible: 0, undetermined: 0, ineligible: 0 };
    for (const i of items) counts[i.status]++;
    const questions =
      questionLimit > 0 ? questionsFor(compiled, facts, ctx, { catalogue, limit: questionLimit }) : [];
    return { asOf, counts, items, questions };
  }
}
