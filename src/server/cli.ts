import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import SQLite from 'better-sqlite3';
import { createStaffSchema } from '../shared/accounts';
import { checkPassword } from '../shared/password-policy';
import type { Role } from '../shared/roles';
import { phoneSchema } from '../shared/validation';
import { type Config, ConfigError, loadConfig } from './config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './db/database';
import { isDatabaseEmpty, seedDemo } from './db/seed';
import { BuildingImportService } from './modules/buildings/import';
import { type AuditEntry, AuditLog, verifyAuditChain } from './platform/audit/audit';
import { hashPassword } from './platform/auth/passwords';
import { type Clock, systemClock } from './platform/clock';
import { type RequestContext, systemContext } from './platform/context';
import { newId } from './platform/ids';
import { SearchIndex } from './platform/text/search-index';

/**
 * `qifu <command>`: the administrator's command line (SPEC §3). Run it as `npx qifu …` or `npm run qifu -- …`.
 * Exit codes: 0 success, 1 failure (the command ran and refused or failed), 2 usage error.
 */

const HELP = `qifu — 企服平台管理命令 / Qifu administration

用法 Usage:  qifu <命令 command> [选项 options]

命令 Commands:
  migrate
      执行尚未执行的数据库迁移。
      Apply pending database migrations.
  seed [--force]
      向空数据库写入演示数据（部门、演示账号、企业）。数据库非空时跳过；--force 在非空数据库上
      明确拒绝并返回 1 —— 本命令从不删除或覆盖数据。
      Create the demo data set in an empty database. Skipped when the database holds data; with --force
      the refusal is an error (exit 1). This command never deletes or overwrites data.
  create-admin --username <用户名> --name <姓名> [--phone <手机号>]
      创建系统管理员。密码取自环境变量 QIFU_ADMIN_PASSWORD，未设置时在终端输入（不回显）。
      Create a system administrator. The password comes from QIFU_ADMIN_PASSWORD, or is typed (hidden).
  audit verify
      校验审计日志的哈希链，报告校验条数或断开位置（断开时返回 1）。
      Verify the audit log's hash chain; prints the records checked or where it breaks (exit 1 if broken).
  backup <文件 file.tar.gz>
      备份 SQLite 数据库（一致性快照）与附件目录。PostgreSQL 请使用 pg_dump。
      Back up the SQLite database (consistent snapshot) and the attachments. For PostgreSQL use pg_dump.
  restore <文件 file.tar.gz> [--force]
      从备份恢复（请先停止服务）。目标已有数据时需加 --force，原数据移入 before-restore-<时间>/，不会删除。
      Restore a backup (stop the server first). If the target holds data, --force moves it aside to
      before-restore-<time>/ — nothing is deleted.
  import buildings <文件 file.xlsx> --as <用户名> [--commit]
      按楼宇房源导入模板校验表格，打印预览报告（逐行错误与警告、新增与合并的楼宇和房源）；加 --commit
      且无错误行时整体入库（任一行有错则不导入任何数据）。--as 为执行导入的楼宇编辑账号，记入审计日志。
      Check a spreadsheet against the buildings import template and print the preview report (per-row errors
      and warnings, buildings and spaces new or merged); with --commit and no row in error, store all of it
      (any error: nothing is stored). --as names the building editor the import and its audit records are for.
  help
      显示本帮助。Show this help.

配置 Configuration: 与服务相同的环境变量（DATABASE_URL、QIFU_DATA_DIR …，见 README）。
                   The same environment variables as the server (DATABASE_URL, QIFU_DATA_DIR …, see README).
退出码 Exit codes: 0 成功 success · 1 失败 failure · 2 用法错误 usage error
`;

/** Wrong command or options: print the message and the hint to `qifu help`, exit 2. */
class UsageError extends Error {}
/** The command ran and could not do what was asked: print the message, exit 1. */
class CommandFailed extends Error {}

