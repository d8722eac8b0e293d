import path from 'node:path';
import { z } from 'zod';
import { parseSecretKey } from './platform/auth/secret-box';

/**
 * The only reader of process.env. Every variable is documented here and in README.md; an invalid value stops
 * the process at start with a message naming the variable.
 */
const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  /** HTTP port of the API and the web UI. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address to bind; 0.0.0.0 in containers. */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; unset means the embedded SQLite file in QIFU_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder for the SQLite file and attachments. */
  QIFU_DATA_DIR: z.string().default('./data'),
  /** development | production | test. Production sets the Secure cookie flag and hides the docs' try-it-out. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Create demo data (departments, demo accounts, enterprises) on the first start of an empty database. */
  QIFU_SEED_DEMO: boolString.default(true),
  /** Session idle timeout in minutes. */
  QIFU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  /** Absolute session lifetime in hours. */
  QIFU_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  /** Failed logins that lock an account, and the window they are counted in. */
  QIFU_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  QIFU_LOCKOUT_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** How long a locked account stays locked. */
  QIFU_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Password policy: minimum length, number of character classes (of 4), expiry days for staff (0 = never). */
  QIFU_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).max(64).default(8),
  QIFU_PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  QIFU_PASSWORD_STAFF_EXPIRY_DAYS: z.coerce.number().int().min(0).default(90),
  QIFU_PASSWORD_ENTERPRISE_EXPIRY_DAYS: z.coerce.number().int().min(0).default(0),
  /** SMS channel: `log` writes codes to the log (development); others plug in behind platform/notify. */
  QIFU_SMS_CHANNEL: z.enum(['log']).default('log'),
  /** E-mail channel for notifications: `log` writes them to the log (development); others plug in behind platform/notify. */
  QIFU_EMAIL_CHANNEL: z.enum(['log']).default('log'),
  /** Requests per minute per client IP on the whole API (per instance), and on login / SMS (shared, in the database). */
  QIFU_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  QIFU_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  QIFU_SMS_RATE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Trust X-Forwarded-For from a reverse proxy. */
  QIFU_TRUST_PROXY: boolString.default(false),
  /** Run the scheduled jobs (appeal reminders, automatic closure) in this instance; several instances share a lease. */
  QIFU_JOBS: boolString.default(true),
  /** Seconds between two job ticks. */
  QIFU_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Building records not verified for this many days are marked stale (待核实). */
  QIFU_BUILDING_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Map tile URL template ({z}/{x}/{y}); without it the map shows the buildings on a plain grid. */
  QIFU_MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/, 'must be an http(s) URL with {z}, {x} and {y}')
    .optional(),
  QIFU_MAP_TILE_ATTRIBUTION: z.string().max(200).default(''),
  /** Key (32 bytes, hex or base64) that seals stored secrets such as TOTP keys; unset = stored as they are. */
  QIFU_SECRET_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseSecretKey(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Spreadsheet import limits: data rows per file and file size in bytes. */
  QIFU_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(200_000).default(20_000),
  QIFU_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sqliteFile: string;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  seedDemo: boolean;
  session: { idleMinutes: number; maxHours: number };
  lockout: { threshold: number; windowMinutes: number; lockMinutes: number };
  password: { minLength: number; minClasses: number; staffExpiryDays: number; enterpriseExpiryDays: number };
  smsChannel: 'log';
  emailChannel: 'log';
  rateLimit: { perMinute: number; loginPerMinute: number; smsPerHour: number };
  trustProxy: boolean;
  /** Seals stored secrets (QIFU_SECRET_KEY); null when unset. */
  secretKey: Buffer | null;
  jobs: { enabled: boolean; intervalSeconds: number };
  buildings: {
    staleDays: number;
    tileUrl: string | null;
    tileAttribution: string;
    importMaxRows: number;
    importMaxBytes: number;
  };
};

export class ConfigError extends Error {}

/** Read and validate the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.QIFU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sqliteFile: path.join(dataDir, 'qifu.sqlite'),
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.QIFU_SEED_DEMO,
    session: { idleMinutes: e.QIFU_SESSION_IDLE_MINUTES, maxHours: e.QIFU_SESSION_MAX_HOURS },
    lockout: {
      threshold: e.QIFU_LOCKOUT_THRESHOLD,
      windowMinutes: e.QIFU_LOCKOUT_WINDOW_MINUTES,
      lockMinutes: e.QIFU_LOCKOUT_MINUTES,
    },
    password: {
      minLength: e.QIFU_PASSWORD_MIN_LENGTH,
      minClasses: e.QIFU_PASSWORD_MIN_CLASSES,
      staffExpiryDays: e.QIFU_PASSWORD_STAFF_EXPIRY_DAYS,
      enterpriseExpiryDays: e.QIFU_PASSWORD_ENTERPRISE_EXPIRY_DAYS,
    },
    smsChannel: e.QIFU_SMS_CHANNEL,
    emailChannel: e.QIFU_EMAIL_CHANNEL,
    rateLimit: {
      perMinute: e.QIFU_RATE_LIMIT_PER_MINUTE,
      loginPerMinute: e.QIFU_LOGIN_RATE_PER_MINUTE,
      smsPerHour: e.QIFU_SMS_RATE_PER_HOUR,
    },
    trustProxy: e.QIFU_TRUST_PROXY,
    secretKey: e.QIFU_SECRET_KEY,
    jobs: { enabled: e.QIFU_JOBS, intervalSeconds: e.QIFU_JOB_INTERVAL_SECONDS },
    buildings: {
      staleDays: e.QIFU_BUILDING_STALE_DAYS,
      tileUrl: e.QIFU_MAP_TILE_URL ?? null,
      tileAttribution: e.QIFU_MAP_TILE_ATTRIBUTION,
      importMaxRows: e.QIFU_IMPORT_MAX_ROWS,
      importMaxBytes: e.QIFU_IMPORT_MAX_BYTES,
    },
  };
}
