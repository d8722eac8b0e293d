import { CheckOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  List,
  Pagination,
  Segmented,
  Select,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../shared/format';
import type { Notification, NotificationList } from '../../../shared/notifications';
import { api } from '../../app/api';
import { LoadError, PageHeader } from '../../app/components';
import { useDescribeError } from '../../app/errors';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { EnterpriseSubnav } from '../policies/enterprise/EnterpriseSubnav';
import { announceInboxChanged } from './inbox-events';
import { NotificationSettings } from './NotificationSettings';
import { OutboxPanel } from './OutboxPanel';
import './notifications.css';

const PAGE_SIZE = 20;

/** Links in notifications are paths inside this app; anything else is not followed. */
function localLink(link: string | null): string | null {
  if (!link?.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}

type InboxTab = 'messages' | 'settings' | 'outbox';

/**
 * /inbox and /workbench/inbox — 消息中心: what the user was told, newest first (opening one marks it read); his
 * notification settings (`?tab=settings`); for the administrator, the SMS and e-mail log (`?tab=outbox`).
 */
export function InboxPage() {
  const m = useT();
  const t = m.notifications;
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const isAdmin = !!user?.roles.includes('admin');
  const asked = params.get('tab');
  const tab: InboxTab = asked === 'settings' || (asked === 'outbox' && isAdmin) ? asked : 'messages';
  // The page serves both layouts: /workbench/inbox (staff) and /inbox (the portal, where a staff user may land too).
  const inWorkbench = useLocation().pathname.startsWith('/workbench');
  return (
    <div className={inWorkbench ? undefined : 'qifu-container qifu-page'}>
      <PageHeader title={t.title} intro={t.intro} />
      {user?.kind === 'enterprise' ? <EnterpriseSubnav /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'messages' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'messages', label: t.tabs.messages, children: <InboxMessages /> },
            { key: 'settings', label: t.tabs.settings, children: <NotificationSettings /> },
            ...(isAdmin ? [{ key: 'outbox', label: t.tabs.outbox, children: <OutboxPanel /> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}

/** The messages themselves. */
function InboxMessages() {
  const m = useT();
  const t = m.notifications;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useApi<NotificationList>('/notifications', {
    unread: unreadOnly ? 'true' : undefined,
    kind,
    page,
    pageSize: PAGE_SIZE,
  });
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [unread, setUnread] = useState<number | null>(null);
  const unreadCount = unread ?? list.data?.unread ?? 0;

  const markRead = async (n: Notification) => {
    if (n.readAt || readIds.has(n.id)) return;
    try {
      const r = await api.post<{ unread: number }>(`/notifications/${encodeURIComponent(n.id)}/read`);
      setReadIds((s) => new Set(s).add(n.id));
      setUnread(r.unread);
      announceInboxChanged(r.unread);
    } catch (e) {
      message.error(describe(e));
    }
  };

  const open = async (n: Notification) => {
    await markRead(n);
    const to = localLink(n.link);
    if (to) navigate(to);
  };

  const readAll = async () => {
    try {
      const r = await api.post<{ unread: number }>('/notifications/read-all');
      setUnread(r.unread);
      announceInboxChanged(r.unread);
      message.success(t.allRead);
      list.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };

  return (
    <div>
      <Flex gap={12} wrap align="center" className="qifu-filters">
        <Segmented<string>
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t.all },
            { value: 'unread', label: t.unreadOnly },
          ]}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.filterKind}
          aria-label={t.filterKind}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))}
        />
        <Typography.Text type="secondary" aria-live="polite">
          {t.unreadCount(unreadCount)}
        </Typography.Text>
        <Button
          icon={<CheckOutlined />}
          onClick={readAll}
          disabled={unreadCount === 0}
          className="qifu-inbox-read-all"
        >
          {t.markAllRead}
        </Button>
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <List<Notification>
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: unreadOnly ? t.emptyUnread : t.empty }}
        renderItem={(n) => {
          const isUnread = !n.readAt && !readIds.has(n.id);
          const link = localLink(n.link);
          return (
            <List.Item
              key={n.id}
              className={isUnread ? 'qifu-inbox-item is-unread' : 'qifu-inbox-item'}
              actions={[
                link ? (
                  <Button key="open" type="link" onClick={() => void open(n)}>
                    {t.open}
                  </Button>
                ) : null,
                isUnread ? (
                  <Button key="read" type="link" onClick={() => void markRead(n)}>
                    {t.markRead}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap>
                    {isUnread ? (
                      <Badge
                        status="processing"
                        text={<span className="qifu-visually-hidden">{t.unread}</span>}
                      />
                    ) : null}
                    <Tag>{t.kinds[n.kind] ?? n.kind}</Tag>
                    {link ? (
                      <a
                        href={link}
                        onClick={(e) => {
                          e.preventDefault();
                          void open(n);
                        }}
                        className="qifu-inbox-title"
                      >
                        {n.title}
                      </a>
                    ) : (
                      <span className="qifu-inbox-title">{n.title}</span>
                    )}
                  </Flex>
                }
                description={
                  <>
                    <div className="qifu-prewrap">{n.body}</div>
                    <Typography.Text type="secondary" className="qifu-small">
                      {formatShanghai(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      {(list.data?.total ?? 0) > PAGE_SIZE ? (
        <Pagination
          className="qifu-top-gap"
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          showSizeChanger={false}
          onChange={setPage}
        />
      ) : null}
    </div>
  );
}
