import type { ComponentType, ReactNode } from 'react';
import { Navigate, type RouteObject, useLocation } from 'react-router';
import type { Role } from '../../shared/roles';
import { hasAnyRole, isStaff } from './access';
import { Brand } from './Brand';
import { Forbidden, PageLoading, SessionUnavailable } from './components';
import { useSession } from './session';

export interface Requirement {
  /** Only staff accounts (the workbench). */
  staff?: boolean;
  /** Only enterprise accounts (the enterprise center). */
  enterprise?: boolean;
  /** At least one of these roles; 'staff' = any staff user. */
  roles?: readonly Role[] | 'staff';
  /** The guarded route is a layout: show a refusal inside a minimal frame, since no layout surrounds it. */
  framed?: boolean;
}

function Bare({ framed, children }: { framed: boolean | undefined; children: ReactNode }) {
  if (!framed) return <>{children}</>;
  return (
    <div className="qifu-bare">
      <header className="qifu-bare-header">
        <Brand />
      </header>
      <main id="main">{children}</main>
    </div>
  );
}

/**
 * Route guard: a visitor is sent to the login page (and back here afterwards); a logged-in user without the
 * right is shown a 403 page that says so, never a blank screen. The server enforces the same rules.
 */
export function RequireUser({ children, ...req }: Requirement & { children: ReactNode }) {
  const { user, status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'error') {
    return (
      <Bare framed={req.framed}>
        <SessionUnavailable />
      </Bare>
    );
  }
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const staffOk = !req.staff || isStaff(user);
  const enterpriseOk = !req.enterprise || user.kind === 'enterprise';
  const rolesOk = !req.roles || (req.roles === 'staff' ? isStaff(user) : hasAnyRole(user, req.roles));
  if (!staffOk || !enterpriseOk || !rolesOk)
    return <Forbidden reason={req.enterprise ? 'enterprise' : 'role'} />;
  return <>{children}</>;
}

/** Wrap a lazily loaded page component in a guard (used by the router's `lazy` loaders). */
export function guarded<P extends object>(Page: ComponentType<P>, req: Requirement): ComponentType<P> {
  function Guarded(props: P) {
    return (
      <RequireUser {...req}>
        <Page {...props} />
      </RequireUser>
    );
  }
  Guarded.displayName = `Guarded(${Page.displayName ?? Page.name})`;
  return Guarded;
}

/**
 * A route's `lazy` loader: the page is its own chunk, loaded on demand (so a visitor's first load carries the portal
 * only), and wrapped in `guarded` when the route has a requirement. Every module's routes use this one.
 */
export function lazyPage<M>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType,
  req?: Requirement,
): RouteObject['lazy'] {
  return async () => {
    const Component = pick(await load());
    return { Component: req ? guarded(Component, req) : Component };
  };
}
