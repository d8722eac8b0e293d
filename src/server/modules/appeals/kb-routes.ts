import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';

/** Routes of the knowledge base (知识库). */
export const appealKbRoutes: FastifyPluginAsync<{ platform: Platform }> = async (_app, _opts) => {};
