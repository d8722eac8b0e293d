import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Skeleton, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { RichTextEditor } from '../../policies/staff/RichTextEditor';
import { isoToShanghaiWall, shanghaiWallToIso } from '../format';
import { contentApi, contentPages } from '../paths';
import { type ArticleChannel, type ArticleEditorView, CHANNELS } from '../types';
import { AttachmentsEditor, ConflictAlert, isConflict, PublishActions, StateLine } from './EditorParts';

interface ArticleValues {
  channel: ArticleChannel;
  title: string;
  summary?: string;
  source?: string;
  pinned?: boolean;
  eventStartsAt?: Dayjs | null;
  eventPlace?: string;
  bodyHtml?: string;
}

/** /workbench/content/articles/:id (or new) — write an article, publish or schedule it, attach files. */
export function ArticleEditorPage() {
  const m = useT();
  const id = useParams().id ?? 'new';
  const isNew = id === 'new';
  const article = useApi<ArticleEditorView>(isNew ? null : contentApi.manageArticle(id));
  const [conflict, setConflict] = useState(false);
  const back = { to: contentPages.staffTab('articles'), label: m.content.staff.back };
  if (!isNew && article.error) {
    if (isApiError(article.error) && article.error.status === 404) return <NotFound back={back} />;
    return <LoadError error={article.error} onRetry={article.reload} />;
  }
  if (!isNew && !article.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  return (
    <ArticleEditor
      key={article.data?.id ?? 'new'}
      initial={article.data ?? null}
      conflict={conflict}
      setConflict={setConflict}
      reload={article.reload}
    />
  );
}

function ArticleEditor({
  initial,
  conflict,
  setConflict,
  reload,
}: {
  initial: ArticleEditorView | null;
  conflict: boolean;
  setConflict(v: boolean): void;
  reload(): void;
}) {
  const m = useT();
  const t = m.content.editor;
  const s = m.content.staff;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArticleValues>();
  const [dirty, setDirty] = useState(false);
  const channel = Form.useWatch('channel', form) ?? initial?.channel;
  const wall = isoToShanghaiWall(initial?.eventStartsAt);
  const version = initial?.version;

  // After a version conflict the latest text arrives as a new version: the form shows it instead of the stale edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version from the server resets the form.
  useEffect(() => {
    if (conflict) {
      form.resetFields();
      setDirty(false);
    }
  }, [version]);

  const body = (v: ArticleValues) => {
    const isEvent = v.channel === 'event';
    return {
      channel: v.channel,
      title: v.title.trim(),
      summary: (v.summary ?? '').trim(),
      source: (v.source ?? '').trim(),
      bodyHtml: v.bodyHtml ?? '',
      pinned: !!v.pinned,
      eventStartsAt:
        isEvent && v.eventStartsAt ? shanghaiWallToIso(v.eventStartsAt.format('YYYY-MM-DD HH:mm')) : null,
      eventPlace: isEvent ? (v.eventPlace ?? '').trim() || null : null,
    };
  };

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: ArticleValues) => {
    setConflict(false);
    try {
      if (!initial) {
        const created = await api.post<ArticleEditorView>(contentApi.manageArticles, body(v));
        message.success(t.created);
        navigate(contentPages.staffArticle(created.id), { replace: true });
        return;
      }
      await api.patch<ArticleEditorView>(contentApi.manageArticle(initial.id), {
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
        title={initial ? t.editArticle(initial.title) : t.newArticle}
        intro={initial ? <StateLine record={initial} /> : undefined}
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={contentPages.staffTab('articles')}>{s.back}</LinkButton>
            {initial?.state === 'published' ? (
              <LinkButton to={contentPages.article(initial.id)} target="_blank">
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
            kind="articles"
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
            <Form<ArticleValues>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              onValuesChange={() => setDirty(true)}
              disabled={submitting}
              initialValues={{
                channel: initial?.channel ?? 'notice',
                title: initial?.title ?? '',
                summary: initial?.summary ?? '',
                source: initial?.source ?? '',
                pinned: initial?.pinned ?? false,
                eventStartsAt: wall ? dayjs(wall) : null,
                eventPlace: initial?.eventPlace ?? '',
                bodyHtml: initial?.bodyHtml ?? '',
              }}
            >
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="channel" label={t.channel} rules={[{ required: true }]}>
                    <Select<ArticleChannel>
                      options={CHANNELS.map((c) => ({ value: c, label: m.content.channels[c] }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="source" label={t.source}>
                    <Input maxLength={60} placeholder={t.sourcePlaceholder} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name="pinned" label={t.pinned} valuePropName="checked" extra={t.pinnedHint}>
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="title"
                label={t.title}
                rules={[{ required: true, whitespace: true, message: t.required(t.title) }]}
              >
                <Input maxLength={120} showCount />
              </Form.Item>
              <Form.Item name="summary" label={t.summary} extra={t.summaryHint}>
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
              {channel === 'event' ? (
                <Row gutter={16}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name="eventStartsAt"
                      label={t.eventStartsAt}
                      rules={[{ required: true, message: t.eventRequired }]}
                    >
                      <DatePicker
                        showTime={{ format: 'HH:mm' }}
                        format="YYYY-MM-DD HH:mm"
                        className="qifu-cnt-picker"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item
                      name="eventPlace"
                      label={t.eventPlace}
                      rules={[{ required: true, whitespace: true, message: t.eventRequired }]}
                    >
                      <Input maxLength={120} />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
              <Form.Item name="bodyHtml" label={t.body}>
                <RichTextEditor rows={14} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {m.common.save}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card title={m.content.attachments}>
            <AttachmentsEditor
              kind="articles"
              recordId={initial?.id ?? null}
              files={initial?.attachments ?? []}
              onChanged={reload}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
