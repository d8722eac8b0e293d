import { Navigate, type RouteObject } from 'react-router';
import { navItem } from '../../app/access';
import { lazyPage, type Requirement } from '../../app/guards';

/**
 * The routes of the buildings pages, spliced into src/web/app/router.tsx. Every page is its own lazily loaded
 * chunk: the map (Leaflet) loads only when its tab is opened, and the editor pages only for building editors.
 */
/** Children of the portal layout (`/`) for the buildings pages. */
export const buildingPortalRoutes: RouteObject[] = [
  // The short address a reader would type or guess.
  { path: 'buildings', element: <Navigate to="/services/buildings" replace /> },
  {
    path: 'services/buildings',
    lazy: lazyPage(
      () => import('./public/BuildingSearchPage'),
      (m) => m.BuildingSearchPage,
    ),
  },
  {
    path: 'buildings/:id',
    lazy: lazyPage(
      () => import('./public/BuildingDetailPage'),
      (m) => m.BuildingDetailPage,
    ),
  },
  {
    path: 'account/viewings',
    lazy: lazyPage(
      () => import('./public/MyViewingsPage'),
      (m) => m.MyViewingsPage,
      {},
    ),
  },
];

const editors = () => ({ staff: true, roles: navItem('buildings').roles }) satisfies Requirement;

/** Children of the workbench layout (`/workbench`) for the buildings pages. */
export const buildingWorkbenchRoutes: RouteObject[] = [
  {
    path: navItem('buildings').path,
    lazy: lazyPage(
      () => import('./staff/BuildingAdminPage'),
      (m) => m.BuildingAdminPage,
      editors(),
    ),
  },
  {
    path: 'buildings/viewings',
    lazy: lazyPage(
      () => import('./staff/ViewingQueuePage'),
      (m) => m.ViewingQueuePage,
      editors(),
    ),
  },
  {
    path: 'buildings/import',
    lazy: lazyPage(
      () => import('./staff/ImportPage'),
      (m) => m.ImportPage,
      editors(),
    ),
  },
  {
    path: 'buildings/:id',
    lazy: lazyPage(
      () => import('./staff/BuildingEditorPage'),
      (m) => m.BuildingEditorPage,
      editors(),
    ),
  },
];
