import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../../server/platform/http/access';
import { createTestApp, type TestApp } from '../../../server/test/support';
import { policyApi, policyDownloads } from './paths';

/** Every URL the policy pages build names a route the server has (the method is checked in api-contract.test.ts). */
let t: TestApp;
let urls: string[];

beforeAll(async () => {
  t = await createTestApp();
  urls = listRoutes(t.app).map((r) => r.url);
});
afterAll(async () => {
  await t?.close();
});

/** `/api/v1/policies/claims/:id/attachments/:fileId` matches `/api/v1/policies/claims/X/attachments/Y`. */
function routeFor(path: string): string | undefined {
  const parts = path.split('?')[0]!.split('/');
  return urls.find((u) => {
    const us = u.split('/');
    return us.length === parts.length && us.every((seg, i) => seg.startsWith(':') || seg === parts[i]);
  });
}

describe('policy API paths', () => {
  it('exist on the server', () => {
    const built: string[] = [];
    for (const v of Object.values(policyApi)) {
      built.push(typeof v === 'string' ? v : (v as (...a: unknown[]) => string)('X', 'approve'));
    }
    const missing = built.map((p) => `/api/v1${p}`).filter((p) => !routeFor(p));
    expect(missing).toEqual([]);
    const downloads = Object.values(policyDownloads).map((f) => (f as (...a: string[]) => string)('X', 'Y'));
    expect(downloads.filter((p) => !routeFor(p))).toEqual([]);
  });

  it('encode ids so a strange id cannot reach another route', () => {
    expect(policyApi.claim('a/../b')).toBe('/policies/claims/a%2F..%2Fb');
    expect(policyApi.documentVersion('d1', 3)).toBe('/policies/documents/d1/versions/3');
  });
});
