import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERRORS } from '../shared/errors';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { accountsModule } from './modules/accounts';
import { appealsModule } from './modules/appeals';
import { buildingsModule } from './modules/buildings';
import { calendarModule } from './modules/calendar';
import { CalendarService } from './modules/calendar/service';
import { contentModule } from './modules/content';
import { enterprisesModule } from './modules/enterprises';
import { insightsModule } from './modules/insights';
import { NotificationService, notificationsModule } from './modules/notifications';
import { policiesModule } from './modules/policies';
import { AuditLog } from './platform/audit/audit';
import { SecretBox } from './platform/auth/secret-box';
import { SessionStore } from './platform/auth/sessions';
import { type Clock, MINUTE, systemClock } from './platform/clock';
import { filesModule } from './platform/files';
import { installAccessControl, recordRoutes } from './platform/http/access';
import { installCsrfDefence } from './platform/http/csrf';
import { installErrorHandling } from './platform/http/errors';
import { DbRateLimiter, MemoryRateLimiter } from './platform/http/rate-limit';
import { installSecurityHeaders } from './platform/http/security-headers';
import { type EmailChannel, LogEmailChannel } from './platform/notify/email';
import { LogSmsChannel, type SmsChannel } from './platform/notify/sms';
import { PersonalDataService, privacyModule } from './platform/privacy';
import { SearchIndex } from './platform/text/search-index';
import { SearchTermLog } from './platform/text/search-terms';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  sms?: SmsChannel;
  /** Where notification e-mail goes; the log by default (QIFU_EMAIL_CHANNEL=log). */
  email?: EmailChannel;
  /** Fastify logger option; tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web UI; defaults to dist/web beside the package. */
  webRoot?: string | null;
}

