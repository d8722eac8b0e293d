/**
 * Test fixtures of the appeals module: departments, staff of every appeal role and enterprises with logged-in
 * users, a small dispatch catalogue, and `call` / `act` helpers over app.inject.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../shared/roles';
import type { Platform } from '../../app';
import { toJson } from '../../db/dialect';
import { AuditLog } from '../../platform/audit/audit';
import { makeDepartment, makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { CalendarService } from '../calendar/service';
import { bindUser, makeEnterprise, seedReferenceData } from '../enterprises/test-fixtures';
import { NotificationService } from '../notifications/service';

/** Tuesday 2026-03-10 10:00 Asia/Shanghai. */
export const APPEAL_TEST_NOW = '2026-03-10T02:00:00.000Z';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppealTestEnv {
  t: TestApp;
  dept: { lead: string; assist: string; other: string };
  ent: { a: string; b: string };
  ids: Record<string, string>;
  cookies: {
    dispatcher: string;
    dispatcher2: string;
    leader: string;
    handler: string;
    assistHandler: string;
    otherHandler: string;
    liaison: string;
    admin: string;
    entA: string;
    entAMember: string;
    entB: string;
  };
  call(
    method: Method,
    url: string,
    payload?: unknown,
    cookie?: string,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** POST /appeals/:id/actions/:action. */
  act(id: string, action: string, body: unknown, cookie: string): Promise<LightMyRequestResponse>;
  /** Submit as enterprise A's admin; returns the detail. */
  submit(
    over?: Record<string, unknown>,
    cookie?: string,
  ): Promise<{ id: string; code: string; version: number }>;
  /** Move the test clock, keeping the sessions alive. */
  setClock(at: string): Promise<void>;
  close(): Promise<void>;
}

let phoneSerial = 0;
function freshPhone(): string {
  phoneSerial += 1;
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(phoneSerial).padStart(4, '0')}`;
}

export async function createAppealTestEnv(
  opts: { now?: string; env?: Record<string, string> } = {},
): Promise<AppealTestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-appeals-'));
  const t = await createTestApp({
    now: opts.now ?? APPEAL_TEST_NOW,
    env: { QIFU_DATA_DIR: dataDir, ...opts.env },
  });
  const db = t.database.db;
  await seedReferenceData(db);
  const lead = await makeDepartment(t.database, { name: '区市场监督管理局' });
  const assist = await makeDepartment(t.database, { name: '区人力资源和社会保障局' });
  const other = await makeDepartment(t.database, { name: '区住房和城乡建设局' });
  const staff = async (roles: Role[], departmentId?: string) => {
    const s = await makeStaff(t.database, roles, departmentId ? { departmentId } : {});
    return { id: s.id, cookie: await login(t.app, s.username, s.password) };
  };
  const dispatcher = await staff(['dispatcher']);
  const dispatcher2 = await staff(['dispatcher']);
  const leader = await staff(['leader']);
  const handler = await staff(['handler'], lead);
  const assistHandler = await staff(['handler'], assist);
  const otherHandler = await staff(['handler'], other);
  const liaison = await staff(['liaison']);
  const admin = await staff(['admin']);
  const a = await makeEnterprise(db, { name: '青岛海纳信息技术有限公司', liaisonUserId: liaison.id });
  const b = await makeEnterprise(db, { name: '青岛蓝湾餐饮管理有限公司' });
  const entUser = async (enterpriseId: string, role: 'enterprise_admin' | 'enterprise_member') => {
    const u = await makeEnterpriseUser(t.database, freshPhone());
    await bindUser(db, u.id, enterpriseId, role);
    return { id: u.id, cookie: await login(t.app, u.phone, u.password) };
  };
  const entA = await entUser(a.id, 'enterprise_admin');
  const entAMember = await entUser(a.id, 'enterprise_member');
  const entB = await entUser(b.id, 'enterprise_admin');
  const at = new Date().toISOString();
  await db
    .insertInto('appealTopics')
    .values([
      {
        code: 'market_license',
        name: '证照办理',
        category: '市场监管',
        description: '营业执照、许可证的办理与变更',
        leadDepartmentId: lead,
        keywords: toJson(['营业执照', '许可证', '变更']),
        sla: toJson({}),
        active: 1,
        sortOrder: 1,
        createdAt: at,
        updatedAt: at,
      },
      {
        code: 'labor_social',
        name: '用工与社保',
        category: '人社',
        description: '招聘、社保、稳岗补贴',
        leadDepartmentId: assist,
        keywords: toJson(['社保', '招聘', '稳岗']),
        sla: toJson({ replyWorkdays: 5 }),
        active: 1,
        sortOrder: 2,
        createdAt: at,
        updatedAt: at,
      },
      {
        code: 'retired_topic',
        name: '已停用分类',
        category: '其他',
        description: '',
        leadDepartmentId: other,
        keywords: toJson([]),
        sla: toJson({}),
        active: 0,
        sortOrder: 3,
        createdAt: at,
        updatedAt: at,
      },
    ])
    .execute();

  const call: AppealTestEnv['call'] = (method, url, payload, cookie, headers) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: { ...(cookie ? { cookie } : {}), ...(headers ?? {}) },
    });
  const cookies = {
    dispatcher: dispatcher.cookie,
    dispatcher2: dispatcher2.cookie,
    leader: leader.cookie,
    handler: handler.cookie,
    assistHandler: assistHandler.cookie,
    otherHandler: otherHandler.cookie,
    liaison: liaison.cookie,
    admin: admin.cookie,
    entA: entA.cookie,
    entAMember: entAMember.cookie,
    entB: entB.cookie,
  };
  return {
    t,
    dept: { lead, assist, other },
    ent: { a: a.id, b: b.id },
    ids: {
      dispatcher: dispatcher.id,
      leader: leader.id,
      handler: handler.id,
      assistHandler: assistHandler.id,
      liaison: liaison.id,
      entA: entA.id,
      entAMember: entAMember.id,
      entB: entB.id,
    },
    cookies,
    call,
    act: (id, action, body, cookie) => call('POST', `/appeals/${id}/actions/${action}`, body, cookie),
    async submit(over = {}, cookie = cookies.entA) {
      const res = await call(
        'POST',
        '/appeals',
        {
          type: 'consult',
          topicCode: 'market_license',
          title: '营业执照经营范围变更咨询',
          content: '我公司计划增加软件开发的经营范围，请问营业执照变更需要准备哪些材料，能否全程网办？',
          isPublic: true,
          ...over,
        },
        cookie,
      );
      if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
      const body = res.json();
      return { id: body.id, code: body.code, version: body.version };
    },
    async setClock(at) {
      t.clock.set(at);
      // Moving the clock would end the sessions (idle timeout): keep them alive at the new instant.
      await db
        .updateTable('sessions')
        .set({ lastSeenAt: at, expiresAt: new Date(new Date(at).getTime() + 30 * 86_400_000).toISOString() })
        .execute();
    },
    close: async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second "instance" over the same database: the platform services the appeals service and jobs use (what another
 * app process would build), without HTTP.
 */
export async function instancePlatform(t: TestApp): Promise<Platform> {
  const audit = new AuditLog(t.database.dialect, t.clock);
  const calendar = new CalendarService(t.database.db, t.clock);
  await calendar.load();
  return {
    config: t.config,
    database: t.database,
    clock: t.clock,
    audit,
    calendar,
    notifications: new NotificationService(t.database.db, t.clock, audit),
  } as unknown as Platform;
}
