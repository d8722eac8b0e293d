import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import { ApiError } from '../../../app/api';
import { LinkButton, LoadError } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { WorkbenchNotFound } from '../../workbench/WorkbenchNotFound';
import { ProfileView } from '../profile/ProfileView';
import { useVisitHistoryTabs } from '../visits/EnterpriseVisitsTab';
import { StaffMembers } from './StaffMembers';

/** One enterprise's profile as staff see it: editable and verifiable by its liaison and the administrator. */
export function EnterpriseDetailPage() {
  const m = useT();
  const id = useParams().id ?? '';
  const res = useApi<EnterpriseProfile>(`/enterprises/${encodeURIComponent(id)}`);
  const [profile, setProfile] = useState<EnterpriseProfile | undefined>(undefined);
  useEffect(() => {
    if (res.data) setProfile(res.data);
  }, [res.data]);
  const visitTabs = useVisitHistoryTabs(profile);

  if (res.error instanceof ApiError && res.error.status === 404) return <WorkbenchNotFound />;
  return (
    <Flex vertical gap={16}>
      <div>
        <LinkButton to="/workbench/enterprises" icon={<ArrowLeftOutlined />} type="link">
          {m.enterprises.backToList}
        </LinkButton>
      </div>
      {res.error && !profile ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : !profile ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <ProfileView
          profile={profile}
          onChange={setProfile}
          reload={res.reload}
          extraTabs={[
            ...(profile.permissions.manageMembers
              ? [{ key: 'members', label: m.center.membersTab, children: <StaffMembers profile={profile} /> }]
              : []),
            ...visitTabs,
          ]}
        />
      )}
    </Flex>
  );
}
