import { Col, DatePicker, Flex, Row, Segmented, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Dashboard, DashboardAppealRow } from '../../../shared/insights-api';
import { canSee, navItem, type WorkbenchKey } from '../../app/access';
import { LoadError, PageHeader } from '../../app/components';
import { todayInShanghai } from '../../app/dates';
import { useT } from '../../app/prefs';
import { StatTile } from '../../app/StatTile';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { barOption, columnOption, ratesOption } from './charts';
import { Chart, TableCard } from './components';
import { area, defaultPeriod, percent, shanghaiTime, wan } from './format';
import { useRowLabels } from './labels';
import { RateDefinitions } from './PublicStatisticsPage';
import './insights.css';

const RATE_KEYS = ['responseRate', 'onTimeReplyRate', 'solvedRate', 'satisfactionRate'] as const;
const RATE_PARTS = {
  responseRate: ['respondedOnTime', 'responded'],
  onTimeReplyRate: ['repliedOnTime', 'replied'],
  solvedRate: ['solved', 'rated'],
  satisfactionRate: ['satisfied', 'rated'],
} as const;

type Period = { from: string; to: string };

/** /workbench/insights: the leader's dashboard over a period (SPEC §2.8). */
export function InsightsDashboardPage() {
  const m = useT();
  const t = m.insights;
  const today = todayInShanghai();
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(today));
  const data = useApi<Dashboard>('/insights/dashboard', period);
  const d = data.data;
  const presets = useMemo(() => {
    const y = Number(today.slice(0, 4));
    const range = (p: Period) => [dayjs(p.from), dayjs(p.to)] as [dayjs.Dayjs, dayjs.Dayjs];
    return [
      { label: t.presetLast12, value: range(defaultPeriod(today)) },
      { label: t.presetYear(y), value: range({ from: `${y}-01-01`, to: today }) },
      { label: t.presetYear(y - 1), value: range({ from: `${y - 1}-01-01`, to: `${y - 1}-12-31` }) },
      { label: t.presetYears(3), value: range({ from: `${y - 2}-01-01`, to: today }) },
    ];
  }, [today, t]);
  return (
    <div className="qifu-ins">
      <PageHeader
        title={t.dashboardTitle}
        intro={t.dashboardIntro}
        extra={<Link to="/services/statistics">{t.toPublic}</Link>}
      />
      <Flex gap={12} wrap align="center" className="qifu-filters qifu-ins-period">
        <span>{t.period}</span>
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t.period}
          value={[dayjs(period.from), dayjs(period.to)]}
          presets={presets}
          disabledDate={(day) => day.format('YYYY-MM-DD') > today}
          onChange={(v) => {
            if (v?.[0] && v[1]) setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
          }}
        />
        {d ? (
          <Typography.Text type="secondary" className="qifu-ins-asof">
            {t.asOf(shanghaiTime(d.asOf))}
          </Typography.Text>
        ) : null}
      </Flex>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {!d && data.loading ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {d ? (
        <div aria-busy={data.loading}>
          <Tiles d={d} />
          <Appeals d={d} period={period} />
          <Enterprises d={d} period={period} />
          <Claims d={d} period={period} />
          <Buildings d={d} period={period} />
          <SearchTerms d={d} period={period} />
        </div>
      ) : null}
    </div>
  );
}

/** A figure leading to the workbench page behind it when the reader may open that page, else just the figure. */
function Tile({ nav, title, value }: { nav: WorkbenchKey; title: string; value: string | number }) {
  const { user } = useSession();
  const item = navItem(nav);
  if (canSee(item, user)) return <StatTile to={`/workbench/${item.path}`} title={title} value={value} />;
  return (
    <Col xs={12} md={6}>
      <Statistic title={title} value={value} />
    </Col>
  );
}

