import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliDeps, runCli } from './cli';
import { openDatabase } from './db/database';
import { buildingRow, makeWorkbook, spaceRow } from './modules/buildings/fixtures/workbooks';
import { verifyAuditChain } from './platform/audit/audit';
import { verifyPassword } from './platform/auth/passwords';
import { FixedClock } from './platform/clock';
import { createTestDatabase, type TestDatabase } from './test/support';

/** Run the CLI and capture what it prints. */
async function run(argv: string[], deps: CliDeps = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    clock: new FixedClock('2026-11-20T02:00:00.000Z'),
    ...deps,
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('qifu CLI against the test database', () => {
  let tdb: TestDatabase;
  const deps = (env: Record<string, string> = {}): CliDeps => ({
    database: tdb.handle,
    env: { QIFU_DATA_DIR: os.tmpdir(), ...env },
  });

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('prints help, and answers usage errors with exit code 2', async () => {
    const help = await run(['help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('create-admin');
    expect(help.out).toContain('退出码');
    expect((await run([])).code).toBe(2);
    const unknown = await run(['frobnicate'], deps());
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('frobnicate');
    expect((await run(['seed', '--bogus'], deps())).code).toBe(2);
    expect((await run(['audit'], deps())).code).toBe(2);
  });

  it('migrate reports an up-to-date database', async () => {
    const r = await run(['migrate'], deps());
    expect(r.code).toBe(0);
    expect(r.out).toContain('up to date');
  });

  it('seeds an empty database once; later runs change nothing and --force is refused', async () => {
    const first = await run(['seed'], deps());
    expect(first.code).toBe(0);
    expect(first.out).toContain('enterprises=');
    const count = async () =>
      Number(
        (
          await tdb.handle.db
            .selectFrom('enterprises')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    expect(n).toBeGreaterThanOrEqual(60);

    const again = await run(['seed'], deps());
    expect(again.code).toBe(0);
    expect(again.out).toContain('not created');
    const forced = await run(['seed', '--force'], deps());
    expect(forced.code).toBe(1);
    expect(forced.err).toContain('never deletes');
    expect(await count()).toBe(n);
  });

  it('import buildings previews a spreadsheet, stores it only with --commit and no row in error', async () => {
    // Runs on the seeded database of the test above: the streets and the building_editor account.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-cli-import-'));
    const write = async (name: string, opts: Parameters<typeof makeWorkbook>[0]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, await makeWorkbook(opts));
      return file;
    };
    const building = buildingRow({
      name: '命令行导入测试大厦',
      street: '香港中路',
      address: '东海西路99号',
      grade: '甲级',
      use: '写字楼',
    });
    const good = await write('楼宇.xlsx', {
      buildings: [building],
      spaces: [
        spaceRow({
          buildingName: '命令行导入测试大厦',
          floor: 12,
          unit: '1201',
          area: '1,200平米',
          rent: 3.5,
          rentUnit: '元/㎡·天',
        }),
      ],
    });
    const bad = await write('有错误.xlsx', {
      buildings: [building, buildingRow({ name: '无街道大厦', street: '火星街道', address: '某路1号' })],
    });
    const db = tdb.handle.db;
    const named = async () =>
      (await db.selectFrom('buildings').select('id').where('name', '=', '命令行导入测试大厦').execute())
        .length;
    const counts = async () => ({
      buildings: Number(
        (
          await db
            .selectFrom('buildings')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      spaces: Number(
        (
          await db
            .selectFrom('buildingSpaces')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const before = await counts();

    expect((await run(['import', 'buildings', good], deps())).code).toBe(2);
    expect((await run(['import', 'tenants', good, '--as', 'building_editor'], deps())).code).toBe(2);
    const notEditor = await run(['import', 'buildings', good, '--as', 'admin'], deps());
    expect(notEditor.code).toBe(1);
    expect(notEditor.err).toContain('building editor');
    const missing = await run(
      ['import', 'buildings', path.join(dir, 'none.xlsx'), '--as', 'building_editor'],
      deps(),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('ENOENT');
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), '%PDF-1.7 not a workbook');
    const fake = await run(
      ['import', 'buildings', path.join(dir, 'fake.xlsx'), '--as', 'building_editor'],
      deps(),
    );
    expect(fake.code).toBe(1);
    expect(fake.err).toContain('.xlsx');

    const refused = await run(['import', 'buildings', bad, '--as', 'building_editor', '--commit'], deps());
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('楼宇表第 3 行 无街道大厦：[错误]');
    expect(refused.err).toContain('nothing was stored');

    const preview = await run(['import', 'buildings', good, '--as', 'building_editor'], deps());
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toContain('数据行 rows 2');
    expect(preview.out).toContain('Not stored');
    expect(await counts()).toEqual(before);

    const stored = await run(['import', 'buildings', good, '--as', 'building_editor', '--commit'], deps());
    expect(stored.code, stored.err).toBe(0);
    expect(stored.out).toContain('楼宇 1 新增');
    expect(await counts()).toEqual({ buildings: before.buildings + 1, spaces: before.spaces + 1 });
    expect(await named()).toBe(1);
    const space = await db
      .selectFrom('buildingSpaces as s')
      .innerJoin('buildings as b', 'b.id', 's.buildingId')
      .select(['s.area'])
      .where('b.name', '=', '命令行导入测试大厦')
      .executeTakeFirstOrThrow();
    expect(Number(space.area)).toBe(1200);
    // Audited as the editor named by --as.
    const editor = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'building_editor')
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('auditLog')
      .select(['actorId', 'action'])
      .where('action', 'in', ['building.import_preview', 'building.import_commit'])
      .execute();
    expect(audit.filter((a) => a.action === 'building.import_commit')).toEqual([
      { actorId: editor.id, action: 'building.import_commit' },
    ]);
    expect(audit.every((a) => a.actorId === editor.id)).toBe(true);
  });

  it('create-admin checks its options and the password policy, then creates an audited administrator', async () => {
    expect((await run(['create-admin', '--username', 'root2'], deps())).code).toBe(2);
    expect((await run(['create-admin', '--username', 'Bad Name', '--name', '张三'], deps())).code).toBe(2);
    expect(
      (await run(['create-admin', '--username', 'root2', '--name', '张三', '--phone', '12345'], deps())).code,
    ).toBe(2);

    const weak = await run(
      ['create-admin', '--username', 'root2', '--name', '张三'],
      deps({ QIFU_ADMIN_PASSWORD: 'password1' }),
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('密码');
    expect(
      await tdb.handle.db.selectFrom('users').select('id').where('username', '=', 'root2').executeTakeFirst(),
    ).toBe(undefined);

    const ok = await run(
      ['create-admin', '--username', 'root2', '--name', '张三', '--phone', '13912345678'],
      deps({ QIFU_ADMIN_PASSWORD: 'Strong#Pass2026' }),
    );
    expect(ok.code).toBe(0);
    const user = await tdb.handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'root2')
      .executeTakeFirstOrThrow();
    expect(user.kind).toBe('staff');
    expect(user.phone).toBe('13912345678');
    expect(await verifyPassword('Strong#Pass2026', user.passwordHash)).toBe(true);
    const roles = await tdb.handle.db
      .selectFrom('userRoles')
      .select('role')
      .where('userId', '=', user.id)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['admin']);
    const audit = await tdb.handle.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('objectId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.actorRole).toBe('system');
    expect(audit.requestId).toBe('cli');

    const dup = await run(
      ['create-admin', '--username', 'root2', '--name', '李四'],
      deps({ QIFU_ADMIN_PASSWORD: 'Strong#Pass2026' }),
    );
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('root2');
  });

  it('create-admin reads the password twice when it is typed, and refuses a mismatch', async () => {
    const answers = ['Typed#Pass2026', 'Typed#Pass2027'];
    const r = await run(['create-admin', '--username', 'root3', '--name', '王五'], {
      ...deps(),
      readPassword: async () => answers.shift()!,
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('do not match');
  });

  it('audit verify reports the records checked, and exit 1 with the place where the chain breaks', async () => {
    const good = await run(['audit', 'verify'], deps());
    expect(good.code).toBe(0);
    const checked = (await verifyAuditChain(tdb.handle.db)).checked;
    expect(good.out).toContain(`${checked} records checked`);

    // Tamper with one record the way an attacker with database access would: bypass the append-only trigger.
    const victim = await tdb.handle.db
      .selectFrom('auditLog')
      .select('seq')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await tdb.handle.db.transaction().execute(async (trx) => {
      if (tdb.handle.dialect.name === 'sqlite') await sql`drop trigger audit_log_no_update`.execute(trx);
      else await sql`alter table audit_log disable trigger audit_log_no_change`.execute(trx);
      await trx.updateTable('auditLog').set({ result: 'failure' }).where('seq', '=', victim.seq).execute();
    });
    const bad = await run(['audit', 'verify'], deps());
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`seq ${victim.seq}`);
  });

  it('backup and restore on PostgreSQL point to pg_dump / pg_restore', async () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/none', QIFU_DATA_DIR: os.tmpdir() };
    const b = await run(['backup', path.join(os.tmpdir(), 'x.tar.gz')], { env });
    expect(b.code).toBe(1);
    expect(b.err).toContain('pg_dump');
    const r = await run(['restore', path.join(os.tmpdir(), 'x.tar.gz')], { env });
    expect(r.code).toBe(1);
    expect(r.err).toContain('pg_restore');
  });
});

describe('qifu backup / restore (SQLite)', () => {
  let root: string;
  const envFor = (dir: string) => ({ QIFU_DATA_DIR: dir });
  const longName = `${'很长的附件名称'.repeat(5)}.pdf`;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-cli-test-'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up the database and attachments and restores them into an empty data folder', async () => {
    const source = path.join(root, 'source');
    expect((await run(['seed'], { env: envFor(source) })).code).toBe(0);
    fs.mkdirSync(path.join(source, 'files', '2026', '11'), { recursive: true });
    fs.writeFileSync(path.join(source, 'files', '2026', '11', 'license.pdf'), Buffer.alloc(70_000, 7));
    fs.writeFileSync(path.join(source, 'files', '2026', '11', longName), '附件内容');
    fs.writeFileSync(path.join(source, 'files', 'empty.txt'), '');

    const archive = path.join(root, 'backups', 'qifu.tar.gz');
    const b = await run(['backup', archive], { env: envFor(source) });
    expect(b.code, b.err).toBe(0);
    expect(fs.existsSync(archive)).toBe(true);
    // A backup file is never overwritten.
    expect((await run(['backup', archive], { env: envFor(source) })).code).toBe(1);

    // The archive is a standard tar.gz that the system tar can list, long names included.
    let listing: string | null = null;
    try {
      listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    } catch {
      listing = null; // no tar on this machine; the restore below still checks the contents
    }
    if (listing !== null) {
      expect(listing).toContain('qifu.sqlite');
      expect(listing).toContain(`files/2026/11/${longName}`);
    }

    const target = path.join(root, 'target');
    const r = await run(['restore', archive], { env: envFor(target) });
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(path.join(target, 'files', '2026', '11', 'license.pdf'))).toEqual(
      Buffer.alloc(70_000, 7),
    );
    expect(fs.readFileSync(path.join(target, 'files', '2026', '11', longName), 'utf8')).toBe('附件内容');
    expect(fs.readFileSync(path.join(target, 'files', 'empty.txt'), 'utf8')).toBe('');

    const restored = openDatabase({ sqliteFile: path.join(target, 'qifu.sqlite') });
    try {
      const n = await restored.db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBeGreaterThanOrEqual(60);
      expect((await verifyAuditChain(restored.db)).ok).toBe(true);
      const actions = (await restored.db.selectFrom('auditLog').select('action').execute()).map(
        (a) => a.action,
      );
      expect(actions).toContain('system.restore');
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over data without --force, and with --force moves the old data aside', async () => {
    const archive = path.join(root, 'backups', 'qifu.tar.gz');
    const target = path.join(root, 'target');
    const refused = await run(['restore', archive], { env: envFor(target) });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--force');

    const forced = await run(['restore', archive, '--force'], {
      env: envFor(target),
      clock: new FixedClock('2026-11-21T03:00:00.000Z'),
    });
    expect(forced.code, forced.err).toBe(0);
    const aside = fs.readdirSync(target).filter((n) => n.startsWith('before-restore-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(target, aside[0]!, 'qifu.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(target, aside[0]!, 'files', 'empty.txt'))).toBe(true);
    expect(fs.existsSync(path.join(target, 'qifu.sqlite'))).toBe(true);
  });

  it('rejects files that are not Qifu backups', async () => {
    const junk = path.join(root, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a tarball');
    const r = await run(['restore', junk], { env: envFor(path.join(root, 'junk-target')) });
    expect(r.code).toBe(1);
    expect((await run(['restore', path.join(root, 'missing.tar.gz')], { env: envFor(root) })).code).toBe(1);
  });
});
