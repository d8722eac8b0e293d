import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';

/** Routes of statistics and their .xlsx export. */
export const appealStatsRoutes: FastifyPluginAsync<{ platform: Platform }> = async (_app, _opts) => {};
