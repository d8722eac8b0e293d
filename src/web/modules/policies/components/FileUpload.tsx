import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import type { FileInfo, UploadPurpose } from '../../../../shared/files';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_OBJECT,
  attachmentTypesText,
  type MaterialFile,
  uploadFile,
} from '../attachments';
import { formatBytes } from '../money';

/** The limits in words, as the server enforces them. */
export function FileLimits({ exts }: { exts?: readonly string[] }) {
  const m = useT();
  return (
    <Typography.Text type="secondary" className="qifu-small">
      {m.policies.fileLimits(
        attachmentTypesText(m.common.listJoin, exts),
        formatBytes(ATTACHMENT_MAX_BYTES),
        ATTACHMENTS_PER_OBJECT,
      )}
    </Typography.Text>
  );
}

/**
 * A button that picks one file and uploads it. Too large is refused before sending; the server's refusals (413,
 * 415, a type it does not accept) are shown beside the button in its own words.
 */
export function UploadButton({
  purpose,
  accept = ATTACHMENT_ACCEPT,
  label,
  disabled,
  onUploaded,
}: {
  purpose: UploadPurpose;
  accept?: string;
  label?: string;
  disabled?: boolean;
  onUploaded(file: FileInfo): void;
}) {
  const m = useT();
  const describe = useDescribeError();
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setError(m.policies.apply.tooLarge(file.name, formatBytes(ATTACHMENT_MAX_BYTES)));
      return;
    }
    setBusy(true);
    try {
      onUploaded(await uploadFile(file, purpose));
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Flex vertical gap={6} align="start">
      <input
        ref={input}
        type="file"
        accept={accept}
        // The button below is the control; the native picker stays out of sight and out of the tab order.
        style={{ display: 'none' }}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        disabled={disabled}
        aria-describedby={error ? errorId : undefined}
        onClick={() => input.current?.click()}
      >
        {busy ? m.policies.apply.uploading : (label ?? m.policies.apply.upload)}
      </Button>
      {error ? (
        <Alert id={errorId} type="error" showIcon role="alert" title={error} className="qifu-upload-error" />
      ) : null}
    </Flex>
  );
}

/** Uploaded files with a remove button each. */
export function UploadedFiles({ files, onRemove }: { files: FileInfo[]; onRemove?(file: FileInfo): void }) {
  const m = useT();
  if (files.length === 0) return null;
  return (
    <ul className="qifu-file-list">
      {files.map((f) => (
        <li key={f.id}>
          <PaperClipOutlined aria-hidden="true" />
          <span>{f.name}</span>
          <Typography.Text type="secondary" className="qifu-small">
            {f.ext.toUpperCase()} · {formatBytes(f.size)}
          </Typography.Text>
          {onRemove ? (
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={m.policies.apply.removeFile(f.name)}
              onClick={() => onRemove(f)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The program's required materials, each with its files and its upload button. */
export function MaterialUploads({
  materials,
  value,
  onChange,
  missing,
}: {
  materials: { name: string; required: boolean; note: string | null }[];
  value: MaterialFile[];
  onChange(next: MaterialFile[]): void;
  /** Materials the last submit found missing (shown in red). */
  missing?: string[];
}) {
  const m = useT();
  const t = m.policies.apply;
  const full = value.length >= ATTACHMENTS_PER_OBJECT;
  if (materials.length === 0) return <Typography.Text type="secondary">{t.noMaterials}</Typography.Text>;
  return (
    <Flex vertical gap={12}>
      <FileLimits />
      <ul className="qifu-material-list">
        {materials.map((mat) => {
          const files = value.filter((v) => v.material === mat.name).map((v) => v.file);
          const isMissing = missing?.includes(mat.name);
          return (
            <li key={mat.name} className={isMissing ? 'is-missing' : undefined}>
              <Flex gap={8} align="center" wrap>
                <Tag color={mat.required ? 'red' : 'default'}>
                  {mat.required ? m.policies.program.required : m.policies.program.optional}
                </Tag>
                <strong>{mat.name}</strong>
              </Flex>
              {mat.note ? (
                <Typography.Text type="secondary" className="qifu-small">
                  {mat.note}
                </Typography.Text>
              ) : null}
              <UploadedFiles
                files={files}
                onRemove={(f) =>
                  onChange(value.filter((v) => !(v.file.id === f.id && v.material === mat.name)))
                }
              />
              {isMissing ? (
                <Typography.Text type="danger" role="alert">
                  {t.materialMissing(mat.name)}
                </Typography.Text>
              ) : null}
              <UploadButton
                purpose="claim"
                disabled={full}
                label={m.common.labelled(t.upload, mat.name)}
                onUploaded={(file) => onChange([...value, { file, material: mat.name }])}
              />
            </li>
          );
        })}
      </ul>
      {full ? <Typography.Text type="warning">{t.tooMany(ATTACHMENTS_PER_OBJECT)}</Typography.Text> : null}
    </Flex>
  );
}
