import type { AppealDetail, SubmitAppealInput } from '../../../../shared/appeals-api';
import { ApiError } from '../../../app/api';

/**
 * POST /appeals with an `idempotency-key` header (the shared client sends no custom headers): a retry after a
 * lost answer carries the same key and gets the first appeal back instead of a duplicate.
 */
export async function submitAppeal(body: SubmitAppealInput, idempotencyKey: string): Promise<AppealDetail> {
  let res: Response;
  try {
    res = await fetch('/api/v1/appeals', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', '');
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    if (!err?.code) throw new ApiError(res.status, 'BAD_RESPONSE', '');
    throw new ApiError(res.status, err.code as ApiError['code'], err.message ?? '', err.details);
  }
  return json as AppealDetail;
}
