import { PlusOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { Link } from 'react-router';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import type { VisitList } from '../../../../shared/visits-api';
import { hasAnyRole } from '../../../app/access';
import { LinkButton, LoadError } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { visitApi, visitPages } from './paths';
import { VisitTable } from './VisitTable';

/**
 * The 走访记录 tab of the staff enterprise page, for the enterprise's liaison and the leader (the server answers
 * 404 to anyone else, so nobody else is offered the tab).
 */
export function useVisitHistoryTabs(profile: EnterpriseProfile | undefined) {
  const m = useT();
  const { user } = useSession();
  if (!profile || !user) return [];
  const leader = hasAnyRole(user, ['leader']);
  const ownLiaison = hasAnyRole(user, ['liaison']) && profile.liaison?.id === user.id;
  if (!leader && !ownLiaison) return [];
  return [
    {
      key: 'visits',
      label: m.visits.title,
      children: <EnterpriseVisits enterpriseId={profile.id} canAdd={ownLiaison} />,
    },
  ];
}

function EnterpriseVisits({ enterpriseId, canAdd }: { enterpriseId: string; canAdd: boolean }) {
  const m = useT();
  const paging = usePaging({ pageSize: 10, sizeChanger: false });
  const list = useApi<VisitList>(visitApi.ofEnterprise(enterpriseId), paging.query);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} justify="space-between" align="center" wrap>
        <Link to={visitPages.ofEnterprise(enterpriseId)}>{m.visits.history.all}</Link>
        {canAdd ? (
          <LinkButton icon={<PlusOutlined />} to={visitPages.create(enterpriseId)}>
            {m.visits.history.add}
          </LinkButton>
        ) : null}
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <VisitTable
        rows={list.data?.items ?? []}
        loading={list.loading}
        pagination={paging.table(list.data?.total)}
        showEnterprise={false}
        showLiaison
      />
    </Flex>
  );
}
