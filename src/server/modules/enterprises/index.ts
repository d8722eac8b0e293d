import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { memberReveal } from './reveal';
import { enterprisesRoutes } from './routes';

/** Enterprises (SPEC §2.2, 一企一档): reference data, bindings, profiles with provenance, size class, liaisons. */
export const enterprisesModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  // Only the platform: passing `opts` on would hand the prefix down a second time.
  await app.register(enterprisesRoutes, { platform: opts.platform });
  opts.platform.privacy.register(memberReveal);
};

export { deriveSize, lastCompletedYear, permissionsFor } from './profile';
export { EnterprisesRepository, type ProvenanceWrite, readYearly } from './repository';
export { EnterprisesService, refreshSizeClass } from './service';
export { classifySize, SIZE_CLASS_LABELS } from './size-class';