function Tiles({ d }: { d: Dashboard }) {
  const t = useT().insights;
  return (
    <Row gutter={[16, 16]} className="qifu-ins-tiles">
      <Tile nav="enterprises" title={t.tiles.enterprises} value={d.enterprises.total} />
      <Tile nav="supervision" title={t.tiles.appeals} value={d.appeals.totals.submitted} />
      <Tile nav="claims" title={t.tiles.paidWan} value={wan(d.claims.totals.paidWan)} />
      <Tile nav="claims" title={t.tiles.benefited} value={d.claims.totals.enterprises} />
    </Row>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className="qifu-ins-section">
      <Typography.Title level={3} id={`${id}-h`} className="qifu-ins-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function rateColumns(rates: Record<string, string>) {
  return RATE_KEYS.map((k) => ({
    title: rates[k],
    key: k,
    align: 'right' as const,
    render: (_: unknown, r: DashboardAppealRow) => {
      const [num, den] = RATE_PARTS[k];
      return (
        <Tooltip title={`${r[num]} / ${r[den]}`}>
          <span>{percent(r[k])}</span>
        </Tooltip>
      );
    },
  }));
}

function Appeals({ d, period }: { d: Dashboard; period: Period }) {
  const m = useT();
  const t = m.insights;
  const rates = m.appealsStaff.supervision.rates;
  const [by, setBy] = useState<'month' | 'department'>('department');
  const n = useRowLabels();
  const months = d.appeals.byMonth.map((r) => ({ ...r, label: n.period(r.key, r.label) }));
  const rows =
    by === 'month'
      ? months
      : d.appeals.byDepartment.map((r) => ({ ...r, label: n.department(r.key, r.label) }));
  const withTotal = [...rows, { ...d.appeals.totals, key: 'total', label: t.total }];
  const option = ratesOption(
    months.map((r) => r.label),
    RATE_KEYS.map((k) => ({ name: rates[k], values: months.map((r) => r[k]) })),
  );
  const title = by === 'month' ? t.tables.appealsMonth : t.tables.appealsDepartment;
  return (
    <Section id="ins-appeals" title={t.sections.appeals}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        {RATE_KEYS.map((k) => (
          <Col xs={12} md={6} key={k}>
            <Statistic title={rates[k]} value={percent(d.appeals.totals[k])} />
          </Col>
        ))}
      </Row>
      <Chart label={t.tables.appealsMonth} option={option} height={300} />
      <Segmented<'month' | 'department'>
        className="qifu-ins-switch"
        value={by}
        onChange={setBy}
        options={[
          { value: 'department', label: t.columns.department },
          { value: 'month', label: t.columns.month },
        ]}
      />
      <TableCard<DashboardAppealRow>
        id={by === 'month' ? 'ins-appeals-month' : 'ins-appeals-department'}
        title={title}
        table={by === 'month' ? 'appeals-month' : 'appeals-department'}
        query={period}
        rows={withTotal}
        rowKey={(r) => r.key ?? r.label}
        columns={[
          {
            title: by === 'month' ? t.columns.month : t.columns.department,
            dataIndex: 'label',
            fixed: 'left',
          },
          { title: t.columns.submitted, dataIndex: 'submitted', align: 'right' },
          ...rateColumns(rates),
        ]}
        note={<RateDefinitions />}
      />
    </Section>
  );
}

type Row3 = { key: string; label: string; count: number };

function Enterprises({ d, period }: { d: Dashboard; period: Period }) {
  const t = useT().insights;
  const c = t.columns;
  const n = useRowLabels();
  const dist = (
    id: string,
    table: string,
    title: string,
    first: string,
    raw: Row3[],
    column: boolean,
    name: (key: string, label: string) => string,
  ) => {
    const rows = raw.map((r) => ({ ...r, label: name(r.key, r.label) }));
    return (
      <TableCard<Row3>
        id={id}
        title={title}
        table={table}
        query={period}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { title: first, dataIndex: 'label' },
          { title: c.enterprises, dataIndex: 'count', align: 'right' },
        ]}
        chart={
          <Chart
            label={title}
            option={
              column
                ? columnOption(
                    rows.map((r) => r.label),
                    rows.map((r) => r.count),
                    c.enterprises,
                  )
                : barOption(
                    rows.map((r) => r.label),
                    rows.map((r) => r.count),
                    c.enterprises,
                  )
            }
            height={column ? 260 : Math.max(200, rows.length * 28)}
          />
        }
        pageSize={20}
      />
    );
  };
  return (
    <Section id="ins-enterprises" title={t.sections.enterprises}>
      {dist(
        'ins-ent-growth',
        'enterprises-growth',
        t.tables.enterprisesGrowthMonth,
        c.month,
        d.enterprises.growthByMonth,
        true,
        n.period,
      )}
      {dist(
        'ins-ent-street',
        'enterprises-street',
        t.tables.enterprisesStreet,
        c.street,
        d.enterprises.byStreet,
        false,
        n.street,
      )}
      {dist(
        'ins-ent-industry',
        'enterprises-industry',
        t.tables.enterprisesIndustry,
        c.industry,
        d.enterprises.byIndustry,
        false,
        n.industry,
      )}
      {dist(
        'ins-ent-size',
        'enterprises-size',
        t.tables.enterprisesSize,
        c.size,
        d.enterprises.bySize,
        false,
        n.size,
      )}
    </Section>
  );
}

type ProgramRow = Dashboard['claims']['byProgram'][number];

function Claims({ d, period }: { d: Dashboard; period: Period }) {
  const t = useT().insights;
  const c = t.columns;
  const totals = d.claims.totals;
  const rows: ProgramRow[] = [
    ...d.claims.byProgram,
    { key: 'total', label: t.total, department: '', ...totals },
  ];
  return (
    <Section id="ins-claims" title={t.sections.claims}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.applications} value={totals.applications} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.approved} value={totals.approved} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.paidWan} value={wan(totals.paidWan)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.benefited} value={totals.enterprises} />
        </Col>
      </Row>
      <TableCard<ProgramRow>
        id="ins-claims-program"
        title={t.tables.claimsProgram}
        table="claims-program"
        query={period}
        rows={rows}
        rowKey={(r) => r.key}
        pageSize={15}
        columns={[
          { title: c.program, dataIndex: 'label', width: 260 },
          { title: c.reviewer, dataIndex: 'department' },
          { title: c.applications, dataIndex: 'applications', align: 'right' },
          { title: c.approved, dataIndex: 'approved', align: 'right' },
          { title: c.paidWan, key: 'paid', align: 'right', render: (_, r) => wan(r.paidWan) },
          { title: c.benefited, dataIndex: 'enterprises', align: 'right' },
        ]}
      />
    </Section>
  );
}

