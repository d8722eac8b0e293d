import { Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatShanghai } from '../../../shared/format';
import type { OutboxEntry, OutboxList, OutboxStatus } from '../../../shared/notifications';
import { LoadError } from '../../app/components';
import { useT } from '../../app/prefs';
import { useApi } from '../../app/useApi';
import { usePaging } from '../../app/usePaging';

const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'blue', sent: 'green', failed: 'red' };

/** 短信和邮件发送记录 (administrator): the outbox, newest first, by status and channel; recipients masked. */
export function OutboxPanel() {
  const m = useT();
  const t = m.notifications;
  const o = t.outbox;
  const [status, setStatus] = useState<OutboxStatus | 'all'>('all');
  const [channel, setChannel] = useState<string | undefined>(undefined);
  const paging = usePaging();
  const list = useApi<OutboxList>('/notifications/outbox', {
    status: status === 'all' ? undefined : status,
    channel,
    ...paging.query,
  });
  const counts = list.data?.counts;
  const label = (s: OutboxStatus) => (counts ? o.statusCount(o.statuses[s] ?? s, counts[s]) : o.statuses[s]);

  return (
    <div>
      <Typography.Paragraph type="secondary">{o.intro}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" className="qifu-filters">
        <Segmented<OutboxStatus | 'all'>
          value={status}
          onChange={(v) => {
            setStatus(v);
            paging.reset();
          }}
          options={[
            { value: 'all', label: o.all },
            { value: 'pending', label: label('pending') },
            { value: 'sent', label: label('sent') },
            { value: 'failed', label: label('failed') },
          ]}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={o.allChannels}
          aria-label={o.channel}
          value={channel}
          onChange={(v) => {
            setChannel(v);
            paging.reset();
          }}
          options={Object.entries(o.channels).map(([value, l]) => ({ value, label: l }))}
        />
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<OutboxEntry>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={paging.table(list.data?.total)}
        locale={{ emptyText: o.empty }}
        columns={[
          { title: o.createdAt, dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
          { title: o.kind, dataIndex: 'kind', render: (k: string) => t.kinds[k] ?? k },
          { title: o.channel, dataIndex: 'channel', render: (c: string) => o.channels[c] ?? c },
          {
            title: o.recipient,
            dataIndex: 'recipientMasked',
            render: (v: string) => <span className="qifu-code">{v}</span>,
          },
          {
            title: o.status,
            dataIndex: 'status',
            render: (s: OutboxStatus, r) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={STATUS_COLORS[s]}>{o.statuses[s] ?? s}</Tag>
                </span>
                {s === 'pending' && r.attempts > 0 ? (
                  <Typography.Text type="secondary" className="qifu-small">
                    {o.nextAttemptAt(formatShanghai(r.nextAttemptAt))}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: o.attempts, dataIndex: 'attempts', align: 'right' },
          {
            title: o.lastError,
            dataIndex: 'lastError',
            render: (v: string | null) =>
              v ? (
                <Typography.Text type="danger" className="qifu-outbox-error">
                  {v}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: o.sentAt,
            dataIndex: 'sentAt',
            render: (v: string | null) => (v ? formatShanghai(v) : '—'),
          },
        ]}
      />
    </div>
  );
}
