import type { AppealType } from '../../../shared/appeals';
import type { SubmitAppealInput } from '../../../shared/appeals-api';
import type { FileInfo } from '../../../shared/files';

/** The intake form's values as antd holds them. */
export interface IntakeValues {
  type: AppealType;
  topicCode?: string | null;
  title: string;
  content: string;
  isPublic: boolean;
  attachments?: FileInfo[];
  contactName?: string;
  contactPhone?: string;
}

/** The POST /appeals body: trimmed text, empty optional fields left out, attachments by id. */
export function buildSubmitBody(v: IntakeValues): SubmitAppealInput {
  const body: SubmitAppealInput = {
    type: v.type,
    title: v.title.trim(),
    content: v.content.trim(),
    isPublic: v.isPublic === true,
    attachments: (v.attachments ?? []).map((f) => f.id),
  };
  if (v.topicCode) body.topicCode = v.topicCode;
  const name = v.contactName?.trim();
  if (name) body.contactName = name;
  const phone = v.contactPhone?.trim();
  if (phone) body.contactPhone = phone;
  return body;
}
