import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPolicyTestEnv,
  EXE_BYTES,
  makeTestEnterprise,
  multipartBody,
  PDF_BYTES,
  PNG_BYTES,
  type PolicyTestEnv,
  type TestEnterprise,
  upload,
} from '../../modules/policies/test-helpers';

// Attachments: type by content against the allow-list, size limit, multipart only on the upload route, CSRF and
// access rules as everywhere else, and files readable only by their owners here.

let env: PolicyTestEnv;
let ent: TestEnterprise;
let other: TestEnterprise;

beforeAll(async () => {
  env = await createPolicyTestEnv();
  ent = await makeTestEnterprise(env, { name: '青岛海岳云智能科技有限公司' });
  other = await makeTestEnterprise(env, { name: '青岛鹏程软件技术有限公司' });
});
afterAll(async () => env.close());

describe('uploads', () => {
  it('accepts the allowed types, decided by content, whatever the name says', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('营收').addRow(['年度', '营业收入']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [name, bytes, ext] of [
      ['申请表.pdf', PDF_BYTES, 'pdf'],
      ['照片.png', PNG_BYTES, 'png'],
      ['财务数据.xlsx', xlsx, 'xlsx'],
      ['名字说是word.docx', PDF_BYTES, 'pdf'],
    ] as const) {
      const r = await upload(env, ent.cookie, name, bytes);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ name, ext, size: bytes.length });
    }
  });

  it('refuses executables, text posing as PDF, a zip, and empty or oversized files', async () => {
    expect((await upload(env, ent.cookie, 'setup.exe', EXE_BYTES)).statusCode).toBe(415);
    const fake = await upload(env, ent.cookie, '合同.pdf', Buffer.from('just text\n'.repeat(50)));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('按文件内容识别');
    const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex');
    expect((await upload(env, ent.cookie, 'a.zip', zip)).statusCode).toBe(415);
    expect((await upload(env, ent.cookie, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const big = await upload(
      env,
      ent.cookie,
      'big.pdf',
      Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
  });

  it('applies access and CSRF rules to multipart like to JSON', async () => {
    const body = multipartBody('a.pdf', PDF_BYTES);
    const anonymous = await env.t.app.inject({ method: 'POST', url: '/api/v1/files', ...body });
    expect(anonymous.statusCode).toBe(401);
    const cross = await env.t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: body.payload,
      headers: {
        ...body.headers,
        cookie: ent.cookie,
        origin: 'https://evil.example',
        host: 'localhost:3000',
      },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CSRF_REJECTED');
    // Staff without the policy editor role upload nothing; enterprises upload no policy attachments.
    expect((await upload(env, env.cookies.handler, 'a.pdf', PDF_BYTES)).statusCode).toBe(403);
    expect((await upload(env, ent.cookie, 'a.pdf', PDF_BYTES, 'policy')).statusCode).toBe(403);
    expect((await upload(env, env.cookies.editor, 'a.pdf', PDF_BYTES, 'policy')).statusCode).toBe(201);
  });

  it('accepts multipart only on the upload route, and only multipart there', async () => {
    const body = multipartBody('a.pdf', PDF_BYTES);
    const elsewhere = await env.t.app.inject({
      method: 'PUT',
      url: '/api/v1/policies/subscriptions',
      payload: body.payload,
      headers: { ...body.headers, cookie: ent.cookie },
    });
    expect(elsewhere.statusCode).toBe(415);
    const json = await env.t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: { file: 'JVBERi0=' },
      headers: { cookie: ent.cookie },
    });
    expect(json.statusCode).toBe(415);
  });

  it('lets the uploader’s enterprise read a file back, and nobody else', async () => {
    const id = (await upload(env, ent.cookie, '营业执照.pdf', PDF_BYTES)).json().id;
    const own = await env.call('GET', `/files/${id}`, undefined, ent.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''%E8%90%A5%E4%B8%9A");
    expect(own.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect((await env.call('GET', `/files/${id}`, undefined, other.cookie)).statusCode).toBe(404);
    expect((await env.call('GET', `/files/${id}`, undefined, env.cookies.editor)).statusCode).toBe(404);
  });
});
