import { Navigate, type RouteObject } from 'react-router';
import { navItem } from '../../app/access';
import { lazyPage, type Requirement } from '../../app/guards';

/**
 * The routes of the content pages (信息资讯, 办事指南, 行动方案 and the editor's workbench), spliced into
 * src/web/app/router.tsx. Every page is its own lazily loaded chunk; the editor's pages load only for editors.
 */

/** Children of the portal layout (`/`). */
export const contentPortalRoutes: RouteObject[] = [
  { path: 'news', element: <Navigate to="/services/news" replace /> },
  {
    path: 'services/news',
    lazy: lazyPage(
      () => import('./public/NewsListPage'),
      (m) => m.NewsListPage,
    ),
  },
  {
    path: 'services/news/:id',
    lazy: lazyPage(
      () => import('./public/ArticlePage'),
      (m) => m.ArticlePage,
    ),
  },
  {
    path: 'services/guides',
    lazy: lazyPage(
      () => import('./public/GuideListPage'),
      (m) => m.GuideListPage,
    ),
  },
  {
    path: 'services/guides/:id',
    lazy: lazyPage(
      () => import('./public/GuidePage'),
      (m) => m.GuidePage,
    ),
  },
  {
    path: 'services/action-plan',
    lazy: lazyPage(
      () => import('./public/ActionPlanPage'),
      (m) => m.ActionPlanPage,
    ),
  },
];

const editors = () => ({ staff: true, roles: navItem('content').roles }) satisfies Requirement;

/** Children of the workbench layout (`/workbench`). */
export const contentWorkbenchRoutes: RouteObject[] = [
  {
    path: navItem('content').path,
    lazy: lazyPage(
      () => import('./staff/ContentAdminPage'),
      (m) => m.ContentAdminPage,
      editors(),
    ),
  },
  {
    path: 'content/articles/:id',
    lazy: lazyPage(
      () => import('./staff/ArticleEditorPage'),
      (m) => m.ArticleEditorPage,
      editors(),
    ),
  },
  {
    path: 'content/guides/:id',
    lazy: lazyPage(
      () => import('./staff/GuideEditorPage'),
      (m) => m.GuideEditorPage,
      editors(),
    ),
  },
];
