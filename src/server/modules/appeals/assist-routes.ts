import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';

/** Routes of similar appeals and routing suggestions. */
export const appealAssistRoutes: FastifyPluginAsync<{ platform: Platform }> = async (_app, _opts) => {};
