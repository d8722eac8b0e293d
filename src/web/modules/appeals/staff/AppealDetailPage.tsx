import { BookOutlined, BulbOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppealAction } from '../../../../shared/appeals';
import { formatShanghai } from '../../../../shared/format';
import { APPEAL_KB_ROLES, hasAnyRole } from '../../../app/access';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { MaskedValue } from '../../../app/MaskedValue';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { formatBytes } from '../../policies/money';
import { EventFiles } from '../components/AppealFiles';
import { filesByEvent } from '../timeline';
import { ActionModal, type DispatchPrefill } from './ActionModal';
import { DANGER_ACTIONS, panelActions } from './helpers';
import { appealApi, appealPages } from './paths';
import { AppealStateTag, SlaTag, SupervisionTag } from './tags';
import type { AppealDetail, AppealEvent, RoutingSuggestion } from './types';

const EVENT_COLORS: Record<string, string> = {
  reject: 'red',
  return: 'orange',
  urge: 'purple',
  supervise: 'magenta',
  reply: 'green',
  close: 'gray',
  auto_close: 'gray',
  remind: 'gold',
};

/** /workbench/appeals/:id — one appeal: content, clocks, departments, the full timeline, and the actions allowed. */
export function AppealDetailPage() {
  const m = useT();
  const t = m.appealsStaff.detail;
  const id = useParams().id ?? '';
  const { user } = useSession();
  const loaded = useApi<AppealDetail>(appealApi.appeal(id));
  const [current, setCurrent] = useState<AppealDetail | null>(null);
  const [open, setOpen] = useState<{ action: AppealAction; prefill?: DispatchPrefill } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const a =
    current && current.id === id && (!loaded.data || current.version >= loaded.data.version)
      ? current
      : (loaded.data ?? null);

  if (loaded.error && !a) {
    if (isApiError(loaded.error) && loaded.error.status === 404)
      return <NotFound back={{ to: appealPages.queue, label: t.back }} />;
    return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  }
  if (!a) return <Skeleton active paragraph={{ rows: 14 }} />;

  const reload = () => {
    setCurrent(null);
    loaded.reload();
  };
  const actions = panelActions(a.allowedActions);
  const canDispatch = a.allowedActions.includes('dispatch') || a.allowedActions.includes('redispatch');
  const canKb = a.type === 'consult' && a.state === 'closed' && hasAnyRole(user, APPEAL_KB_ROLES);
  const actionButton = (action: AppealAction, primary: boolean) => (
    <Button
      key={action}
      type={primary ? 'primary' : 'default'}
      danger={DANGER_ACTIONS.includes(action)}
      onClick={() => setOpen({ action })}
    >
      {m.appealsStaff.actions[action] ?? action}
    </Button>
  );

  return (
    <div>
      <PageHeader
        title={a.title}
        intro={
          <Flex gap={6} wrap component="span" align="center">
            <span className="qifu-code">{a.code}</span>
            <AppealStateTag state={a.state} />
            <Tag>{m.appealsStaff.types[a.type]}</Tag>
            <SupervisionTag level={a.supervisionLevel} />
            {a.extensionStatus !== 'none' ? (
              <Tag color="gold">{m.appealsStaff.extension[a.extensionStatus]}</Tag>
            ) : null}
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {canKb ? (
              <LinkButton icon={<BookOutlined />} to={appealPages.kbFromAppeal(a.id)}>
                {t.toKb}
              </LinkButton>
            ) : null}
            <LinkButton to={appealPages.queue}>{t.back}</LinkButton>
          </Flex>
        }
      />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="qifu-block"
          title={conflict}
          description={t.conflictReload}
          closable={{ onClose: () => setConflict(null) }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={t.content}>
              <Typography.Paragraph className="qifu-as-prewrap">{a.content}</Typography.Paragraph>
              <Typography.Title level={5}>{t.attachments}</Typography.Title>
              {a.files.length === 0 ? (
                <Typography.Text type="secondary">{t.noAttachments}</Typography.Text>
              ) : (
                <ul className="qifu-as-files">
                  {a.files.map((f) => (
                    <li key={f.id}>
                      <PaperClipOutlined aria-hidden="true" />{' '}
                      <a href={appealApi.file(a.id, f.id)} target="_blank" rel="noopener noreferrer">
                        {f.name}
                      </a>{' '}
                      <Typography.Text type="secondary" className="qifu-small">
                        {formatBytes(f.size)}
                      </Typography.Text>
                      {a.events.some((e) => e.id === f.eventId && e.action === 'supply_info') ? (
                        <Tag>{t.suppliedFile}</Tag>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t.basics}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'enterprise',
                    label: t.enterprise,
                    children: a.enterprise ? (
                      <Link to={`/workbench/enterprises/${encodeURIComponent(a.enterprise.id)}`}>
                        {a.enterprise.name}
                      </Link>
                    ) : (
                      t.noEnterprise
                    ),
                  },
                  { key: 'topic', label: t.topic, children: a.topicName ?? '—' },
                  {
                    key: 'channel',
                    label: t.channel,
                    children: m.appealsStaff.channels[a.channel] ?? a.channel,
                  },
                  { key: 'submitter', label: t.submitter, children: a.submittedBy.label },
                  {
                    key: 'contact',
                    label: t.contact,
                    children:
                      a.contactName || a.contactPhone ? (
                        <span>
                          {a.contactName ? `${a.contactName} ` : null}
                          {a.contactPhone ? (
                            <MaskedValue
                              kind="appeal"
                              id={a.id}
                              field="contactPhone"
                              value={a.contactPhone}
                            />
                          ) : null}
                        </span>
                      ) : (
                        '—'
                      ),
                  },
                  { key: 'created', label: t.createdAt, children: formatShanghai(a.createdAt) },
                  {
                    key: 'accept',
                    label: t.acceptClock,
                    children: a.sla.accept.running ? (
                      <SlaTag sla={a.sla.accept} withDeadline />
                    ) : (
                      formatShanghai(a.acceptDeadline)
                    ),
                  },
                  {
                    key: 'reply',
                    label: t.replyClock,
                    children: a.sla.reply ? (
                      a.sla.reply.running ? (
                        <SlaTag sla={a.sla.reply} withDeadline />
                      ) : (
                        formatShanghai(a.sla.reply.deadline)
                      )
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'public',
                    label: t.isPublic,
                    children: a.isPublic ? m.appealsStaff.yes : m.appealsStaff.no,
                  },
                  { key: 'reopen', label: t.reopenCount, children: a.reopenCount },
                  ...(a.extensionStatus !== 'none' && a.extensionDays
                    ? [
                        {
                          key: 'extension',
                          label: t.extension,
                          children: (
                            <span>
                              <Tag color="gold">{m.appealsStaff.extension[a.extensionStatus]}</Tag>
                              {t.extensionDetail(a.extensionDays, a.extensionReason ?? '')}
                            </span>
                          ),
                        },
                      ]
                    : []),
                  ...(a.mergedInto
                    ? [
                        {
                          key: 'mergedInto',
                          label: t.mergedInto,
                          children: <Link to={appealPages.detail(a.mergedInto)}>{a.mergedInto}</Link>,
                        },
                      ]
                    : []),
                  ...(a.mergedFrom.length > 0
                    ? [
                        {
                          key: 'mergedFrom',
                          label: t.mergedFrom,
                          children: (
                            <Flex gap={8} wrap>
                              {a.mergedFrom.map((code) => (
                                <Link key={code} to={appealPages.detail(code)}>
                                  {code}
                                </Link>
                              ))}
                            </Flex>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title={t.departments}>
              {a.departments.length === 0 ? (
                <Typography.Text type="secondary">{t.noDepartments}</Typography.Text>
              ) : (
                <List
                  dataSource={a.departments}
                  renderItem={(d) => (
                    <List.Item key={d.id}>
                      <Flex vertical gap={4} className="qifu-full-width">
                        <span>
                          <Tag color={d.role === 'lead' ? 'blue' : 'default'}>
                            {m.appealsStaff.deptRoles[d.role]}
                          </Tag>
                          <strong>{d.name}</strong>{' '}
                          <Typography.Text type="secondary" className="qifu-small">
                            {formatShanghai(d.assignedAt)}
                          </Typography.Text>
                        </span>
                        {d.role === 'assisting' ? (
                          d.opinion ? (
                            <Typography.Paragraph className="qifu-as-prewrap">
                              {m.common.labelled(t.opinion, d.opinion)}
                            </Typography.Paragraph>
                          ) : (
                            <Typography.Text type="secondary">{t.noOpinion}</Typography.Text>
                          )
                        ) : null}
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {a.reply ? (
              <Card title={t.reply}>
                <Typography.Paragraph className="qifu-as-prewrap">{a.reply.content}</Typography.Paragraph>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    {
                      key: 'solved',
                      label: t.solved,
                      children: a.reply.solved ? m.appealsStaff.form.solvedYes : m.appealsStaff.form.solvedNo,
                    },
                    {
                      key: 'public',
                      label: t.replyPublic,
                      children: a.reply.public ? m.appealsStaff.yes : m.appealsStaff.no,
                    },
                    ...(a.reply.unsolvedReason
                      ? [{ key: 'reason', label: t.unsolvedReason, children: a.reply.unsolvedReason }]
                      : []),
                    { key: 'at', label: t.repliedAt, children: formatShanghai(a.repliedAt) },
                  ]}
                />
              </Card>
            ) : null}
            {a.rating ? (
              <Card title={t.rating}>
                <Flex gap={8} wrap align="center">
                  <Tag color={a.rating.rating === 'dissatisfied' ? 'red' : 'green'}>
                    {m.appealsStaff.ratings[a.rating.rating]}
                  </Tag>
                  {a.rating.isDefault ? (
                    <Typography.Text type="secondary">{t.ratingDefault}</Typography.Text>
                  ) : null}
                  <span>
                    {m.common.labelled(
                      t.ratingSolved,
                      a.rating.solved ? m.appealsStaff.yes : m.appealsStaff.no,
                    )}
                  </span>
                </Flex>
                {a.rating.comment ? (
                  <Typography.Paragraph className="qifu-top-gap qifu-as-prewrap">
                    {m.common.labelled(t.ratingComment, a.rating.comment)}
                  </Typography.Paragraph>
                ) : null}
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title={t.actionsTitle}>
              {actions.primary.length + actions.secondary.length === 0 ? (
                <Typography.Text type="secondary">{t.noActions}</Typography.Text>
              ) : (
                <Flex vertical gap={8}>
                  {actions.primary.length > 0 ? (
                    <Flex gap={8} wrap>
                      {actions.primary.map((x) => actionButton(x, true))}
                    </Flex>
                  ) : null}
                  {actions.secondary.length > 0 ? (
                    <Flex gap={8} wrap>
                      {actions.secondary.map((x) => actionButton(x, false))}
                    </Flex>
                  ) : null}
                </Flex>
              )}
            </Card>
            {a.suggestion && a.suggestion.length > 0 && canDispatch ? (
              <SuggestionCard
                items={a.suggestion}
                onUse={(s) =>
                  setOpen({
                    action: a.allowedActions.includes('dispatch') ? 'dispatch' : 'redispatch',
                    prefill: { leadDepartmentId: s.departmentId, topic: s.topicCode },
                  })
                }
              />
            ) : null}
            {a.canWriteOpinion ? <OpinionCard appeal={a} onSaved={reload} /> : null}
            <Card title={t.timeline}>
              <AppealTimeline events={a.events} files={a.files} appealId={a.id} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {open ? (
        <ActionModal
          action={open.action}
          prefill={open.prefill}
          appeal={a}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setCurrent(next);
            setConflict(null);
            setOpen(null);
          }}
          onConflict={(msg) => {
            setConflict(msg);
            setOpen(null);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** 高 green, 中 gold, 低 plain: the first choice's confidence, never a percentage that reads as a probability. */
const CONFIDENCE_COLORS: Record<RoutingSuggestion['confidence'], string> = {
  high: 'green',
  medium: 'gold',
  low: 'default',
};

function SuggestionCard({ items, onUse }: { items: RoutingSuggestion[]; onUse(s: RoutingSuggestion): void }) {
  const m = useT();
  const t = m.appealsStaff.detail;
  const first = items.find((s) => s.rank === 1);
  return (
    <Card
      title={
        <span>
          <BulbOutlined /> {t.suggestion}
        </span>
      }
    >
      <Typography.Paragraph type="secondary" className="qifu-small">
        {t.suggestionHint}
      </Typography.Paragraph>
      {first ? (
        <Typography.Paragraph type="secondary" className="qifu-small">
          {t.confidenceHelp[first.confidence]}
        </Typography.Paragraph>
      ) : null}
      <List
        dataSource={items.slice(0, 3)}
        renderItem={(s) => (
          <List.Item
            key={`${s.topicCode}-${s.departmentId}`}
            actions={[
              <Button key="use" size="small" type="link" onClick={() => onUse(s)}>
                {t.useSuggestion}
              </Button>,
            ]}
          >
            <Flex vertical gap={2} className="qifu-full-width">
              <Flex gap={6} wrap align="center">
                <strong>{s.topicName}</strong>
                {s.rank === 1 ? (
                  <>
                    <Tag color="blue">{t.suggestionFirst}</Tag>
                    <Tag color={CONFIDENCE_COLORS[s.confidence]}>{t.confidence[s.confidence]}</Tag>
                  </>
                ) : (
                  <Tag>{t.suggestionAlternative(s.rank - 1)}</Tag>
                )}
              </Flex>
              <Typography.Text type="secondary" className="qifu-small">
                {s.departmentName}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function OpinionCard({ appeal, onSaved }: { appeal: AppealDetail; onSaved(): void }) {
  const m = useT();
  const t = m.appealsStaff.detail;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: { content: string }) => {
    await api.post(appealApi.opinion(appeal.id), { content: v.content.trim() });
    message.success(t.opinionSaved);
    form.resetFields();
    onSaved();
  });
  return (
    <Card title={t.opinionTitle}>
      <Typography.Paragraph type="secondary" className="qifu-small">
        {t.opinionHint}
      </Typography.Paragraph>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="content"
          label={t.opinion}
          rules={[{ required: true, whitespace: true, message: m.appealsStaff.form.reasonRequired }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t.opinionSubmit}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * 办理记录: every event with who (name, role, department), when, the state change, the note and the files it
 * brought (submission, 补充材料).
 */
export function AppealTimeline({
  events,
  files = [],
  appealId,
}: {
  events: AppealEvent[];
  files?: AppealDetail['files'];
  appealId?: string;
}) {
  const m = useT();
  const s = m.appealsStaff;
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const byEvent = filesByEvent(files);
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.seq,
        color: EVENT_COLORS[e.action] ?? 'blue',
        content: (
          <div className="qifu-as-event">
            <strong>{s.actions[e.action] ?? s.eventKinds[e.action] ?? e.action}</strong>
            {e.toState && e.toState !== e.fromState ? (
              <Tag className="qifu-as-state">{s.states[e.toState as keyof typeof s.states] ?? e.toState}</Tag>
            ) : null}
            <div>
              <Typography.Text type="secondary" className="qifu-small">
                {formatShanghai(e.at)}
              </Typography.Text>
            </div>
            <div className="qifu-small">
              {[e.actorName ?? e.actorLabel, s.actorRoles[e.actorRole] ?? null, e.department?.name ?? null]
                .filter((x, i, all) => x && all.indexOf(x) === i)
                .join(' · ')}
            </div>
            {e.note ? <div className="qifu-as-prewrap">{e.note}</div> : null}
            {appealId ? (
              <EventFiles files={byEvent.get(e.id) ?? []} href={(f) => appealApi.file(appealId, f.id)} />
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
