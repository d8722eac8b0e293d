import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Claim, ClaimDraft } from '../../../../shared/policies';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { toFormValue } from '../answers';
import type { MaterialFile } from '../attachments';
import { AttachmentList } from '../components/AttachmentList';
import { ClaimTimeline } from '../components/ClaimTimeline';
import { ConditionTree } from '../components/ConditionTree';
import { MaterialUploads } from '../components/FileUpload';
import { ClaimStatusTag, EligibilityTag, ModeTag } from '../components/tags';
import { useFactNames } from '../components/useFactNames';
import { claimFieldPath, factValuesFromAnswers } from '../facts';
import { formatAmountEstimate, formatYuan } from '../money';
import { policyApi, policyDownloads, policyPages } from '../paths';
import {
  answersFromForm,
  ClaimQuestions,
  ContactFields,
  missingMaterials,
  StatementField,
} from './ClaimFields';
import { EnterpriseSubnav } from './EnterpriseSubnav';

/** /enterprise/claims/:id — one claim: where it stands, its timeline, and what the enterprise can do now. */
export function ClaimDetailPage() {
  const m = useT();
  const t = m.policies.claim;
  const id = useParams().id ?? '';
  const claim = useApi<Claim>(policyApi.claim(id));
  const [current, setCurrent] = useState<Claim | null>(null);
  const c = current && current.id === id ? current : (claim.data ?? null);
  const names = useFactNames();

  if (claim.error && !c) {
    if (isApiError(claim.error) && claim.error.status === 404)
      return <NotFound back={{ to: policyPages.claims, label: t.back }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={claim.error} onRetry={claim.reload} />
      </div>
    );
  }
  if (!c) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const refresh = () => {
    setCurrent(null);
    claim.reload();
  };
  const answers = factValuesFromAnswers(c.answers);

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={t.title(c.program.title)}
        intro={
          <Flex gap={6} wrap component="span">
            <ClaimStatusTag status={c.status} />
            <ModeTag mode={c.program.mode} />
          </Flex>
        }
        extra={<LinkButton to={policyPages.claims}>{t.back}</LinkButton>}
      />
      <EnterpriseSubnav />
      <StatusAlert claim={c} />
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {c.actions.includes('confirm') ? (
              <ConfirmCard claim={c} onDone={setCurrent} onStale={refresh} />
            ) : null}
            {c.actions.includes('resubmit') ? (
              <ResubmitCard claim={c} onDone={setCurrent} onStale={refresh} />
            ) : null}
            <Card title={t.info}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'program',
                    label: m.policies.apply.program,
                    children: (
                      <LinkButton
                        type="link"
                        className="qifu-link-button"
                        to={policyPages.program(c.program.id)}
                      >
                        {c.program.title}
                      </LinkButton>
                    ),
                  },
                  { key: 'year', label: t.year, children: m.policies.apply.yearValue(c.year) },
                  { key: 'status', label: t.status, children: <ClaimStatusTag status={c.status} /> },
                  {
                    key: 'eligibility',
                    label: t.eligibility,
                    children: <EligibilityTag status={c.eligibility} />,
                  },
                  {
                    key: 'estimated',
                    label: t.estimated,
                    children: c.estimatedAmount ? formatAmountEstimate(c.estimatedAmount) : '—',
                  },
                  {
                    key: 'requested',
                    label: t.requested,
                    children: c.requestedAmount === null ? '—' : formatYuan(c.requestedAmount),
                  },
                  {
                    key: 'approved',
                    label: t.approved,
                    children: c.approvedAmount === null ? '—' : formatYuan(c.approvedAmount),
                  },
                  {
                    key: 'paid',
                    label: t.paid,
                    children:
                      c.paidAmount === null
                        ? '—'
                        : `${formatYuan(c.paidAmount)}${c.paidOn ? m.common.paren(c.paidOn) : ''}`,
                  },
                  {
                    key: 'contact',
                    label: t.contact,
                    children: c.contactName
                      ? `${c.contactName} ${c.contactPhone ?? c.contactPhoneMasked ?? ''}`
                      : '—',
                  },
                  { key: 'submitted', label: t.submittedAt, children: formatShanghai(c.submittedAt) },
                  { key: 'decided', label: t.decidedAt, children: formatShanghai(c.decidedAt) },
                  {
                    key: 'rules',
                    label: m.policies.staff.rules,
                    children: m.policies.rulesVersion(c.rulesVersion),
                  },
                ]}
              />
              {c.statement ? (
                <Typography.Paragraph className="qifu-top-gap qifu-prewrap">
                  {m.common.labelled(t.statement, c.statement)}
                </Typography.Paragraph>
              ) : null}
              {c.reviewNote ? (
                <Alert
                  type="info"
                  showIcon
                  className="qifu-top-gap"
                  title={t.reviewNote}
                  description={c.reviewNote}
                />
              ) : null}
            </Card>
            <Card title={t.attachments}>
              <AttachmentList
                files={c.attachments}
                href={(f) => policyDownloads.claimAttachment(c.id, f.id)}
                empty={t.noAttachments}
              />
            </Card>
            {Object.keys(answers).length > 0 ? (
              <Card title={t.answers}>
                <Descriptions
                  size="small"
                  column={1}
                  items={Object.entries(answers).map(([k, v]) => ({
                    key: k,
                    label: names.name(k),
                    children: names.value(k, v),
                  }))}
                />
              </Card>
            ) : null}
            <Card title={t.evaluation}>
              <ConditionTree outcome={c.evaluation.conditions} />
              {c.evaluation.amountExplanation ? (
                <Typography.Paragraph type="secondary" className="qifu-top-gap">
                  {c.evaluation.amountExplanation}
                </Typography.Paragraph>
              ) : null}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card title={t.timeline}>
              <ClaimTimeline events={c.events} />
            </Card>
            {c.actions.includes('withdraw') ? (
              <WithdrawButton claim={c} onDone={setCurrent} onStale={refresh} />
            ) : null}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

