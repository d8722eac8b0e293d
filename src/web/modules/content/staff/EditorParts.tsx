import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Modal, Popconfirm, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import { api, isApiError } from '../../../app/api';
import { DangerConfirm } from '../../../app/DangerConfirm';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { formatBytes } from '../../policies/money';
import { AttachmentLinks } from '../components/AttachmentLinks';
import { StateTag } from '../components/tags';
import { isFuture, isoToShanghaiWall, shanghaiWallToIso } from '../format';
import { type ContentKind, contentPages, manageApi } from '../paths';
import type { Attachment, ContentDisplayState } from '../types';
import { CONTENT_ACCEPT, CONTENT_MAX_BYTES, CONTENT_TYPES, uploadAttachment } from '../upload';

/** Whether an API refusal is the optimistic-concurrency one (someone saved in between). */
export function isConflict(e: unknown): boolean {
  return isApiError(e) && e.code === 'CONTENT_VERSION_CONFLICT';
}

/** 409 CONTENT_VERSION_CONFLICT: nothing was overwritten; the latest text is already loaded below. */
export function ConflictAlert({ onClose }: { onClose(): void }) {
  const m = useT();
  const t = m.content.editor;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      closable={{ onClose }}
      className="qifu-block"
      title={t.conflictTitle}
      description={t.conflictText}
    />
  );
}

/** What the publishing controls need to know of an article or a guide. */
export interface Publishable {
  id: string;
  state: ContentDisplayState;
  status: 'draft' | 'published' | 'archived';
  version: number;
  publishAt: string | null;
}

/**
 * 立即发布 / 定时发布 / 归档 / 撤回为草稿 / 删除, each asking first; what is offered follows the record's state.
 * A refusal for a stale version hands over to `onConflict` (the page reloads the record and says why).
 */
export function PublishActions({
  kind,
  record,
  dirty,
  onChanged,
  onConflict,
}: {
  kind: ContentKind;
  record: Publishable;
  /** Unsaved edits in the form: publishing would publish the saved text, so it asks to save first. */
  dirty: boolean;
  onChanged(): void;
  onConflict(): void;
}) {
  const m = useT();
  const t = m.content.editor;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const [scheduling, setScheduling] = useState(false);
  const urls = manageApi(kind, record.id);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      onChanged();
      return true;
    } catch (e) {
      if (isConflict(e)) onConflict();
      else message.error(describe(e));
      return false;
    }
  };

  const canPublish = record.state === 'draft' || record.state === 'scheduled' || record.state === 'archived';
  const canArchive = record.state === 'published';
  const canWithdraw = record.state !== 'draft';
  const canDelete = record.status === 'draft' && record.publishAt === null;

  return (
    <Flex gap={8} wrap align="center">
      {canPublish ? (
        <Popconfirm
          title={t.publishConfirm}
          okText={t.publish}
          cancelText={m.common.cancel}
          onConfirm={() => run(() => api.post(urls.publish, { version: record.version }), t.published)}
          disabled={dirty}
        >
          <Button type="primary" disabled={dirty}>
            {t.publish}
          </Button>
        </Popconfirm>
      ) : null}
      {canPublish ? (
        <Button disabled={dirty} onClick={() => setScheduling(true)}>
          {t.schedule}
        </Button>
      ) : null}
      {canArchive ? (
        <Popconfirm
          title={t.archiveConfirm}
          okText={t.archive}
          cancelText={m.common.cancel}
          onConfirm={() => run(() => api.post(urls.archive, { version: record.version }), t.archived)}
        >
          <Button>{t.archive}</Button>
        </Popconfirm>
      ) : null}
      {canWithdraw ? (
        <Popconfirm
          title={t.withdrawConfirm}
          okText={t.withdraw}
          cancelText={m.common.cancel}
          onConfirm={() => run(() => api.post(urls.withdraw, { version: record.version }), t.withdrawn)}
        >
          <Button>{t.withdraw}</Button>
        </Popconfirm>
      ) : null}
      {canDelete ? (
        <Popconfirm
          title={t.deleteConfirm}
          okText={t.delete}
          cancelText={m.common.cancel}
          okButtonProps={{ danger: true }}
          onConfirm={async () => {
            try {
              await api.delete(urls.record);
              message.success(t.deleted);
              navigate(contentPages.staffTab(kind === 'articles' ? 'articles' : 'guides'), { replace: true });
            } catch (e) {
              message.error(describe(e));
            }
          }}
        >
          <Button danger icon={<DeleteOutlined />}>
            {t.delete}
          </Button>
        </Popconfirm>
      ) : null}
      {dirty && canPublish ? (
        <Typography.Text type="secondary" className="qifu-small">
          {t.saveBeforePublish}
        </Typography.Text>
      ) : null}
      {scheduling ? (
        <ScheduleModal
          initial={record.state === 'scheduled' ? record.publishAt : null}
          onCancel={() => setScheduling(false)}
          onSubmit={async (publishAt) => {
            const ok = await run(
              () => api.post(urls.publish, { version: record.version, publishAt }),
              t.scheduled(formatShanghai(publishAt)),
            );
            if (ok) setScheduling(false);
            return ok;
          }}
        />
      ) : null}
    </Flex>
  );
}

