import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, listRoutes } from '../../server/platform/http/access';
import { createTestApp, type TestApp } from '../../server/test/support';
import { ENTERPRISE_ROLES, type Role } from '../../shared/roles';
import {
  APPEAL_KB_ROLES,
  APPEAL_STAFF_ROLES,
  APPEAL_STATS_ROLES,
  BINDING_REVIEW_ROLES,
  ENTERPRISE_LIST_ROLES,
  navItem,
} from './access';

/**
 * The web UI's side of the API contract: every endpoint the UI calls exists, and the roles its menus and route
 * guards admit are exactly the roles the server admits — so nobody is shown a page that can only answer 403, and
 * nobody entitled to a page is kept from it. Runs against the real route table (SQLite or PostgreSQL).
 */

/** Every call the web client makes (method, path with :params), kept in step with src/web by review. */
const CALLS: [string, string][] = [
  ['GET', '/api/v1/auth/me'],
  ['POST', '/api/v1/auth/login'],
  ['POST', '/api/v1/auth/logout'],
  ['POST', '/api/v1/auth/register'],
  ['POST', '/api/v1/auth/sms-codes'],
  ['POST', '/api/v1/auth/password'],
  ['POST', '/api/v1/auth/password-reset'],
  ['GET', '/api/v1/auth/password-policy'],
  ['POST', '/api/v1/auth/login/second-factor'],
  ['GET', '/api/v1/auth/totp'],
  ['POST', '/api/v1/auth/totp/enrolment'],
  ['POST', '/api/v1/auth/totp/enrolment/confirm'],
  ['POST', '/api/v1/auth/totp/recovery-codes'],
  ['POST', '/api/v1/auth/totp/disable'],
  ['DELETE', '/api/v1/admin/users/:id/totp'],
  ['GET', '/api/v1/admin/users'],
  ['POST', '/api/v1/admin/users'],
  ['PATCH', '/api/v1/admin/users/:id'],
  ['POST', '/api/v1/admin/users/:id/unlock'],
  ['GET', '/api/v1/departments'],
  ['POST', '/api/v1/departments'],
  ['PUT', '/api/v1/departments/:id'],
  ['DELETE', '/api/v1/departments/:id'],
  ['GET', '/api/v1/audit'],
  ['POST', '/api/v1/audit/verify'],
  ['POST', '/api/v1/personal-data/reveal'],
  ['GET', '/api/v1/calendar/years'],
  ['POST', '/api/v1/calendar/years'],
  ['GET', '/api/v1/calendar/is-workday'],
  ['GET', '/api/v1/calendar/add-workdays'],
  ['GET', '/api/v1/reference/streets'],
  ['GET', '/api/v1/reference/industries'],
  ['GET', '/api/v1/reference/qualification-kinds'],
  ['GET', '/api/v1/enterprises'],
  ['GET', '/api/v1/enterprises/mine'],
  ['GET', '/api/v1/enterprises/:id'],
  ['PATCH', '/api/v1/enterprises/:id'],
  ['PUT', '/api/v1/enterprises/:id/yearly/:year'],
  ['PUT', '/api/v1/enterprises/:id/ip'],
  ['POST', '/api/v1/enterprises/:id/qualifications'],
  ['PUT', '/api/v1/enterprises/:id/qualifications/:qid'],
  ['DELETE', '/api/v1/enterprises/:id/qualifications/:qid'],
  ['POST', '/api/v1/enterprises/:id/verify'],
  ['PUT', '/api/v1/enterprises/:id/liaison'],
  ['GET', '/api/v1/enterprises/:id/members'],
  ['DELETE', '/api/v1/enterprises/:id/members/:userId'],
  ['GET', '/api/v1/enterprises/bindings'],
  ['POST', '/api/v1/enterprises/bindings'],
  ['POST', '/api/v1/enterprises/bindings/:id/confirm'],
  ['POST', '/api/v1/enterprises/bindings/:id/reject'],
  // policies (src/web/modules/policies/paths.ts) and the inbox
  ['GET', '/api/v1/policies/rules/catalogue'],
  ['POST', '/api/v1/policies/rules/preview'],
  ['GET', '/api/v1/policies/search'],
  ['GET', '/api/v1/policies/calendar'],
  ['GET', '/api/v1/policies/documents'],
  ['POST', '/api/v1/policies/documents'],
  ['GET', '/api/v1/policies/documents/:id'],
  ['PUT', '/api/v1/policies/documents/:id'],
  ['GET', '/api/v1/policies/documents/:id/versions/:n'],
  ['GET', '/api/v1/policies/documents/:id/attachments/:fileId'],
  ['POST', '/api/v1/policies/documents/:id/publish'],
  ['POST', '/api/v1/policies/documents/:id/status'],
  ['GET', '/api/v1/policies/interpretations'],
  ['POST', '/api/v1/policies/interpretations'],
  ['GET', '/api/v1/policies/interpretations/:id'],
  ['PUT', '/api/v1/policies/interpretations/:id'],
  ['GET', '/api/v1/policies/interpretations/:id/image'],
  ['POST', '/api/v1/policies/interpretations/:id/publish'],
  ['GET', '/api/v1/policies/programs'],
  ['POST', '/api/v1/policies/programs'],
  ['GET', '/api/v1/policies/programs/:id'],
  ['PUT', '/api/v1/policies/programs/:id'],
  ['GET', '/api/v1/policies/programs/:id/rule-versions'],
  ['GET', '/api/v1/policies/programs/:id/evaluation'],
  ['GET', '/api/v1/policies/programs/:id/push-records'],
  ['POST', '/api/v1/policies/programs/:id/publish'],
  ['POST', '/api/v1/policies/programs/:id/withdraw'],
  ['GET', '/api/v1/policies/programs/:id/claim-draft'],
  ['POST', '/api/v1/policies/programs/:id/claims'],
  ['GET', '/api/v1/policies/matches'],
  ['POST', '/api/v1/policies/self-test'],
  ['GET', '/api/v1/policies/subscriptions'],
  ['PUT', '/api/v1/policies/subscriptions'],
  ['GET', '/api/v1/policies/claims'],
  ['GET', '/api/v1/policies/claims/:id'],
  ['GET', '/api/v1/policies/claims/:id/attachments/:fileId'],
  ['POST', '/api/v1/policies/claims/:id/confirm'],
  ['POST', '/api/v1/policies/claims/:id/resubmit'],
  ['POST', '/api/v1/policies/claims/:id/withdraw'],
  ['POST', '/api/v1/policies/claims/:id/approve'],
  ['POST', '/api/v1/policies/claims/:id/return'],
  ['POST', '/api/v1/policies/claims/:id/reject'],
  ['POST', '/api/v1/policies/claims/:id/pay'],
  ['GET', '/api/v1/policies/notices'],
  ['POST', '/api/v1/files'],
  ['GET', '/api/v1/files/:id'],
  ['GET', '/api/v1/notifications'],
  ['POST', '/api/v1/notifications/:id/read'],
  ['POST', '/api/v1/notifications/read-all'],
  ['GET', '/api/v1/notifications/preferences'],
  ['PUT', '/api/v1/notifications/preferences'],
  ['GET', '/api/v1/notifications/outbox'],
  // appeals (src/web/modules/appeals/paths.ts, staff/paths.ts)
  ['GET', '/api/v1/appeals'],
  ['POST', '/api/v1/appeals'],
  ['GET', '/api/v1/appeals/:id'],
  ['POST', '/api/v1/appeals/:id/actions/:action'],
  ['POST', '/api/v1/appeals/:id/opinion'],
  ['GET', '/api/v1/appeals/:id/files/:fileId'],
  ['GET', '/api/v1/appeals/similar'],
  ['GET', '/api/v1/appeals/stats'],
  ['GET', '/api/v1/appeals/stats/export'],
  ['GET', '/api/v1/appeal-topics'],
  ['POST', '/api/v1/appeal-topics'],
  ['PATCH', '/api/v1/appeal-topics/:code'],
  ['GET', '/api/v1/appeal-settings/sla'],
  ['PUT', '/api/v1/appeal-settings/sla'],
  ['GET', '/api/v1/appeal-kb'],
  ['POST', '/api/v1/appeal-kb'],
  ['GET', '/api/v1/appeal-kb/manage'],
  ['GET', '/api/v1/appeal-kb/:id'],
  ['PATCH', '/api/v1/appeal-kb/:id'],
  ['POST', '/api/v1/appeal-kb/:id/publish'],
  ['POST', '/api/v1/appeal-kb/:id/archive'],
  // buildings (src/web/modules/buildings/paths.ts)
  ['GET', '/api/v1/buildings'],
  ['GET', '/api/v1/buildings/hot'],
  ['GET', '/api/v1/buildings/map'],
  ['GET', '/api/v1/buildings/:id'],
  ['GET', '/api/v1/buildings/photos/:photoId'],
  ['POST', '/api/v1/buildings/:id/favourite'],
  ['DELETE', '/api/v1/buildings/:id/favourite'],
  ['POST', '/api/v1/buildings/:id/viewing-requests'],
  ['GET', '/api/v1/viewing-requests/mine'],
  ['GET', '/api/v1/buildings/manage'],
  ['POST', '/api/v1/buildings'],
  ['PATCH', '/api/v1/buildings/:id'],
  ['POST', '/api/v1/buildings/:id/archive'],
  ['POST', '/api/v1/buildings/:id/verify'],
  ['POST', '/api/v1/buildings/:id/spaces'],
  ['PATCH', '/api/v1/building-spaces/:id'],
  ['DELETE', '/api/v1/building-spaces/:id'],
  ['POST', '/api/v1/buildings/:id/occupants'],
  ['PATCH', '/api/v1/building-occupants/:id'],
  ['POST', '/api/v1/building-occupants/:id/move-out'],
  ['POST', '/api/v1/buildings/:id/projects'],
  ['PATCH', '/api/v1/building-projects/:id'],
  ['GET', '/api/v1/building-projects'],
  ['POST', '/api/v1/buildings/:id/photos'],
  ['DELETE', '/api/v1/building-photos/:id'],
  ['GET', '/api/v1/viewing-requests'],
  ['PATCH', '/api/v1/viewing-requests/:id'],
  ['GET', '/api/v1/buildings/import/template'],
  ['POST', '/api/v1/buildings/import'],
  ['POST', '/api/v1/buildings/import/:id/commit'],
  ['GET', '/api/v1/buildings/export'],
  // content (src/web/modules/content/paths.ts)
  ['GET', '/api/v1/content/articles'],
  ['GET', '/api/v1/content/articles/:id'],
  ['GET', '/api/v1/content/guides'],
  ['GET', '/api/v1/content/guides/:id'],
  ['GET', '/api/v1/content/action-plans'],
  ['GET', '/api/v1/content/action-plans/:id'],
  ['GET', '/api/v1/content/feed.atom'],
  ['GET', '/api/v1/content/feed.rss'],
  ['GET', '/api/v1/content/attachments/:id'],
  ['GET', '/api/v1/departments'],
  ...(['articles', 'guides'] as const).flatMap((kind): [string, string][] => [
    ['GET', `/api/v1/content/manage/${kind}`],
    ['POST', `/api/v1/content/manage/${kind}`],
    ['GET', `/api/v1/content/manage/${kind}/:id`],
    ['PATCH', `/api/v1/content/manage/${kind}/:id`],
    ['DELETE', `/api/v1/content/manage/${kind}/:id`],
    ['POST', `/api/v1/content/manage/${kind}/:id/publish`],
    ['POST', `/api/v1/content/manage/${kind}/:id/archive`],
    ['POST', `/api/v1/content/manage/${kind}/:id/withdraw`],
    ['POST', `/api/v1/content/manage/${kind}/:id/attachments`],
    ['DELETE', `/api/v1/content/manage/${kind}/:id/attachments/:attachmentId`],
  ]),
  ['GET', '/api/v1/content/manage/action-plans'],
  ['GET', '/api/v1/content/manage/action-plans/:id'],
  ['PATCH', '/api/v1/content/manage/measures/:id'],
  ['POST', '/api/v1/content/manage/measures/:id/progress'],
  // insights (src/web/modules/insights)
  ['GET', '/api/v1/insights/public'],
  ['GET', '/api/v1/insights/dashboard'],
];

