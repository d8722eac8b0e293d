import { Flex, Typography } from 'antd';
import type { FileInfo } from '../../../../shared/files';
import { useT } from '../../../app/prefs';
import { ATTACHMENTS_PER_OBJECT } from '../../policies/attachments';
import { AttachmentList } from '../../policies/components/AttachmentList';
import { FileLimits, UploadButton, UploadedFiles } from '../../policies/components/FileUpload';
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
