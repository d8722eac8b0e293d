import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Steps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../../shared/accounts';
import type { Binding, EnterpriseProfile } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
// appeals (issue 4): the 我的诉求 card
import { AppealsCard } from '../../appeals/enterprise/AppealsCard';
import { PolicyServicesCard } from '../../policies/enterprise/PolicyServicesCard';
import { ProfileView } from '../profile/ProfileView';
import { BindForm } from './BindForm';
import { MembersTab } from './MembersTab';

/** 企业中心: bind an enterprise, then keep its profile (一企一档) and, as its admin, its members. */
export function EnterpriseCenter() {
  const m = useT();
  const { user } = useSession();
  const location = useLocation();
  const welcome = (location.state as { welcome?: boolean } | null)?.welcome === true;
  if (!user) return null;
  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={m.center.title} intro={m.center.intro(user.displayName)} />
      {welcome && !user.enterprise ? (
        <Alert
          type="success"
          showIcon
          className="qifu-block"
          title={m.center.welcome}
          description={m.center.welcomeText}
        />
      ) : null}
      {user.enterprise ? (
        <BoundCenter user={user} enterpriseId={user.enterprise.id} />
      ) : (
        <Unbound user={user} />
      )}
    </div>
  );
}

function Unbound({ user }: { user: Me }) {
  const m = useT();
  const { refresh } = useSession();
  const mine = useApi<Page<Binding>>('/enterprises/bindings', { pageSize: 5 });
  const latest = mine.data?.items[0];
  const [refreshing, setRefreshing] = useState(false);

  const reloadStatus = async () => {
    setRefreshing(true);
    await refresh();
    mine.reload();
    setRefreshing(false);
  };

  if (user.pendingBinding) {
    const pb = user.pendingBinding;
    return (
      <Card title={m.center.pendingTitle}>
        <Steps
          className="qifu-block"
          current={1}
          items={[
            { title: m.center.stepApply, content: formatShanghai(pb.requestedAt) },
            { title: m.center.stepConfirm, content: m.center.stepConfirmText },
            { title: m.center.stepProfile },
          ]}
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'name', label: m.center.enterpriseName, children: pb.enterpriseName },
            { key: 'uscc', label: m.center.uscc, children: <span className="qifu-code">{pb.uscc}</span> },
            {
              key: 'status',
              label: m.center.status,
              children: <Tag color="gold">{m.bindings.statuses.pending}</Tag>,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" className="qifu-top-gap">
          {m.center.pendingText}
        </Typography.Paragraph>
        <Button icon={<ReloadOutlined />} onClick={reloadStatus} loading={refreshing}>
          {m.center.refreshStatus}
        </Button>
      </Card>
    );
  }

  return (
    <Flex vertical gap={16}>
      {latest && (latest.status === 'rejected' || latest.status === 'removed') ? (
        <Alert
          type="warning"
          showIcon
          title={
            latest.status === 'rejected'
              ? m.center.rejectedTitle(latest.enterprise.name)
              : m.center.removedTitle(latest.enterprise.name)
          }
          description={latest.note ? m.center.reason(latest.note) : undefined}
        />
      ) : null}
      <BindForm onBound={() => void reloadStatus()} />
      <ServicesPreview />
    </Flex>
  );
}

function BoundCenter({ user, enterpriseId }: { user: Me; enterpriseId: string }) {
  const m = useT();
  const { refresh } = useSession();
  const mine = useApi<EnterpriseProfile>('/enterprises/mine');
  const [profile, setProfile] = useState<EnterpriseProfile | undefined>(undefined);
  useEffect(() => {
    if (mine.data) setProfile(mine.data);
  }, [mine.data]);

  if (mine.error && !profile) {
    return (
      <LoadError
        error={mine.error}
        onRetry={() => {
          void refresh();
          mine.reload();
        }}
      />
    );
  }
  if (!profile) return <Skeleton active paragraph={{ rows: 8 }} />;
  const isAdmin = user.roles.includes('enterprise_admin');
  return (
    <Flex vertical gap={16}>
      <ProfileView
        profile={profile}
        onChange={setProfile}
        reload={mine.reload}
        extraTabs={
          isAdmin
            ? [
                {
                  key: 'members',
                  label: m.center.membersTab,
                  children: <MembersTab enterpriseId={enterpriseId} />,
                },
              ]
            : []
        }
      />
      <PolicyServicesCard />
      {/* appeals (issue 4) */}
      <AppealsCard />
    </Flex>
  );
}

/** Where each upcoming service of `center.upcoming` is described, in the same order. */
const UPCOMING_PATHS = ['/services/self-test', '/services/appeals', '/services/policies'];

/** The platform's other services for an enterprise, linking to the services' own pages. */
function ServicesPreview() {
  const m = useT();
  return (
    <Card title={m.center.moreServices}>
      <Row gutter={[16, 16]}>
        {m.center.upcoming.map((s, i) => (
          <Col xs={24} md={8} key={s.title}>
            <Link to={UPCOMING_PATHS[i] ?? '/'} className="qifu-quick-link qifu-upcoming">
              <span>
                <strong>{s.title}</strong>
                <br />
                <Typography.Text type="secondary">{s.text}</Typography.Text>
              </span>
              <Tag color="green">{m.home.available}</Tag>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
