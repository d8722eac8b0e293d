import { Card, Col, Row } from 'antd';
import type { Binding, EnterpriseSummary } from '../../../../shared/enterprises';
import { ENTERPRISE_READER_ROLES } from '../../../../shared/roles';
import { BINDING_REVIEW_ROLES, ENTERPRISE_LIST_ROLES, hasAnyRole } from '../../../app/access';
import type { Page } from '../../../app/api';
import { LoadError } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { StatTile } from '../../../app/StatTile';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';

/** Dashboard figures for the roles that work with enterprises: how many, and how many bindings wait. */
export function EnterprisePanel() {
  const { user } = useSession();
  if (!hasAnyRole(user, ENTERPRISE_LIST_ROLES)) return null;
  return (
    <EnterpriseFigures
      reviewer={hasAnyRole(user, BINDING_REVIEW_ROLES)}
      liaison={hasAnyRole(user, ['liaison'])}
      districtWide={hasAnyRole(user, ENTERPRISE_READER_ROLES)}
    />
  );
}

function EnterpriseFigures({
  reviewer,
  liaison,
  districtWide,
}: {
  reviewer: boolean;
  liaison: boolean;
  districtWide: boolean;
}) {
  const m = useT();
  // A liaison without a district-wide role already sees only his own enterprises in the unfiltered list.
  const all = useApi<Page<EnterpriseSummary>>(districtWide ? '/enterprises' : null, { pageSize: 1 });
  const mine = useApi<Page<EnterpriseSummary>>(liaison ? '/enterprises' : null, {
    pageSize: 1,
    liaison: 'me',
  });
  const pending = useApi<Page<Binding>>(reviewer ? '/enterprises/bindings' : null, {
    status: 'pending',
    pageSize: 1,
  });
  const error = all.error || mine.error || pending.error;
  return (
    <Col xs={24}>
      <Card title={m.dashboard.enterpriseTitle}>
        {error ? (
          <LoadError error={error} />
        ) : (
          <Row gutter={[16, 16]}>
            {districtWide ? (
              <StatTile to="/workbench/enterprises" title={m.dashboard.enterprises} value={all.data?.total} />
            ) : null}
            {liaison ? (
              <StatTile
                to="/workbench/enterprises"
                title={m.dashboard.myEnterprises}
                value={mine.data?.total}
              />
            ) : null}
            {reviewer ? (
              <StatTile
                to="/workbench/bindings"
                title={m.dashboard.pendingBindings}
                value={pending.data?.total}
              />
            ) : null}
          </Row>
        )}
      </Card>
    </Col>
  );
}
