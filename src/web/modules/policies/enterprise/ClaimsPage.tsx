import { Alert, Card, Flex, Select, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { ClaimStatus, ClaimSummary } from '../../../../shared/policies';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { CLAIM_STATUS_ORDER, ClaimStatusTag } from '../components/tags';
import { formatAmountEstimate, formatYuan } from '../money';
import { policyApi, policyPages } from '../paths';
import { EnterpriseSubnav } from './EnterpriseSubnav';

/** /enterprise/claims — 我的申请: the enterprise's claims and 免申即享 candidates. */
export function ClaimsPage() {
  const m = useT();
  const t = m.policies.claims;
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const paging = usePaging();
  const list = useApi<Page<ClaimSummary>>(policyApi.claims, { status, ...paging.query });
  const candidates = useApi<Page<ClaimSummary>>(policyApi.claims, { status: 'candidate', pageSize: 1 });
  const waiting = candidates.data?.total ?? 0;
  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={t.intro} />
      <EnterpriseSubnav />
      {waiting > 0 && status !== 'candidate' ? (
        <Alert
          type="warning"
          showIcon
          className="qifu-block"
          title={t.candidateAlert(waiting)}
          action={
            <LinkButton size="small" type="primary" to={`${policyPages.claims}?status=candidate`}>
              {m.policies.claim.confirm}
            </LinkButton>
          }
        />
      ) : null}
      <Card>
        <Flex gap={12} wrap className="qifu-filters">
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={t.filterStatus}
            aria-label={t.filterStatus}
            value={status}
            onChange={(v) => {
              paging.reset();
              const next = new URLSearchParams(params);
              if (v) next.set('status', v);
              else next.delete('status');
              setParams(next);
            }}
            options={CLAIM_STATUS_ORDER.map((s) => ({ value: s, label: m.policies.claimStatuses[s] }))}
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<ClaimSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={paging.table(list.data?.total)}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Flex vertical gap={8} align="center">
                <span>{t.empty}</span>
                <LinkButton to={policyPages.matches}>{t.toMatches}</LinkButton>
              </Flex>
            ),
          }}
          columns={[
            {
              title: t.program,
              key: 'program',
              render: (_, c) => <Link to={policyPages.claim(c.id)}>{c.program.title}</Link>,
            },
            { title: t.year, dataIndex: 'year' },
            {
              title: t.status,
              dataIndex: 'status',
              render: (s: ClaimStatus) => <ClaimStatusTag status={s} />,
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
              title: t.paid,
              dataIndex: 'paidAmount',
              render: (v: number | null) => (v === null ? '—' : formatYuan(v)),
            },
            {
              title: t.updatedAt,
              dataIndex: 'updatedAt',
              render: (v: string) => formatShanghai(v),
            },
            {
              title: m.common.actions,
              key: 'open',
              fixed: 'right',
              render: (_, c) => (
                <LinkButton
                  size="small"
                  type={c.status === 'candidate' || c.status === 'returned' ? 'primary' : 'default'}
                  to={policyPages.claim(c.id)}
                >
                  {c.status === 'candidate'
                    ? m.policies.claim.confirm
                    : c.status === 'returned'
                      ? m.policies.claim.resubmit
                      : t.open}
                </LinkButton>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
