import { Col, Statistic } from 'antd';
import { Link } from 'react-router';

/**
 * One figure of a dashboard panel, leading to the page behind it. `value` undefined means "still loading";
 * a figure that cannot be had is given as '—' by the caller.
 */
export function StatTile({
  to,
  title,
  value,
}: {
  to: string;
  title: string;
  value: string | number | undefined;
}) {
  return (
    <Col xs={12} md={6}>
      <Link to={to} className="qifu-stat-link">
        <Statistic title={title} value={value ?? '—'} loading={value === undefined} />
      </Link>
    </Col>
  );
}
