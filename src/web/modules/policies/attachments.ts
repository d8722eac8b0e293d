import type { FileInfo, UploadPurpose } from '../../../shared/files';
import { ApiError } from '../../app/api';

/**
 * Attachment limits as the server enforces them (src/shared/files.ts, mirrored here so the public and enterprise
 * bundles do not carry zod; a test holds the two equal), and the multipart upload the JSON client does not do.
 */
export const ATTACHMENT_EXTS = ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_OBJECT = 10;
/** What the file picker offers (the server still decides by content). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
export const IMAGE_ACCEPT = '.jpg,.jpeg,.png';

/** "PDF、JPG、PNG、DOCX、XLSX" in the locale's list separator. */
export function attachmentTypesText(join: string, exts: readonly string[] = ATTACHMENT_EXTS): string {
  return exts.map((e) => e.toUpperCase()).join(join);
}

/** A file chosen for a claim, with the material it stands for. */
export interface MaterialFile {
  file: FileInfo;
  material: string;
}

/**
 * POST /files as multipart/form-data (field `file`). Failures become ApiError like every other call, so the page
 * shows the server's own words for 413 (too large) and 415 (not an allowed type).
 */
export async function uploadFile(file: File, purpose: UploadPurpose): Promise<FileInfo> {
  const body = new FormData();
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/v1/files?purpose=${purpose}`, {
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
    // A proxy in front of the server may answer 413 with an HTML page: keep the status, say it plainly.
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
  return json as FileInfo;
}
