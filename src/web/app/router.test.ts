import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SERVICE_KEYS, SERVICE_SLUGS } from '../modules/portal/services';
import { WORKBENCH_NAV } from './access';
import { NotFound } from './components';

// router.tsx creates the browser router when loaded; the route table is all these tests need.
vi.mock('react-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('react-router')>()),
  createBrowserRouter: () => null,
}));

const { routes } = await import('./router');

/** The innermost route a URL lands on. */
function leaf(url: string): RouteObject | undefined {
  return matchRoutes(routes, url)?.at(-1)?.route;
}

describe('route table', () => {
  it.each(WORKBENCH_NAV.map((n) => [n.key, `/workbench${n.path ? `/${n.path}` : ''}`]))(
    'routes the %s menu entry (%s) to its own page',
    (_key, url) => {
      const route = leaf(url);
      expect(route).toBeDefined();
      expect(route?.path).not.toBe('*');
      expect(route?.lazy).toBeDefined();
    },
  );

  it.each(SERVICE_KEYS.map((k) => [k, `/services/${SERVICE_SLUGS[k]}`]))(
    'routes the %s service card (%s) to its own page',
    (_key, url) => {
      expect(leaf(url)?.path).toBe(url.slice(1));
    },
  );

  it('answers an unknown service or workbench page with the not-found page', () => {
    expect(leaf('/services/nonexistent')).toMatchObject({ path: '*', Component: NotFound });
    expect(leaf('/workbench/soon/visits')?.path).toBe('*');
  });
});
