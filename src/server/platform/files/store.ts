import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  type FileInfo,
  type FilePurpose,
} from '../../../shared/files';
import type { DB } from '../../db/database';
import type { FileTable } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { newId } from '../ids';

/**
 * Attachment storage: the bytes live under `<dataDir>/files/ab/abcdef…` named by their sha256 (identical uploads
 * share one file, and a name says nothing about the content), the metadata in the `files` table. The type is
 * decided by the content (magic numbers, via file-type) against an allow-list, never by the name or the
 * Content-Type the client sent: a text file renamed .pdf is refused.
 *
 * Who may read a file is the business of the module that references it (a published document's attachment is
 * public, a claim's only for the enterprise and its reviewers); the store only stores and reads.
 */

const ALLOWED = new Map<string, { ext: string; mime: string }>(
  ATTACHMENT_TYPES.map((t) => [t.ext, { ext: t.ext, mime: t.mime }]),
);
const ALLOWED_LABELS = ATTACHMENT_TYPES.map((t) => t.label).join('、');

export type FileRow = FileTable;

export interface SaveInput {
  data: Buffer;
  name: string;
  purpose: FilePurpose;
  uploadedBy: string | null;
  enterpriseId: string | null;
}

/** A file name fit to show and to put in a Content-Disposition header: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  return (cleaned || '附件').slice(0, 120);
}

export function toFileInfo(row: FileRow): FileInfo {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    mime: row.mime,
    ext: row.ext,
    sha256: row.sha256,
    createdAt: row.createdAt,
  };
}

/** What the content is, when it is an allowed type; null otherwise (unknown, executable, plain text …). */
export async function detectAllowedType(data: Buffer): Promise<{ ext: string; mime: string } | null> {
  const detected = await fileTypeFromBuffer(data);
  if (!detected) return null;
  return ALLOWED.get(detected.ext) ?? null;
}

export class FileStore {
  readonly root: string;

  constructor(
    private readonly db: DB,
    dataDir: string,
    private readonly clock: Clock,
    readonly maxBytes = ATTACHMENT_MAX_BYTES,
  ) {
    this.root = path.join(dataDir, 'files');
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Check and keep an upload: 413 above the size limit, 415 when the content is not an allowed type. The bytes are
   * written before the row (a crash between leaves an unreferenced file, never a row without bytes).
   */
  async save(input: SaveInput, trx: DB = this.db): Promise<FileInfo> {
    if (input.data.length > this.maxBytes) throw tooLarge(this.maxBytes);
    if (input.data.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空');
    const type = await detectAllowedType(input.data);
    if (!type) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `文件类型不支持（按文件内容识别），仅支持 ${ALLOWED_LABELS}`,
      );
    }
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    await this.writeOnce(sha256, input.data);
    const row: FileRow = {
      id: newId(this.clock.now().getTime()),
      sha256,
      size: input.data.length,
      mime: type.mime,
      ext: type.ext,
      name: cleanFileName(input.name),
      purpose: input.purpose,
      uploadedBy: input.uploadedBy,
      enterpriseId: input.enterpriseId,
      createdAt: this.clock.now().toISOString(),
    };
    await trx.insertInto('files').values(row).execute();
    return toFileInfo(row);
  }

  private async writeOnce(sha256: string, data: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) return;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Write beside, then rename: a reader never sees half a file, and two writers of the same bytes both succeed.
    const tmp = `${target}.${newId()}.tmp`;
    await fs.promises.writeFile(tmp, data, { flag: 'wx' });
    await fs.promises.rename(tmp, target);
  }

  /** Rows of these ids (missing ids are simply absent from the map). */
  async rows(ids: readonly string[], trx: DB = this.db): Promise<Map<string, FileRow>> {
    if (!ids.length) return new Map();
    const rows = await trx
      .selectFrom('files')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async row(id: string, trx: DB = this.db): Promise<FileRow | undefined> {
    return trx.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The bytes of a stored file as a stream; null when they are gone from disk. */
  open(row: FileRow): fs.ReadStream | null {
    const p = this.pathOf(row.sha256);
    return fs.existsSync(p) ? fs.createReadStream(p) : null;
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `文件过大，单个文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
  );
}

/** Content-Disposition for a download: the original name, UTF-8 encoded (RFC 6266 / 5987). */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
