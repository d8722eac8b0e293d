import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';

/**
 * Appeals (SPEC §2.4, 诉求受理): intake, dispatch, the working-day clock, supervision, rating, reopen, merge,
 * the knowledge base and the statistics. See README.md in this folder.
 */
export const appealsModule: FastifyPluginAsync<{ platform: Platform }> = async (_app, _opts) => {};