type StreetRow = Dashboard['buildings']['byStreet'][number];
type HotRow = Dashboard['buildings']['hot'][number];

function Buildings({ d, period }: { d: Dashboard; period: Period }) {
  const t = useT().insights;
  const c = t.columns;
  const b = d.buildings;
  const rows: StreetRow[] = [...b.byStreet, { ...b, key: 'total', label: t.total }];
  return (
    <Section id="ins-buildings" title={t.sections.buildings}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        <Tile nav="buildings" title={t.tiles.buildings} value={b.count} />
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.vacancy} value={percent(b.vacancyRate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.yiYuan} value={b.yiYuan} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.qianWanYuan} value={b.qianWanYuan} />
        </Col>
      </Row>
      <TableCard<StreetRow>
        id="ins-buildings-street"
        stacked
        title={t.tables.buildingsStreet}
        table="buildings-street"
        query={period}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { title: c.street, dataIndex: 'label' },
          { title: c.buildings, dataIndex: 'count', align: 'right' },
          { title: c.leasable, key: 'l', align: 'right', render: (_, r) => area(r.leasableArea) },
          { title: c.vacant, key: 'v', align: 'right', render: (_, r) => area(r.vacantArea) },
          { title: c.vacancy, key: 'r', align: 'right', render: (_, r) => percent(r.vacancyRate) },
          { title: c.yiYuan, dataIndex: 'yiYuan', align: 'right' },
          { title: c.qianWanYuan, dataIndex: 'qianWanYuan', align: 'right' },
        ]}
        chart={
          <Chart
            label={t.tables.buildingsStreet}
            option={barOption(
              b.byStreet.map((r) => r.label),
              b.byStreet.map((r) => (r.vacancyRate === null ? null : Math.round(r.vacancyRate * 1000) / 10)),
              `${c.vacancy} %`,
            )}
            height={Math.max(200, b.byStreet.length * 28)}
          />
        }
      />
      <TableCard<HotRow>
        id="ins-buildings-hot"
        title={t.tables.buildingsHot}
        table="buildings-hot"
        query={period}
        rows={b.hot}
        rowKey={(r) => r.id}
        columns={[
          { title: c.rank, dataIndex: 'rank', align: 'right', width: 64 },
          {
            title: c.building,
            key: 'n',
            render: (_, r) => <Link to={`/buildings/${r.id}`}>{r.name}</Link>,
          },
          { title: c.street, dataIndex: 'street' },
          { title: c.vacancy, key: 'v', align: 'right', render: (_, r) => percent(r.vacancyRate) },
        ]}
        note={t.hotNote}
      />
    </Section>
  );
}

type TermRow = { rank: number; term: string; count: number; days: number };

function SearchTerms({ d, period }: { d: Dashboard; period: Period }) {
  const t = useT().insights;
  const c = t.columns;
  const [scope, setScope] = useState<string>('policies');
  const current = d.searchTerms.find((s) => s.scope === scope) ?? d.searchTerms[0];
  const rows: TermRow[] = (current?.terms ?? []).map((x, i) => ({ ...x, rank: i + 1 }));
  return (
    <Section id="ins-terms" title={t.sections.searchTerms}>
      <Segmented<string>
        className="qifu-ins-switch"
        value={scope}
        onChange={setScope}
        options={d.searchTerms.map((s) => ({
          value: s.scope,
          label: t.scopeCount(t.scopes[s.scope] ?? s.label, s.terms.length),
        }))}
      />
      <TableCard<TermRow>
        id="ins-search-terms"
        title={`${t.tables.searchTerms} · ${t.scopes[scope] ?? scope}`}
        table="search-terms"
        query={period}
        rows={rows}
        rowKey={(r) => r.term}
        pageSize={10}
        columns={[
          { title: c.rank, dataIndex: 'rank', align: 'right', width: 64 },
          { title: c.term, dataIndex: 'term' },
          { title: c.count, dataIndex: 'count', align: 'right' },
          { title: c.days, dataIndex: 'days', align: 'right' },
        ]}
        chart={
          rows.length ? (
            <Chart
              label={t.tables.searchTerms}
              option={barOption(
                rows.slice(0, 15).map((r) => r.term),
                rows.slice(0, 15).map((r) => r.count),
                c.count,
              )}
              height={Math.max(220, Math.min(15, rows.length) * 24)}
            />
          ) : undefined
        }
      />
    </Section>
  );
}
