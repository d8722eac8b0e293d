import { Card, Col, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { VisitCoverage } from '../../../../shared/visits-api';
import { useT } from '../../../app/prefs';
import { visitPages } from './paths';

type LiaisonRow = VisitCoverage['liaisons'][number];
type UncoveredRow = VisitCoverage['uncovered'][number];

/** 走访覆盖: the share of enterprises with a liaison visited lately, per liaison, and those not visited. */
export function CoverageView({
  coverage,
  loading,
}: {
  coverage: VisitCoverage | undefined;
  loading: boolean;
}) {
  const m = useT();
  const t = m.visits.coverage;
  if (!coverage) return <Skeleton active loading={loading} paragraph={{ rows: 6 }} />;
  const c = coverage;
  const percent = c.assigned ? Math.round((c.covered / c.assigned) * 100) : 0;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t.asOf(c.asOf, c.days)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t.rate} value={percent} suffix="%" />
            <Progress percent={percent} showInfo={false} aria-label={`${t.rate} ${percent}%`} />
            <Typography.Text type="secondary">{t.coveredOf(c.covered, c.assigned, c.days)}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card>
            <Statistic title={t.visitsInWindow(c.days)} value={c.visitsInWindow} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card>
            <Statistic title={t.visitsInYear} value={c.visitsInYear} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card>
            <Statistic title={t.openProblems} value={c.openProblems} />
          </Card>
        </Col>
      </Row>
      <Card title={t.byLiaison} className="qifu-top-gap">
        <Table<LiaisonRow>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={c.liaisons}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t.liaison,
              dataIndex: 'name',
              render: (v: string, r) => (
                <Link to={`${visitPages.list}?liaison=${encodeURIComponent(r.id)}`}>{v}</Link>
              ),
            },
            { title: t.enterprises, dataIndex: 'enterprises' },
            {
              title: t.covered(c.days),
              key: 'covered',
              render: (_, r) =>
                r.enterprises ? t.coveredCell(r.covered, Math.round((r.covered / r.enterprises) * 100)) : '—',
            },
            { title: t.visitsInWindow(c.days), dataIndex: 'visitsInWindow' },
            { title: t.visitsInYear, dataIndex: 'visitsInYear' },
            { title: t.openProblems, dataIndex: 'openProblems' },
            { title: t.lastVisitedOn, dataIndex: 'lastVisitedOn', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      <Card title={t.uncovered(c.days)} className="qifu-top-gap">
        <Table<UncoveredRow>
          rowKey="id"
          size="middle"
          pagination={c.uncovered.length > 20 ? { pageSize: 20 } : false}
          dataSource={c.uncovered}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.allCovered }}
          columns={[
            {
              title: t.enterprise,
              dataIndex: 'name',
              render: (v: string, r) => <Link to={visitPages.enterprise(r.id)}>{v}</Link>,
            },
            { title: t.street, dataIndex: 'street', render: (v: string | null) => v ?? '—' },
            { title: t.liaison, key: 'liaison', render: (_, r) => r.liaison.name },
            {
              title: t.lastVisitedOn,
              dataIndex: 'lastVisitedOn',
              render: (v: string | null) => v ?? <Typography.Text type="warning">{t.never}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
