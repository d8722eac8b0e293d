import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { AppealState } from '../../../../shared/appeals';
import { APPEAL_STATS_GROUPINGS, type AppealStatsGrouping } from '../../../../shared/appeals-api';
import { buildUrl, type Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { defaultMonthRange, formatRate, RATE_KEYS, runningSla, statsChartOption, tableRows } from './helpers';
import { appealApi, appealPages } from './paths';
import { AppealStateTag, SlaTag, SupervisionTag } from './tags';
import type { AppealStats, AppealSummary, StatsRow } from './types';

// ECharts is the bulk of this page: its own chunk, loaded while the lists already show.
const EChart = lazy(() => import('./EChart').then((mod) => ({ default: mod.EChart })));

/** /workbench/supervision — overdue and due-soon appeals across departments, and the statistics. */
export function SupervisionPage() {
  const m = useT();
  const t = m.appealsStaff.supervision;
  return (
    <div>
      <PageHeader title={t.title} intro={t.intro} />
      <Flex vertical gap={16}>
        <WatchList />
        <StatsPanel />
      </Flex>
    </div>
  );
}

function WatchList() {
  const m = useT();
  const t = m.appealsStaff.supervision;
  const q = m.appealsStaff.queue;
  const [which, setWhich] = useState<'overdue' | 'due_soon'>('overdue');
  const paging = usePaging({ pageSize: 10 });
  const list = useApi<Page<AppealSummary>>(appealApi.appeals, {
    view: 'all',
    sla: which,
    sort: 'deadline',
    ...paging.query,
  });
  const other = useApi<Page<AppealSummary>>(appealApi.appeals, {
    view: 'all',
    sla: which === 'overdue' ? 'due_soon' : 'overdue',
    pageSize: 1,
  });
  const count = (k: 'overdue' | 'due_soon') => (k === which ? list.data?.total : other.data?.total);
  const tabLabel = (k: 'overdue' | 'due_soon') => {
    const n = count(k);
    const base = k === 'overdue' ? t.overdueTitle : t.dueSoonTitle;
    return n === undefined ? base : `${base} ${n}`;
  };
  return (
    <Card>
      <Tabs
        activeKey={which}
        onChange={(k) => {
          paging.reset();
          setWhich(k as 'overdue' | 'due_soon');
        }}
        items={(['overdue', 'due_soon'] as const).map((k) => ({ key: k, label: tabLabel(k) }))}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<AppealSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.table(list.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: which === 'overdue' ? t.emptyOverdue : t.emptyDueSoon }}
        columns={[
          {
            title: q.code,
            dataIndex: 'code',
            render: (v: string, a) => (
              <Link to={appealPages.detail(a.id)} className="qifu-code">
                {v}
              </Link>
            ),
          },
          { title: q.titleCol, dataIndex: 'title' },
          { title: q.leadDepartment, key: 'lead', render: (_, a) => a.leadDepartment?.name ?? '—' },
          { title: q.state, dataIndex: 'state', render: (v: AppealState) => <AppealStateTag state={v} /> },
          {
            title: q.deadline,
            key: 'sla',
            render: (_, a) => <SlaTag sla={runningSla(a.sla)} withDeadline />,
          },
          {
            title: t.ladder,
            key: 'ladder',
            render: (_, a) =>
              a.supervisionLevel === 'none' ? (
                m.appealsStaff.supervisionLevels.none
              ) : (
                <SupervisionTag level={a.supervisionLevel} />
              ),
          },
        ]}
      />
    </Card>
  );
}

function StatsPanel() {
  const m = useT();
  const t = m.appealsStaff.supervision;
  const [by, setBy] = useState<AppealStatsGrouping>('department');
  const [range, setRange] = useState(() => defaultMonthRange(todayInShanghai()));
  const query = { from: range.from, to: range.to, by };
  const stats = useApi<AppealStats>(appealApi.stats, query);
  const rows = stats.data?.rows ?? [];
  const rateLabels = t.rates;
  const option = useMemo(
    () => statsChartOption(rows, rateLabels, by === 'month' ? 'line' : 'bar'),
    [rows, rateLabels, by],
  );
  const totals = stats.data?.totals;
  return (
    <Card
      title={t.statsTitle}
      extra={
        <Button icon={<DownloadOutlined />} href={buildUrl('/appeals/stats/export', query)} download>
          {t.export}
        </Button>
      }
    >
      <Flex gap={12} wrap align="center" className="qifu-filters">
        <Segmented<AppealStatsGrouping>
          value={by}
          onChange={setBy}
          options={APPEAL_STATS_GROUPINGS.map((g) => ({ value: g, label: t.by[g] }))}
        />
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          aria-label={t.range}
          value={[dayjs(`${range.from}-01`), dayjs(`${range.to}-01`)]}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') });
          }}
        />
      </Flex>
      {stats.error ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
      <Row gutter={[16, 16]} className="qifu-block">
        {RATE_KEYS.map((k) => (
          <Col xs={12} md={6} key={k}>
            <Statistic
              title={t.rates[k]}
              value={totals ? formatRate(totals[k]) : '—'}
              loading={stats.loading && !totals}
            />
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Statistic title={t.count} value={totals?.submitted ?? '—'} loading={stats.loading && !totals} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t.avgWorkdays}
            value={totals?.avgHandlingWorkdays ?? '—'}
            loading={stats.loading && !totals}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t.overdueCount}
            value={totals?.overdue ?? '—'}
            loading={stats.loading && !totals}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.reopened} value={totals?.reopened ?? '—'} loading={stats.loading && !totals} />
        </Col>
      </Row>
      {rows.length > 0 ? (
        <Suspense fallback={<div className="qifu-as-chart-placeholder" />}>
          <EChart option={option} label={t.statsTitle} />
        </Suspense>
      ) : null}
      <Table<StatsRow & { rowKey: string }>
        rowKey="rowKey"
        size="small"
        className="qifu-block"
        loading={stats.loading}
        dataSource={totals ? tableRows(rows, totals, t.total) : []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noData }}
        rowClassName={(r) => (r.rowKey === '__total' ? 'qifu-as-total' : '')}
        columns={[
          { title: t.group, dataIndex: 'label', fixed: 'left' },
          { title: t.count, dataIndex: 'submitted', align: 'right' },
          ...RATE_KEYS.map((k) => ({
            title: t.rates[k],
            key: k,
            align: 'right' as const,
            render: (_: unknown, r: StatsRow) => formatRate(r[k]),
          })),
          {
            title: t.avgWorkdays,
            dataIndex: 'avgHandlingWorkdays',
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          { title: t.overdueCount, dataIndex: 'overdue', align: 'right' },
          { title: t.reopened, dataIndex: 'reopened', align: 'right' },
        ]}
      />
      {stats.data && stats.data.formulas.length > 0 ? (
        <div className="qifu-block">
          <Typography.Title level={5}>{t.formulas}</Typography.Title>
          <dl className="qifu-as-formulas">
            {stats.data.formulas.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd>{f.formula}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </Card>
  );
}
