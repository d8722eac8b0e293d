import { z } from 'zod';

/**
 * Attachments (platform/files): uploaded once with multipart/form-data, then referenced by id from a claim, a policy
 * document or an interpretation. The type is decided by the file's content, never by its name.
 */

/** What may be uploaded, by content: PDF, JPEG, PNG, Word (.docx), Excel (.xlsx). */
export const ATTACHMENT_TYPES = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPG 图片' },
  { ext: 'png', mime: 'image/png', label: 'PNG 图片' },
  {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档',
  },
  {
    ext: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格',
  },
] as const;
export type AttachmentExt = (typeof ATTACHMENT_TYPES)[number]['ext'];

/** Limits the UI shows and the server enforces. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Attachments per claim (and per document). */
export const ATTACHMENTS_PER_OBJECT = 10;

/** Why a file was uploaded; decides who may reference it later. */
/**
 * claim: an enterprise's claim materials; policy: a policy editor's attachments; appeal: an appeal's attachments
 * (enterprise users, the liaison or the dispatcher recording a call); building: a building editor's photos.
 */
export const FILE_PURPOSES = ['claim', 'policy', 'appeal', 'building'] as const;
/** What the generic upload route (`POST /files`) accepts. */
export type UploadPurpose = (typeof FILE_PURPOSES)[number];
/** What a stored file may have been uploaded for: the upload route's purposes, and content's own attachments. */
export type FilePurpose = UploadPurpose | 'content';

export const fileInfoSchema = z.object({
  id: z.string(),
  /** The name the uploader gave (shown, never trusted for the type). */
  name: z.string(),
  size: z.number().int(),
  /** Detected from the content. */
  mime: z.string(),
  ext: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FileInfo = z.infer<typeof fileInfoSchema>;
