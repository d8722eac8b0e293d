import { Card, Flex, Select, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { ClaimStatus, ClaimSummary, ProgramSummary } from '../../../../shared/policies';
import type { EligibilityStatus } from '../../../../shared/policy-rules';
import { hasAnyRole } from '../../../app/access';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { BudgetBar } from '../components/BudgetBar';
import { CLAIM_STATUS_ORDER, ClaimStatusTag, EligibilityTag } from '../components/tags';
import { formatAmountEstimate, formatYuan } from '../money';
import { policyApi, policyPages } from '../paths';

/** /workbench/claims — 兑现审核: the department's claims, filtered by status and program, and each program's budget. */
export function ClaimQueuePage() {
  const m = useT();
  const t = m.policies.queue;
  const { user } = useSession();
  const reviewer = hasAnyRole(user, ['handler', 'policy_editor']);
  const [params, setParams] = useSearchParams();
  // Reviewers start at what waits for them; the leader reads everything.
  const status = params.has('status')
    ? params.get('status') || undefined
    : reviewer
      ? 'submitted'
      : undefined;
  const programId = params.get('programId') ?? undefined;
  const paging = usePaging();
  const list = useApi<Page<ClaimSummary>>(policyApi.claims, { status, programId, ...paging.query });
  // A handler reviews his department's programs; the policy office and the leader see every program.
  const departmentId =
    hasAnyRole(user, ['handler']) && !hasAnyRole(user, ['policy_editor', 'leader', 'liaison'])
      ? user?.department?.id
      : undefined;
  const programs = useApi<Page<ProgramSummary>>(policyApi.programs, {
    departmentId,
    status: 'published',
    pageSize: 100,
  });
  const set = (k: string, v: string | undefined) => {
    paging.reset();
    const next = new URLSearchParams(params);
    next.set(k, v ?? '');
    setParams(next, { replace: true });
  };
  return (
    <div>
      <PageHeader title={t.title} intro={reviewer ? t.intro : t.introLeader} />
      <Flex vertical gap={16}>
        <Card>
          <Flex gap={12} wrap align="center" className="qifu-filters">
            <Select<string>
              allowClear
              className="qifu-filter-select"
              placeholder={t.filterStatus}
              aria-label={t.filterStatus}
              value={status}
              onChange={(v) => set('status', v)}
              options={CLAIM_STATUS_ORDER.map((s) => ({ value: s, label: m.policies.claimStatuses[s] }))}
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="qifu-filter-select qifu-filter-wide"
              placeholder={t.filterProgram}
              aria-label={t.filterProgram}
              value={programId}
              onChange={(v) => set('programId', v)}
              options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            />
            {list.data && status === 'submitted' ? (
              <Typography.Text type="secondary" aria-live="polite">
                {t.pendingCount(list.data.total)}
              </Typography.Text>
            ) : null}
          </Flex>
          {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
          <Table<ClaimSummary>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={paging.table(list.data?.total)}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t.empty }}
            columns={[
              {
                title: t.enterprise,
                key: 'enterprise',
                fixed: 'left',
                render: (_, c) => <Link to={policyPages.staffClaim(c.id)}>{c.enterprise.name}</Link>,
              },
              { title: t.program, key: 'program', render: (_, c) => c.program.title },
              { title: t.year, dataIndex: 'year' },
              {
                title: t.status,
                dataIndex: 'status',
                render: (s: ClaimStatus) => <ClaimStatusTag status={s} />,
              },
              {
                title: t.eligibility,
                dataIndex: 'eligibility',
                render: (s: EligibilityStatus) => <EligibilityTag status={s} />,
              },
              {
                title: t.estimated,
                key: 'estimated',
                render: (_, c) => (c.estimatedAmount ? formatAmountEstimate(c.estimatedAmount) : '—'),
              },
              {
                title: t.approved,
                dataIndex: 'approvedAmount',
                render: (v: number | null) => (v === null ? '—' : formatYuan(v)),
              },
              {
                title: t.submittedAt,
                dataIndex: 'submittedAt',
                render: (v: string | null) => formatShanghai(v),
              },
              {
                title: m.common.actions,
                key: 'review',
                fixed: 'right',
                render: (_, c) => (
                  <LinkButton
                    size="small"
                    type={c.status === 'submitted' && reviewer ? 'primary' : 'default'}
                    to={policyPages.staffClaim(c.id)}
                  >
                    {c.status === 'submitted' && reviewer ? t.review : t.view}
                  </LinkButton>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t.budgetTitle}>
          {programs.error ? <LoadError error={programs.error} onRetry={programs.reload} /> : null}
          <Table<ProgramSummary>
            size="small"
            rowKey="id"
            loading={programs.loading}
            dataSource={programs.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t.noBudgetPrograms }}
            columns={[
              {
                title: t.budgetProgram,
                dataIndex: 'title',
                render: (v: string, p) => (
                  <Link to={`${policyPages.staffClaims}?programId=${encodeURIComponent(p.id)}&status=`}>
                    {v}
                  </Link>
                ),
              },
              {
                title: t.budgetTotal,
                key: 'total',
                align: 'right',
                render: (_, p) =>
                  p.budget.total === null ? m.policies.noBudgetCap : formatYuan(p.budget.total),
              },
              {
                title: t.budgetUsed,
                key: 'used',
                align: 'right',
                render: (_, p) => formatYuan(p.budget.used),
              },
              {
                title: t.budgetPaid,
                key: 'paid',
                align: 'right',
                render: (_, p) => formatYuan(p.budget.paid),
              },
              {
                title: t.budgetLeft,
                key: 'left',
                align: 'right',
                render: (_, p) => (p.budget.remaining === null ? '—' : formatYuan(p.budget.remaining)),
              },
              {
                title: m.policies.staff.budget,
                key: 'bar',
                width: 200,
                render: (_, p) =>
                  p.budget.total === null ? null : <BudgetBar budget={p.budget} compact withText={false} />,
              },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
