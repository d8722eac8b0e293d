import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { insightsRoutes } from './routes';
import { InsightsService } from './service';

/**
 * Insights (SPEC §2.8, 数据赋能): the public statistics page, the leader's dashboard and their .xlsx tables. Reads
 * other modules' tables (read-only) and the appeal statistics service. See README.md in this folder.
 */
export const insightsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(insightsRoutes, { service: new InsightsService(opts.platform) });
};

export { DASHBOARD_ROLES } from './routes';
export { InsightsService } from './service';
