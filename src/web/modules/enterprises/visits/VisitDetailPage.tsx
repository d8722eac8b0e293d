import { EditOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { APPEAL_TYPES, type AppealType } from '../../../../shared/appeals';
import { formatShanghai } from '../../../../shared/format';
import {
  VISIT_PROBLEM_MANUAL_STATUSES,
  type VisitDetail,
  type VisitProblem,
  type VisitProblemStatus,
} from '../../../../shared/visits-api';
import { ApiError, api } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { WorkbenchNotFound } from '../../workbench/WorkbenchNotFound';
import { visitApi, visitPages } from './paths';
import { ProblemStatusTag, TopicTags } from './tags';
import './visits.css';

/** /workbench/visits/:id — one visit record, its problems (转为诉求) and its correction notes. */
export function VisitDetailPage() {
  const m = useT();
  const t = m.visits.detail;
  const id = useParams().id ?? '';
  const res = useApi<VisitDetail>(visitApi.visit(id));
  const [current, setCurrent] = useState<VisitDetail | null>(null);
  const [noting, setNoting] = useState(false);
  const [appealing, setAppealing] = useState<VisitProblem | null>(null);
  const visit = current && current.id === id ? current : res.data;

  if (res.error instanceof ApiError && res.error.status === 404) return <WorkbenchNotFound />;
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!visit) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <div>
      <PageHeader
        title={`${visit.enterprise.name} · ${visit.visitedOn}`}
        intro={t.internal}
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={visitPages.list}>{t.back}</LinkButton>
            {visit.permissions.edit ? (
              <LinkButton type="primary" icon={<EditOutlined />} to={visitPages.edit(visit.id)}>
                {t.edit}
              </LinkButton>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        {visit.permissions.note ? (
          <Alert
            type={visit.permissions.edit ? 'info' : 'warning'}
            showIcon
            title={visit.permissions.edit ? t.editable(formatShanghai(visit.editableUntil)) : t.locked}
          />
        ) : null}
        <Card>
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              {
                key: 'enterprise',
                label: m.visits.columns.enterprise,
                children: (
                  <Link to={visitPages.enterprise(visit.enterprise.id)}>{visit.enterprise.name}</Link>
                ),
              },
              { key: 'date', label: m.visits.columns.visitedOn, children: visit.visitedOn },
              { key: 'form', label: m.visits.columns.form, children: m.visits.forms[visit.form] },
              { key: 'author', label: t.author, children: visit.liaison.name },
              { key: 'at', label: t.recordedAt, children: formatShanghai(visit.createdAt) },
              { key: 'next', label: t.nextVisitOn, children: visit.nextVisitOn ?? '—' },
              {
                key: 'people',
                label: t.people,
                span: 'filled',
                children: visit.people.length
                  ? visit.people.map((p) => t.person(p.name, p.post)).join(m.visits.listSeparator)
                  : '—',
              },
              {
                key: 'topics',
                label: t.topics,
                span: 'filled',
                children: (
                  <Flex vertical gap={4}>
                    <TopicTags topics={visit.topics} />
                    {visit.topicNote ? <span>{visit.topicNote}</span> : null}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t.discussion}>
          <Typography.Paragraph className="qifu-visit-pre">{visit.discussion}</Typography.Paragraph>
          {visit.note ? (
            <>
              <Typography.Title level={5}>{t.note}</Typography.Title>
              <Typography.Paragraph className="qifu-visit-pre" type="secondary">
                {visit.note}
              </Typography.Paragraph>
            </>
          ) : null}
        </Card>
        <Card title={t.problems}>
          <List<VisitProblem>
            className="qifu-visit-problems"
            dataSource={visit.problems}
            locale={{ emptyText: m.visits.none }}
            renderItem={(p) => (
              <List.Item>
                <Flex vertical gap={4} className="qifu-visit-grow">
                  <span>{p.text}</span>
                  {p.appeal ? (
                    <Link to={visitPages.appeal(p.appeal.id)}>
                      {t.appealState(p.appeal.code, m.appeals.states[p.appeal.state])}
                    </Link>
                  ) : null}
                </Flex>
                <Flex gap={8} align="center" wrap>
                  {visit.permissions.followUp && !p.appeal ? (
                    <>
                      <ProblemStatusSelect visit={visit} problem={p} onSaved={setCurrent} />
                      <Button icon={<SendOutlined />} onClick={() => setAppealing(p)}>
                        {t.toAppeal}
                      </Button>
                    </>
                  ) : (
                    <ProblemStatusTag status={p.status} />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        <Card
          title={t.notes}
          extra={visit.permissions.note ? <Button onClick={() => setNoting(true)}>{t.addNote}</Button> : null}
        >
          {visit.notes.length ? (
            <List
              dataSource={visit.notes}
              renderItem={(n) => (
                <List.Item>
                  <List.Item.Meta
                    title={<span className="qifu-visit-pre">{n.text}</span>}
                    description={t.noteBy(n.authorName, formatShanghai(n.createdAt))}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">{m.visits.none}</Typography.Text>
          )}
        </Card>
        <div>
          <Link to={visitPages.ofEnterprise(visit.enterprise.id)}>{t.enterpriseHistory}</Link>
        </div>
      </Flex>
      {noting ? (
        <NoteModal
          visit={visit}
          onClose={() => setNoting(false)}
          onSaved={(v) => {
            setNoting(false);
            setCurrent(v);
          }}
        />
      ) : null}
      {appealing ? (
        <AppealModal
          visit={visit}
          problem={appealing}
          onClose={() => setAppealing(null)}
          onSaved={(v) => {
            setAppealing(null);
            setCurrent(v);
          }}
        />
      ) : null}
    </div>
  );
}

function ProblemStatusSelect({
  visit,
  problem,
  onSaved,
}: {
  visit: VisitDetail;
  problem: VisitProblem;
  onSaved(v: VisitDetail): void;
}) {
  const m = useT();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [saving, setSaving] = useState(false);
  return (
    <Select<VisitProblemStatus>
      className="qifu-visit-status"
      aria-label={`${m.visits.detail.setStatus}：${problem.text}`}
      value={problem.status}
      loading={saving}
      disabled={saving}
      options={VISIT_PROBLEM_MANUAL_STATUSES.map((s) => ({ value: s, label: m.visits.problemStatuses[s] }))}
      onChange={async (status) => {
        setSaving(true);
        try {
          onSaved(await api.patch<VisitDetail>(visitApi.problem(visit.id, problem.id), { status }));
          message.success(m.visits.detail.statusSaved);
        } catch (e) {
          message.error(describe(e));
        } finally {
          setSaving(false);
        }
      }}
    />
  );
}

function NoteModal({
  visit,
  onClose,
  onSaved,
}: {
  visit: VisitDetail;
  onClose(): void;
  onSaved(v: VisitDetail): void;
}) {
  const m = useT();
  const t = m.visits.detail;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: { text: string }) => {
    const saved = await api.post<VisitDetail>(visitApi.notes(visit.id), { text: v.text });
    message.success(t.noteSaved);
    onSaved(saved);
  });
  return (
    <FormModal title={t.addNote} form={form} saving={submitting} failure={failure} onCancel={onClose}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="text"
          label={t.noteText}
          rules={[{ required: true, whitespace: true, message: t.noteRequired }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface AppealValues {
  type: AppealType;
  title: string;
  content: string;
  contactName?: string;
  contactPhone?: string;
}

function AppealModal({
  visit,
  problem,
  onClose,
  onSaved,
}: {
  visit: VisitDetail;
  problem: VisitProblem;
  onClose(): void;
  onSaved(v: VisitDetail): void;
}) {
  const m = useT();
  const t = m.visits.appeal;
  const { message } = App.useApp();
  const [form] = Form.useForm<AppealValues>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: AppealValues) => {
    const saved = await api.post<VisitDetail>(visitApi.appeal(visit.id, problem.id), {
      type: v.type,
      title: v.title,
      content: v.content,
      ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
    });
    const code = saved.problems.find((x) => x.id === problem.id)?.appeal?.code ?? '';
    message.success(t.done(code));
    onSaved(saved);
  });
  return (
    <FormModal
      title={t.title}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      okText={t.submit}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form<AppealValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          type: 'help',
          title: problem.text.slice(0, 100),
          content: t.contentTemplate(visit.enterprise.name, visit.visitedOn, problem.text),
          contactName: visit.people[0]?.name ?? '',
        }}
      >
        <Form.Item name="type" label={t.type}>
          <Select<AppealType> options={APPEAL_TYPES.map((x) => ({ value: x, label: m.appeals.types[x] }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t.titleField}
          rules={[{ required: true, whitespace: true, message: t.titleRequired }]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item
          name="content"
          label={t.content}
          rules={[{ required: true, whitespace: true, message: t.contentRequired }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="contactName" label={t.contactName} className="qifu-visit-grow">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t.contactPhone} className="qifu-visit-grow">
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Flex>
      </Form>
    </FormModal>
  );
}
