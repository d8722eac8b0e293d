import { Alert, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { AppealRateRow, DistributionRow, PublicInsights } from '../../../shared/insights-api';
import { canSee, navItem } from '../../app/access';
import { LoadError, PageHeader } from '../../app/components';
import { useT } from '../../app/prefs';
import { StatTile } from '../../app/StatTile';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { barOption, columnOption, ratesOption } from './charts';
import { Chart, TableCard } from './components';
import { cellText, cellValue, percent, shanghaiTime, wan } from './format';
import { useRowLabels } from './labels';
import './insights.css';

const RATE_KEYS = ['responseRate', 'onTimeReplyRate', 'solvedRate', 'satisfactionRate'] as const;

/** /services/statistics: the district's open figures (SPEC §2.8), small cells shown as "<5". */
export function PublicStatisticsPage() {
  const m = useT();
  const t = m.insights;
  const { user } = useSession();
  const data = useApi<PublicInsights>('/insights/public');
  const d = data.data;
  const canDashboard = canSee(navItem('insights'), user);
  return (
    <div className="qifu-container qifu-page qifu-ins">
      <PageHeader
        title={t.publicTitle}
        intro={t.publicIntro}
        extra={canDashboard ? <Link to="/workbench/insights">{t.toDashboard}</Link> : null}
      />
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {!d && data.loading ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {d ? (
        <>
          <Typography.Paragraph type="secondary" className="qifu-ins-asof">
            {t.asOf(shanghaiTime(d.asOf))} · {t.periodShort(d.from, d.to)}
          </Typography.Paragraph>
          <Alert type="info" showIcon title={t.suppressedNote} className="qifu-ins-note-top" />
          <Enterprises d={d} />
          <Appeals d={d} />
          <Claims d={d} />
          <Buildings d={d} />
          <SearchTerms d={d} />
        </>
      ) : null}
    </div>
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

function distribution(
  id: string,
  table: string,
  title: string,
  first: string,
  rows: DistributionRow[],
  counts: string,
  kind: 'bar' | 'column',
  name: (key: string, label: string) => string,
) {
  const named = rows.map((r) => ({ ...r, label: name(r.key, r.label) }));
  const labels = named.map((r) => r.label);
  const values = rows.map((r) => cellValue(r.count));
  return (
    <TableCard<DistributionRow>
      id={id}
      title={title}
      table={table}
      rows={named}
      rowKey={(r) => r.key}
      columns={[
        { title: first, dataIndex: 'label' },
        { title: counts, key: 'count', align: 'right', render: (_, r) => cellText(r.count) },
      ]}
      chart={
        <Chart
          label={title}
          option={kind === 'bar' ? barOption(labels, values, counts) : columnOption(labels, values, counts)}
          height={kind === 'bar' ? Math.max(200, rows.length * 28) : 260}
        />
      }
      pageSize={20}
    />
  );
}

function Enterprises({ d }: { d: PublicInsights }) {
  const m = useT();
  const t = m.insights;
  const c = t.columns;
  const n = useRowLabels();
  return (
    <Section id="ins-enterprises" title={t.sections.enterprises}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.enterprises} value={d.enterprises.total} />
        </Col>
      </Row>
      {distribution(
        'ins-ent-street',
        'public-enterprises-street',
        t.tables.enterprisesStreet,
        c.street,
        d.enterprises.byStreet,
        c.enterprises,
        'bar',
        n.street,
      )}
      {distribution(
        'ins-ent-industry',
        'public-enterprises-industry',
        t.tables.enterprisesIndustry,
        c.industry,
        d.enterprises.byIndustry,
        c.enterprises,
        'bar',
        n.industry,
      )}
      {distribution(
        'ins-ent-size',
        'public-enterprises-size',
        t.tables.enterprisesSize,
        c.size,
        d.enterprises.bySize,
        c.enterprises,
        'bar',
        n.size,
      )}
      {distribution(
        'ins-ent-growth',
        'public-enterprises-growth',
        t.tables.enterprisesGrowth,
        c.year,
        d.enterprises.growth,
        c.enterprises,
        'column',
        n.period,
      )}
    </Section>
  );
}

export function RateDefinitions() {
  const m = useT();
  const t = m.insights;
  const rates = m.appealsStaff.supervision.rates;
  return (
    <details className="qifu-ins-formulas">
      <summary>{t.formulasTitle}</summary>
      <dl>
        {RATE_KEYS.map((k) => (
          <div key={k}>
            <dt>{rates[k]}</dt>
            <dd>{t.formulas[k]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Appeals({ d }: { d: PublicInsights }) {
  const m = useT();
  const t = m.insights;
  const rates = m.appealsStaff.supervision.rates;
  const n = useRowLabels();
  const months = d.appeals.byMonth.map((r) => ({ ...r, label: n.period(r.key, r.label) }));
  const rows = [...months, { ...d.appeals.totals, key: 'total', label: t.total }];
  const option = ratesOption(
    months.map((r) => r.label),
    RATE_KEYS.map((k) => ({ name: rates[k], values: months.map((r) => r[k]) })),
  );
  const totals = d.appeals.totals;
  return (
    <Section id="ins-appeals" title={t.sections.appeals}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        <StatTile to="/services/appeals" title={t.tiles.appeals} value={cellText(totals.submitted)} />
        {RATE_KEYS.map((k) => (
          <Col xs={12} md={6} key={k}>
            <Statistic title={rates[k]} value={percent(totals[k])} />
          </Col>
        ))}
      </Row>
      <TableCard<AppealRateRow>
        id="ins-appeals-month"
        title={t.tables.appealsMonth}
        table="public-appeals-month"
        rows={rows}
        rowKey={(r) => r.key ?? r.label}
        chart={<Chart label={t.tables.appealsMonth} option={option} height={300} />}
        columns={[
          { title: t.columns.month, dataIndex: 'label' },
          { title: t.columns.submitted, key: 'n', align: 'right', render: (_, r) => cellText(r.submitted) },
          ...RATE_KEYS.map((k) => ({
            title: rates[k],
            key: k,
            align: 'right' as const,
            render: (_: unknown, r: AppealRateRow) => percent(r[k]),
          })),
        ]}
        note={<RateDefinitions />}
      />
    </Section>
  );
}

type ProgramRow = PublicInsights['claims']['byProgram'][number];

function Claims({ d }: { d: PublicInsights }) {
  const t = useT().insights;
  const rows: ProgramRow[] = [
    ...d.claims.byProgram,
    { key: 'total', label: t.total, paidWan: d.claims.paidWan, enterprises: d.claims.enterprises },
  ];
  return (
    <Section id="ins-claims" title={t.sections.claims}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        <StatTile to="/services/policies" title={t.tiles.paidWan} value={wan(d.claims.paidWan)} />
        <Col xs={12} md={6}>
          <Statistic title={t.tiles.benefited} value={cellText(d.claims.enterprises)} />
        </Col>
      </Row>
      <TableCard<ProgramRow>
        id="ins-claims-program"
        title={t.tables.claimsProgram}
        table="public-claims-program"
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { title: t.columns.program, dataIndex: 'label' },
          { title: t.columns.paidWan, key: 'paid', align: 'right', render: (_, r) => wan(r.paidWan) },
          { title: t.columns.benefited, key: 'n', align: 'right', render: (_, r) => cellText(r.enterprises) },
        ]}
      />
    </Section>
  );
}

type HotRow = PublicInsights['buildings']['hot'][number];

function Buildings({ d }: { d: PublicInsights }) {
  const t = useT().insights;
  const b = d.buildings;
  return (
    <Section id="ins-buildings" title={t.sections.buildings}>
      <Row gutter={[16, 16]} className="qifu-ins-tiles">
        <StatTile to="/services/buildings" title={t.tiles.buildings} value={b.count} />
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
      <TableCard<HotRow>
        id="ins-buildings-hot"
        title={t.tables.buildingsHot}
        table="public-buildings-hot"
        rows={b.hot}
        rowKey={(r) => r.id}
        columns={[
          { title: t.columns.rank, dataIndex: 'rank', align: 'right', width: 64 },
          {
            title: t.columns.building,
            key: 'name',
            render: (_, r) => <Link to={`/buildings/${r.id}`}>{r.name}</Link>,
          },
          { title: t.columns.street, dataIndex: 'street' },
          { title: t.columns.vacancy, key: 'v', align: 'right', render: (_, r) => percent(r.vacancyRate) },
        ]}
        note={t.hotNote}
      />
    </Section>
  );
}

type TermRow = PublicInsights['searchTerms'][number];

function SearchTerms({ d }: { d: PublicInsights }) {
  const t = useT().insights;
  const rows = d.searchTerms;
  return (
    <Section id="ins-terms" title={t.sections.searchTerms}>
      <TableCard<TermRow>
        id="ins-search-terms"
        title={t.tables.searchTermsPublic}
        table="public-search-terms"
        rows={rows}
        rowKey={(r) => r.term}
        columns={[
          { title: t.columns.rank, key: 'rank', align: 'right', width: 64, render: (_, _r, i) => i + 1 },
          { title: t.columns.term, dataIndex: 'term' },
          { title: t.columns.count, dataIndex: 'count', align: 'right' },
        ]}
        chart={
          rows.length ? (
            <Chart
              label={t.tables.searchTermsPublic}
              option={barOption(
                rows.slice(0, 10).map((r) => r.term),
                rows.slice(0, 10).map((r) => r.count),
                t.columns.count,
              )}
              height={300}
            />
          ) : undefined
        }
        note={t.searchTermsNote}
      />
    </Section>
  );
}
