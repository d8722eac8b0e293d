import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { FileInfo } from '../../../../shared/files';
import { formatShanghai } from '../../../../shared/format';
import type { DocumentInput, DocumentUpdate, PolicyDocument, PolicyLevel } from '../../../../shared/policies';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { FileLimits, UploadButton, UploadedFiles } from '../components/FileUpload';
import { DocumentStatusTag } from '../components/tags';
import { policyApi, policyPages } from '../paths';
import { RichTextEditor } from './RichTextEditor';
import { StaleAlert } from './StaleAlert';

const LEVELS: PolicyLevel[] = ['national', 'provincial', 'municipal', 'district'];

interface DocValues {
  title: string;
  docNumber?: string;
  issuer: string;
  level: PolicyLevel;
  topics: string[];
  issuedOn: Dayjs;
  effectiveOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  summary?: string;
  bodyHtml?: string;
  changeNote?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function toValues(d: PolicyDocument): DocValues {
  return {
    title: d.title,
    docNumber: d.docNumber ?? '',
    issuer: d.issuer,
    level: d.level,
    topics: d.topics,
    issuedOn: dayjs(d.issuedOn),
    effectiveOn: d.effectiveOn ? dayjs(d.effectiveOn) : null,
    expiresOn: d.expiresOn ? dayjs(d.expiresOn) : null,
    summary: d.summary ?? '',
    bodyHtml: d.bodyHtml,
    changeNote: '',
  };
}

/** /workbench/policies/documents/:id (or new) — edit a policy document; publishing or editing a published one makes a version. */
export function DocumentEditorPage() {
  const m = useT();
  const id = useParams().id ?? 'new';
  const isNew = id === 'new';
  const doc = useApi<PolicyDocument>(isNew ? null : policyApi.document(id));
  if (!isNew && doc.error) {
    if (isApiError(doc.error) && doc.error.status === 404)
      return <NotFound back={{ to: policyPages.staffPolicies, label: m.policies.staff.back }} />;
    return <LoadError error={doc.error} onRetry={doc.reload} />;
  }
  if (!isNew && !doc.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  return (
    <DocumentEditor
      key={doc.data ? `${doc.data.id}-${doc.data.revision}` : 'new'}
      initial={doc.data ?? null}
      reload={doc.reload}
    />
  );
}

function DocumentEditor({ initial, reload }: { initial: PolicyDocument | null; reload(): void }) {
  const m = useT();
  const t = m.policies.docEditor;
  const s = m.policies.staff;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocValues>();
  const [doc, setDoc] = useState<PolicyDocument | null>(initial);
  const [files, setFiles] = useState<FileInfo[]>(initial?.attachments ?? []);
  const [stale, setStale] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);
  // Issuers already used, offered for consistency (the filter on the public page lists them exactly).
  const known = useApi<{ items: { issuer: string }[] }>(policyApi.documents, { pageSize: 100 });
  const issuers = [...new Set((known.data?.items ?? []).map((d) => d.issuer))];

  useEffect(() => {
    if (initial) form.setFieldsValue(toValues(initial));
  }, [initial, form]);

  const body = (v: DocValues): DocumentInput => ({
    title: v.title.trim(),
    docNumber: v.docNumber?.trim() || null,
    issuer: v.issuer.trim(),
    level: v.level,
    topics: (v.topics ?? []) as DocumentInput['topics'],
    issuedOn: day(v.issuedOn)!,
    effectiveOn: day(v.effectiveOn),
    expiresOn: day(v.expiresOn),
    summary: v.summary?.trim() || null,
    bodyHtml: v.bodyHtml ?? '',
    attachmentIds: files.map((f) => f.id),
  });

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: DocValues) => {
    setStale(false);
    try {
      if (!doc) {
        const created = await api.post<PolicyDocument>(policyApi.documents, body(v));
        message.success(s.created);
        navigate(policyPages.staffDocument(created.id), { replace: true });
        return;
      }
      const update: DocumentUpdate = {
        ...body(v),
        revision: doc.revision,
        changeNote: v.changeNote?.trim() || null,
      };
      const saved = await api.put<PolicyDocument>(policyApi.document(doc.id), update);
      setDoc(saved);
      setFiles(saved.attachments);
      form.setFieldsValue(toValues(saved));
      message.success(s.saved);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else throw e;
    }
  });

  const publish = async () => {
    if (!doc) return;
    try {
      const saved = await api.post<PolicyDocument>(policyApi.documentPublish(doc.id), {
        revision: doc.revision,
      });
      setDoc(saved);
      message.success(s.published);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else message.error(isApiError(e) ? e.message : m.errors.unknown);
    }
  };

  return (
    <div>
      <PageHeader
        title={doc ? t.editTitle(doc.title) : t.newTitle}
        intro={
          doc ? (
            <Flex gap={6} wrap component="span" align="center">
              <DocumentStatusTag status={doc.status} />
              <span>{m.policies.version(doc.version)}</span>
              <span>{formatShanghai(doc.updatedAt)}</span>
            </Flex>
          ) : undefined
        }
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={policyPages.staffPolicies}>{s.back}</LinkButton>
            {doc && doc.status !== 'draft' ? (
              <LinkButton to={policyPages.document(doc.id)}>{m.policies.viewPublic}</LinkButton>
            ) : null}
          </Flex>
        }
      />
      {stale ? <StaleAlert onReload={reload} /> : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={17}>
          <Card>
            <FormFailure failure={failure} />
            {doc && doc.status === 'published' ? (
              <Typography.Paragraph type="warning">{t.publishedEditNote}</Typography.Paragraph>
            ) : null}
            <Form<DocValues>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              disabled={submitting}
              initialValues={{ level: 'district', topics: [], bodyHtml: '' }}
              scrollToFirstError
            >
              <Form.Item
                name="title"
                label={t.title}
                rules={[{ required: true, whitespace: true, message: s.required(t.title) }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Flex gap={16} wrap>
                <Form.Item
                  name="docNumber"
                  label={t.docNumber}
                  extra={t.docNumberHint}
                  className="qifu-field-medium"
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="issuer"
                  label={t.issuer}
                  rules={[{ required: true, whitespace: true, message: s.required(t.issuer) }]}
                  className="qifu-field-medium"
                >
                  <AutoComplete
                    options={issuers.map((i) => ({ value: i }))}
                    filterOption={(input, option) => (option?.value ?? '').includes(input)}
                    maxLength={60}
                  />
                </Form.Item>
              </Flex>
              <Form.Item
                name="level"
                label={t.level}
                rules={[{ required: true, message: s.requiredSelect(t.level) }]}
              >
                <Radio.Group options={LEVELS.map((l) => ({ value: l, label: m.policies.levels[l] }))} />
              </Form.Item>
              <Form.Item name="topics" label={t.topics}>
                <Select
                  mode="multiple"
                  maxCount={8}
                  optionFilterProp="label"
                  options={Object.entries(m.policies.topics).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Flex gap={16} wrap>
                <Form.Item
                  name="issuedOn"
                  label={t.issuedOn}
                  rules={[{ required: true, message: s.requiredSelect(t.issuedOn) }]}
                >
                  <DatePicker />
                </Form.Item>
                <Form.Item name="effectiveOn" label={t.effectiveOn}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="expiresOn" label={t.expiresOn}>
                  <DatePicker />
                </Form.Item>
              </Flex>
              <Form.Item name="summary" label={t.summary}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
              <Form.Item name="bodyHtml" label={t.body}>
                <RichTextEditor />
              </Form.Item>
              <Form.Item label={t.attachments} extra={t.attachmentsHint}>
                <Flex vertical gap={8}>
                  <FileLimits />
                  <UploadedFiles
                    files={files}
                    onRemove={(f) => setFiles(files.filter((x) => x.id !== f.id))}
                  />
                  <UploadButton
                    purpose="policy"
                    onUploaded={(f) => setFiles([...files, f])}
                    disabled={files.length >= 20}
                  />
                </Flex>
              </Form.Item>
              {doc ? (
                <Form.Item name="changeNote" label={t.changeNote}>
                  <Input maxLength={200} />
                </Form.Item>
              ) : null}
              <Flex gap={8} wrap>
                <Button type="primary" htmlType="submit" loading={submitting}>
                  {m.common.save}
                </Button>
                {doc?.status === 'draft' ? (
                  <Popconfirm
                    title={s.publishConfirm}
                    okText={s.publish}
                    cancelText={m.common.cancel}
                    onConfirm={publish}
                  >
                    <Button>{s.publish}</Button>
                  </Popconfirm>
                ) : null}
                {doc?.status === 'published' ? (
                  <Button danger onClick={() => setStatusOpen(true)}>
                    {t.setStatus}
                  </Button>
                ) : null}
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          {doc ? (
            <Card title={t.versions}>
              {doc.versions.length === 0 ? (
                <Typography.Text type="secondary">{m.policies.document.noVersions}</Typography.Text>
              ) : (
                <ol className="qifu-version-list">
                  {doc.versions.map((v) => (
                    <li key={v.version}>
                      <Flex gap={6} wrap align="center">
                        <Link
                          to={policyPages.document(doc.id, v.version === doc.version ? undefined : v.version)}
                        >
                          {m.policies.document.versionItem(v.version, formatShanghai(v.createdAt, false))}
                        </Link>
                        {v.version === doc.version ? (
                          <Tag color="green">{m.policies.document.current}</Tag>
                        ) : null}
                      </Flex>
                      <Typography.Text type="secondary" className="qifu-small">
                        {[v.createdByName, v.changeNote].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          ) : null}
        </Col>
      </Row>
      {statusOpen && doc ? (
        <StatusModal
          doc={doc}
          onClose={() => setStatusOpen(false)}
          onSaved={setDoc}
          onStale={() => setStale(true)}
        />
      ) : null}
    </div>
  );
}

function StatusModal({
  doc,
  onClose,
  onSaved,
  onStale,
}: {
  doc: PolicyDocument;
  onClose(): void;
  onSaved(d: PolicyDocument): void;
  onStale(): void;
}) {
  const m = useT();
  const t = m.policies.docEditor;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: 'expired' | 'repealed'; reason: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    try {
      const saved = await api.post<PolicyDocument>(policyApi.documentStatus(doc.id), {
        revision: doc.revision,
        status: v.status,
        reason: v.reason.trim(),
      });
      onSaved(saved);
      message.success(t.statusDone);
      onClose();
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') {
        onStale();
        onClose();
      } else throw e;
    }
  });
  return (
    <Modal
      open
      title={t.statusTitle}
      okText={m.common.save}
      okButtonProps={{ danger: true }}
      cancelText={m.common.cancel}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ status: 'expired' }}>
        <Form.Item name="status" label={t.statusField}>
          <Radio.Group
            options={(['expired', 'repealed'] as const).map((s) => ({
              value: s,
              label: m.policies.documentStatuses[s],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t.statusReason}
          rules={[{ required: true, whitespace: true, message: t.statusReasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
