/**
 * Test fixtures of the buildings module: the app with a building editor, other staff and an enterprise user logged
 * in, and buildings and spaces created through the API (the same paths the editor's forms use).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { BuildingInput, SpaceInput } from '../../../shared/buildings-api';
import { makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { bindUser, makeEnterprise, seedReferenceData } from '../enterprises/test-fixtures';

/** 2026-11-26 10:00 in Asia/Shanghai. */
export const TEST_NOW = '2026-11-26T02:00:00.000Z';
export const BADAXIA = '370202001';
export const YUNNANLU = '370202002';
export const ZHONGSHANLU = '370202003';
export const ZHANSHAN = '370202013';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  cookie?: string;
  ip?: string;
  userAgent?: string;
}

export interface BuildingTestEnv {
  t: TestApp;
  dataDir: string;
  cookies: { editor: string; editor2: string; policyEditor: string; enterprise: string };
  ids: { editor: string; editor2: string; policyEditor: string; enterpriseUser: string; enterprise: string };
  call(
    method: Method,
    url: string,
    payload?: unknown,
    opts?: string | CallOptions,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let phoneSerial = 0;
function freshPhone(): string {
  phoneSerial += 1;
  return `137${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneSerial).padStart(4, '0')}`;
}

export async function createBuildingTestEnv(): Promise<BuildingTestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-buildings-'));
  const t = await createTestApp({ now: TEST_NOW, env: { QIFU_DATA_DIR: dataDir } });
  await seedReferenceData(t.database.db);
  const editor = await makeStaff(t.database, ['building_editor']);
  const editor2 = await makeStaff(t.database, ['building_editor']);
  const policyEditor = await makeStaff(t.database, ['policy_editor']);
  const user = await makeEnterpriseUser(t.database, freshPhone());
  const ent = await makeEnterprise(t.database.db, { name: '青岛测试租户科技有限公司', streetCode: ZHANSHAN });
  await bindUser(t.database.db, user.id, ent.id);
  const call = (method: Method, url: string, payload?: unknown, opts?: string | CallOptions) => {
    const o: CallOptions = typeof opts === 'string' ? { cookie: opts } : (opts ?? {});
    const headers: Record<string, string> = {};
    if (o.cookie) headers.cookie = o.cookie;
    if (o.userAgent) headers['user-agent'] = o.userAgent;
    return t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers,
      ...(o.ip ? { remoteAddress: o.ip } : {}),
    });
  };
  return {
    t,
    dataDir,
    cookies: {
      editor: await login(t.app, editor.username, editor.password),
      editor2: await login(t.app, editor2.username, editor2.password),
      policyEditor: await login(t.app, policyEditor.username, policyEditor.password),
      enterprise: await login(t.app, user.phone, user.password),
    },
    ids: {
      editor: editor.id,
      editor2: editor2.id,
      policyEditor: policyEditor.id,
      enterpriseUser: user.id,
      enterprise: ent.id,
    },
    call,
    close: async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let buildingSerial = 0;

/** A building through the API (editor), with defaults. */
export async function createBuilding(
  env: BuildingTestEnv,
  over: Partial<BuildingInput> = {},
): Promise<string> {
  buildingSerial += 1;
  const input: BuildingInput = {
    name: `测试大厦${buildingSerial}`,
    street: ZHONGSHANLU,
    address: `中山路${buildingSerial}号`,
    grade: 'a',
    use: 'office',
    lat: 36.06 + buildingSerial / 1000,
    lng: 120.31,
    tags: [],
    ...over,
  };
  const res = await env.call('POST', '/buildings', input, env.cookies.editor);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

let unitSerial = 0;

/** A space through the API (editor); defaults: vacant, 10th floor, 200 ㎡, 3 元/㎡·天. */
export async function addSpace(
  env: BuildingTestEnv,
  buildingId: string,
  over: Partial<SpaceInput> = {},
): Promise<string> {
  unitSerial += 1;
  const input: SpaceInput = {
    floor: 10,
    unit: `${1000 + unitSerial}`,
    area: 200,
    rentAmount: 3,
    rentUnit: 'yuan_per_sqm_day',
    status: 'vacant',
    ...over,
  };
  const res = await env.call('POST', `/buildings/${buildingId}/spaces`, input, env.cookies.editor);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Ids of a search, in order. */
export async function searchIds(env: BuildingTestEnv, query: string, cookie?: string): Promise<string[]> {
  const res = await env.call('GET', `/buildings?${query}`, undefined, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
}

/** The building row straight from the database. */
export function buildingRow(env: BuildingTestEnv, id: string) {
  return env.t.database.db.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
