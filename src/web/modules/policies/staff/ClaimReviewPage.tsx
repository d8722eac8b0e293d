import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Claim } from '../../../../shared/policies';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { MaskedValue } from '../../../app/MaskedValue';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { AttachmentList } from '../components/AttachmentList';
import { BudgetBar } from '../components/BudgetBar';
import { ClaimTimeline } from '../components/ClaimTimeline';
import { ConditionTree } from '../components/ConditionTree';
import { ClaimStatusTag, EligibilityTag, ModeTag } from '../components/tags';
import { useFactNames } from '../components/useFactNames';
import { factValuesFromAnswers } from '../facts';
import { exceedsBudget, formatAmountEstimate, formatYuan, wanFromYuan, yuanFromWan } from '../money';
import { type ClaimStep, policyApi, policyDownloads, policyPages } from '../paths';
import { StaleAlert } from './StaleAlert';

type ReviewAction = 'approve' | 'return' | 'reject' | 'pay';

/** /workbench/claims/:id — review one claim: the facts, the rule evaluation, the materials; decide and record payment. */
export function ClaimReviewPage() {
  const m = useT();
  const t = m.policies.review;
  const id = useParams().id ?? '';
  const claim = useApi<Claim>(policyApi.claim(id));
  const [current, setCurrent] = useState<Claim | null>(null);
  const [open, setOpen] = useState<ReviewAction | null>(null);
  const [stale, setStale] = useState(false);
  const names = useFactNames();
  const c = current && current.id === id ? current : (claim.data ?? null);

  if (claim.error && !c) {
    if (isApiError(claim.error) && claim.error.status === 404)
      return <NotFound back={{ to: policyPages.staffClaims, label: t.back }} />;
    return <LoadError error={claim.error} onRetry={claim.reload} />;
  }
  if (!c) return <Skeleton active paragraph={{ rows: 14 }} />;
  const reload = () => {
    setStale(false);
    setCurrent(null);
    claim.reload();
  };
  const answers = factValuesFromAnswers(c.answers);
  const reviewActions = (['approve', 'return', 'reject', 'pay'] as const).filter((a) =>
    c.actions.includes(a),
  );

  return (
    <div>
      <PageHeader
        title={c.enterprise.name}
        intro={
          <Flex gap={6} wrap component="span" align="center">
            <span>{c.program.title}</span>
            <ClaimStatusTag status={c.status} />
            <ModeTag mode={c.program.mode} />
          </Flex>
        }
        extra={<LinkButton to={policyPages.staffClaims}>{t.back}</LinkButton>}
      />
      {stale ? <StaleAlert onReload={reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card
              title={t.enterpriseInfo}
              extra={
                <Link to={`/workbench/enterprises/${encodeURIComponent(c.enterprise.id)}`}>
                  {t.viewProfile}
                </Link>
              }
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'name', label: m.enterprise.fields.name, children: c.enterprise.name },
                  {
                    key: 'uscc',
                    label: m.enterprise.uscc,
                    children: <span className="qifu-code">{c.enterprise.uscc}</span>,
                  },
                  {
                    key: 'program',
                    label: m.policies.apply.program,
                    children: <Link to={policyPages.program(c.program.id)}>{c.program.title}</Link>,
                  },
                  { key: 'year', label: m.policies.claim.year, children: m.policies.apply.yearValue(c.year) },
                  {
                    key: 'eligibility',
                    label: m.policies.claim.eligibility,
                    children: <EligibilityTag status={c.eligibility} />,
                  },
                  {
                    key: 'estimated',
                    label: m.policies.claim.estimated,
                    children: c.estimatedAmount ? formatAmountEstimate(c.estimatedAmount) : '—',
                  },
                  {
                    key: 'requested',
                    label: m.policies.claim.requested,
                    children: c.requestedAmount === null ? '—' : formatYuan(c.requestedAmount),
                  },
                  {
                    key: 'approved',
                    label: m.policies.claim.approved,
                    children: c.approvedAmount === null ? '—' : formatYuan(c.approvedAmount),
                  },
                  {
                    key: 'paid',
                    label: m.policies.claim.paid,
                    children:
                      c.paidAmount === null
                        ? '—'
                        : `${formatYuan(c.paidAmount)}${c.paidOn ? m.common.paren(c.paidOn) : ''}`,
                  },
                  {
                    key: 'contact',
                    label: m.policies.claim.contact,
                    children:
                      c.contactName || c.contactPhoneMasked ? (
                        <span>
                          {c.contactName ? `${c.contactName} ` : null}
                          {c.contactPhoneMasked ? (
                            <MaskedValue
                              kind="claim"
                              id={c.id}
                              field="contactPhone"
                              value={c.contactPhone ?? c.contactPhoneMasked}
                            />
                          ) : null}
                        </span>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    key: 'submitted',
                    label: m.policies.claim.submittedAt,
                    children: formatShanghai(c.submittedAt),
                  },
                  {
                    key: 'rules',
                    label: m.policies.staff.rules,
                    children: m.policies.rulesVersion(c.rulesVersion),
                  },
                ]}
              />
              {c.statement ? (
                <Typography.Paragraph className="qifu-top-gap qifu-prewrap">
                  {m.common.labelled(m.policies.claim.statement, c.statement)}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t.facts}>
              <Typography.Paragraph type="secondary">{t.factsHint}</Typography.Paragraph>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={[...Object.entries(c.facts), ...Object.entries(answers)].map(([key, value]) => ({
                  key,
                  value,
                }))}
                columns={[
                  { title: t.fact, dataIndex: 'key', render: (k: string) => names.name(k) },
                  { title: t.factValue, key: 'value', render: (_, r) => names.value(r.key, r.value) },
                ]}
              />
            </Card>
            <Card title={t.evaluation}>
              <ConditionTree outcome={c.evaluation.conditions} />
              {c.evaluation.manualConditions.length > 0 ? (
                <Alert
                  type="info"
                  showIcon
                  className="qifu-top-gap"
                  title={t.manualCheck}
                  description={
                    <ul className="qifu-plain-list">
                      {c.evaluation.manualConditions.map((mc) => (
                        <li key={mc.id}>
                          {mc.label}
                          {mc.hint ? (
                            <Typography.Text type="secondary">{m.common.paren(mc.hint)}</Typography.Text>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  }
                />
              ) : null}
              {c.evaluation.amountExplanation ? (
                <Typography.Paragraph type="secondary" className="qifu-top-gap">
                  {c.evaluation.amountExplanation}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={m.policies.claim.attachments}>
              <AttachmentList
                files={c.attachments}
                href={(f) => policyDownloads.claimAttachment(c.id, f.id)}
                empty={m.policies.claim.noAttachments}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} className="qifu-sticky">
            <Card title={t.actions}>
              <Flex vertical gap={12}>
                <BudgetBar budget={c.budget} />
                {reviewActions.length === 0 ? (
                  <Typography.Text type="secondary">
                    {c.status === 'submitted' ? t.readOnly : t.noActions}
                  </Typography.Text>
                ) : (
                  <Flex gap={8} wrap>
                    {reviewActions.includes('approve') ? (
                      <Button type="primary" onClick={() => setOpen('approve')}>
                        {t.approve}
                      </Button>
                    ) : null}
                    {reviewActions.includes('pay') ? (
                      <Button type="primary" onClick={() => setOpen('pay')}>
                        {t.pay}
                      </Button>
                    ) : null}
                    {reviewActions.includes('return') ? (
                      <Button onClick={() => setOpen('return')}>{t.returnAction}</Button>
                    ) : null}
                    {reviewActions.includes('reject') ? (
                      <Button danger onClick={() => setOpen('reject')}>
                        {t.reject}
                      </Button>
                    ) : null}
                  </Flex>
                )}
                {c.reviewNote ? (
                  <Alert type="info" title={m.policies.claim.reviewNote} description={c.reviewNote} />
                ) : null}
              </Flex>
            </Card>
            <Card title={m.policies.claim.timeline}>
              <ClaimTimeline events={c.events} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {open ? (
        <ActionModal
          action={open}
          claim={c}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setCurrent(next);
            setOpen(null);
          }}
          onStale={() => {
            setStale(true);
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}

interface ActionValues {
  amountWan?: number;
  note?: string;
  reason?: string;
  paidOn?: Dayjs;
}

function defaultApproveWan(c: Claim): number | undefined {
  const est = c.estimatedAmount;
  if (est && est.max !== null && est.min === est.max) return wanFromYuan(est.min);
  if (c.requestedAmount !== null) return wanFromYuan(c.requestedAmount);
  return est && est.min > 0 ? wanFromYuan(est.min) : undefined;
}

function ActionModal({
  action,
  claim: c,
  onClose,
  onDone,
  onStale,
}: {
  action: ReviewAction;
  claim: Claim;
  onClose(): void;
  onDone(c: Claim): void;
  onStale(): void;
}) {
  const m = useT();
  const t = m.policies.review;
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const amountWan = Form.useWatch('amountWan', form);
  const titles: Record<ReviewAction, string> = {
    approve: t.approveTitle,
    return: t.returnTitle,
    reject: t.rejectTitle,
    pay: t.payTitle,
  };
  const done: Record<ReviewAction, string> = {
    approve: t.approved,
    return: t.returned,
    reject: t.rejected,
    pay: t.paid,
  };
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: ActionValues) => {
      const bodies: Record<ReviewAction, () => unknown> = {
        approve: () => ({
          revision: c.revision,
          amount: yuanFromWan(v.amountWan ?? 0),
          note: v.note?.trim() || null,
        }),
        return: () => ({ revision: c.revision, note: (v.note ?? '').trim() }),
        reject: () => ({ revision: c.revision, reason: (v.reason ?? '').trim() }),
        pay: () => ({
          revision: c.revision,
          amount: yuanFromWan(v.amountWan ?? 0),
          paidOn: (v.paidOn ?? dayjs()).format('YYYY-MM-DD'),
          note: v.note?.trim() || null,
        }),
      };
      try {
        const next = await api.post<Claim>(policyApi.claimStep(c.id, action as ClaimStep), bodies[action]());
        message.success(done[action]);
        onDone(next);
      } catch (e) {
        if (isApiError(e) && e.code === 'STALE_VERSION') onStale();
        else throw e;
      }
    },
    // The API names the amount `amount`; the form keeps it in 万元 as `amountWan`.
    (field) => (field === 'amount' ? ['amountWan'] : field === 'paidOn' ? ['paidOn'] : [field]),
  );
  const over =
    action === 'approve' && typeof amountWan === 'number' && exceedsBudget(c.budget, yuanFromWan(amountWan));
  return (
    <Modal
      open
      title={titles[action]}
      okText={titles[action]}
      okButtonProps={{ danger: action === 'reject' }}
      cancelText={m.common.cancel}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormFailure failure={failure} />
      <Form<ActionValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          amountWan:
            action === 'approve'
              ? defaultApproveWan(c)
              : action === 'pay' && c.approvedAmount !== null
                ? wanFromYuan(c.approvedAmount)
                : undefined,
          paidOn: dayjs(todayInShanghai()),
        }}
      >
        {action === 'approve' || action === 'pay' ? (
          <Form.Item
            name="amountWan"
            label={action === 'approve' ? t.amount : t.payAmount}
            rules={[
              { required: true, message: action === 'approve' ? t.amountRequired : t.payAmountRequired },
            ]}
            extra={
              <Flex vertical>
                {c.estimatedAmount ? (
                  <span>{t.estimateHint(formatAmountEstimate(c.estimatedAmount))}</span>
                ) : null}
                {c.requestedAmount !== null ? (
                  <span>{t.requestedHint(formatYuan(c.requestedAmount))}</span>
                ) : null}
                {c.budget.remaining !== null ? (
                  <span>{t.budgetHint(formatYuan(c.budget.remaining))}</span>
                ) : null}
              </Flex>
            }
            validateStatus={over ? 'warning' : undefined}
            help={over ? t.overBudget : undefined}
          >
            <InputNumber
              min={0.0001}
              max={1e7}
              suffix={m.policies.wan}
              className="qifu-number-input"
              autoFocus
            />
          </Form.Item>
        ) : null}
        {action === 'pay' ? (
          <Form.Item name="paidOn" label={t.paidOn} rules={[{ required: true, message: t.paidOnRequired }]}>
            <DatePicker />
          </Form.Item>
        ) : null}
        {action === 'reject' ? (
          <Form.Item
            name="reason"
            label={t.rejectReason}
            rules={[{ required: true, whitespace: true, message: t.rejectReasonRequired }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount autoFocus />
          </Form.Item>
        ) : (
          <Form.Item
            name="note"
            label={action === 'return' ? t.returnNote : action === 'pay' ? t.payNote : t.note}
            rules={
              action === 'return' ? [{ required: true, whitespace: true, message: t.returnNoteRequired }] : []
            }
          >
            <Input.TextArea
              rows={3}
              maxLength={action === 'pay' ? 200 : 500}
              showCount
              autoFocus={action === 'return'}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
