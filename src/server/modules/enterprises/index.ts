import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';

/** Enterprises (SPEC §2.2, 一企一档): placeholder until the module lands in this same change. */
export const enterprisesModule: FastifyPluginAsync<{ platform: Platform }> = async () => {};
