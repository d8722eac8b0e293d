import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { safeHref } from '../../policies/rich-text';
import { contentApi, contentPages } from '../paths';
import {
  GUIDE_CATEGORIES,
  type GuideCategory,
  type GuideEditorView,
  type GuideMaterial,
  type GuideStep,
} from '../types';
import { AttachmentsEditor, ConflictAlert, isConflict, PublishActions, StateLine } from './EditorParts';

interface GuideValues {
  category: GuideCategory;
  title: string;
  summary?: string;
  timeLimit?: string;
  fees?: string;
  steps?: GuideStep[];
  materials?: GuideMaterial[];
  place?: string;
  hours?: string;
  phone?: string;
  onlineUrl?: string;
  basis?: string;
}

/** /workbench/content/guides/:id (or new) — a 零咨询 guide: steps, materials, where, when, how much, the forms. */
export function GuideEditorPage() {
  const m = useT();
  const id = useParams().id ?? 'new';
  const isNew = id === 'new';
  const guide = useApi<GuideEditorView>(isNew ? null : contentApi.manageGuide(id));
  const [conflict, setConflict] = useState(false);
  const back = { to: contentPages.staffTab('guides'), label: m.content.staff.back };
  if (!isNew && guide.error) {
    if (isApiError(guide.error) && guide.error.status === 404) return <NotFound back={back} />;
    return <LoadError error={guide.error} onRetry={guide.reload} />;
  }
  if (!isNew && !guide.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  return (
    <GuideEditor
      key={guide.data?.id ?? 'new'}
      initial={guide.data ?? null}
      conflict={conflict}
      setConflict={setConflict}
      reload={guide.reload}
    />
  );
}

const trimmed = (v: string | undefined) => (v ?? '').trim();

function GuideEditor({
  initial,
  conflict,
  setConflict,
  reload,
}: {
  initial: GuideEditorView | null;
  conflict: boolean;
  setConflict(v: boolean): void;
  reload(): void;
}) {
  const m = useT();
  const t = m.content.editor;
  const s = m.content.staff;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<GuideValues>();
  const [dirty, setDirty] = useState(false);
  const version = initial?.version;

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version from the server resets the form.
  useEffect(() => {
    if (conflict) {
      form.resetFields();
      setDirty(false);
    }
  }, [version]);

  const body = (v: GuideValues) => ({
    category: v.category,
    title: v.title.trim(),
    summary: trimmed(v.summary),
    timeLimit: trimmed(v.timeLimit),
    fees: trimmed(v.fees),
    steps: (v.steps ?? []).map((st) => ({ title: trimmed(st.title), detail: trimmed(st.detail) })),
    materials: (v.materials ?? []).map((mt) => ({
      name: trimmed(mt.name),
      copies: trimmed(mt.copies),
      note: trimmed(mt.note),
    })),
    place: trimmed(v.place),
    hours: trimmed(v.hours),
    phone: trimmed(v.phone),
    onlineUrl: trimmed(v.onlineUrl) || null,
    basis: trimmed(v.basis),
  });

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: GuideValues) => {
    setConflict(false);
    try {
      if (!initial) {
        const created = await api.post<GuideEditorView>(contentApi.manageGuides, body(v));
        message.success(t.created);
        navigate(contentPages.staffGuide(created.id), { replace: true });
        return;
      }
      await api.patch<GuideEditorView>(contentApi.manageGuide(initial.id), {
        ...body(v),
        version: initial.version,
      });
      message.success(t.saved);
      setDirty(false);
      reload();
    } catch (e) {
      if (isConflict(e)) {
        setConflict(true);
        reload();
      } else throw e;
    }
  });

  return (
    <div>
      <PageHeader
        title={initial ? t.editGuide(initial.title) : t.newGuide}
        intro={initial ? <StateLine record={initial} /> : undefined}
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={contentPages.staffTab('guides')}>{s.back}</LinkButton>
            {initial?.state === 'published' ? (
              <LinkButton to={contentPages.guide(initial.id)} target="_blank">
                {s.viewPublic}
              </LinkButton>
            ) : null}
          </Flex>
        }
      />
      {conflict ? <ConflictAlert onClose={() => setConflict(false)} /> : null}
      {initial ? (
        <Card size="small" className="qifu-block">
          <PublishActions
            kind="guides"
            record={initial}
            dirty={dirty}
            onChanged={() => {
              setConflict(false);
              reload();
            }}
            onConflict={() => {
              setConflict(true);
              reload();
            }}
          />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card>
            <FormFailure failure={failure} />
            <Form<GuideValues>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              onValuesChange={() => setDirty(true)}
              disabled={submitting}
              initialValues={{
                category: initial?.category ?? 'startup',
                title: initial?.title ?? '',
                summary: initial?.summary ?? '',
                timeLimit: initial?.timeLimit ?? '',
                fees: initial?.fees ?? '',
                steps: initial?.steps ?? [{ title: '', detail: '' }],
                materials: initial?.materials ?? [],
                place: initial?.place ?? '',
                hours: initial?.hours ?? '',
                phone: initial?.phone ?? '',
                onlineUrl: initial?.onlineUrl ?? '',
                basis: initial?.basis ?? '',
              }}
            >
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="category" label={t.category} rules={[{ required: true }]}>
                    <Select<GuideCategory>
                      options={GUIDE_CATEGORIES.map((c) => ({ value: c, label: m.content.categories[c] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item
                    name="title"
                    label={t.title}
                    rules={[{ required: true, whitespace: true, message: t.required(t.title) }]}
                  >
                    <Input maxLength={120} showCount />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="summary" label={t.summary} extra={t.summaryHint}>
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="timeLimit" label={t.timeLimit}>
                    <Input maxLength={60} placeholder={t.timeLimitPlaceholder} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="fees" label={t.fees}>
                    <Input maxLength={120} placeholder={t.feesPlaceholder} />
                  </Form.Item>
                </Col>
              </Row>
              <fieldset className="qifu-fieldset">
                <legend>{t.steps}</legend>
                <Form.List name="steps">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((field, i) => (
                        <Card size="small" key={field.key}>
                          <Flex gap={8} align="start">
                            <Flex vertical className="qifu-grow">
                              <Form.Item
                                name={[field.name, 'title']}
                                label={t.stepN(i + 1)}
                                rules={[
                                  { required: true, whitespace: true, message: t.required(t.stepTitle) },
                                ]}
                              >
                                <Input maxLength={100} placeholder={t.stepTitle} />
                              </Form.Item>
                              <Form.Item name={[field.name, 'detail']} label={t.stepDetail}>
                                <Input.TextArea rows={2} maxLength={2000} />
                              </Form.Item>
                            </Flex>
                            <Button
                              type="text"
                              danger
                              icon={<MinusCircleOutlined />}
                              aria-label={t.removeStep(i + 1)}
                              onClick={() => remove(field.name)}
                            />
                          </Flex>
                        </Card>
                      ))}
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => add({ title: '', detail: '' })}
                        className="qifu-add-button"
                        disabled={fields.length >= 30}
                      >
                        {t.addStep}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </fieldset>
              <fieldset className="qifu-fieldset qifu-top-gap">
                <legend>{t.materials}</legend>
                <Form.List name="materials">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((field, i) => (
                        <Flex gap={8} align="start" key={field.key} wrap className="qifu-cnt-material-row">
                          <Form.Item
                            name={[field.name, 'name']}
                            className="qifu-cnt-material-name"
                            rules={[
                              { required: true, whitespace: true, message: t.required(t.materialName) },
                            ]}
                          >
                            <Input maxLength={200} placeholder={t.materialName} aria-label={t.materialName} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'copies']} className="qifu-cnt-material-copies">
                            <Input maxLength={50} placeholder={t.copiesPlaceholder} aria-label={t.copies} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'note']} className="qifu-grow">
                            <Input maxLength={500} placeholder={t.note} aria-label={t.note} />
                          </Form.Item>
                          <Button
                            type="text"
                            danger
                            icon={<MinusCircleOutlined />}
                            aria-label={t.removeMaterial(i + 1)}
                            onClick={() => remove(field.name)}
                          />
                        </Flex>
                      ))}
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => add({ name: '', copies: '', note: '' })}
                        className="qifu-add-button"
                        disabled={fields.length >= 50}
                      >
                        {t.addMaterial}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </fieldset>
              <Row gutter={16} className="qifu-top-gap">
                <Col xs={24} md={12}>
                  <Form.Item name="place" label={t.place}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="hours" label={t.hours}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="phone" label={t.phone}>
                    <Input maxLength={60} inputMode="tel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="onlineUrl"
                    label={t.onlineUrl}
                    extra={t.onlineUrlHint}
                    rules={[
                      {
                        validator: async (_, v: string | undefined) => {
                          const url = (v ?? '').trim();
                          if (url && !/^https?:\/\//i.test(url)) throw new Error(t.onlineUrlInvalid);
                          if (url && !safeHref(url)) throw new Error(t.onlineUrlInvalid);
                        },
                      },
                    ]}
                  >
                    <Input maxLength={500} inputMode="url" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="basis" label={t.basis}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {m.common.save}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card title={m.content.guide.forms}>
            <AttachmentsEditor
              kind="guides"
              recordId={initial?.id ?? null}
              files={initial?.attachments ?? []}
              hint={t.formsHint}
              onChanged={reload}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
