import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { APPEAL_KB_ANSWER_MAX, APPEAL_KB_QUESTION_MAX } from '../../../../shared/appeals-api';
import { formatShanghai } from '../../../../shared/format';
import { APPEAL_STAFF_ROLES, hasAnyRole } from '../../../app/access';
import { api, type Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { DangerConfirm } from '../../../app/DangerConfirm';
import { useDescribeError } from '../../../app/errors';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { usePaging } from '../../../app/usePaging';
import { topicOptions, useTopics } from './data';
import { appealApi, appealPages } from './paths';
import type { AppealDetail, KbEntry, KbStatus } from './types';

const STATUSES: KbStatus[] = ['draft', 'published', 'archived'];
const STATUS_COLORS: Record<KbStatus, string> = { draft: 'default', published: 'green', archived: 'default' };

interface Editing {
  entry: KbEntry | null;
  /** A closed 咨询 appeal the new entry comes from. */
  source?: AppealDetail | undefined;
}

/** /workbench/appeals/kb — 知识库 curation: drafts, published and archived answers; new ones from closed enquiries. */
export function KnowledgeBasePage() {
  const m = useT();
  const t = m.appealsStaff.kb;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const { user } = useSession();
  // The content editor curates the answers but does not read the appeals themselves.
  const worker = hasAnyRole(user, APPEAL_STAFF_ROLES);
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<KbStatus | 'all'>('all');
  const [q, setQ] = useState('');
  const paging = usePaging();
  const list = useApi<Page<KbEntry>>(appealApi.kbManage, {
    status: status === 'all' ? undefined : status,
    q: q || undefined,
    ...paging.query,
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const from = params.get('from');
  const source = useApi<AppealDetail>(from ? appealApi.appeal(from) : null);
  useEffect(() => {
    if (source.data) setEditing({ entry: null, source: source.data });
  }, [source.data]);

  const step = async (entry: KbEntry, what: 'publish' | 'archive') => {
    try {
      await api.post(what === 'publish' ? appealApi.kbPublish(entry.id) : appealApi.kbArchive(entry.id));
      message.success(what === 'publish' ? t.published : t.archived);
      list.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };
  const closeEditor = () => {
    setEditing(null);
    if (from) {
      const next = new URLSearchParams(params);
      next.delete('from');
      setParams(next, { replace: true });
    }
  };

  return (
    <div>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          <Flex gap={8} wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })}>
              {t.add}
            </Button>
            {worker ? <LinkButton to={appealPages.queue}>{t.back}</LinkButton> : null}
          </Flex>
        }
      />
      {source.error ? <LoadError error={source.error} /> : null}
      <Card>
        <Flex gap={12} wrap align="center" className="qifu-filters">
          <Segmented<KbStatus | 'all'>
            value={status}
            onChange={(v) => {
              paging.reset();
              setStatus(v);
            }}
            options={[
              { value: 'all', label: t.all },
              ...STATUSES.map((s) => ({ value: s, label: t.status[s] })),
            ]}
          />
          <Input.Search
            allowClear
            className="qifu-filter-search"
            placeholder={t.search}
            aria-label={t.search}
            onSearch={(v) => {
              paging.reset();
              setQ(v.trim());
            }}
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<KbEntry>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={paging.table(list.data?.total)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.empty }}
          columns={[
            {
              title: t.question,
              dataIndex: 'question',
              render: (v: string, e) => (
                <Flex vertical gap={2} className="qifu-as-kb-question">
                  <strong>{v}</strong>
                  <Typography.Text type="secondary" className="qifu-small" ellipsis>
                    {e.answer}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t.topic, key: 'topic', render: (_, e) => e.topicName ?? '—' },
            {
              title: t.statusCol,
              dataIndex: 'status',
              render: (v: KbStatus) => <Tag color={STATUS_COLORS[v]}>{t.status[v]}</Tag>,
            },
            {
              title: t.source,
              key: 'source',
              render: (_, e) =>
                e.source ? (
                  worker ? (
                    <Link to={appealPages.detail(e.source.id)} className="qifu-code">
                      {e.source.code}
                    </Link>
                  ) : (
                    <span className="qifu-code">{e.source.code}</span>
                  )
                ) : (
                  '—'
                ),
            },
            { title: t.views, dataIndex: 'views', align: 'right' },
            { title: t.updatedAt, dataIndex: 'updatedAt', render: (v: string) => formatShanghai(v) },
            {
              title: m.common.actions,
              key: 'actions',
              render: (_, e) => (
                <Flex gap={4} wrap>
                  {e.status !== 'archived' ? (
                    <Button type="link" size="small" onClick={() => setEditing({ entry: e })}>
                      {m.common.edit}
                    </Button>
                  ) : null}
                  {e.status === 'draft' ? (
                    <Button type="link" size="small" onClick={() => void step(e, 'publish')}>
                      {t.publish}
                    </Button>
                  ) : null}
                  {e.status !== 'archived' ? (
                    <DangerConfirm
                      question={t.archiveConfirm}
                      label={t.archive}
                      onConfirm={() => step(e, 'archive')}
                    />
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <KbModal
          entry={editing.entry}
          source={editing.source}
          onClose={closeEditor}
          onSaved={() => {
            closeEditor();
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

interface KbValues {
  question: string;
  answer: string;
  topicCode?: string;
}

function KbModal({
  entry,
  source,
  onClose,
  onSaved,
}: {
  entry: KbEntry | null;
  source?: AppealDetail | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const m = useT();
  const t = m.appealsStaff.kb;
  const { message } = App.useApp();
  const topics = useTopics();
  const [form] = Form.useForm<KbValues>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: KbValues) => {
    const body = {
      question: v.question.trim(),
      answer: v.answer.trim(),
      ...(v.topicCode ? { topicCode: v.topicCode } : entry ? { topicCode: null } : {}),
    };
    if (entry) {
      await api.patch(appealApi.kbEntry(entry.id), body);
      message.success(m.common.saved);
    } else {
      await api.post(appealApi.kb, { ...body, ...(source ? { sourceAppealId: source.id } : {}) });
      message.success(t.created);
    }
    onSaved();
  });
  return (
    <FormModal
      title={entry ? t.editTitle : source ? t.createFromAppeal(source.code) : t.createTitle}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      width={720}
    >
      <Form<KbValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          entry
            ? { question: entry.question, answer: entry.answer, topicCode: entry.topicCode ?? undefined }
            : source
              ? {
                  question: source.title,
                  answer: source.reply?.content ?? '',
                  topicCode: source.topicCode ?? undefined,
                }
              : {}
        }
      >
        {source ? (
          <Typography.Paragraph type="secondary" className="qifu-as-prewrap qifu-small">
            {m.common.labelled(m.appealsStaff.detail.content, source.content)}
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          name="question"
          label={t.question}
          rules={[{ required: true, whitespace: true, message: t.questionRequired }]}
        >
          <Input.TextArea rows={2} maxLength={APPEAL_KB_QUESTION_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="answer"
          label={t.answer}
          rules={[{ required: true, whitespace: true, message: t.answerRequired }]}
        >
          <Input.TextArea rows={8} maxLength={APPEAL_KB_ANSWER_MAX} showCount />
        </Form.Item>
        <Form.Item name="topicCode" label={t.topic}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={topics.loading}
            options={topicOptions(topics.data?.items ?? [])}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
