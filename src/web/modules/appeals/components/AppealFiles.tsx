import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { FileInfo } from '../../../../shared/files';
import { toNamePath } from '../../../app/form-errors';
import { useT } from '../../../app/prefs';
import { ATTACHMENTS_PER_OBJECT } from '../../policies/attachments';
import { AttachmentList } from '../../policies/components/AttachmentList';
import { FileLimits, UploadButton, UploadedFiles } from '../../policies/components/FileUpload';
import { formatBytes } from '../../policies/money';
import { appealDownloads } from '../paths';

/** Attachments of an appeal being written: the limits, the files so far, one upload button (≤ 10 files). */
export function AppealUploads({
  value,
  onChange,
  disabled,
}: {
  value: FileInfo[];
  onChange(next: FileInfo[]): void;
  disabled?: boolean;
}) {
  const m = useT();
  const full = value.length >= ATTACHMENTS_PER_OBJECT;
  return (
    <Flex vertical gap={8}>
      <FileLimits />
      <UploadedFiles files={value} onRemove={(f) => onChange(value.filter((v) => v.id !== f.id))} />
      <UploadButton
        purpose="appeal"
        disabled={disabled || full}
        onUploaded={(file) => onChange([...value, file])}
      />
      {full ? (
        <Typography.Text type="warning">{m.policies.apply.tooMany(ATTACHMENTS_PER_OBJECT)}</Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The uploads as a form control (Form.Item hands it value and onChange): the intake and 补充材料 forms. */
export function AppealUploadsField({
  value,
  onChange,
  disabled,
}: {
  value?: FileInfo[];
  onChange?(next: FileInfo[]): void;
  disabled?: boolean;
}) {
  return <AppealUploads value={value ?? []} onChange={(next) => onChange?.(next)} disabled={disabled} />;
}

/** API field paths onto a form's: every `attachments.N` problem goes beside the attachments. */
export function attachmentsFieldPath(field: string) {
  if (field === 'attachments' || field.startsWith('attachments.')) return ['attachments'];
  return toNamePath(field);
}

/** The files of a stored appeal, each a download link. */
export function AppealAttachmentList({ appealId, files }: { appealId: string; files: FileInfo[] }) {
  const m = useT();
  return (
    <AttachmentList
      files={files}
      href={(f) => appealDownloads.file(appealId, f.id)}
      empty={m.appeals.detail.noAttachments}
    />
  );
}

/** The files one timeline event brought (the submission, a 补充材料), as small download links. */
export function EventFiles({ files, href }: { files: readonly FileInfo[]; href(f: FileInfo): string }) {
  if (files.length === 0) return null;
  return (
    <ul className="qifu-appeal-event-files">
      {files.map((f) => (
        <li key={f.id}>
          <PaperClipOutlined aria-hidden="true" />{' '}
          <a href={href(f)} target="_blank" rel="noopener noreferrer">
            {f.name}
          </a>{' '}
          <Typography.Text type="secondary" className="qifu-small">
            {formatBytes(f.size)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
