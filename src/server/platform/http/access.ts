import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../../../shared/roles';
import type { SessionStore } from '../auth/sessions';
import { SESSION_COOKIE } from '../auth/sessions';
import type { Principal, RequestContext } from '../context';
import { AppError } from '../errors';

/**
 * Who may call a route. Every route declares one in `config.access`; the app refuses to start otherwise.
 * - 'public': anyone, logged in or not;
 * - 'authenticated': any logged-in user (the service still scopes what he sees);
 * - a list of roles: a logged-in user holding at least one of them.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    ctx: RequestContext;
  }
}

/** Routes registered by third-party plugins that serve public, read-only documentation or static files. */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs', '/api/openapi.json'];

export class MissingAccessError extends Error {}

/** The one protected route a user whose password has expired may still call. */
const PASSWORD_CHANGE_ROUTE = '/api/v1/auth/password';

/** Called from onRoute: a route without a declaration is a programming error that stops the app. */
export function enforceDeclaration(route: RouteOptions): void {
  const config = (route.config ?? {}) as { access?: Access };
  if (config.access) return;
  if (PLUGIN_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
    route.config = { ...(route.config as object), access: 'public' } as typeof route.config;
    return;
  }
  throw new MissingAccessError(`Route ${String(route.method)} ${route.url} does not declare config.access`);
}

export function accessOf(req: FastifyRequest): Access | undefined {
  return (req.routeOptions.config as { access?: Access } | undefined)?.access;
}

/** The onRequest hook: resolve the session, then allow or refuse before the body is even read. */
export function installAccessControl(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = req.cookies?.[SESSION_COOKIE];
    req.principal = token ? await sessions.resolve(token) : null;
    req.ctx = { principal: req.principal, ip: req.ip ?? null, requestId: req.id };
    const access = accessOf(req);
    // Unknown URLs (no route) reach the not-found handler, which answers 404 without a declaration.
    if (access === undefined || access === 'public') return;
    if (!req.principal) throw new AppError(token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (req.principal.passwordExpired && req.routeOptions.url !== PASSWORD_CHANGE_ROUTE)
      throw new AppError('PASSWORD_EXPIRED');
    if (access === 'authenticated') return;
    if (!access.some((r) => req.principal!.roles.includes(r))) throw new AppError('FORBIDDEN');
  });
}

/** Every route of the app with its declared access (for the route-enumeration test and the docs). */
export function listRoutes(
  app: FastifyInstance,
): { method: string; url: string; access: Access | undefined }[] {
  return routeRegistry.get(app) ?? [];
}

const routeRegistry = new WeakMap<
  FastifyInstance,
  { method: string; url: string; access: Access | undefined }[]
>();

export function recordRoutes(app: FastifyInstance): void {
  const list: { method: string; url: string; access: Access | undefined }[] = [];
  routeRegistry.set(app, list);
  app.addHook('onRoute', (route) => {
    enforceDeclaration(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      list.push({ method: String(m), url: route.url, access: (route.config as { access?: Access }).access });
    }
  });
}
