import type { RouteObject } from 'react-router';
import { navItem } from '../../app/access';
import { lazyPage } from '../../app/guards';

/**
 * The routes of the insights pages, spliced into src/web/app/router.tsx. Each page is its own lazily loaded chunk
 * and ECharts loads after the tables (components.tsx), so the public page stays light.
 */
/** Children of the portal layout (`/`). */
export const insightsPortalRoutes: RouteObject[] = [
  {
    path: 'services/statistics',
    lazy: lazyPage(
      () => import('./PublicStatisticsPage'),
      (m) => m.PublicStatisticsPage,
    ),
  },
];

/** Children of the workbench layout (`/workbench`). */
export const insightsWorkbenchRoutes: RouteObject[] = [
  {
    path: navItem('insights').path,
    lazy: lazyPage(
      () => import('./DashboardPage'),
      (m) => m.InsightsDashboardPage,
      { staff: true, roles: navItem('insights').roles },
    ),
  },
];
