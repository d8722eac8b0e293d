import type { z } from 'zod';
import type {
  buildingMapSchema,
  hotBuildingsSchema,
  occupantSchema,
  photoSchema,
  projectSchema,
  viewingRequestSchema,
} from '../../../shared/buildings-api';

/**
 * The API's shapes for the pages, inferred from the zod schemas of src/shared/buildings-api.ts. Type-only imports:
 * the browser bundles carry none of zod.
 */
export type {
  BuildingCard,
  BuildingDetail,
  BuildingInput,
  BuildingUpdate,
  OccupantInput,
  ProjectInput,
  ProjectStatus,
  Space,
  SpaceInput,
  ViewingRequestInput,
  ViewingStatus,
} from '../../../shared/buildings-api';

export type HotBuilding = z.infer<typeof hotBuildingsSchema>['items'][number];
export type BuildingMap = z.infer<typeof buildingMapSchema>;
export type MapBuilding = BuildingMap['items'][number];
export type Occupant = z.infer<typeof occupantSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Photo = z.infer<typeof photoSchema>;
export type ViewingRequest = z.infer<typeof viewingRequestSchema>;

export interface Street {
  code: string;
  name: string;
  sortOrder: number;
}
