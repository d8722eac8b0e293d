import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { buildingEditorRoutes } from './editor-routes';
import { buildingImportRoutes } from './import-routes';
import { viewingRequestReveal } from './reveal';
import { buildingPublicRoutes } from './routes';
import { BuildingService } from './service';
import { ViewingService } from './viewing';

/** The services of the module, built once per app. */
export interface BuildingServices {
  buildings: BuildingService;
  viewing: ViewingService;
}

export function createBuildingServices(platform: Platform): BuildingServices {
  const buildings = new BuildingService(platform);
  return { buildings, viewing: new ViewingService(buildings) };
}

/**
 * Buildings (SPEC §2.5, 楼宇资源): buildings, spaces, occupancy, projects, search with normalised rent, hot
 * buildings, viewing requests, spreadsheet import and export. See README.md in this folder.
 */
export const buildingsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  // The import routes first: their static paths (/buildings/import, /buildings/export) before /buildings/:id.
  await app.register(buildingImportRoutes, { platform: opts.platform });
  const services = createBuildingServices(opts.platform);
  await app.register(buildingEditorRoutes, { services });
  await app.register(buildingPublicRoutes, { services });
  opts.platform.privacy.register(viewingRequestReveal);
};

export { BUILDING_SCOPE, indexBuildings, refreshBuildingDerived } from './derived';
export { buildingSnapshot } from './snapshot';
