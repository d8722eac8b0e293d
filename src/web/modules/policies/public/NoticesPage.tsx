import { Card, Flex, Select, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ProgramSummary } from '../../../../shared/policies';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { formatYuan } from '../money';
import { policyApi, policyPages } from '../paths';

interface Notice {
  claimId: string;
  enterpriseName: string;
  program: { id: string; title: string };
  department: string | null;
  amount: number;
  paidOn: string;
  year: number;
}

/** /policies/notices — 兑现公示: who was paid what, for which program, when. */
export function NoticesPage() {
  const m = useT();
  const t = m.policies.notices;
  const [params, setParams] = useSearchParams();
  const programId = params.get('programId') ?? undefined;
  const year = params.get('year') ?? undefined;
  const paging = usePaging();
  const list = useApi<Page<Notice> & { totalAmount: number }>(policyApi.notices, {
    programId,
    year,
    ...paging.query,
  });
  const programs = useApi<Page<ProgramSummary>>(policyApi.programs, { pageSize: 100 });
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const set = (k: string, v: string | undefined) => {
    paging.reset();
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={t.intro} />
      <Card>
        <Flex gap={12} wrap className="qifu-filters">
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
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={t.filterYear}
            aria-label={t.filterYear}
            value={year}
            onChange={(v) => set('year', v)}
            options={Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({
              value: y,
              label: m.policies.calendar.year(Number(y)),
            }))}
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <Typography.Paragraph type="secondary" aria-live="polite">
            {t.total(list.data.total, formatYuan(list.data.totalAmount))}
          </Typography.Paragraph>
        ) : null}
        <Table<Notice>
          rowKey="claimId"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={paging.table(list.data?.total)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.empty }}
          columns={[
            { title: t.enterprise, dataIndex: 'enterpriseName' },
            {
              title: t.program,
              key: 'program',
              render: (_, n) => <Link to={policyPages.program(n.program.id)}>{n.program.title}</Link>,
            },
            { title: t.department, dataIndex: 'department', render: (v: string | null) => v ?? '—' },
            { title: t.year, dataIndex: 'year' },
            {
              title: t.amount,
              dataIndex: 'amount',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
            { title: t.paidOn, dataIndex: 'paidOn' },
          ]}
        />
      </Card>
    </div>
  );
}
