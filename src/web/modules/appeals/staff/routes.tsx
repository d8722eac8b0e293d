import type { RouteObject } from 'react-router';

/** Children of the workbench layout (`/workbench`) for the appeals pages (queue, detail, catalogue, statistics …). */
export const appealWorkbenchRoutes: RouteObject[] = [];