export interface CliDeps {
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (text: string) => void;
  clock?: Clock;
  /** Use this database instead of opening one from the configuration (tests); it is not closed. */
  database?: DatabaseHandle;
  /** Read a password without echo; defaults to the terminal (or the first line of piped stdin). */
  readPassword?: (prompt: string) => Promise<string>;
}

interface Ctx {
  config: Config;
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  clock: Clock;
  deps: CliDeps;
}

/** Run one command; resolves to the process exit code. */
export async function runCli(argv: readonly string[], deps: CliDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.out ?? ((s: string) => process.stdout.write(`${s}\n`));
  const err = deps.err ?? ((s: string) => process.stderr.write(`${s}\n`));
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(HELP);
    return command ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`配置错误 / ${e.message}`);
      return 1;
    }
    throw e;
  }
  const ctx: Ctx = { config, env, out, err, clock: deps.clock ?? systemClock, deps };
  try {
    switch (command) {
      case 'migrate':
        return await withDatabase(ctx, (db) => migrate(ctx, db, parse(rest, {})));
      case 'seed':
        return await withDatabase(ctx, (db) => seed(ctx, db, parse(rest, { force: { type: 'boolean' } })));
      case 'create-admin':
        return await createAdmin(ctx, rest);
      case 'audit':
        return await audit(ctx, rest);
      case 'backup':
        return await backup(ctx, rest);
      case 'restore':
        return await restore(ctx, rest);
      case 'import':
        return await importSpreadsheet(ctx, rest);
      default:
        throw new UsageError(`未知命令 Unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n运行 qifu help 查看用法 / Run \`qifu help\` for usage.`);
      return 2;
    }
    if (e instanceof CommandFailed) {
      err(e.message);
      return 1;
    }
    // An AppError (a refused file, say) carries a message written for the person who sent it.
    err(`失败 Failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse<O extends OptionSpec>(args: readonly string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`多余的参数 Unexpected argument: ${parsed.positionals[positionals]}`);
    }
    return parsed;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

async function withDatabase(ctx: Ctx, fn: (db: DatabaseHandle) => Promise<number>): Promise<number> {
  const db =
    ctx.deps.database ??
    openDatabase({ databaseUrl: ctx.config.databaseUrl, sqliteFile: ctx.config.sqliteFile });
  try {
    return await fn(db);
  } finally {
    if (!ctx.deps.database) await db.close();
  }
}

/** Append one audit record of a CLI action, in its own transaction when the action has none. */
async function auditCli(ctx: Ctx, db: DatabaseHandle, entry: AuditEntry): Promise<void> {
  const log = new AuditLog(db.dialect, ctx.clock);
  await db.db
    .transaction()
    .execute((trx) => log.write(trx, systemContext('cli'), { actorId: null, actorRole: 'system', ...entry }));
}

// ——— migrate ———

async function migrate(ctx: Ctx, db: DatabaseHandle, _args: unknown): Promise<number> {
  const applied = await migrateToLatest(db);
  if (applied.length === 0) {
    ctx.out(`数据库已是最新 / Database is up to date (${db.description})`);
    return 0;
  }
  await auditCli(ctx, db, { action: 'system.migrate', objectType: 'system', details: { applied } });
  ctx.out(`已执行迁移 / Applied migrations: ${applied.join(', ')}`);
  return 0;
}

// ——— seed ———

async function seed(ctx: Ctx, db: DatabaseHandle, args: { values: { force?: boolean } }): Promise<number> {
  await migrateToLatest(db);
  if (!(await isDatabaseEmpty(db.db))) {
    const message =
      '数据库已有数据，未写入演示数据。演示数据只写入空数据库；本命令不会删除或覆盖任何数据。\n' +
      '如需全新的演示环境，请使用新的 QIFU_DATA_DIR 或新的数据库。\n' +
      'The database already holds data; demo data was not created. Demo data goes only into an empty database and\n' +
      'this command never deletes or overwrites data. Use a new QIFU_DATA_DIR or a new database for a fresh demo.';
    if (args.values.force) throw new CommandFailed(`--force 被拒绝 / --force refused.\n${message}`);
    ctx.out(message);
    return 0;
  }
  const summary = await seedDemo(db, { clock: ctx.clock, requestId: 'cli' });
  if (!summary) {
    ctx.out('另一个进程刚刚写入了数据，已跳过 / Another process wrote data just now; skipped.');
    return 0;
  }
  ctx.out(
    `演示数据已创建 / Demo data created: ${Object.entries(summary)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n演示账号见 README.md / Demo accounts: see README.md`,
  );
  return 0;
}

// ——— import ———

/** How many row problems the report prints (the rest are counted; the web page pages through all of them). */
const IMPORT_ISSUES_SHOWN = 50;

async function importSpreadsheet(ctx: Ctx, rest: readonly string[]): Promise<number> {
  const { values, positionals } = parse(rest, { as: { type: 'string' }, commit: { type: 'boolean' } }, 2);
  const [kind, file] = positionals;
  if (kind !== 'buildings')
    throw new UsageError('用法 Usage: qifu import buildings <file.xlsx> --as <用户名> [--commit]');
  if (!file)
    throw new UsageError('需要文件 / A file is required: qifu import buildings <file.xlsx> --as <用户名>');
  if (!values.as)
    throw new UsageError('需要 --as <楼宇编辑用户名> / --as <building editor username> is required');
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw new CommandFailed(`无法读取文件 / Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  return withDatabase(ctx, async (db) => {
    await migrateToLatest(db);
    const user = await db.db
      .selectFrom('users')
      .select(['id', 'displayName', 'kind', 'status', 'departmentId'])
      .where('username', '=', values.as!)
      .executeTakeFirst();
    const roles = user
      ? (await db.db.selectFrom('userRoles').select('role').where('userId', '=', user.id).execute()).map(
          (r) => r.role as Role,
        )
      : [];
    if (user?.status !== 'active' || !roles.includes('building_editor'))
      throw new CommandFailed(
        `--as ${values.as}：不是启用状态的楼宇编辑账号 / is not an active building editor account`,
      );
    const search = new SearchIndex(db.db, db.dialect, ctx.clock);
    const service = new BuildingImportService({
      config: ctx.config,
      database: db,
      clock: ctx.clock,
      audit: new AuditLog(db.dialect, ctx.clock),
      search,
    });
    const rc: RequestContext = {
      principal: {
        userId: user.id,
        sessionId: 'cli',
        kind: 'staff',
        displayName: user.displayName,
        roles,
        departmentId: user.departmentId,
        enterpriseId: null,
        passwordExpired: false,
      },
      ip: null,
      requestId: 'cli',
    };
    try {
      const preview = await service.preview(rc, path.basename(file), data);
      const { summary } = preview.report;
      ctx.out(
        [
          `导入预览 / Preview ${preview.importId}: ${path.basename(file)}`,
          `  工作表 sheets: ${preview.report.sheets.map((t) => `${t.name} ${t.rows} 行`).join('，')}`,
          `  数据行 rows ${summary.rows}：无问题 ok ${summary.ok}，有警告 warnings ${summary.withWarnings}，有错误 errors ${summary.withErrors}，跳过 skipped ${summary.skipped}`,
          `  楼宇 buildings：新增 new ${summary.newBuildings}，合并 merged ${summary.updatedBuildings}；房源 spaces：新增 new ${summary.newSpaces}，更新 updated ${summary.updatedSpaces}`,
        ].join('\n'),
      );
      const rows = (await service.rows(rc, preview.importId, { page: 1, pageSize: 500 })).items;
      const flagged = rows.filter((r) => r.issues.length > 0);
      for (const r of flagged.slice(0, IMPORT_ISSUES_SHOWN)) {
        for (const issue of r.issues)
          ctx.out(
            `  ${r.sheet === 'buildings' ? '楼宇' : '房源'}表第 ${r.row} 行 ${r.label}：[${issue.level === 'error' ? '错误' : '警告'}] ${issue.message}`,
          );
      }
      const more = summary.withErrors + summary.withWarnings - Math.min(flagged.length, IMPORT_ISSUES_SHOWN);
      if (more > 0) ctx.out(`  …另有 ${more} 行有问题 / ${more} more rows with issues`);
      if (summary.withErrors > 0)
        throw new CommandFailed(
          `有 ${summary.withErrors} 行错误，未导入任何数据；请修改文件后重试 / ${summary.withErrors} rows in error: nothing was stored.`,
        );
      if (!values.commit) {
        ctx.out('未入库：确认无误后加 --commit 再次运行 / Not stored: run again with --commit to store it.');
        return 0;
      }
      const result = await service.commit(rc, preview.importId);
      ctx.out(
        `已导入 / Stored: 楼宇 ${result.summary.newBuildings} 新增、${result.summary.updatedBuildings} 合并，房源 ${result.summary.newSpaces} 新增、${result.summary.updatedSpaces} 更新`,
      );
      return 0;
    } finally {
    }
  });
}

// ——— create-admin ———

async function createAdmin(ctx: Ctx, rest: readonly string[]): Promise<number> {
  const { values } = parse(rest, {
    username: { type: 'string' },
    name: { type: 'string' },
    phone: { type: 'string' },
  });
  if (!values.username || !values.name) {
    throw new UsageError('需要 --username 与 --name / --username and --name are required');
  }
  const username = createStaffSchema.shape.username.safeParse(values.username);
  if (!username.success) throw new UsageError(`--username: ${username.error.issues[0]?.message}`);
  const name = createStaffSchema.shape.displayName.safeParse(values.name);
  if (!name.success) throw new UsageError(`--name: ${name.error.issues[0]?.message}`);
  let phone: string | null = null;
  if (values.phone !== undefined) {
    const p = phoneSchema.safeParse(values.phone);
    if (!p.success) throw new UsageError(`--phone: ${p.error.issues[0]?.message}`);
    phone = p.data;
  }

  const fromEnv = ctx.env.QIFU_ADMIN_PASSWORD;
  const read = ctx.deps.readPassword ?? readPasswordFromTerminal;
  let password: string;
  if (fromEnv) {
    password = fromEnv;
  } else {
    password = await read('密码 Password: ');
    if (process.stdin.isTTY || ctx.deps.readPassword) {
      const again = await read('再次输入 Repeat password: ');
      if (again !== password) throw new CommandFailed('两次输入的密码不一致 / The passwords do not match.');
    }
  }
  const violations = checkPassword(
    password,
    { minLength: ctx.config.password.minLength, minClasses: ctx.config.password.minClasses },
    { phone },
  );
  if (violations.length > 0) {
    throw new CommandFailed(
      `密码不符合要求 / Password rejected by the policy:\n${violations.map((v) => `  - ${v.message} (${v.code})`).join('\n')}`,
    );
  }
  const hash = await hashPassword(password);

  return withDatabase(ctx, async (db) => {
    await migrateToLatest(db);
    const log = new AuditLog(db.dialect, ctx.clock);
    const id = await db.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', username.data)
        .executeTakeFirst();
      if (taken) throw new CommandFailed(`用户名已存在 / Username already exists: ${username.data}`);
      if (phone) {
        const phoneTaken = await trx
          .selectFrom('users')
          .select('id')
          .where('phone', '=', phone)
          .executeTakeFirst();
        if (phoneTaken) throw new CommandFailed(`手机号已被使用 / Phone number already in use: ${phone}`);
      }
      const now = ctx.clock.now().toISOString();
      const userId = newId(ctx.clock.now().getTime());
      await trx
        .insertInto('users')
        .values({
          id: userId,
          username: username.data,
          phone,
          displayName: name.data,
          passwordHash: hash,
          passwordChangedAt: now,
          kind: 'staff',
          departmentId: null,
          status: 'active',
          lockedUntil: null,
          totpSecret: null,
          lastLoginAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await trx.insertInto('userRoles').values({ userId, role: 'admin', createdAt: now }).execute();
      await log.write(trx, systemContext('cli'), {
        action: 'user.create',
        objectType: 'user',
        objectId: userId,
        actorId: null,
        actorRole: 'system',
        details: { username: username.data, roles: ['admin'], via: 'cli' },
      });
      return userId;
    });
    ctx.out(`已创建系统管理员 / Administrator created: ${username.data} (${name.data}), id ${id}`);
    return 0;
  });
}

/** Read a password from the terminal without echo; from a pipe, take the first line. */
async function readPasswordFromTerminal(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new CommandFailed('已取消 / Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

// ——— audit verify ———

async function audit(ctx: Ctx, rest: readonly string[]): Promise<number> {
  const { positionals } = parse(rest, {}, 1);
  if (positionals[0] !== 'verify') throw new UsageError('用法 Usage: qifu audit verify');
  return withDatabase(ctx, async (db) => {
    const result = await verifyAuditChain(db.db);
    if (result.ok) {
      ctx.out(
        `审计链完整：已校验 ${result.checked} 条记录 / Audit chain intact: ${result.checked} records checked.`,
      );
      return 0;
    }
    const b = result.brokenAt!;
    ctx.err(
      `审计链在第 ${b.seq} 条记录处断开（${b.reason}）；此前 ${result.checked} 条完好。\n` +
        `Audit chain broken at record seq ${b.seq}: ${b.reason}. ${result.checked} records before it verified.`,
    );
    return 1;
  });
}

// ——— backup / restore (SQLite) ———

const BACKUP_FORMAT = 'qifu-backup';
const DB_ENTRY = 'qifu.sqlite';
const MANIFEST_ENTRY = 'manifest.json';
const FILES_DIR = 'files';

interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  database: 'sqlite';
  files: number;
}

function refusePostgres(ctx: Ctx, what: 'backup' | 'restore'): never {
  throw new CommandFailed(
    what === 'backup'
      ? 'PostgreSQL 数据库请用 pg_dump 备份，例如：pg_dump -Fc "$DATABASE_URL" -f qifu.dump；附件目录 QIFU_DATA_DIR/files 需另行复制。\n' +
          `For PostgreSQL use pg_dump, e.g. pg_dump -Fc "$DATABASE_URL" -f qifu.dump, and copy ${path.join(ctx.config.dataDir, FILES_DIR)} separately.`
      : 'PostgreSQL 数据库请用 pg_restore 恢复，例如：pg_restore -d "$DATABASE_URL" qifu.dump；附件目录另行复制回 QIFU_DATA_DIR/files。\n' +
          'For PostgreSQL use pg_restore, e.g. pg_restore -d "$DATABASE_URL" qifu.dump, and copy the attachments back.',
  );
}

/** Every regular file under dir, as paths relative to it with forward slashes. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

async function backup(ctx: Ctx, rest: readonly string[]): Promise<number> {
  const { positionals } = parse(rest, {}, 1);
  const target = positionals[0];
  if (!target) throw new UsageError('用法 Usage: qifu backup <file.tar.gz>');
  if (ctx.config.databaseUrl) refusePostgres(ctx, 'backup');
  const file = path.resolve(target);
  if (fs.existsSync(file))
    throw new CommandFailed(`文件已存在，不会覆盖 / File exists, not overwriting: ${file}`);
  if (!fs.existsSync(ctx.config.sqliteFile)) {
    throw new CommandFailed(`找不到数据库文件 / Database file not found: ${ctx.config.sqliteFile}`);
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-backup-'));
  try {
    // SQLite's online backup API: a consistent snapshot even while the server keeps writing.
    const snapshot = path.join(staging, DB_ENTRY);
    const source = new SQLite(ctx.config.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(snapshot);
    } finally {
      source.close();
    }
    const filesDir = path.join(ctx.config.dataDir, FILES_DIR);
    const attachments = listFiles(filesDir);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: ctx.clock.now().toISOString(),
      database: 'sqlite',
      files: attachments.length,
    };
    const manifestPath = path.join(staging, MANIFEST_ENTRY);
    fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = [
      { name: MANIFEST_ENTRY, source: manifestPath },
      { name: DB_ENTRY, source: snapshot },
      ...attachments.map((rel) => ({ name: `${FILES_DIR}/${rel}`, source: path.join(filesDir, rel) })),
    ];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    await pipeline(Readable.from(tarStream(entries)), zlib.createGzip(), fs.createWriteStream(partial));
    fs.renameSync(partial, file);
    const bytes = fs.statSync(file).size;
    await withDatabase(ctx, (db) =>
      auditCli(ctx, db, {
        action: 'system.backup',
        objectType: 'system',
        details: { file: path.basename(file), bytes, attachments: attachments.length },
      }).then(() => 0),
    );
    ctx.out(
      `备份完成 / Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${attachments.length} 个附件 attachments)`,
    );
    return 0;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function restore(ctx: Ctx, rest: readonly string[]): Promise<number> {
  const { positionals, values } = parse(rest, { force: { type: 'boolean' } }, 1);
  const source = positionals[0];
  if (!source) throw new UsageError('用法 Usage: qifu restore <file.tar.gz> [--force]');
  if (ctx.config.databaseUrl) refusePostgres(ctx, 'restore');
  const file = path.resolve(source);
  if (!fs.existsSync(file)) throw new CommandFailed(`找不到备份文件 / Backup file not found: ${file}`);
  const { dataDir, sqliteFile } = ctx.config;
  fs.mkdirSync(dataDir, { recursive: true });
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  // Stage inside the data folder so the final moves are renames on one file system.
  const staging = path.join(dataDir, `.restore-${stamp}`);
  fs.mkdirSync(staging);
  try {
    await extractTar(
      file,
      staging,
      (name) => name === MANIFEST_ENTRY || name === DB_ENTRY || name.startsWith(`${FILES_DIR}/`),
    );
    const manifest = readManifest(path.join(staging, MANIFEST_ENTRY));
    const stagedDb = path.join(staging, DB_ENTRY);
    if (!fs.existsSync(stagedDb))
      throw new CommandFailed('备份中没有数据库文件 / The backup holds no database file.');
    const check = new SQLite(stagedDb, { readonly: true, fileMustExist: true });
    try {
      const verdict = check.pragma('quick_check', { simple: true });
      if (verdict !== 'ok')
        throw new CommandFailed(
          `备份中的数据库已损坏 / The database in the backup is damaged: ${String(verdict)}`,
        );
    } finally {
      check.close();
    }

    // Whatever is there now is moved aside, never deleted; data a person entered needs --force.
    const filesDir = path.join(dataDir, FILES_DIR);
    const existing = [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`, filesDir].filter((p) =>
      fs.existsSync(p),
    );
    if (existing.length > 0) {
      if (fs.existsSync(sqliteFile) && !values.force) {
        const current = openDatabase({ sqliteFile });
        let empty: boolean;
        try {
          empty = await isDatabaseEmpty(current.db).catch(() => true);
        } finally {
          await current.close();
        }
        if (!empty) {
          throw new CommandFailed(
            `目标数据目录已有数据 / The data folder already holds data: ${dataDir}\n` +
              '确认要恢复，请加 --force：现有数据会移到 before-restore-<时间>/ 保存，不会删除。\n' +
              'To restore anyway add --force: the current data is moved to before-restore-<time>/, not deleted.',
          );
        }
      }
      const aside = path.join(dataDir, `before-restore-${stamp}`);
      fs.mkdirSync(aside);
      for (const p of existing) fs.renameSync(p, path.join(aside, path.basename(p)));
      ctx.out(`原有数据已移至 / Previous data moved to: ${aside}`);
    }
    fs.renameSync(stagedDb, sqliteFile);
    const stagedFiles = path.join(staging, FILES_DIR);
    if (fs.existsSync(stagedFiles)) fs.renameSync(stagedFiles, filesDir);

    const restored = openDatabase({ sqliteFile });
    try {
      // A backup from an older version is brought up to this version's schema.
      const applied = await migrateToLatest(restored);
      await auditCli(ctx, restored, {
        action: 'system.restore',
        objectType: 'system',
        details: {
          file: path.basename(file),
          backupCreatedAt: manifest.createdAt,
          migrationsApplied: applied,
        },
      });
    } finally {
      await restored.close();
    }
    ctx.out(
      `恢复完成 / Restored from ${file} (备份时间 backup taken ${manifest.createdAt}, ${manifest.files} 个附件 attachments)`,
    );
    return 0;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function readManifest(file: string): Manifest {
  let m: Partial<Manifest> | null = null;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
  } catch {
    m = null;
  }
  if (!m || m.format !== BACKUP_FORMAT || m.database !== 'sqlite') {
    throw new CommandFailed('这不是 qifu backup 生成的备份文件 / Not a backup made by `qifu backup`.');
  }
  if (m.version !== 1)
    throw new CommandFailed(`不支持的备份版本 / Unsupported backup version: ${String(m.version)}`);
  return m as Manifest;
}

// ——— a minimal tar (POSIX ustar + pax headers for long names and large sizes) ———

const BLOCK = 512;
const USTAR_MAX_SIZE = 8 ** 11 - 1;

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const base = Buffer.byteLength(body);
  let len = base + String(base).length;
  if (String(len).length !== String(len - base).length) len = base + String(len).length;
  return `${len}${body}`;
}

function tarHeader(name: string, size: number, mtime: number, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
  const put = (text: string, offset: number, length: number) => h.write(text, offset, length, 'utf8');
  // Numeric fields: zero-padded octal followed by NUL.
  const octal = (n: number, field: number) => `${n.toString(8).padStart(field - 1, '0')}\0`;
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(Math.min(size, USTAR_MAX_SIZE), 12), 124, 12);
  put(octal(Math.floor(mtime / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

async function* tarStream(entries: { name: string; source: string }[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const stat = fs.statSync(entry.source);
    const needsPax = Buffer.byteLength(entry.name) > 100 || stat.size > USTAR_MAX_SIZE;
    if (needsPax) {
      const pax = Buffer.from(paxRecord('path', entry.name) + paxRecord('size', String(stat.size)));
      yield tarHeader('PaxHeader', pax.length, stat.mtimeMs, 'x');
      yield pax;
      yield padding(pax.length);
    }
    yield tarHeader(needsPax ? entry.name.slice(-100) : entry.name, stat.size, stat.mtimeMs, '0');
    let written = 0;
    for await (const chunk of fs.createReadStream(entry.source)) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (written !== stat.size) throw new Error(`${entry.source} changed while it was being archived`);
    yield padding(stat.size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

function parseOctal(buf: Buffer): number {
  const text = buf.toString('latin1').replace(/\0.*$/s, '').trim();
  return text ? Number.parseInt(text, 8) : 0;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number(data.subarray(i, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= 0) break;
    const record = data.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

/** A relative path inside the archive's root, or null for anything that could escape it. */
function safeEntryName(name: string): string | null {
  const normalized = path.posix.normalize(name.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (
    normalized.startsWith('/') ||
    normalized === '..' ||
    normalized.startsWith('../') ||
    /^[A-Za-z]:/.test(normalized)
  ) {
    return null;
  }
  return normalized.replace(/\/$/, '');
}

/** Extract a .tar.gz into dest, accepting only regular files and folders whose names pass `accept`. */
async function extractTar(file: string, dest: string, accept: (name: string) => boolean): Promise<void> {
  type Pending =
    | { kind: 'file'; fd: number; remaining: number; pad: number }
    | { kind: 'pax'; chunks: Buffer[]; remaining: number; pad: number };
  let buffer: Buffer = Buffer.alloc(0);
  let pax: Record<string, string> = {};
  // Assigned inside consume(); the cast keeps TypeScript from narrowing it to null for the code after the loop.
  let current = null as Pending | null;
  let skipPad = 0;
  let ended = false;

  const consume = (): boolean => {
    if (skipPad > 0) {
      const n = Math.min(skipPad, buffer.length);
      buffer = buffer.subarray(n);
      skipPad -= n;
      return n > 0;
    }
    if (current) {
      const n = Math.min(current.remaining, buffer.length);
      if (n === 0 && current.remaining > 0) return false;
      const piece = buffer.subarray(0, n);
      if (current.kind === 'file') fs.writeSync(current.fd, piece);
      else current.chunks.push(Buffer.from(piece));
      buffer = buffer.subarray(n);
      current.remaining -= n;
      if (current.remaining === 0) {
        if (current.kind === 'file') fs.closeSync(current.fd);
        else pax = parsePax(Buffer.concat(current.chunks));
        skipPad = current.pad;
        current = null;
      }
      return true;
    }
    if (buffer.length < BLOCK) return false;
    const header = buffer.subarray(0, BLOCK);
    buffer = buffer.subarray(BLOCK);
    if (header.every((b) => b === 0)) {
      ended = true;
      return false;
    }
    const stored = parseOctal(header.subarray(148, 156));
    const probe = Buffer.from(header);
    probe.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of probe) sum += b;
    if (sum !== stored)
      throw new CommandFailed(
        '备份文件已损坏（tar 校验和不符）/ The backup is damaged (tar checksum mismatch).',
      );
    const type = String.fromCharCode(header[156]!);
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const shortName = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = pax.size ? Number(pax.size) : parseOctal(header.subarray(124, 136));
    const pad = padding(size).length;
    if (type === 'x' || type === 'g') {
      current = type === 'x' ? { kind: 'pax', chunks: [], remaining: size, pad } : null;
      if (type === 'g') skipPad = size + pad;
      return true;
    }
    const rawName = pax.path ?? (prefix ? `${prefix}/${shortName}` : shortName);
    pax = {};
    const name = safeEntryName(rawName);
    if (!name || (type !== '0' && type !== '\0' && type !== '5')) {
      throw new CommandFailed(`备份中有不允许的条目 / Unexpected entry in the backup: ${rawName}`);
    }
    if (type === '5') {
      if (accept(`${name}/`) || name === FILES_DIR) fs.mkdirSync(path.join(dest, name), { recursive: true });
      return true;
    }
    if (!accept(name))
      throw new CommandFailed(`备份中有不认识的文件 / Unexpected file in the backup: ${name}`);
    const target = path.join(dest, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(target, 'wx');
    current = { kind: 'file', fd, remaining: size, pad };
    if (size === 0) {
      fs.closeSync(fd);
      current = null;
      skipPad = pad;
    }
    return true;
  };

  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  try {
    for await (const chunk of input) {
      buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
      while (!ended && consume()) {}
      if (ended) break;
    }
  } catch (e) {
    if (e instanceof CommandFailed) throw e;
    throw new CommandFailed(
      `无法读取备份文件 / Cannot read the backup: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    if (current?.kind === 'file') fs.closeSync(current.fd);
  }
  if (!ended) throw new CommandFailed('备份文件不完整 / The backup file is truncated.');
}

// Run when executed directly (`node dist/server/cli.js …`, `tsx src/server/cli.ts …`); scripts/qifu.mjs imports
// runCli instead.
const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
