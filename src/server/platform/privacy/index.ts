import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { privacyRoutes } from './routes';

/** Personal data shown in clear on request (SPEC §2.1): the reveal route over the readers the modules registered. */
export const privacyModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(privacyRoutes, { privacy: opts.platform.privacy });
};

export { PersonalDataService, REVEALS_PER_HOUR, type RevealedValue, type RevealSource } from './reveal';
