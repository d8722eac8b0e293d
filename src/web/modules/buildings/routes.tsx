import type { RouteObject } from 'react-router';

/** Children of the portal layout (`/`) for the buildings pages, spliced into src/web/app/router.tsx. */
export const buildingPortalRoutes: RouteObject[] = [];

/** Children of the workbench layout (`/workbench`) for the buildings pages. */
export const buildingWorkbenchRoutes: RouteObject[] = [];
