import type { FileInfo } from '../../../shared/files';
import { ApiError } from '../../app/api';
import { buildingApi } from './paths';

/** Photos a building editor may upload (the server decides by content). */
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png';
export const PHOTO_TYPES = ['JPG', 'PNG'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/**
 * POST /files?purpose=building as multipart/form-data (field `file`): the JSON client does not do multipart.
 * Failures become ApiError like every other call, so the page shows the server's words for 413 and 415.
 */
export async function uploadBuildingFile(file: File): Promise<FileInfo> {
  const body = new FormData();
  body.append('file', file, file.name);
  return postMultipart<FileInfo>(`${buildingApi.upload}?purpose=building`, body);
}

/** A multipart POST answered with JSON (file upload, spreadsheet import). */
export async function postMultipart<T>(url: string, body: FormData): Promise<T> {
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
  return json as T;
}
