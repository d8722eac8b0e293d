import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support';
import { listRoutes, MissingAccessError, recordRoutes } from './access';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('platform HTTP', () => {
  it('answers health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // JSON is never a document: the API answers with a locked-down policy.
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('every route declares who may call it', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => r.access === undefined);
    expect(missing).toEqual([]);
    // Spot-check a few declarations that security depends on.
    const find = (m: string, u: string) => routes.find((r) => r.method === m && r.url === u)?.access;
    expect(find('GET', '/api/v1/audit')).toEqual(['auditor']);
    expect(find('POST', '/api/v1/admin/users')).toEqual(['admin']);
    expect(find('POST', '/api/v1/calendar/years')).toEqual(['admin']);
  });

  it('refuses to start when a route has no declaration', async () => {
    const app = Fastify();
    recordRoutes(app);
    expect(() => app.get('/api/v1/nobody', async () => 'x')).toThrow(MissingAccessError);
    await app.close();
  });

  it('documents every API route in OpenAPI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-access'?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const apiRoutes = listRoutes(t.app).filter((r) => r.url.startsWith('/api/v1/'));
    for (const r of apiRoutes) {
      const openapiPath = r.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[openapiPath]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url}`).toBeDefined();
      expect(op?.['x-access']).toEqual(r.access);
    }
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-security-policy']).toContain('script-src');
    expect(ui.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API routes with the error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses non-JSON bodies with 415 and malformed JSON with 400', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'account=a&password=b',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"account":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    expect(bad.body).not.toMatch(/at .*\.js/);
  });

  it('refuses cross-site state changes', async () => {
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { account: 'x', password: 'y' },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CSRF_REJECTED');
    const fetchMeta = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMeta.statusCode).toBe(403);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
      payload: { account: 'nobody', password: 'whatever1A' },
    });
    expect(same.statusCode).toBe(401);
  });

  it('answers 401 for protected routes without a session and 403 for the wrong role', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });
});
