import { hostname } from 'node:os';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { claimRoutes } from './claim-routes';
import { createRepushJob } from './repush-job';
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
  const { platform } = opts;
  if (platform.config.jobs.enabled) {
    const repush = createRepushJob({
      context: services.context,
      pusher: services.pusher,
      holder: `${hostname()}:${process.pid}`,
      intervalMs: platform.config.jobs.intervalSeconds * 1000,
      log: app.log,
      onError: (err) => app.log.error({ err }, 'push to changed enterprises failed'),
    });
    app.addHook('onReady', async () => repush.start());
    app.addHook('onClose', async () => repush.stop());
  }
};

export { ALL_FACTS, factSnapshot, loadEnterpriseFacts, ruleFactKeys } from './enterprise-facts';
export { type IndexerDeps, PolicyIndexer, SCOPES as POLICY_SEARCH_SCOPES } from './indexer';
export { amountTextOf } from './present';
export { claimYearOf } from './programs';
export type { DocumentRow, InterpretationRow, ProgramRow } from './repository';
export { createRepushJob, REPUSH_JOB_LEASE, type RepushReport } from './repush-job';
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