/** Everything a module's routes may use: the composition root hands each module what it needs, nothing global. */
export interface Platform {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  audit: AuditLog;
  sessions: SessionStore;
  sms: SmsChannel;
  email: EmailChannel;
  limiter: DbRateLimiter;
  calendar: CalendarService;
  /** Chinese full-text search over every module's public records. */
  search: SearchIndex;
  /** Searched terms counted in memory and flushed every 10 s (insights: most searched terms). */
  searchTerms: SearchTermLog;
  /** The in-app inbox and other channels; modules notify inside their own transactions. */
  notifications: NotificationService;
  /** Masked personal data revealed on request, audited; each module registers its readers. */
  privacy: PersonalDataService;
  /** Seals stored secrets (TOTP keys) under QIFU_SECRET_KEY. */
  secrets: SecretBox;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function defaultWebRoot(): string | null {
  // Built UI only: dist/server/main.js → dist/web; src/server/app.ts → dist/web. src/web holds the Vite sources,
  // whose index.html must never be served, so a candidate must contain the built assets folder.
  for (const candidate of [path.resolve(here, '../web'), path.resolve(here, '../../dist/web')]) {
    if (fs.existsSync(path.join(candidate, 'index.html')) && fs.existsSync(path.join(candidate, 'assets')))
      return candidate;
  }
  return null;
}

/** The platform each app was built over, for tests and tools that run a module's job or service beside the app. */
const platforms = new WeakMap<FastifyInstance, Platform>();

export function platformOf(app: FastifyInstance): Platform {
  const p = platforms.get(app);
  if (!p) throw new Error('not an app built by buildApp');
  return p;
}

/** The Fastify app without listen: main.ts serves it, tests call it through inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          '*.password',
          '*.code',
        ],
        censor: '[redacted]',
      },
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    exposeHeadRoutes: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  recordRoutes(app);
  installErrorHandling(app);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  installSecurityHeaders(app, { production: config.env === 'production' });
  await app.register(fastifyCookie);

  const general = new MemoryRateLimiter(config.rateLimit.perMinute, MINUTE, clock);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url === '/api/health') return;
    if (!general.hit(req.ip)) {
      reply.header('retry-after', '60');
      reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message, requestId: req.id } });
      return reply;
    }
  });
  installCsrfDefence(app);

  const audit = new AuditLog(database.dialect, clock);
  const sessions = new SessionStore(database.db, clock, config);
  const calendar = new CalendarService(database.db, clock);
  await calendar.load();
  const search = new SearchIndex(database.db, database.dialect, clock);
  const searchTerms = new SearchTermLog(database.db, clock, {
    onError: (err) => app.log.error({ err }, 'search terms flush failed'),
  });
  app.addHook('onClose', async () => searchTerms.close());
  const limiter = new DbRateLimiter(database.db, clock);
  const platform: Platform = {
    config,
    database,
    clock,
    audit,
    sessions,
    sms: deps.sms ?? new LogSmsChannel(app.log),
    email: deps.email ?? new LogEmailChannel(app.log),
    limiter,
    calendar,
    search,
    searchTerms,
    notifications: new NotificationService(database.db, clock, audit),
    privacy: new PersonalDataService(database.db, audit, limiter),
    secrets: new SecretBox(config.secretKey),
  };
  platforms.set(app, platform);
  if (config.env === 'production' && !config.secretKey)
    app.log.warn('QIFU_SECRET_KEY is not set: two-step verification keys are stored unsealed (see README)');
  installAccessControl(app, sessions);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Qifu (企服) API',
        description:
          '企服平台接口。错误统一为 `{"error":{"code","message","details"}}`；时间为带时区的 ISO 8601；列表分页。每个接口的 `x-access` 说明谁可以调用。',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qifu_session' } } },
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      const access = (args.route.config as { access?: unknown } | undefined)?.access;
      return { ...out, schema: { ...out.schema, 'x-access': access ?? 'public' } as typeof out.schema };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  await app.register(accountsModule, { prefix: '/api/v1', platform });
  await app.register(enterprisesModule, { prefix: '/api/v1', platform });
  await app.register(calendarModule, { prefix: '/api/v1', platform });
  await app.register(filesModule, { prefix: '/api/v1', platform });
  await app.register(privacyModule, { prefix: '/api/v1', platform });
  await app.register(notificationsModule, { prefix: '/api/v1', platform });
  await app.register(policiesModule, { prefix: '/api/v1', platform });
  await app.register(appealsModule, { prefix: '/api/v1', platform });
  await app.register(buildingsModule, { prefix: '/api/v1', platform });
  await app.register(contentModule, { prefix: '/api/v1', platform });
  await app.register(insightsModule, { prefix: '/api/v1', platform });

  const webRoot = deps.webRoot === undefined ? defaultWebRoot() : deps.webRoot;
  const indexHtml = webRoot ? fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8') : null;
  const routeNotFound = (reqId: string) => ({
    error: { code: 'ROUTE_NOT_FOUND' as const, message: ERRORS.ROUTE_NOT_FOUND.message, requestId: reqId },
  });
  if (webRoot && indexHtml) {
    await app.register(fastifyStatic, { root: webRoot, serve: false });
    // The web UI: hashed assets with a long cache; every other path gets the single-page app's shell and the
    // client router decides (its own not-found page included).
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(req.url.split('?')[0] ?? '/');
      } catch {
        return reply.status(404).send(routeNotFound(req.id));
      }
      if (urlPath.startsWith('/api/')) return reply.status(404).send(routeNotFound(req.id));
      const rel = path.normalize(urlPath).replace(/^([/\\])+/, '');
      const file = path.join(webRoot, rel);
      if (
        rel &&
        !rel.startsWith('..') &&
        file.startsWith(webRoot) &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        const immutable = rel.startsWith(`assets${path.sep}`);
        return reply.sendFile(rel, { maxAge: immutable ? 31_536_000_000 : 0, immutable, cacheControl: true });
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    });
  }

  app.setNotFoundHandler((req, reply) => reply.status(404).send(routeNotFound(req.id)));

  return app;
}
