import { describe, expect, it } from 'vitest';
import * as shared from '../../../shared/files';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_EXTS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_OBJECT,
  attachmentTypesText,
} from './attachments';

describe('attachment limits', () => {
  it('are the server’s limits', () => {
    expect([...ATTACHMENT_EXTS]).toEqual(shared.ATTACHMENT_TYPES.map((t) => t.ext));
    expect(ATTACHMENT_MAX_BYTES).toBe(shared.ATTACHMENT_MAX_BYTES);
    expect(ATTACHMENTS_PER_OBJECT).toBe(shared.ATTACHMENTS_PER_OBJECT);
  });

  it('offer every allowed type in the file picker', () => {
    for (const ext of ATTACHMENT_EXTS) expect(ATTACHMENT_ACCEPT.split(',')).toContain(`.${ext}`);
  });

  it('name the types for people', () => {
    expect(attachmentTypesText('、')).toBe('PDF、JPG、PNG、DOCX、XLSX');
  });
});
