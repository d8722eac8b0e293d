import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { userReveal } from './reveal';
import { accountsRoutes } from './routes';

/** Accounts and access (SPEC §2.1): registration, login, sessions, staff users, departments, the audit log. */
export const accountsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(accountsRoutes, { platform: opts.platform });
  opts.platform.privacy.register(userReveal);
};
export { AccountsService } from './service';
