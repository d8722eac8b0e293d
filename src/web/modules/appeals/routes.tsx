import { Navigate, type RouteObject } from 'react-router';
import { lazyPage, type Requirement } from '../../app/guards';

export { appealWorkbenchRoutes } from './staff/routes';

const ENTERPRISE: Requirement = { enterprise: true };

/**
 * Children of the portal layout (`/`) for the appeals pages, spliced into src/web/app/router.tsx. Each page is its
 * own chunk: the public service page carries none of the enterprise code.
 */
export const appealPortalRoutes: RouteObject[] = [
  { path: 'appeals', element: <Navigate to="/services/appeals" replace /> },
  {
    path: 'services/appeals',
    lazy: lazyPage(
      () => import('./public/AppealServicePage'),
      (m) => m.AppealServicePage,
    ),
  },
  {
    path: 'services/appeals/kb/:id',
    lazy: lazyPage(
      () => import('./public/KbEntryPage'),
      (m) => m.KbEntryPage,
    ),
  },
  {
    path: 'enterprise/appeals',
    lazy: lazyPage(
      () => import('./enterprise/MyAppealsPage'),
      (m) => m.MyAppealsPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'enterprise/appeals/new',
    lazy: lazyPage(
      () => import('./enterprise/NewAppealPage'),
      (m) => m.NewAppealPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'enterprise/appeals/:id',
    lazy: lazyPage(
      () => import('./enterprise/AppealDetailPage'),
      (m) => m.AppealDetailPage,
      ENTERPRISE,
    ),
  },
];
