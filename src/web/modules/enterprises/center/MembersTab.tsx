import { App, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Binding, Member } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { api, type Page } from '../../../app/api';
import { LoadError } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { MembersTable, membersPath } from '../members/MembersTable';
import { RejectModal } from '../members/RejectModal';

/**
 * 成员管理 for the enterprise admin: colleagues join by binding the same USCC; the admin confirms or rejects their
 * requests here and may remove members. (An admin's own binding is only changed by staff.)
 */
export function MembersTab({ enterpriseId }: { enterpriseId: string }) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const { user } = useSession();
  const members = useApi<{ items: Member[] }>(membersPath(enterpriseId));
  const pending = useApi<Page<Binding>>('/enterprises/bindings', { status: 'pending', pageSize: 100 });
  const requests = (pending.data?.items ?? []).filter(
    (b) => b.enterprise.id === enterpriseId && b.user.id !== user?.id,
  );
  const [rejecting, setRejecting] = useState<Binding | null>(null);

  const confirm = async (b: Binding) => {
    try {
      await api.post(`/enterprises/bindings/${encodeURIComponent(b.id)}/confirm`);
      message.success(m.center.memberConfirmed(b.user.displayName));
      pending.reload();
      members.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary">{m.center.membersIntro}</Typography.Paragraph>
      <Card size="small" title={m.center.pendingRequests(requests.length)}>
        {pending.error ? <LoadError error={pending.error} onRetry={pending.reload} /> : null}
        <Table<Binding>
          rowKey="id"
          size="small"
          pagination={false}
          loading={pending.loading}
          scroll={{ x: 'max-content' }}
          dataSource={requests}
          locale={{ emptyText: m.center.noRequests }}
          columns={[
            { title: m.center.memberName, key: 'name', render: (_, b) => b.user.displayName },
            { title: m.center.memberPhone, key: 'phone', render: (_, b) => b.user.phoneMasked ?? '—' },
            {
              title: m.center.requestedAt,
              dataIndex: 'requestedAt',
              render: (v: string) => formatShanghai(v),
            },
            {
              title: m.common.actions,
              key: 'actions',
              render: (_, b) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => confirm(b)}>
                    {m.bindings.confirm}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setRejecting(b)}>
                    {m.bindings.reject}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={m.center.membersTitle}>
        {members.error ? <LoadError error={members.error} onRetry={members.reload} /> : null}
        <MembersTable
          enterpriseId={enterpriseId}
          members={members}
          size="small"
          // An admin's own binding, and the other admins', are changed by staff only.
          canRemove={(mem) => mem.role === 'enterprise_member' && mem.userId !== user?.id}
        />
      </Card>
      {rejecting ? (
        <RejectModal
          binding={rejecting}
          onClose={(done) => {
            setRejecting(null);
            if (done) pending.reload();
          }}
        />
      ) : null}
    </Flex>
  );
}
