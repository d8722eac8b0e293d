import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import { isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { EnterpriseSubnav } from '../../policies/enterprise/EnterpriseSubnav';
import { AppealAttachmentList } from '../components/AppealFiles';
import { AppealTimeline } from '../components/AppealTimeline';
import { AppealStateTag, AppealTypeTag, SlaTag } from '../components/tags';
import { appealApi, appealDownloads, appealPages } from '../paths';
import type { AppealDetail, SlaView } from '../types';
import { type ActionNotice, RateCard, ReopenCard, SupplyInfoCard } from './AppealActionCards';
import '../appeals.css';

/** /enterprise/appeals/:id — one appeal: where it stands, its deadlines, the reply, the timeline, what to do now. */
export function AppealDetailPage() {
  const m = useT();
  const t = m.appeals.detail;
  const id = useParams().id ?? '';
  const appeal = useApi<AppealDetail>(appealApi.appeal(id));
  const [current, setCurrent] = useState<AppealDetail | null>(null);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const a = current && current.id === id ? current : (appeal.data ?? null);

  if (appeal.error && !a) {
    if (isApiError(appeal.error) && appeal.error.status === 404)
      return <NotFound back={{ to: appealPages.mine, label: t.back }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={appeal.error} onRetry={appeal.reload} />
      </div>
    );
  }
  if (!a) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const done = (next: AppealDetail) => {
    setNotice(null);
    setCurrent(next);
  };
  /** A refusal (409 state changed, 403 not allowed): say so and show the appeal as it is now. */
  const refused = (n: ActionNotice) => {
    setNotice(n);
    setCurrent(null);
    appeal.reload();
  };
  const lead = a.departments.find((d) => d.role === 'lead') ?? null;
  const assisting = a.departments.filter((d) => d.role === 'assisting');
  const can = (action: AppealDetail['allowedActions'][number]) => a.allowedActions.includes(action);

  return (
    <div className="qifu-container qifu-page qifu-appeals">
      <PageHeader
        title={a.title}
        intro={
          <Flex gap={6} wrap component="span" align="center">
            <span className="qifu-code">{a.code}</span>
            <AppealTypeTag type={a.type} />
            <AppealStateTag state={a.state} />
          </Flex>
        }
        extra={<LinkButton to={appealPages.mine}>{t.back}</LinkButton>}
      />
      <EnterpriseSubnav />
      {notice ? (
        <Alert
          type={notice.kind === 'conflict' ? 'warning' : 'error'}
          showIcon
          closable={{ onClose: () => setNotice(null) }}
          role="alert"
          className="qifu-block"
          title={notice.kind === 'conflict' ? t.conflictTitle : t.forbiddenTitle}
          description={
            notice.kind === 'conflict' ? (
              <>
                <div>{notice.message}</div>
                <div>{t.conflictText}</div>
              </>
            ) : (
              notice.message
            )
          }
        />
      ) : null}
      {a.mergedInto ? (
        <Alert type="info" showIcon className="qifu-block" title={t.mergedInto(a.mergedInto)} />
      ) : t.stateHelp[a.state] ? (
        <Alert
          type={
            a.state === 'needs_info' || a.state === 'replied'
              ? 'warning'
              : a.state === 'rejected'
                ? 'error'
                : 'info'
          }
          showIcon
          className="qifu-block"
          title={t.stateHelp[a.state]}
        />
      ) : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {can('supply_info') ? <SupplyInfoCard appeal={a} onDone={done} onRefused={refused} /> : null}
            {a.reply ? <ReplyCard appeal={a} /> : null}
            {can('rate') ? <RateCard appeal={a} onDone={done} onRefused={refused} /> : null}
            {can('reopen') ? <ReopenCard appeal={a} onDone={done} onRefused={refused} /> : null}
            <Card title={t.info}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'code', label: t.code, children: <span className="qifu-code">{a.code}</span> },
                  { key: 'type', label: t.type, children: <AppealTypeTag type={a.type} /> },
                  { key: 'topic', label: t.topic, children: a.topicName ?? '—' },
                  { key: 'state', label: t.state, children: <AppealStateTag state={a.state} /> },
                  { key: 'created', label: t.createdAt, children: formatShanghai(a.createdAt) },
                  {
                    key: 'lead',
                    label: t.leadDepartment,
                    children: lead?.name ?? a.leadDepartment?.name ?? '—',
                  },
                  ...(assisting.length > 0
                    ? [
                        {
                          key: 'assisting',
                          label: t.assisting,
                          children: assisting.map((d) => d.name).join(m.common.listJoin),
                        },
                      ]
                    : []),
                  {
                    key: 'contact',
                    label: t.contact,
                    children: [a.contactName, a.contactPhone].filter(Boolean).join(' ') || '—',
                  },
                  { key: 'public', label: t.isPublic, children: a.isPublic ? t.publicYes : t.publicNo },
                  ...(a.reopenCount > 0
                    ? [
                        {
                          key: 'reopen',
                          label: m.appeals.actions.reopen,
                          children: t.reopened(a.reopenCount),
                        },
                      ]
                    : []),
                ]}
              />
              <Typography.Title level={5} className="qifu-top-gap">
                {t.content}
              </Typography.Title>
              <Typography.Paragraph className="qifu-appeal-note">{a.content}</Typography.Paragraph>
            </Card>
            <Card title={t.attachments}>
              <AppealAttachmentList appealId={a.id} files={a.files} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <DeadlinesCard appeal={a} />
            <Card title={t.timeline}>
              <AppealTimeline
                events={a.events}
                files={a.files}
                fileHref={(f) => appealDownloads.file(a.id, f.id)}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** 答复: what the lead department answered, solved or not (with the reason), and the rating when there is one. */
function ReplyCard({ appeal: a }: { appeal: AppealDetail }) {
  const m = useT();
  const t = m.appeals.detail;
  const r = a.reply;
  if (!r) return null;
  return (
    <Card
      title={t.reply}
      className="qifu-appeal-reply"
      extra={<Tag color={r.solved ? 'green' : 'orange'}>{r.solved ? t.replySolved : t.replyUnsolved}</Tag>}
    >
      {a.repliedAt ? (
        <Typography.Text type="secondary" className="qifu-small">
          {t.repliedAt(formatShanghai(a.repliedAt))}
        </Typography.Text>
      ) : null}
      <Typography.Paragraph className="qifu-appeal-note qifu-top-gap">{r.content}</Typography.Paragraph>
      {!r.solved && r.unsolvedReason ? (
        <Alert type="warning" showIcon title={t.unsolvedReason} description={r.unsolvedReason} />
      ) : null}
      {a.rating ? (
        <div className="qifu-appeal-rating qifu-top-gap">
          <Typography.Text strong>{t.yourRating}</Typography.Text>{' '}
          <Tag color={a.rating.rating === 'dissatisfied' ? 'red' : 'green'}>
            {m.appeals.ratings[a.rating.rating]}
          </Tag>
          <Tag>{t.ratingSolved(a.rating.solved)}</Tag>
          {a.rating.isDefault ? <Typography.Text type="secondary">{t.defaultRating}</Typography.Text> : null}
          {a.rating.comment ? (
            <Typography.Paragraph className="qifu-appeal-note">{a.rating.comment}</Typography.Paragraph>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

/** 办理时限: the acceptance and the reply clock, each ticking, finished, paused or not yet started. */
function DeadlinesCard({ appeal: a }: { appeal: AppealDetail }) {
  const m = useT();
  const s = m.appeals.sla;
  const t = m.appeals.detail;
  const row = (label: string, view: SlaView | null, paused: boolean) => (
    <li>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        {paused ? (
          <Tag>{t.clockPaused}</Tag>
        ) : !view ? (
          <Typography.Text type="secondary">{t.clockNotStarted}</Typography.Text>
        ) : view.running ? (
          <SlaTag view={view} />
        ) : (
          <Tag color={view.status === 'overdue' ? 'red' : 'green'}>
            {view.status === 'overdue' ? t.doneLate : t.doneOnTime}
          </Tag>
        )}
      </Flex>
      {view && !paused ? (
        <Typography.Text type="secondary" className="qifu-small">
          {s.deadline(formatShanghai(view.deadline))}
        </Typography.Text>
      ) : null}
    </li>
  );
  return (
    <Card title={t.deadlines}>
      <ul className="qifu-appeal-clocks">
        {row(s.acceptClock, a.sla.accept, a.state === 'needs_info')}
        {row(s.replyClock, a.sla.reply, false)}
      </ul>
      <Typography.Paragraph type="secondary" className="qifu-small qifu-top-gap">
        {s.explain}
      </Typography.Paragraph>
    </Card>
  );
}
