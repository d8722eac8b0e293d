import { useCallback } from 'react';
import type { Messages } from '../locales/zh-CN';
import { ApiError } from './api';
import { useT } from './prefs';

/** One sentence for the user about a failure: the API's own message, or the client's when none arrived. */
export function describeError(e: unknown, m: Messages): string {
  if (e instanceof ApiError) {
    if (e.code === 'NETWORK_ERROR') return m.errors.network;
    if (e.code === 'BAD_RESPONSE') return m.errors.badResponse;
    // The server words its Chinese messages for the case at hand (lock-out time, which field): in Chinese they
    // are the best text there is; in English the catalogue's translation is preferred when there is one.
    if (m.errors.preferServerMessage && e.message) return e.message;
    return m.errors.byCode[e.code] ?? (e.message || m.errors.unknown);
  }
  return m.errors.unknown;
}

export function useDescribeError(): (e: unknown) => string {
  const m = useT();
  return useCallback((e: unknown) => describeError(e, m), [m]);
}
