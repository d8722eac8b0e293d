import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { buildingImportRoutes } from './import-routes';

/**
 * Buildings (SPEC §2.5, 楼宇资源): buildings, spaces, occupancy, projects, search with normalised rent, hot
 * buildings, viewing requests, spreadsheet import and export. See README.md in this folder.
 */
export const buildingsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(buildingImportRoutes, { platform: opts.platform });
};
