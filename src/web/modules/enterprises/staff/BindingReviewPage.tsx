import { WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Binding, BindingStatus } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { api, type Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { MaskedValue } from '../../../app/MaskedValue';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { RejectModal } from '../members/RejectModal';

const STATUS_COLORS: Record<BindingStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
  removed: 'default',
};

/**
 * 绑定审核: staff confirm that an applicant really belongs to the enterprise before he may act for it. The name
 * the applicant typed is shown beside the registered one so a mismatch stands out.
 */
export function BindingReviewPage() {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const [status, setStatus] = useState<BindingStatus | 'all'>('pending');
  const paging = usePaging({ sizeChanger: false });
  const list = useApi<Page<Binding>>('/enterprises/bindings', {
    status: status === 'all' ? undefined : status,
    ...paging.query,
  });
  const [rejecting, setRejecting] = useState<Binding | null>(null);

  const confirm = async (b: Binding) => {
    try {
      const res = await api.post<Binding>(`/enterprises/bindings/${encodeURIComponent(b.id)}/confirm`);
      message.success(m.bindings.confirmed(b.user.displayName, m.roles[res.role]));
      list.reload();
    } catch (e) {
      message.error(describe(e));
      list.reload();
    }
  };

  return (
    <div>
      <PageHeader title={m.workbench.menu.bindings} intro={m.bindings.intro} />
      <Card>
        <Segmented<BindingStatus | 'all'>
          className="qifu-block"
          value={status}
          aria-label={m.bindings.filter}
          onChange={(v) => {
            setStatus(v);
            paging.reset();
          }}
          options={[
            { value: 'pending', label: m.bindings.statuses.pending },
            { value: 'confirmed', label: m.bindings.statuses.confirmed },
            { value: 'rejected', label: m.bindings.statuses.rejected },
            { value: 'all', label: m.bindings.all },
          ]}
        />
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<Binding>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: status === 'pending' ? m.bindings.emptyPending : m.bindings.empty }}
          pagination={paging.table(list.data?.total)}
          columns={[
            {
              title: m.bindings.applicant,
              key: 'user',
              render: (_, b) => (
                <span>
                  {b.user.displayName}
                  <br />
                  {/* Revealable while the binding is open or in force: the liaison may have to call to confirm. */}
                  {b.status === 'pending' || b.status === 'confirmed' ? (
                    <MaskedValue
                      kind="enterprise_member"
                      id={b.user.id}
                      field="phone"
                      value={b.user.phoneMasked}
                    />
                  ) : (
                    <Typography.Text type="secondary">{b.user.phoneMasked ?? '—'}</Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: m.bindings.enterprise,
              key: 'enterprise',
              render: (_, b) => {
                const mismatch = b.claimedName && b.claimedName !== b.enterprise.name;
                return (
                  <span>
                    <Link to={`/workbench/enterprises/${encodeURIComponent(b.enterprise.id)}`}>
                      {b.enterprise.name}
                    </Link>
                    <br />
                    <Typography.Text type="secondary" className="qifu-code">
                      {b.enterprise.uscc}
                    </Typography.Text>
                    {mismatch ? (
                      <div>
                        <Tooltip title={m.bindings.mismatchHint} trigger={['hover', 'focus']}>
                          <Tag icon={<WarningOutlined />} color="orange" tabIndex={0}>
                            {m.bindings.claimedName(b.claimedName!)}
                          </Tag>
                        </Tooltip>
                      </div>
                    ) : null}
                  </span>
                );
              },
            },
            { title: m.bindings.role, dataIndex: 'role', render: (r: Binding['role']) => m.roles[r] },
            {
              title: m.bindings.requestedAt,
              dataIndex: 'requestedAt',
              render: (v: string) => formatShanghai(v),
            },
            {
              title: m.bindings.status,
              key: 'status',
              render: (_, b) => (
                <Flex vertical gap={2}>
                  <Tag color={STATUS_COLORS[b.status]}>{m.bindings.statuses[b.status]}</Tag>
                  {b.decidedAt ? (
                    <Typography.Text type="secondary" className="qifu-small">
                      {m.bindings.decided(b.decidedByName ?? '—', formatShanghai(b.decidedAt))}
                    </Typography.Text>
                  ) : null}
                  {b.note ? (
                    <Typography.Text type="secondary" className="qifu-small">
                      {m.center.reason(b.note)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: m.common.actions,
              key: 'actions',
              fixed: 'right',
              render: (_, b) =>
                b.status === 'pending' ? (
                  <Space size={4}>
                    <Popconfirm
                      title={m.bindings.confirmQuestion(b.user.displayName, b.enterprise.name)}
                      okText={m.bindings.confirm}
                      cancelText={m.common.cancel}
                      onConfirm={() => confirm(b)}
                    >
                      <Button type="link" size="small">
                        {m.bindings.confirm}
                      </Button>
                    </Popconfirm>
                    <Button type="link" size="small" danger onClick={() => setRejecting(b)}>
                      {m.bindings.reject}
                    </Button>
                  </Space>
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
            if (done) list.reload();
          }}
        />
      ) : null}
    </div>
  );
}
