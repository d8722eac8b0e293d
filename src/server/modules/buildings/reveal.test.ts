import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildingTestEnv, createBuilding, createBuildingTestEnv } from './test-helpers';

// Personal data in the buildings module (SPEC §2.1): the building's contact person and the viewing requests' phones
// are masked for everyone but the building editors' own record-keeping; a viewing request's phone is revealed to a
// building editor through POST /personal-data/reveal, with one audit record.

let env: BuildingTestEnv;

const reveal = (body: unknown, cookie?: string) => env.call('POST', '/personal-data/reveal', body, cookie);
const reveals = async () =>
  (
    await env.t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'personal_data.reveal')
      .orderBy('seq')
      .execute()
  ).length;

beforeAll(async () => {
  env = await createBuildingTestEnv();
});
afterAll(async () => env?.close());

describe('building contact phone', () => {
  it('is in full for the building editors only; other staff see it masked like the public', async () => {
    const id = await createBuilding(env, { contactName: '王经理', contactPhone: '13812345678' });
    const editor = await env.call('GET', `/buildings/${id}`, undefined, env.cookies.editor);
    expect(editor.json().contactPhone).toBe('13812345678');
    for (const cookie of [env.cookies.policyEditor, env.cookies.enterprise, undefined]) {
      const res = await env.call('GET', `/buildings/${id}`, undefined, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ contactName: '王经理', contactPhone: '138****5678' });
    }
  });
});

describe('viewing request phone', () => {
  let requestId: string;

  beforeAll(async () => {
    const id = await createBuilding(env, { name: '脱敏测试大厦' });
    const res = await env.call(
      'POST',
      `/buildings/${id}/viewing-requests`,
      { name: '陈女士', phone: '139 8765 4321' },
      { ip: '10.0.9.1' },
    );
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().id;
  });

  it('is masked in the queue and revealed to a building editor, one audit record without the value', async () => {
    const queue = await env.call('GET', '/viewing-requests', undefined, env.cookies.editor);
    const item = queue.json().items.find((i: { id: string }) => i.id === requestId);
    expect(item.phone).toBe('139****4321');

    const before = await reveals();
    const res = await reveal({ kind: 'viewing_request', id: requestId, field: 'phone' }, env.cookies.editor2);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ value: '13987654321' });
    expect(await reveals()).toBe(before + 1);
    const rec = await env.t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'personal_data.reveal')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({
      objectType: 'viewing_request',
      objectId: requestId,
      actorId: env.ids.editor2,
    });
    expect(rec.details).not.toContain('13987654321');
  });

  it('refuses other roles (403) and unknown requests (404), unrecorded', async () => {
    const before = await reveals();
    const body = { kind: 'viewing_request', id: requestId, field: 'phone' };
    const policy = await reveal(body, env.cookies.policyEditor);
    expect(policy.statusCode).toBe(403);
    expect(policy.json().error.code).toBe('FORBIDDEN');
    expect((await reveal(body, env.cookies.enterprise)).statusCode).toBe(403);
    expect((await reveal(body)).statusCode).toBe(401);
    const missing = await reveal({ ...body, id: 'no-such-request' }, env.cookies.editor);
    expect(missing.statusCode).toBe(404);
    expect((await reveal({ ...body, field: 'name' }, env.cookies.editor)).statusCode).toBe(400);
    expect(await reveals()).toBe(before);
  });
});
