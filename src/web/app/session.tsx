import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../shared/accounts';
import { ApiError, api, onUnauthorized } from './api';

export type SessionStatus = 'loading' | 'ready' | 'error';

interface SessionValue {
  /** The logged-in user, or null for a visitor. */
  user: Me | null;
  status: SessionStatus;
  /** Re-read /auth/me (after a binding, a role change…). */
  refresh(): Promise<Me | null>;
  /** Adopt the user returned by login or register. */
  setUser(user: Me | null): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The session lives in an HttpOnly cookie; the client only knows who it is through GET /auth/me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');

  const refresh = useCallback(async () => {
    try {
      const res = await api.get<{ user: Me | null }>('/auth/me');
      setUser(res.user);
      setStatus('ready');
      return res.user;
    } catch (e) {
      // The API being unreachable is not the same as being logged out: the shell shows a retry.
      setStatus(e instanceof ApiError && e.status > 0 && e.status < 500 ? 'ready' : 'error');
      setUser(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => onUnauthorized(() => setUser(null)), []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);

  const adopt = useCallback((u: Me | null) => {
    setUser(u);
    setStatus('ready');
  }, []);

  const value = useMemo(
    () => ({ user, status, refresh, setUser: adopt, logout }),
    [user, status, refresh, adopt, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
