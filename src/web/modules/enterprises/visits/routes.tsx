import type { RouteObject } from 'react-router';
import { navItem } from '../../../app/access';
import { lazyPage, type Requirement } from '../../../app/guards';

/** Liaison and leader (the menu entry's roles); writing pages: the liaison only. */
const readers = () => ({ staff: true, roles: navItem('visits').roles }) satisfies Requirement;
const writers = { staff: true, roles: ['liaison'] } satisfies Requirement;

/** Children of the workbench layout (`/workbench`) for the visit records (走访记录), spliced into router.tsx. */
export const visitWorkbenchRoutes: RouteObject[] = [
  {
    path: navItem('visits').path,
    lazy: lazyPage(
      () => import('./VisitsPage'),
      (m) => m.VisitsPage,
      readers(),
    ),
  },
  {
    path: 'visits/new',
    lazy: lazyPage(
      () => import('./VisitEditorPage'),
      (m) => m.VisitEditorPage,
      writers,
    ),
  },
  {
    path: 'visits/:id',
    lazy: lazyPage(
      () => import('./VisitDetailPage'),
      (m) => m.VisitDetailPage,
      readers(),
    ),
  },
  {
    path: 'visits/:id/edit',
    lazy: lazyPage(
      () => import('./VisitEditorPage'),
      (m) => m.VisitEditorPage,
      writers,
    ),
  },
];
