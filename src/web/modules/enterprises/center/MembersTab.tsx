import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Binding, Member } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { api, type Page } from '../../../app/api';
import { LoadError } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { applyApiError } from '../../../app/form-errors';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';

/**
 * 成员管理 for the enterprise admin: colleagues join by binding the same USCC; the admin confirms or rejects their
 * requests here and may remove members. (An admin's own binding is only changed by staff.)
 */
export function MembersTab({ enterpriseId }: { enterpriseId: string }) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const { user } = useSession();
  const members = useApi<{ items: Member[] }>(`/enterprises/${encodeURIComponent(enterpriseId)}/members`);
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
  const remove = async (mem: Member) => {
    try {
      await api.delete(
        `/enterprises/${encodeURIComponent(enterpriseId)}/members/${encodeURIComponent(mem.userId)}`,
      );
      message.success(m.center.memberRemoved(mem.displayName));
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
        <Table<Member>
          rowKey="userId"
          size="small"
          pagination={false}
          loading={members.loading}
          scroll={{ x: 'max-content' }}
          dataSource={members.data?.items ?? []}
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
            {
              title: m.common.actions,
              key: 'actions',
              render: (_, mem) =>
                mem.role === 'enterprise_member' && mem.userId !== user?.id ? (
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
                ) : (
                  '—'
                ),
            },
          ]}
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

/** 驳回 with the reason the applicant will read; shared by the enterprise admin and staff review. */
export function RejectModal({ binding, onClose }: { binding: Binding; onClose(done: boolean): void }) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (v: { reason: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.post(`/enterprises/bindings/${encodeURIComponent(binding.id)}/reject`, {
        reason: v.reason.trim(),
      });
      message.success(m.bindings.rejected);
      onClose(true);
    } catch (e) {
      setFailure(applyApiError(form, e, describe));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={m.bindings.rejectTitle(binding.user.displayName, binding.enterprise.name)}
      okText={m.bindings.reject}
      okButtonProps={{ danger: true }}
      cancelText={m.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {failure ? <Typography.Paragraph type="danger">{failure}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={m.bindings.reason}
          extra={m.bindings.reasonHint}
          rules={[{ required: true, whitespace: true, message: m.bindings.reasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
