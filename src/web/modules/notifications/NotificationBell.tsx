import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { LinkButton } from '../../app/components';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { inboxPath, onInboxChanged } from './inbox-events';
import './notifications.css';

/** How often the bell asks for the unread count while the page is visible. */
const POLL_MS = 60_000;

/** 消息中心 in the header: the unread count on a bell, leading to the inbox. Nothing for visitors. */
export function NotificationBell() {
  const m = useT();
  const { user } = useSession();
  const [unread, setUnread] = useState(0);
  const userId = user?.id ?? null;

  const refresh = useCallback(async () => {
    if (!userId || document.visibilityState === 'hidden') return;
    try {
      const r = await api.get<{ unread: number }>('/notifications', { unread: 'true', pageSize: 1 });
      setUnread(r.unread);
    } catch {
      // The count is a convenience: a failed poll leaves the last one and tries again later.
    }
  }, [userId]);

  useEffect(() => {
    if (!userId) {
      setUnread(0);
      return;
    }
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => void refresh();
    document.addEventListener('visibilitychange', onVisible);
    const off = onInboxChanged((n) => (n === undefined ? void refresh() : setUnread(n)));
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      off();
    };
  }, [userId, refresh]);

  if (!user) return null;
  return (
    <LinkButton
      type="text"
      className="qifu-header-button qifu-bell"
      to={inboxPath(user.kind)}
      aria-label={m.notifications.bell(unread)}
      title={m.notifications.bell(unread)}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined className="qifu-bell-icon" />
      </Badge>
    </LinkButton>
  );
}
