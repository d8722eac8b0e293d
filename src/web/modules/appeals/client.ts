import type { ErrorCode } from '../../../shared/errors';
import { ApiError, buildUrl } from '../../app/api';

/**
 * POST with an `idempotency-key` header. The shared JSON client (app/api.ts) sends no custom headers, so the
 * intake form uses this one; errors become the same ApiError, so the form shows them the same way.
 */
export async function postIdempotent<T>(path: string, body: unknown, key: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(res.status, res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_RESPONSE', '');
    }
  }
  if (!res.ok) {
    const err = (
      json as { error?: { code?: ErrorCode; message?: string; details?: unknown; requestId?: string } } | null
    )?.error;
    if (!err?.code) throw new ApiError(res.status, 'BAD_RESPONSE', '');
    throw new ApiError(res.status, err.code, err.message ?? '', err.details, err.requestId);
  }
  return json as T;
}