let t: TestApp;
let routes: { method: string; url: string; access: Access | undefined }[];

beforeAll(async () => {
  t = await createTestApp();
  routes = listRoutes(t.app);
});
afterAll(async () => {
  await t?.close();
});

function accessOf(method: string, url: string): Access {
  const r = routes.find((x) => x.method === method && x.url === url);
  if (!r?.access) throw new Error(`${method} ${url} is not a declared route`);
  return r.access;
}

/** The staff roles a route admits (enterprise roles are not workbench roles). */
function staffRoles(access: Access): Role[] {
  if (access === 'public' || access === 'authenticated') throw new Error('expected a role list');
  return access.filter((r) => !ENTERPRISE_ROLES.includes(r)).sort();
}

const sorted = (roles: readonly Role[] | 'staff') => (roles === 'staff' ? roles : [...roles].sort());

describe('web ↔ API contract', () => {
  it('calls only endpoints that exist', () => {
    const missing = CALLS.filter(([m, u]) => !routes.some((r) => r.method === m && r.url === u));
    expect(missing).toEqual([]);
  });

  it.each([
    ['users', 'GET', '/api/v1/admin/users'],
    ['departments', 'POST', '/api/v1/departments'],
    ['calendar', 'POST', '/api/v1/calendar/years'],
    ['audit', 'GET', '/api/v1/audit'],
    ['enterprises', 'GET', '/api/v1/enterprises'],
    ['policies', 'POST', '/api/v1/policies/documents'],
    ['claims', 'GET', '/api/v1/policies/claims'],
    ['buildings', 'GET', '/api/v1/buildings/manage'],
    ['catalogue', 'POST', '/api/v1/appeal-topics'],
    ['content', 'POST', '/api/v1/content/manage/articles'],
    ['insights', 'GET', '/api/v1/insights/dashboard'],
  ] as const)('the %s page is shown to exactly the roles %s %s admits', (key, method, url) => {
    expect(sorted(navItem(key).roles)).toEqual(staffRoles(accessOf(method, url)));
  });

  it('lets the liaison and the administrator review bindings, as the API does', () => {
    expect(sorted(BINDING_REVIEW_ROLES)).toEqual(
      staffRoles(accessOf('POST', '/api/v1/enterprises/bindings/:id/confirm')),
    );
    expect(sorted(navItem('bindings').roles)).toEqual(sorted(BINDING_REVIEW_ROLES));
  });

  it('opens an enterprise profile to everyone who can list enterprises', () => {
    const readers = accessOf('GET', '/api/v1/enterprises/:id');
    expect(readers).not.toBe('public');
    for (const r of ENTERPRISE_LIST_ROLES) expect(readers).toContain(r);
  });

  it('shows the appeal pages to the roles the appeal routes admit', () => {
    expect(sorted(navItem('appeals').roles)).toEqual(sorted(APPEAL_STAFF_ROLES));
    // Every appeal worker may list (scoped); the statistics and the knowledge-base curation are narrower.
    const list = accessOf('GET', '/api/v1/appeals');
    expect(list).not.toBe('public');
    if (list !== 'authenticated') for (const r of APPEAL_STAFF_ROLES) expect(list).toContain(r);
    expect(staffRoles(accessOf('GET', '/api/v1/appeals/stats'))).toEqual(sorted(APPEAL_STATS_ROLES));
    expect(sorted(navItem('supervision').roles)).toEqual(sorted(APPEAL_STATS_ROLES));
    expect(staffRoles(accessOf('GET', '/api/v1/appeal-kb/manage'))).toEqual(sorted(APPEAL_KB_ROLES));
  });

  it('keeps the audit log from the administrator (三员分立)', () => {
    expect(accessOf('GET', '/api/v1/audit')).not.toContain('admin');
    expect(navItem('audit').roles).not.toContain('admin');
  });
});
