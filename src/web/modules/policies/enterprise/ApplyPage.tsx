import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Claim, ClaimDraft } from '../../../../shared/policies';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import type { MaterialFile } from '../attachments';
import { MaterialUploads } from '../components/FileUpload';
import { MatchDetails } from '../components/MatchCard';
import { EligibilityTag, ModeTag, WindowTag } from '../components/tags';
import { useFactNames } from '../components/useFactNames';
import { claimFieldPath } from '../facts';
import { yuanFromWan } from '../money';
import { policyApi, policyPages } from '../paths';
import {
  answersFromForm,
  ClaimQuestions,
  ContactFields,
  missingMaterials,
  RequestedAmountField,
  StatementField,
} from './ClaimFields';
import { EnterpriseSubnav } from './EnterpriseSubnav';

interface ApplyValues {
  contactName: string;
  contactPhone: string;
  statement?: string;
  requestedAmount?: number | null;
  answers?: Record<string, unknown>;
}

/** /enterprise/apply/:programId — 兑现申请: the profile pre-filled, what is missing asked, materials uploaded. */
export function ApplyPage() {
  const m = useT();
  const t = m.policies.apply;
  const programId = useParams().programId ?? '';
  const draft = useApi<ClaimDraft>(policyApi.claimDraft(programId));
  if (draft.error) {
    if (isApiError(draft.error) && draft.error.status === 404)
      return <NotFound back={{ to: policyPages.matches, label: m.policies.center.matches.title }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={draft.error} onRetry={draft.reload} />
      </div>
    );
  }
  if (!draft.data) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const d = draft.data;
  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={d.program.title} />
      <EnterpriseSubnav />
      {d.canApply ? (
        <ApplyForm draft={d} />
      ) : (
        <Card>
          <Result
            status="info"
            title={t.blockedTitle}
            subTitle={d.blockedReason}
            extra={
              <Flex gap={8} justify="center" wrap>
                <LinkButton to={policyPages.program(d.program.id)}>{m.policies.match.detail}</LinkButton>
                {d.existingClaimId ? (
                  <LinkButton type="primary" to={policyPages.claim(d.existingClaimId)}>
                    {t.viewExisting}
                  </LinkButton>
                ) : null}
              </Flex>
            }
          />
        </Card>
      )}
    </div>
  );
}

function ApplyForm({ draft: d }: { draft: ClaimDraft }) {
  const m = useT();
  const t = m.policies.apply;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const names = useFactNames();
  const [form] = Form.useForm<ApplyValues>();
  const [files, setFiles] = useState<MaterialFile[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: ApplyValues) => {
      const claim = await api.post<Claim>(policyApi.claimSubmit(d.program.id), {
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        statement: v.statement?.trim() || null,
        requestedAmount: typeof v.requestedAmount === 'number' ? yuanFromWan(v.requestedAmount) : null,
        answers: answersFromForm(d.questions, v.answers),
        attachments: files.map((f) => ({ fileId: f.file.id, material: f.material })),
      });
      message.success(t.submitted);
      navigate(policyPages.claim(claim.id));
    },
    claimFieldPath,
  );

  const submit = async () => {
    const lacking = missingMaterials(d.materials, files);
    setMissing(lacking);
    try {
      const values = await form.validateFields();
      if (lacking.length > 0) return;
      await onFinish(values);
    } catch {
      // antd marks the invalid fields itself
    }
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={15}>
        <Form<ApplyValues>
          form={form}
          layout="vertical"
          initialValues={{ contactName: d.contactName ?? '' }}
          onFinish={submit}
          disabled={submitting}
        >
          <Flex vertical gap={16}>
            <FormFailure failure={failure} />
            <Card title={t.program}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'program', label: t.program, children: d.program.title },
                  {
                    key: 'enterprise',
                    label: t.enterprise,
                    children: `${d.enterprise.name}${m.common.paren(d.enterprise.uscc)}`,
                  },
                  { key: 'year', label: t.year, children: t.yearValue(d.year) },
                  {
                    key: 'mode',
                    label: m.policies.program.mode,
                    children: (
                      <Flex gap={4} wrap>
                        <ModeTag mode={d.program.mode} />
                        <WindowTag state={d.windowState} />
                      </Flex>
                    ),
                  },
                  {
                    key: 'amount',
                    label: m.policies.match.estimated,
                    children: d.evaluation.amountText ?? m.policies.match.noAmount,
                  },
                ]}
              />
            </Card>
            <Card title={t.prefilled}>
              <Typography.Paragraph type="secondary">{t.prefilledHint}</Typography.Paragraph>
              {d.prefilled.length === 0 ? (
                <Typography.Text type="secondary">{t.noPrefilled}</Typography.Text>
              ) : (
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, md: 2 }}
                  items={d.prefilled.map((f) => ({
                    key: f.fact,
                    label: f.name,
                    children: names.value(f.fact, f.value),
                  }))}
                />
              )}
              <LinkButton type="link" className="qifu-link-button" to="/enterprise">
                {t.editProfile}
              </LinkButton>
            </Card>
            {d.questions.length > 0 ? (
              <Card title={t.questions}>
                <ClaimQuestions questions={d.questions} factName={names.name} />
              </Card>
            ) : null}
            <Card title={t.materials}>
              <MaterialUploads materials={d.materials} value={files} onChange={setFiles} missing={missing} />
            </Card>
            <Card title={t.contact}>
              <ContactFields />
              <RequestedAmountField />
              <StatementField />
            </Card>
            <Flex gap={8} wrap>
              <Popconfirm
                title={t.confirmSubmit}
                okText={t.submit}
                cancelText={m.common.cancel}
                onConfirm={submit}
              >
                <Button type="primary" size="large" loading={submitting}>
                  {t.submit}
                </Button>
              </Popconfirm>
              <LinkButton size="large" to={policyPages.program(d.program.id)}>
                {m.common.cancel}
              </LinkButton>
            </Flex>
          </Flex>
        </Form>
      </Col>
      <Col xs={24} xl={9}>
        <Card
          title={
            <Flex gap={8} align="center" wrap>
              <span>{t.evaluation}</span>
              <EligibilityTag status={d.evaluation.status} />
            </Flex>
          }
        >
          <Alert
            type={
              d.evaluation.status === 'eligible'
                ? 'success'
                : d.evaluation.status === 'ineligible'
                  ? 'warning'
                  : 'info'
            }
            showIcon
            className="qifu-block"
            title={t.eligibilityNote[d.evaluation.status]}
          />
          <MatchDetails match={d.evaluation} />
        </Card>
      </Col>
    </Row>
  );
}
