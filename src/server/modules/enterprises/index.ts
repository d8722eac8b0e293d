import { hostname } from 'node:os';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { memberReveal } from './reveal';
import { enterprisesRoutes } from './routes';
import { createSizeClassJob } from './size-job';
import { visitRoutes } from './visit-routes';

/** Enterprises (SPEC §2.2, 一企一档): reference data, bindings, profiles with provenance, size class, liaisons. */
export const enterprisesModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  // Only the platform: passing `opts` on would hand the prefix down a second time.
  await app.register(enterprisesRoutes, { platform: opts.platform });
  await app.register(visitRoutes, { platform: opts.platform });
  opts.platform.privacy.register(memberReveal);
  const { platform } = opts;
  if (platform.config.jobs.enabled) {
    const sizeJob = createSizeClassJob({
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      holder: `${hostname()}:${process.pid}`,
      intervalMs: platform.config.jobs.intervalSeconds * 1000,
      log: app.log,
      onError: (err) => app.log.error({ err }, 'size class recompute failed'),
    });
    app.addHook('onReady', async () => sizeJob.start());
    app.addHook('onClose', async () => sizeJob.stop());
  }
};

export { deriveSize, lastCompletedYear, permissionsFor } from './profile';
export { EnterprisesRepository, type ProvenanceWrite, readYearly } from './repository';
export { EnterprisesService, refreshSizeClass } from './service';
export { classifySize, SIZE_CLASS_LABELS } from './size-class';
export { createSizeClassJob, SIZE_JOB_LEASE, type SizeRecomputeReport } from './size-job';
