import { ApiError } from '../../app/api';
import type { Attachment } from './types';

/** What an editor may attach (the server decides by content): PDF, Word, Excel, PNG, JPG, at most 10 MB each. */
export const CONTENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';
export const CONTENT_TYPES = ['PDF', 'DOCX', 'XLSX', 'PNG', 'JPG'] as const;
export const CONTENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * POST one file (field `file`) as multipart/form-data to an article's or a guide's attachments: the JSON client
 * does not do multipart. Failures become ApiError like every other call, so 413 and 415 show the server's words.
 */
export async function uploadAttachment(url: string, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy may answer 413 with an HTML page: keep the status, say it plainly.
    throw new ApiError(res.status, res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_RESPONSE', '');
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      (err?.code as ApiError['code'] | undefined) ??
        (res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_RESPONSE'),
      err?.message ?? '',
      err?.details,
    );
  }
  return json as Attachment;
}
