import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { accountsRoutes } from './routes';

/** Accounts and access (SPEC §2.1): registration, login, sessions, staff users, departments, the audit log. */
export const accountsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(accountsRoutes, { platform: opts.platform });
};
export { AccountsService } from './service';
