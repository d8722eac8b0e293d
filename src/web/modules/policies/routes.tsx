import { Navigate, type RouteObject } from 'react-router';
import { navItem } from '../../app/access';
import { lazyPage, type Requirement } from '../../app/guards';

/**
 * The routes of the policies and notifications pages, spliced into src/web/app/router.tsx. Every page is its own
 * lazily loaded chunk: the public pages carry none of the enterprise or workbench code, and the workbench editors
 * (rule editor included) load only for staff.
 */
const ENTERPRISE: Requirement = { enterprise: true };
const LOGGED_IN: Requirement = {};

/** Children of the portal layout (`/`). */
export const policyPortalRoutes: RouteObject[] = [
  // The short address a reader would type or guess.
  { path: 'policies', element: <Navigate to="/services/policies" replace /> },
  {
    path: 'services/policies',
    lazy: lazyPage(
      () => import('./public/PolicyHomePage'),
      (m) => m.PolicyHomePage,
    ),
  },
  {
    path: 'services/self-test',
    lazy: lazyPage(
      () => import('./public/SelfTestPage'),
      (m) => m.SelfTestPage,
    ),
  },
  {
    path: 'policies/documents/:id',
    lazy: lazyPage(
      () => import('./public/DocumentPage'),
      (m) => m.DocumentPage,
    ),
  },
  {
    path: 'policies/interpretations/:id',
    lazy: lazyPage(
      () => import('./public/InterpretationPage'),
      (m) => m.InterpretationPage,
    ),
  },
  {
    path: 'policies/programs/:id',
    lazy: lazyPage(
      () => import('./public/ProgramPage'),
      (m) => m.ProgramPage,
    ),
  },
  {
    path: 'policies/calendar',
    lazy: lazyPage(
      () => import('./public/PolicyCalendarPage'),
      (m) => m.PolicyCalendarPage,
    ),
  },
  {
    path: 'policies/notices',
    lazy: lazyPage(
      () => import('./public/NoticesPage'),
      (m) => m.NoticesPage,
    ),
  },
  {
    path: 'policies/claims/:id',
    lazy: lazyPage(
      () => import('./public/ClaimRedirect'),
      (m) => m.ClaimRedirect,
      LOGGED_IN,
    ),
  },
  {
    path: 'enterprise/matches',
    lazy: lazyPage(
      () => import('./enterprise/MatchesPage'),
      (m) => m.MatchesPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'enterprise/apply/:programId',
    lazy: lazyPage(
      () => import('./enterprise/ApplyPage'),
      (m) => m.ApplyPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'enterprise/claims',
    lazy: lazyPage(
      () => import('./enterprise/ClaimsPage'),
      (m) => m.ClaimsPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'enterprise/claims/:id',
    lazy: lazyPage(
      () => import('./enterprise/ClaimDetailPage'),
      (m) => m.ClaimDetailPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'enterprise/subscriptions',
    lazy: lazyPage(
      () => import('./enterprise/SubscriptionsPage'),
      (m) => m.SubscriptionsPage,
      ENTERPRISE,
    ),
  },
  {
    path: 'inbox',
    lazy: lazyPage(
      () => import('../notifications/InboxPage'),
      (m) => m.InboxPage,
      LOGGED_IN,
    ),
  },
];

const editors = () => ({ staff: true, roles: navItem('policies').roles }) satisfies Requirement;
const reviewers = () => ({ staff: true, roles: navItem('claims').roles }) satisfies Requirement;

/** Children of the workbench layout (`/workbench`). */
export const policyWorkbenchRoutes: RouteObject[] = [
  {
    path: navItem('policies').path,
    lazy: lazyPage(
      () => import('./staff/PolicyAdminPage'),
      (m) => m.PolicyAdminPage,
      editors(),
    ),
  },
  {
    path: 'policies/documents/:id',
    lazy: lazyPage(
      () => import('./staff/DocumentEditorPage'),
      (m) => m.DocumentEditorPage,
      editors(),
    ),
  },
  {
    path: 'policies/interpretations/:id',
    lazy: lazyPage(
      () => import('./staff/InterpretationEditorPage'),
      (m) => m.InterpretationEditorPage,
      editors(),
    ),
  },
  {
    path: 'policies/programs/:id',
    lazy: lazyPage(
      () => import('./staff/ProgramEditorPage'),
      (m) => m.ProgramEditorPage,
      editors(),
    ),
  },
  {
    path: navItem('claims').path,
    lazy: lazyPage(
      () => import('./staff/ClaimQueuePage'),
      (m) => m.ClaimQueuePage,
      reviewers(),
    ),
  },
  {
    path: 'claims/:id',
    lazy: lazyPage(
      () => import('./staff/ClaimReviewPage'),
      (m) => m.ClaimReviewPage,
      reviewers(),
    ),
  },
  {
    path: 'inbox',
    lazy: lazyPage(
      () => import('../notifications/InboxPage'),
      (m) => m.InboxPage,
      { staff: true },
    ),
  },
];
