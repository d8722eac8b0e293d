import type { RouteObject } from 'react-router';

/** Children of the portal layout (`/`) for the appeals pages, spliced into src/web/app/router.tsx. */
export const appealPortalRoutes: RouteObject[] = [];

/** Children of the workbench layout (`/workbench`) for the appeals pages. */
export const appealWorkbenchRoutes: RouteObject[] = [];
