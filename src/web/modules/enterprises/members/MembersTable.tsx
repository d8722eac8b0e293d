import { App, Table, Tag } from 'antd';
import type { Member } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { api } from '../../../app/api';
import { DangerConfirm } from '../../../app/DangerConfirm';
import { useDescribeError } from '../../../app/errors';
import { MaskedValue } from '../../../app/MaskedValue';
import { useT } from '../../../app/prefs';
import type { ApiState } from '../../../app/useApi';

export type MembersState = ApiState<{ items: Member[] }>;

/** GET path of an enterprise's members (one place, since both the enterprise admin and staff read it). */
export function membersPath(enterpriseId: string): string {
  return `/enterprises/${encodeURIComponent(enterpriseId)}/members`;
}

/**
 * The accounts bound to an enterprise, and the 移除 action for those `canRemove` admits (the server decides
 * again: an enterprise admin may remove members, the system administrator anyone). Without `canRemove` the
 * table has no action column at all.
 */
export function MembersTable({
  enterpriseId,
  members,
  canRemove,
  size = 'middle',
}: {
  enterpriseId: string;
  members: MembersState;
  canRemove?: ((member: Member) => boolean) | undefined;
  size?: 'small' | 'middle';
}) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();

  const remove = async (mem: Member) => {
    try {
      await api.delete(`${membersPath(enterpriseId)}/${encodeURIComponent(mem.userId)}`);
      message.success(m.center.memberRemoved(mem.displayName));
      members.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };

  return (
    <Table<Member>
      rowKey="userId"
      size={size}
      pagination={false}
      loading={members.loading}
      scroll={{ x: 'max-content' }}
      dataSource={members.data?.items ?? []}
      locale={{ emptyText: m.center.noMembers }}
      columns={[
        { title: m.center.memberName, dataIndex: 'displayName' },
        {
          title: m.center.memberPhone,
          key: 'phone',
          render: (_, mem) => (
            <MaskedValue kind="enterprise_member" id={mem.userId} field="phone" value={mem.phoneMasked} />
          ),
        },
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
                render: (_: unknown, mem: Member) =>
                  canRemove(mem) ? (
                    <DangerConfirm
                      question={m.center.confirmRemove(mem.displayName)}
                      label={m.center.remove}
                      onConfirm={() => remove(mem)}
                    />
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
