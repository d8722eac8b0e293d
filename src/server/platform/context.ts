import type { Role } from '../../shared/roles';

/** Who is calling: resolved from the session cookie. */
export interface Principal {
  userId: string;
  sessionId: string;
  kind: 'enterprise' | 'staff';
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  /** The enterprise of a confirmed binding (enterprise users only). */
  enterpriseId: string | null;
  /** The password is past its expiry: only changing it (and public routes) is allowed until it is changed. */
  passwordExpired: boolean;
}

/** What a service needs to know about the request it serves: the caller, and what the audit log records. */
export interface RequestContext {
  principal: Principal | null;
  ip: string | null;
  requestId: string | null;
}

export function hasRole(p: Principal | null, ...roles: Role[]): boolean {
  return !!p && roles.some((r) => p.roles.includes(r));
}

/** A context for CLI commands and jobs. */
export function systemContext(requestId = 'system'): RequestContext {
  return { principal: null, ip: null, requestId };
}
