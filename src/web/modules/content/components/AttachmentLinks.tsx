import { FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/prefs';
import { formatBytes } from '../../policies/money';
import { fileType } from '../format';
import type { Attachment } from '../types';

/** Downloadable files: name, type and size, one link each; `action` adds a control per file (the editor's 移除). */
export function AttachmentLinks({
  files,
  empty,
  action,
}: {
  files: Attachment[];
  empty: string;
  action?: (a: Attachment) => ReactNode;
}) {
  const m = useT();
  if (files.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul className="qifu-file-list">
      {files.map((f) => {
        const type = fileType(f);
        return (
          <li key={f.id}>
            <PaperClipOutlined aria-hidden="true" />
            <a
              href={f.url}
              target="_blank"
              rel="noopener noreferrer"
              download={type === 'PDF' ? undefined : f.name}
            >
              {f.name}
            </a>
            <Typography.Text type="secondary" className="qifu-small">
              <FileOutlined aria-hidden="true" /> {type} · {formatBytes(f.size)}
            </Typography.Text>
            <span className="qifu-visually-hidden">{m.content.download}</span>
            {action ? <span className="qifu-cnt-file-action">{action(f)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