/** 定时发布: a date and time in Beijing time, strictly in the future. */
function ScheduleModal({
  initial,
  onCancel,
  onSubmit,
}: {
  initial: string | null;
  onCancel(): void;
  onSubmit(publishAt: string): Promise<boolean>;
}) {
  const m = useT();
  const t = m.content.editor;
  const [form] = Form.useForm<{ at: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const wall = isoToShanghaiWall(initial);
  return (
    <Modal
      open
      title={t.scheduleTitle}
      okText={t.schedule}
      cancelText={m.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ at: wall ? dayjs(wall) : undefined }}
        onFinish={async (v) => {
          const iso = shanghaiWallToIso(v.at.format('YYYY-MM-DD HH:mm'));
          if (!iso) return;
          setSaving(true);
          try {
            await onSubmit(iso);
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item
          name="at"
          label={t.scheduleAt}
          extra={t.scheduleHint}
          rules={[
            { required: true, message: t.scheduleRequired },
            {
              validator: async (_, v: Dayjs | undefined) => {
                const iso = v ? shanghaiWallToIso(v.format('YYYY-MM-DD HH:mm')) : null;
                if (iso && !isFuture(iso)) throw new Error(t.schedulePast);
              },
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="qifu-cnt-picker" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The record's attachments with 移除 each, and 上传附件 (once the record exists). */
export function AttachmentsEditor({
  kind,
  recordId,
  files,
  hint,
  onChanged,
}: {
  kind: ContentKind;
  recordId: string | null;
  files: Attachment[];
  hint?: string;
  onChanged(): void;
}) {
  const m = useT();
  const t = m.content.editor;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const limits = t.attachmentsHint(CONTENT_TYPES.join(m.common.listJoin), formatBytes(CONTENT_MAX_BYTES));

  if (!recordId) return <Typography.Text type="secondary">{t.saveFirst}</Typography.Text>;
  const urls = manageApi(kind, recordId);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > CONTENT_MAX_BYTES) {
      setError(t.tooLarge(file.name, formatBytes(CONTENT_MAX_BYTES)));
      if (input.current) input.current.value = '';
      return;
    }
    setBusy(true);
    try {
      const a = await uploadAttachment(urls.upload, file);
      message.success(t.uploaded(a.name));
      onChanged();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await api.delete(urls.attachment(a.id));
      message.success(t.removed);
      onChanged();
    } catch (e) {
      message.error(describe(e));
    }
  };

  return (
    <Flex vertical gap={8}>
      <AttachmentLinks
        files={files}
        empty={t.noAttachments}
        action={(a) => (
          <DangerConfirm
            question={t.removeConfirm(a.name)}
            label={t.removeAttachment}
            icon={<DeleteOutlined />}
            onConfirm={() => remove(a)}
          />
        )}
      />
      <input
        ref={input}
        type="file"
        accept={CONTENT_ACCEPT}
        className="qifu-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Flex gap={8} wrap align="center">
        <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
          {busy ? t.uploading : t.upload}
        </Button>
        <Typography.Text type="secondary" className="qifu-small">
          {hint ? `${hint} ` : ''}
          {limits}
        </Typography.Text>
      </Flex>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
    </Flex>
  );
}

/** The record's state and history in one line: 已发布 · 发布于 … · 第 3 版 · 张三 修改于 …. */
export function StateLine({
  record,
}: {
  record: Publishable & { updatedAt: string; updatedByName: string | null };
}) {
  const m = useT();
  const t = m.content.editor;
  return (
    <Flex gap={8} wrap align="center" component="span">
      <StateTag state={record.state} />
      {record.state === 'scheduled' && record.publishAt ? (
        <span>{t.scheduledFor(formatShanghai(record.publishAt))}</span>
      ) : record.publishAt && record.state === 'published' ? (
        <span>{t.publishedAt(formatShanghai(record.publishAt))}</span>
      ) : null}
      <span>{t.version(record.version)}</span>
      {record.updatedByName ? (
        <span>{t.updatedBy(record.updatedByName, formatShanghai(record.updatedAt))}</span>
      ) : null}
    </Flex>
  );
}
