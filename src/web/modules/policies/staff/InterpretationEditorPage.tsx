import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { FileInfo } from '../../../../shared/files';
import { formatShanghai } from '../../../../shared/format';
import type { DocumentSummary, Interpretation, InterpretationInput } from '../../../../shared/policies';
import { api, isApiError, type Page } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { IMAGE_ACCEPT } from '../attachments';
import { FileLimits, UploadButton } from '../components/FileUpload';
import { policyApi, policyDownloads, policyPages } from '../paths';
import { RichTextEditor } from './RichTextEditor';
import { StaleAlert } from './StaleAlert';

interface InterpValues {
  title: string;
  documentIds: string[];
  bodyHtml?: string;
  qa?: { question: string; answer: string }[];
}

/** /workbench/policies/interpretations/:id (or new) — 政策解读: 白话, Q&A and 一图读懂, linked to documents. */
export function InterpretationEditorPage() {
  const m = useT();
  const id = useParams().id ?? 'new';
  const isNew = id === 'new';
  const it = useApi<Interpretation>(isNew ? null : policyApi.interpretation(id));
  if (!isNew && it.error) {
    if (isApiError(it.error) && it.error.status === 404)
      return (
        <NotFound
          back={{ to: `${policyPages.staffPolicies}?tab=interpretations`, label: m.policies.staff.back }}
        />
      );
    return <LoadError error={it.error} onRetry={it.reload} />;
  }
  if (!isNew && !it.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <InterpretationEditor
      key={it.data ? `${it.data.id}-${it.data.revision}` : 'new'}
      initial={it.data ?? null}
      reload={it.reload}
    />
  );
}

function InterpretationEditor({ initial, reload }: { initial: Interpretation | null; reload(): void }) {
  const m = useT();
  const t = m.policies.interpEditor;
  const s = m.policies.staff;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<InterpValues>();
  const [item, setItem] = useState<Interpretation | null>(initial);
  const [image, setImage] = useState<{ file: FileInfo; url: string } | null>(
    initial?.image ? { file: initial.image, url: policyDownloads.interpretationImage(initial.id) } : null,
  );
  const [stale, setStale] = useState(false);
  const docs = useApi<Page<DocumentSummary>>(policyApi.documents, { pageSize: 100 });

  useEffect(() => {
    if (initial)
      form.setFieldsValue({
        title: initial.title,
        documentIds: initial.documents.map((d) => d.id),
        bodyHtml: initial.bodyHtml,
        qa: initial.qa,
      });
  }, [initial, form]);

  const body = (v: InterpValues): InterpretationInput => ({
    title: v.title.trim(),
    documentIds: v.documentIds,
    bodyHtml: v.bodyHtml ?? '',
    qa: (v.qa ?? []).map((q) => ({ question: q.question.trim(), answer: q.answer.trim() })),
    imageFileId: image?.file.id ?? null,
  });

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: InterpValues) => {
    setStale(false);
    try {
      if (!item) {
        const created = await api.post<Interpretation>(policyApi.interpretations, body(v));
        message.success(s.created);
        navigate(policyPages.staffInterpretation(created.id), { replace: true });
        return;
      }
      const saved = await api.put<Interpretation>(policyApi.interpretation(item.id), {
        ...body(v),
        revision: item.revision,
      });
      setItem(saved);
      message.success(s.saved);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else throw e;
    }
  });

  const publish = async () => {
    if (!item) return;
    try {
      setItem(
        await api.post<Interpretation>(policyApi.interpretationPublish(item.id), { revision: item.revision }),
      );
      message.success(s.published);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else message.error(isApiError(e) ? e.message : m.errors.unknown);
    }
  };

  // Options: every document the editor can see, plus the linked ones even if they fall outside the first page.
  const options = new Map<string, string>();
  for (const d of initial?.documents ?? []) options.set(d.id, d.title);
  for (const d of docs.data?.items ?? [])
    options.set(d.id, `${d.title}${d.docNumber ? m.common.paren(d.docNumber) : ''}`);

  return (
    <div>
      <PageHeader
        title={item ? t.editTitle(item.title) : t.newTitle}
        intro={
          item ? (
            <Flex gap={6} component="span" align="center" wrap>
              <Tag color={item.status === 'published' ? 'green' : 'default'}>
                {m.policies.interpretationStatuses[item.status]}
              </Tag>
              <span>{formatShanghai(item.updatedAt)}</span>
            </Flex>
          ) : undefined
        }
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={`${policyPages.staffPolicies}?tab=interpretations`}>{s.back}</LinkButton>
            {item?.status === 'published' ? (
              <LinkButton to={policyPages.interpretation(item.id)}>{m.policies.viewPublic}</LinkButton>
            ) : null}
          </Flex>
        }
      />
      {stale ? <StaleAlert onReload={reload} /> : null}
      <Card>
        <FormFailure failure={failure} />
        <Form<InterpValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={submitting}
          initialValues={{ documentIds: [], qa: [], bodyHtml: '' }}
        >
          <Form.Item
            name="title"
            label={t.title}
            rules={[{ required: true, whitespace: true, message: s.required(t.title) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="documentIds"
            label={t.documents}
            rules={[{ required: true, type: 'array', min: 1, message: t.documentsRequired }]}
          >
            <Select
              mode="multiple"
              loading={docs.loading}
              optionFilterProp="label"
              options={[...options].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="bodyHtml" label={t.body}>
            <RichTextEditor rows={10} />
          </Form.Item>
          <Form.Item label={t.qa}>
            <Form.List name="qa">
              {(fields, { add, remove }) => (
                <Flex vertical gap={12}>
                  {fields.map((field, i) => (
                    <Card size="small" key={field.key} className="qifu-qa-card">
                      <Flex gap={8} align="start">
                        <Flex vertical className="qifu-grow">
                          <Form.Item
                            name={[field.name, 'question']}
                            label={t.questionN(i + 1)}
                            rules={[{ required: true, whitespace: true, message: s.required(t.question) }]}
                          >
                            <Input maxLength={200} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'answer']}
                            label={t.answer}
                            rules={[{ required: true, whitespace: true, message: s.required(t.answer) }]}
                          >
                            <Input.TextArea rows={3} maxLength={2000} />
                          </Form.Item>
                        </Flex>
                        <Button
                          type="text"
                          danger
                          icon={<MinusCircleOutlined />}
                          aria-label={t.removeQa(i + 1)}
                          onClick={() => remove(field.name)}
                        />
                      </Flex>
                    </Card>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ question: '', answer: '' })}
                    className="qifu-add-button"
                  >
                    {t.addQa}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item label={t.image}>
            <Flex vertical gap={8} align="start">
              <FileLimits exts={['jpg', 'png']} />
              {image ? (
                <Flex gap={12} align="center" wrap>
                  <img src={image.url} alt={image.file.name} className="qifu-image-thumb" />
                  <Button icon={<DeleteOutlined />} danger onClick={() => setImage(null)}>
                    {t.removeImage}
                  </Button>
                </Flex>
              ) : null}
              <UploadButton
                purpose="policy"
                accept={IMAGE_ACCEPT}
                label={t.uploadImage}
                onUploaded={(file) => setImage({ file, url: policyDownloads.ownFile(file.id) })}
              />
            </Flex>
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {m.common.save}
            </Button>
            {item?.status === 'draft' ? (
              <Popconfirm
                title={s.publishConfirm}
                okText={s.publish}
                cancelText={m.common.cancel}
                onConfirm={publish}
              >
                <Button>{s.publish}</Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
