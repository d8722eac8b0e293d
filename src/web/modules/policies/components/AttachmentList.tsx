import { FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import type { FileInfo } from '../../../../shared/files';
import { useT } from '../../../app/prefs';
import { formatBytes } from '../money';

/** Downloadable files: name, type and size, one link each. */
export function AttachmentList({
  files,
  href,
  empty,
}: {
  files: (FileInfo & { material?: string })[];
  href(f: FileInfo): string;
  empty: string;
}) {
  const m = useT();
  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className="qifu-file-list">
      {files.map((f) => (
        <li key={f.id}>
          <PaperClipOutlined aria-hidden="true" />
          <a
            href={href(f)}
            target="_blank"
            rel="noopener noreferrer"
            download={f.ext === 'pdf' ? undefined : f.name}
          >
            {f.name}
          </a>
          <Typography.Text type="secondary" className="qifu-small">
            <FileOutlined aria-hidden="true" /> {f.ext.toUpperCase()} · {formatBytes(f.size)}
            {f.material ? ` · ${f.material}` : ''}
          </Typography.Text>
          <span className="qifu-visually-hidden">{m.policies.download}</span>
        </li>
      ))}
    </ul>
  );
}
