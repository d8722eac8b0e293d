import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { claimRoutes } from './claim-routes';
import { claimReveal } from './reveal';
import { policiesRoutes } from './routes';
import { createPolicyServices } from './services';

/**
 * Policies (SPEC §2.3, 政策服务): documents with versions, interpretations, benefit programs with versioned
 * eligibility rules, matching and the self-test, 政策找企业 with topic subscriptions, claims from application to
 * payment with the public notice list, search and the application calendar.
 */
export const policiesModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  const services = createPolicyServices(opts.platform);
  await app.register(policiesRoutes, { services });
  await app.register(claimRoutes, { services });
  opts.platform.privacy.register(claimReveal(services));
};

export { ALL_FACTS, factSnapshot, loadEnterpriseFacts, ruleFactKeys } from './enterprise-facts';
export { type IndexerDeps, PolicyIndexer, SCOPES as POLICY_SEARCH_SCOPES } from './indexer';
export { amountTextOf } from './present';
export { claimYearOf } from './programs';
export type { DocumentRow, InterpretationRow, ProgramRow } from './repository';
export { richTextToPlain, sanitizeRichText } from './rich-text';
export {
  compileRule,
  indexCatalogue,
  PROGRAM_FIXTURES,
  type ProgramFixture,
  prepareFacts,
  validateRuleSet,
} from './rules';
export { createPolicyServices, type PolicyServices } from './services';
