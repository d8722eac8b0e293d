import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { appealAssistRoutes } from './assist-routes';
import { appealKbRoutes } from './kb-routes';
import { appealStatsRoutes } from './stats-routes';

/**
 * Appeals (SPEC §2.4, 诉求受理): intake, dispatch, the working-day clock, supervision, rating, reopen, merge,
 * the knowledge base and the statistics. See README.md in this folder.
 */
export const appealsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  // Static paths (/appeals/similar, /appeals/stats …) before the core's /appeals/:id.
  await app.register(appealAssistRoutes, { platform: opts.platform });
  await app.register(appealKbRoutes, { platform: opts.platform });
  await app.register(appealStatsRoutes, { platform: opts.platform });
};
