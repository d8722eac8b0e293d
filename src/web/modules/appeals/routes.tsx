import type { RouteObject } from 'react-router';

export { appealWorkbenchRoutes } from './staff/routes';

/** Children of the portal layout (`/`) for the appeals pages, spliced into src/web/app/router.tsx. */
export const appealPortalRoutes: RouteObject[] = [];
