import type { RuleSet } from '../../../shared/policy-rules';
import {
  DEFAULT_FACT_CATALOGUE,
  type FactCatalogue,
  POLICY_QUALIFICATION_KINDS,
} from '../../../shared/policy-rules';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { shanghaiToday } from '../../platform/calendar/workdays';
import { hasRole, type RequestContext } from '../../platform/context';
import { AppError, fieldErrors } from '../../platform/errors';
import { FileStore } from '../../platform/files';
import { newId } from '../../platform/ids';
import type { SearchIndex } from '../../platform/text/search-index';
import { PoliciesRepository } from './repository';
import { ruleFieldErrors, validateRuleSet } from './rules';

/**
 * What the policies services share: the platform, the repository, attachment storage, the search index, and the
 * few decisions every service asks (what day it is, who is an editor, which facts rules may name).
 */
export class PolicyContext {
  readonly db: DB;
  readonly repo: PoliciesRepository;
  readonly files: FileStore;

  readonly search: SearchIndex;

  constructor(readonly p: Platform) {
    this.search = p.search;
    this.db = p.database.db;
    this.repo = new PoliciesRepository(this.db, p.database.dialect);
    this.files = new FileStore(this.db, p.config.dataDir, p.clock);
  }

  now(): Date {
    return this.p.clock.now();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** The evaluation day of rules and windows: the Asia/Shanghai calendar date of the platform clock. */
  today(): string {
    return shanghaiToday(this.now());
  }

  id(): string {
    return newId(this.now().getTime());
  }

  isEditor(ctx: RequestContext): boolean {
    return hasRole(ctx.principal, 'policy_editor');
  }

  /**
   * The codes rules may name: the engine's defaults, the qualification kinds admins added, and the district's
   * streets (so a rule cannot name a street that does not exist).
   */
  async catalogue(trx: DB = this.db): Promise<FactCatalogue> {
    const [kinds, streets] = await Promise.all([this.repo.qualificationKinds(trx), this.repo.streets(trx)]);
    const qualifications = [...POLICY_QUALIFICATION_KINDS];
    for (const k of kinds) if (!qualifications.some((q) => q.code === k.code)) qualifications.push(k);
    return {
      ...DEFAULT_FACT_CATALOGUE,
      qualifications: qualifications.map((q) => ({
        code: q.code,
        name: kinds.find((k) => k.code === q.code)?.name ?? q.name,
      })),
      streets,
    };
  }

  /** The rule set of a request body, or 400 INVALID_RULES naming every offending node by its path. */
  validateRules(input: unknown, catalogue: FactCatalogue): RuleSet {
    const r = validateRuleSet(input, catalogue);
    if (r.ok) return r.rules;
    const fields = ruleFieldErrors(r.errors).map((f) => ({ ...f, code: 'INVALID_RULES' as const }));
    const err = fieldErrors(fields);
    throw new AppError('INVALID_RULES', fields.length === 1 ? fields[0]!.message : undefined, err.details);
  }
}
