import { App, Button, Popconfirm, Table, Tag } from 'antd';
import type { EnterpriseProfile, Member } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { api } from '../../../app/api';
import { LoadError } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';

/** The enterprise's accounts as staff see them; only the system administrator may remove one. */
export function StaffMembers({ profile }: { profile: EnterpriseProfile }) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const { user } = useSession();
  const members = useApi<{ items: Member[] }>(`/enterprises/${encodeURIComponent(profile.id)}/members`);
  const canRemove = user?.roles.includes('admin') ?? false;

  const remove = async (mem: Member) => {
    try {
      await api.delete(
        `/enterprises/${encodeURIComponent(profile.id)}/members/${encodeURIComponent(mem.userId)}`,
      );
      message.success(m.center.memberRemoved(mem.displayName));
      members.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };

  if (members.error) return <LoadError error={members.error} onRetry={members.reload} />;
  return (
    <Table<Member>
      rowKey="userId"
      size="middle"
      pagination={false}
      loading={members.loading}
      scroll={{ x: 'max-content' }}
      dataSource={members.data?.items ?? []}
      locale={{ emptyText: m.center.noMembers }}
      columns={[
        { title: m.center.memberName, dataIndex: 'displayName' },
        { title: m.center.memberPhone, dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
        {
          title: m.center.memberRole,
          dataIndex: 'role',
          render: (r: Member['role']) => (
            <Tag color={r === 'enterprise_admin' ? 'blue' : 'default'}>{m.roles[r]}</Tag>
          ),
        },
        {
          title: m.center.since,
          dataIndex: 'since',
          render: (v: string | null) => (v ? formatShanghai(v, false) : '—'),
        },
        ...(canRemove
          ? [
              {
                title: m.common.actions,
                key: 'actions',
                render: (_: unknown, mem: Member) => (
                  <Popconfirm
                    title={m.center.confirmRemove(mem.displayName)}
                    okText={m.center.remove}
                    cancelText={m.common.cancel}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(mem)}
                  >
                    <Button type="link" size="small" danger>
                      {m.center.remove}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
