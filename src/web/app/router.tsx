import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { appealPortalRoutes, appealWorkbenchRoutes } from '../modules/appeals/routes';
import { buildingPortalRoutes, buildingWorkbenchRoutes } from '../modules/buildings/routes';
import { contentPortalRoutes, contentWorkbenchRoutes } from '../modules/content/routes';
import { visitWorkbenchRoutes } from '../modules/enterprises/visits/routes';
import { insightsPortalRoutes, insightsWorkbenchRoutes } from '../modules/insights/routes';
import { policyPortalRoutes, policyWorkbenchRoutes } from '../modules/policies/routes';
import { HomePage } from '../modules/portal/HomePage';
import { navItem, type WorkbenchKey } from './access';
import { NotFound, PageLoading, RouteError } from './components';
import { lazyPage as page } from './guards';
import { PortalLayout } from './PortalLayout';

/** A workbench page guarded by the roles its menu entry declares. */
function workbenchPage<M>(
  key: WorkbenchKey,
  load: () => Promise<M>,
  pick: (m: M) => ComponentType,
): RouteObject {
  const item = navItem(key);
  return { path: item.path, lazy: page(load, pick, { staff: true, roles: item.roles }) };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: PortalLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'login',
        lazy: page(
          () => import('../modules/accounts/LoginPage'),
          (m) => m.LoginPage,
        ),
      },
      {
        path: 'register',
        lazy: page(
          () => import('../modules/accounts/RegisterPage'),
          (m) => m.RegisterPage,
        ),
      },
      {
        path: 'reset-password',
        lazy: page(
          () => import('../modules/accounts/ResetPasswordPage'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        path: 'account/password',
        lazy: page(
          () => import('../modules/accounts/ChangePasswordPage'),
          (m) => m.ChangePasswordPage,
          {},
        ),
      },
      {
        path: 'account/two-factor',
        lazy: page(
          () => import('../modules/accounts/TwoFactorPage'),
          (m) => m.TwoFactorPage,
          { staff: true },
        ),
      },
      {
        path: 'enterprise/*',
        lazy: page(
          () => import('../modules/enterprises/center/EnterpriseCenter'),
          (m) => m.EnterpriseCenter,
          { enterprise: true },
        ),
      },
      ...policyPortalRoutes,
      ...appealPortalRoutes,
      ...buildingPortalRoutes,
      ...contentPortalRoutes,
      ...insightsPortalRoutes,
      { path: '*', Component: NotFound },
    ],
  },
  {
    path: '/workbench',
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    lazy: page(
      () => import('../modules/workbench/WorkbenchLayout'),
      (m) => m.WorkbenchLayout,
      { staff: true, framed: true },
    ),
    children: [
      {
        index: true,
        lazy: page(
          () => import('../modules/workbench/DashboardPage'),
          (m) => m.DashboardPage,
        ),
      },
      workbenchPage(
        'enterprises',
        () => import('../modules/enterprises/staff/EnterpriseListPage'),
        (m) => m.EnterpriseListPage,
      ),
      {
        path: 'enterprises/:id',
        lazy: page(
          () => import('../modules/enterprises/staff/EnterpriseDetailPage'),
          (m) => m.EnterpriseDetailPage,
          { staff: true, roles: navItem('enterprises').roles },
        ),
      },
      workbenchPage(
        'bindings',
        () => import('../modules/enterprises/staff/BindingReviewPage'),
        (m) => m.BindingReviewPage,
      ),
      workbenchPage(
        'users',
        () => import('../modules/admin/UsersPage'),
        (m) => m.UsersPage,
      ),
      workbenchPage(
        'departments',
        () => import('../modules/admin/DepartmentsPage'),
        (m) => m.DepartmentsPage,
      ),
      workbenchPage(
        'calendar',
        () => import('../modules/admin/CalendarPage'),
        (m) => m.CalendarPage,
      ),
      workbenchPage(
        'audit',
        () => import('../modules/admin/AuditPage'),
        (m) => m.AuditPage,
      ),
      ...policyWorkbenchRoutes,
      ...appealWorkbenchRoutes,
      ...buildingWorkbenchRoutes,
      ...visitWorkbenchRoutes,
      ...contentWorkbenchRoutes,
      ...insightsWorkbenchRoutes,
      {
        path: '*',
        lazy: page(
          () => import('../modules/workbench/WorkbenchNotFound'),
          (m) => m.WorkbenchNotFound,
        ),
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
