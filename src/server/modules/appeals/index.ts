import { hostname } from 'node:os';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { appealAssistRoutes } from './assist-routes';
import { AppealCatalogue } from './catalogue';
import { appealCatalogueRoutes } from './catalogue-routes';
import { createAppealJobs } from './jobs';
import { appealKbRoutes } from './kb-routes';
import { appealReveal } from './reveal';
import { appealCoreRoutes } from './routes';
import { AppealService } from './service';
import { appealStatsRoutes } from './stats-routes';

/** The appeals core's services, built once per app. */
export interface AppealServices {
  platform: Platform;
  catalogue: AppealCatalogue;
  appeals: AppealService;
}

const shared = new WeakMap<Platform, AppealServices>();

/** The services of this platform (one per platform object, so the catalogue cache is shared by every caller). */
export function appealServices(platform: Platform): AppealServices {
  let s = shared.get(platform);
  if (!s) {
    const catalogue = new AppealCatalogue(platform);
    s = { platform, catalogue, appeals: new AppealService(platform, catalogue) };
    shared.set(platform, s);
  }
  return s;
}

/**
 * Appeals (SPEC §2.4, 诉求受理): intake, dispatch, the working-day clock, supervision, rating, reopen, merge,
 * the knowledge base and the statistics. See README.md in this folder.
 */
export const appealsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  // Static paths (/appeals/similar, /appeals/stats …) before the core's /appeals/:id.
  await app.register(appealAssistRoutes, { platform: opts.platform });
  await app.register(appealKbRoutes, { platform: opts.platform });
  await app.register(appealStatsRoutes, { platform: opts.platform });
  const services = appealServices(opts.platform);
  await app.register(appealCoreRoutes, { services });
  await app.register(appealCatalogueRoutes, { services });
  opts.platform.privacy.register(appealReveal);
  if (opts.platform.config.jobs.enabled) {
    const jobs = createAppealJobs(opts.platform, {
      holder: `${hostname()}:${process.pid}`,
      services,
      onError: (err) => app.log.error({ err }, 'appeals job tick failed'),
    });
    app.addHook('onReady', async () => jobs.start());
    app.addHook('onClose', async () => jobs.stop());
  }
};

export { AppealCatalogue, type TopicEntry } from './catalogue';
export { type AppealJobs, createAppealJobs, type TickReport } from './jobs';
export { AppealService } from './service';
export { appealStatistics, type StatsDeps } from './statistics';
