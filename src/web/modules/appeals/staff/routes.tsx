import type { RouteObject } from 'react-router';
import { APPEAL_KB_ROLES, navItem } from '../../../app/access';
import { lazyPage, type Requirement } from '../../../app/guards';

/** Who may register an appeal from the workbench: the liaison for his enterprises, the dispatcher for a call. */
export const APPEAL_INTAKE_ROLES = ['liaison', 'dispatcher'] as const;

const workers = () => ({ staff: true, roles: navItem('appeals').roles }) satisfies Requirement;

/** Children of the workbench layout (`/workbench`) for the appeals pages (queue, detail, catalogue, statistics …). */
export const appealWorkbenchRoutes: RouteObject[] = [
  {
    path: navItem('appeals').path,
    lazy: lazyPage(
      () => import('./AppealQueuePage'),
      (m) => m.AppealQueuePage,
      workers(),
    ),
  },
  {
    path: 'appeals/new',
    lazy: lazyPage(
      () => import('./AppealNewPage'),
      (m) => m.AppealNewPage,
      { staff: true, roles: APPEAL_INTAKE_ROLES },
    ),
  },
  {
    path: 'appeals/kb',
    lazy: lazyPage(
      () => import('./KnowledgeBasePage'),
      (m) => m.KnowledgeBasePage,
      { staff: true, roles: APPEAL_KB_ROLES },
    ),
  },
  {
    path: 'appeals/:id',
    lazy: lazyPage(
      () => import('./AppealDetailPage'),
      (m) => m.AppealDetailPage,
      workers(),
    ),
  },
  {
    path: navItem('supervision').path,
    lazy: lazyPage(
      () => import('./SupervisionPage'),
      (m) => m.SupervisionPage,
      { staff: true, roles: navItem('supervision').roles },
    ),
  },
  {
    path: navItem('catalogue').path,
    lazy: lazyPage(
      () => import('./CataloguePage'),
      (m) => m.CataloguePage,
      { staff: true, roles: navItem('catalogue').roles },
    ),
  },
];
