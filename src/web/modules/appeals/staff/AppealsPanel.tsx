import { Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import { hasAnyRole } from '../../../app/access';
import type { Page, Query } from '../../../app/api';
import { useT } from '../../../app/prefs';
import { StatTile } from '../../../app/StatTile';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';

// Part of the dashboard's chunk: kept free of the appeals pages' code and styles.

type TileKey = 'toAccept' | 'toSign' | 'inProgress' | 'overdue' | 'dueSoon';

const TILES: Record<TileKey, { query: Query; to: string }> = {
  toAccept: { query: { view: 'queue', state: 'submitted' }, to: '/workbench/appeals?tab=toAccept' },
  toSign: { query: { view: 'queue', state: 'dispatched' }, to: '/workbench/appeals?tab=toSign' },
  inProgress: { query: { view: 'queue', state: 'signed' }, to: '/workbench/appeals?tab=inProgress' },
  overdue: { query: { view: 'all', sla: 'overdue' }, to: '/workbench/appeals?tab=all&sla=overdue' },
  dueSoon: { query: { view: 'all', sla: 'due_soon' }, to: '/workbench/appeals?tab=all&sla=due_soon' },
};

function Tile({ k }: { k: TileKey }) {
  const m = useT();
  const tile = TILES[k];
  const count = useApi<Page<unknown>>('/appeals', { ...tile.query, pageSize: 1 });
  return (
    <StatTile
      to={tile.to}
      title={m.appealsStaff.dashboard[k]}
      value={count.error ? '—' : count.data?.total}
    />
  );
}

/** The dashboard's appeal figures for dispatchers, handlers and leaders, each leading to the queue behind it. */
export function AppealsPanel() {
  const m = useT();
  const { user } = useSession();
  const keys: TileKey[] = [];
  if (hasAnyRole(user, ['dispatcher'])) keys.push('toAccept');
  if (hasAnyRole(user, ['handler'])) keys.push('toSign', 'inProgress');
  if (hasAnyRole(user, ['dispatcher', 'handler', 'leader'])) keys.push('overdue', 'dueSoon');
  if (keys.length === 0) return null;
  return (
    <Col xs={24}>
      <Card
        title={m.appealsStaff.dashboard.title}
        extra={<Link to="/workbench/appeals">{m.appealsStaff.dashboard.open}</Link>}
      >
        <Row gutter={[16, 16]}>
          {keys.map((k) => (
            <Tile key={k} k={k} />
          ))}
        </Row>
      </Card>
    </Col>
  );
}
