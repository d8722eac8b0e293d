import { AuditOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import type { Program, ProgramMatch } from '../../../../shared/policies';
import { isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { BudgetBar } from '../components/BudgetBar';
import { MatchCard } from '../components/MatchCard';
import { LevelTag, ModeTag, ProgramStatusTag, WindowTag, windowText } from '../components/tags';
import { useFactNames } from '../components/useFactNames';
import { policyApi, policyPages } from '../paths';

/** /policies/programs/:id — a benefit program: who, how much, when, how, the conditions; and, for an enterprise, its own result. */
export function ProgramPage() {
  const m = useT();
  const t = m.policies.program;
  const id = useParams().id ?? '';
  const program = useApi<Program>(policyApi.program(id));
  const { user } = useSession();

  if (program.error) {
    if (isApiError(program.error) && program.error.status === 404)
      return <NotFound back={{ to: policyPages.home, label: m.policies.backToPolicies }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={program.error} onRetry={program.reload} />
      </div>
    );
  }
  if (!program.data) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const p = program.data;
  const enterpriseUser = user?.kind === 'enterprise' && !!user.enterprise;

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={p.title}
        intro={
          <Flex gap={6} wrap component="span">
            <ModeTag mode={p.mode} />
            <WindowTag state={p.windowState} />
            {p.status !== 'published' ? <ProgramStatusTag status={p.status} /> : null}
            {p.topics.map((c) => (
              <Tag key={c}>{m.policies.topics[c] ?? c}</Tag>
            ))}
          </Flex>
        }
        extra={<LinkButton to={policyPages.home}>{m.policies.backToPolicies}</LinkButton>}
      />
      {p.status === 'withdrawn' ? (
        <Alert type="warning" showIcon className="qifu-block" title={t.withdrawnNotice} />
      ) : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card>
              {p.summary ? (
                <Typography.Paragraph className="qifu-lead">{p.summary}</Typography.Paragraph>
              ) : null}
              <Descriptions
                column={1}
                size="small"
                bordered
                className="qifu-program-facts"
                items={[
                  {
                    key: 'beneficiaries',
                    label: t.beneficiaries,
                    children: <span className="qifu-prewrap">{p.beneficiaries}</span>,
                  },
                  {
                    key: 'amount',
                    label: t.amount,
                    children: p.amountText ? (
                      <Flex vertical gap={4}>
                        <strong>{p.amountText}</strong>
                        <Typography.Text type="secondary" className="qifu-small">
                          {t.amountFormulaHint}
                        </Typography.Text>
                      </Flex>
                    ) : (
                      t.amountNone
                    ),
                  },
                  { key: 'window', label: t.window, children: windowText(m, p.windowStart, p.windowEnd) },
                  {
                    key: 'mode',
                    label: t.mode,
                    children: (
                      <Flex vertical gap={4}>
                        <span>{m.policies.modes[p.mode]}</span>
                        <Typography.Text type="secondary" className="qifu-small">
                          {m.policies.modeHints[p.mode]}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  { key: 'department', label: t.department, children: p.department?.name ?? '—' },
                  { key: 'budget', label: t.budget, children: <BudgetBar budget={p.budget} /> },
                  {
                    key: 'document',
                    label: t.document,
                    children: (
                      <Flex gap={6} wrap align="center">
                        <Link to={policyPages.document(p.document.id)}>{p.document.title}</Link>
                        <LevelTag level={p.document.level} />
                        {p.document.docNumber ? (
                          <Typography.Text type="secondary">{p.document.docNumber}</Typography.Text>
                        ) : null}
                      </Flex>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t.conditions}>
              <ol className="qifu-condition-list">
                {p.conditionLabels.map((c) => (
                  <li key={c.id}>
                    {c.label}
                    {c.manual ? (
                      <Tag icon={<AuditOutlined />} color="processing" className="qifu-inline-tag">
                        {t.manualTag}
                      </Tag>
                    ) : null}
                  </li>
                ))}
              </ol>
              {p.conditionLabels.some((c) => c.manual) ? (
                <Typography.Text type="secondary" className="qifu-small">
                  {t.manualHint}
                </Typography.Text>
              ) : null}
            </Card>
            <Card title={t.materials}>
              {p.materials.length === 0 ? (
                <Typography.Text type="secondary">{t.noMaterials}</Typography.Text>
              ) : (
                <ul className="qifu-plain-list">
                  {p.materials.map((mat) => (
                    <li key={mat.name}>
                      <Tag color={mat.required ? 'red' : 'default'}>
                        {mat.required ? t.required : t.optional}
                      </Tag>
                      {mat.name}
                      {mat.note ? (
                        <Typography.Text type="secondary">{m.common.paren(mat.note)}</Typography.Text>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          {enterpriseUser ? (
            <OwnResult program={p} />
          ) : user?.kind === 'enterprise' ? (
            <Alert
              type="info"
              showIcon
              title={m.policies.matches.unbound}
              action={<LinkButton to="/enterprise">{m.policies.matches.toCenter}</LinkButton>}
            />
          ) : user?.kind === 'staff' ? (
            <Card>
              <Typography.Text type="secondary">{t.staffNote}</Typography.Text>
            </Card>
          ) : (
            <VisitorBox />
          )}
        </Col>
      </Row>
    </div>
  );
}

function VisitorBox() {
  const m = useT();
  const t = m.policies.program;
  const { pathname } = useLocation();
  return (
    <Card title={t.yourResult}>
      <Typography.Paragraph>{t.loginToCheck}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <LinkButton type="primary" to={`/login?next=${encodeURIComponent(pathname)}`}>
          {t.login}
        </LinkButton>
        <LinkButton to={policyPages.selfTest}>{t.tryselfTest}</LinkButton>
      </Flex>
    </Card>
  );
}

/** The logged-in enterprise's own evaluation of this program, and the way to apply. */
function OwnResult({ program }: { program: Program }) {
  const m = useT();
  const t = m.policies.program;
  const evaluation = useApi<ProgramMatch>(policyApi.programEvaluation(program.id));
  const names = useFactNames();
  const canApplyNow =
    program.status === 'published' && (program.windowState === 'open' || program.windowState === 'always');
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="qifu-section-title">
        {t.yourResult}
      </Typography.Title>
      {evaluation.error ? <LoadError error={evaluation.error} onRetry={evaluation.reload} /> : null}
      {!evaluation.data && !evaluation.error ? <Skeleton active /> : null}
      {evaluation.data ? (
        <MatchCard
          match={evaluation.data}
          factName={names.name}
          expanded
          actions={
            program.mode === 'no_application' ? null : canApplyNow ? (
              <LinkButton type="primary" to={policyPages.apply(program.id)}>
                {t.apply}
              </LinkButton>
            ) : null
          }
        />
      ) : null}
      {program.mode === 'no_application' ? (
        <Alert
          type="info"
          showIcon
          title={t.noApplicationNote}
          action={<LinkButton to={policyPages.claims}>{t.myClaims}</LinkButton>}
        />
      ) : !canApplyNow && program.status === 'published' ? (
        <Alert
          type="info"
          showIcon
          title={t.applyBlockedWindow(m.policies.windowStates[program.windowState])}
        />
      ) : null}
    </Flex>
  );
}