function StatusAlert({ claim: c }: { claim: Claim }) {
  const m = useT();
  const t = m.policies.claim;
  switch (c.status) {
    case 'paid':
      return (
        <Alert
          type="success"
          showIcon
          className="qifu-block"
          title={t.paidTitle(formatYuan(c.paidAmount ?? 0), c.paidOn ?? '')}
          description={t.paidText}
          action={
            <LinkButton to={`${policyPages.notices}?programId=${encodeURIComponent(c.program.id)}`}>
              {t.toNotices}
            </LinkButton>
          }
        />
      );
    case 'approved':
      return (
        <Alert
          type="success"
          showIcon
          className="qifu-block"
          title={t.approvedTitle(formatYuan(c.approvedAmount ?? 0))}
        />
      );
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          className="qifu-block"
          title={t.returnedTitle}
          description={c.reviewNote ?? t.returnedText}
        />
      );
    case 'rejected':
      return (
        <Alert
          type="error"
          showIcon
          className="qifu-block"
          title={t.rejectedTitle}
          description={c.reviewNote}
        />
      );
    case 'candidate':
      return (
        <Alert
          type="info"
          showIcon
          className="qifu-block"
          title={t.candidateTitle}
          description={t.candidateText}
        />
      );
    default:
      return null;
  }
}

interface StepProps {
  claim: Claim;
  onDone(c: Claim): void;
  onStale(): void;
}

function StaleAlert({ onStale }: { onStale(): void }) {
  const m = useT();
  const t = m.policies.claim;
  return (
    <Alert
      type="warning"
      showIcon
      className="qifu-block"
      title={t.staleTitle}
      description={t.staleText}
      action={<Button onClick={onStale}>{t.refresh}</Button>}
    />
  );
}

/** 意愿确认 of a 免申即享 candidate: contact, and the materials the program asks for (often none). */
function ConfirmCard({ claim: c, onDone, onStale }: StepProps) {
  const m = useT();
  const t = m.policies.claim;
  const { message } = App.useApp();
  const names = useFactNames();
  const draft = useApi<ClaimDraft>(policyApi.claimDraft(c.program.id));
  const [form] = Form.useForm();
  const [files, setFiles] = useState<MaterialFile[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const materials = draft.data?.materials ?? [];
  const questions = draft.data?.questions ?? [];
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: {
      contactName: string;
      contactPhone: string;
      statement?: string;
      answers?: Record<string, unknown>;
    }) => {
      const lacking = missingMaterials(materials, files);
      setMissing(lacking);
      if (lacking.length > 0) return;
      try {
        const next = await api.post<Claim>(policyApi.claimStep(c.id, 'confirm'), {
          revision: c.revision,
          contactName: v.contactName.trim(),
          contactPhone: v.contactPhone.trim(),
          statement: v.statement?.trim() || null,
          answers: answersFromForm(questions, v.answers),
          attachments: files.map((f) => ({ fileId: f.file.id, material: f.material })),
        });
        message.success(t.confirmed);
        onDone(next);
      } catch (e) {
        if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
        else throw e;
      }
    },
    claimFieldPath,
  );
  if (!draft.data && !draft.error) return <Skeleton active />;
  return (
    <Card title={t.confirmTitle} className="qifu-action-card">
      {stale ? <StaleAlert onStale={onStale} /> : null}
      <FormFailure failure={failure} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ contactName: c.contactName ?? draft.data?.contactName ?? '' }}
        disabled={submitting}
      >
        <ContactFields />
        {questions.length > 0 ? <ClaimQuestions questions={questions} factName={names.name} /> : null}
        {materials.length > 0 ? (
          <Form.Item label={m.policies.apply.materials}>
            <MaterialUploads materials={materials} value={files} onChange={setFiles} missing={missing} />
          </Form.Item>
        ) : null}
        <StatementField />
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t.confirm}
        </Button>
      </Form>
    </Card>
  );
}

