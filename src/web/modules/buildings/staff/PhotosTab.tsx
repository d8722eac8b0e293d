import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../../app/api';
import { DangerConfirm } from '../../../app/DangerConfirm';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { formatBytes } from '../../policies/money';
import { buildingApi } from '../paths';
import type { BuildingDetail } from '../types';
import { PHOTO_ACCEPT, PHOTO_MAX_BYTES, PHOTO_TYPES, uploadBuildingFile } from '../upload';

/** 照片: upload (files with purpose=building), caption, delete. The first photo is the cover. */
export function PhotosTab({ building, onChanged }: { building: BuildingDetail; onChanged(): void }) {
  const m = useT();
  const t = m.buildings.photos;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const input = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hint = t.hint(PHOTO_TYPES.join(m.common.listJoin), formatBytes(PHOTO_MAX_BYTES));

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > PHOTO_MAX_BYTES) {
      setError(hint);
      return;
    }
    setBusy(true);
    try {
      const uploaded = await uploadBuildingFile(file);
      await api.post(buildingApi.photos(building.id), {
        fileId: uploaded.id,
        caption: caption.trim(),
        sortOrder: building.photos.length,
      });
      setCaption('');
      message.success(t.added);
      onChanged();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (photoId: string) => {
    try {
      await api.delete(buildingApi.photoDelete(photoId));
      message.success(t.deleted);
      onChanged();
    } catch (e) {
      message.error(describe(e));
    }
  };

  const photos = [...building.photos].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Input
          className="qifu-filter-search"
          maxLength={100}
          value={caption}
          placeholder={t.captionPlaceholder}
          aria-label={t.caption}
          onChange={(e) => setCaption(e.target.value)}
        />
        <input
          ref={input}
          type="file"
          accept={PHOTO_ACCEPT}
          className="qifu-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={busy}
          onClick={() => input.current?.click()}
        >
          {busy ? t.uploading : t.upload}
        </Button>
      </Flex>
      <Typography.Text type="secondary" className="qifu-small">
        {hint}
      </Typography.Text>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />
      ) : (
        <div className="qifu-bld-photo-grid">
          {photos.map((p) => (
            <figure key={p.id}>
              <img src={p.url} alt={p.caption || building.name} loading="lazy" />
              <figcaption>
                <span>{p.caption || m.buildings.fmt.none}</span>
                <DangerConfirm
                  question={t.deleteConfirm}
                  label={m.common.delete}
                  icon={<DeleteOutlined />}
                  onConfirm={() => remove(p.id)}
                />
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </Flex>
  );
}