/** 补正: the reviewer's note, then the corrected statement, answers and the complete list of materials. */
function ResubmitCard({ claim: c, onDone, onStale }: StepProps) {
  const m = useT();
  const t = m.policies.claim;
  const { message } = App.useApp();
  const names = useFactNames();
  const draft = useApi<ClaimDraft>(policyApi.claimDraft(c.program.id));
  const [form] = Form.useForm();
  const [files, setFiles] = useState<MaterialFile[]>(() =>
    c.attachments.map(({ material, ...file }) => ({ file, material })),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const materials = draft.data?.materials ?? [];
  // The draft's questions are what the profile still lacks; answers given before are shown again.
  const questions = draft.data?.questions ?? [];
  const previous = factValuesFromAnswers(c.answers);
  const initialAnswers: Record<string, unknown> = {};
  for (const q of questions) initialAnswers[q.fact] = toFormValue(q, previous[q.fact]);
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: { statement?: string; answers?: Record<string, unknown> }) => {
      const lacking = missingMaterials(materials, files);
      setMissing(lacking);
      if (lacking.length > 0) return;
      try {
        const next = await api.post<Claim>(policyApi.claimStep(c.id, 'resubmit'), {
          revision: c.revision,
          statement: v.statement?.trim() || null,
          answers: answersFromForm(questions, v.answers),
          attachments: files.map((f) => ({ fileId: f.file.id, material: f.material })),
        });
        message.success(t.resubmitted);
        onDone(next);
      } catch (e) {
        if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
        else throw e;
      }
    },
    claimFieldPath,
  );
  if (!draft.data && !draft.error) return <Skeleton active />;
  return (
    <Card title={t.resubmitTitle} className="qifu-action-card">
      {stale ? <StaleAlert onStale={onStale} /> : null}
      {c.reviewNote ? (
        <Alert
          type="warning"
          showIcon
          className="qifu-block"
          title={t.reviewNote}
          description={c.reviewNote}
        />
      ) : null}
      <FormFailure failure={failure} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ answers: initialAnswers }}
        disabled={submitting}
      >
        {questions.length > 0 ? <ClaimQuestions questions={questions} factName={names.name} /> : null}
        <Form.Item label={m.policies.apply.materials}>
          <MaterialUploads materials={materials} value={files} onChange={setFiles} missing={missing} />
        </Form.Item>
        <StatementField label={t.resubmitStatement} />
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t.resubmit}
        </Button>
      </Form>
    </Card>
  );
}

function WithdrawButton({ claim: c, onDone, onStale }: StepProps) {
  const m = useT();
  const t = m.policies.claim;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<Claim>(policyApi.claimStep(c.id, 'withdraw'), {
        revision: c.revision,
        reason: reason.trim() || null,
      });
      message.success(t.withdrawn);
      setOpen(false);
      onDone(next);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger block onClick={() => setOpen(true)}>
        {t.withdraw}
      </Button>
      <Modal
        open={open}
        title={t.withdrawTitle}
        okText={t.withdraw}
        okButtonProps={{ danger: true }}
        cancelText={m.common.cancel}
        confirmLoading={busy}
        onOk={run}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {stale ? <StaleAlert onStale={onStale} /> : null}
        <FormFailure failure={error} />
        <Typography.Paragraph>{t.withdrawConfirm}</Typography.Paragraph>
        <label className="qifu-field-label" htmlFor="withdraw-reason">
          {t.withdrawReason}
        </label>
        <Input.TextArea
          id="withdraw-reason"
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
