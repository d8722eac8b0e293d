import {
  AppstoreOutlined,
  CalendarOutlined,
  DownOutlined,
  FontSizeOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { isStaff } from './access';
import { LinkButton } from './components';
import { usePrefs, useT } from './prefs';
import { useSession } from './session';

/** 大字模式 and the language switch; both remembered on this device. */
export function PrefsControls({ compact = false }: { compact?: boolean }) {
  const m = useT();
  const { largeText, setLargeText, locale, setLocale } = usePrefs();
  return (
    <Flex gap={4} align="center">
      <Button
        type={largeText ? 'primary' : 'text'}
        className="qifu-header-button"
        icon={<FontSizeOutlined />}
        aria-pressed={largeText}
        aria-label={m.header.largeTextHint}
        title={m.header.largeTextHint}
        onClick={() => setLargeText(!largeText)}
      >
        {compact ? null : m.header.largeText}
      </Button>
      <Button
        type="text"
        className="qifu-header-button"
        icon={<GlobalOutlined />}
        aria-label={m.header.switchLanguage}
        title={m.header.switchLanguage}
        lang={locale === 'en' ? 'zh-CN' : 'en'}
        onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      >
        {compact ? null : m.header.otherLanguage}
      </Button>
    </Flex>
  );
}

/** Login / register for a visitor; the account menu for a user. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const m = useT();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (!user) {
    return (
      <Flex gap={8} align="center">
        <LinkButton to="/login" type="primary" ghost={false}>
          {m.header.login}
        </LinkButton>
        {compact ? null : <LinkButton to="/register">{m.header.register}</LinkButton>}
      </Flex>
    );
  }

  const items: MenuProps['items'] = [
    isStaff(user)
      ? { key: '/workbench', icon: <AppstoreOutlined />, label: m.header.workbench }
      : { key: '/enterprise', icon: <ShopOutlined />, label: m.header.enterpriseCenter },
    { key: '/account/viewings', icon: <CalendarOutlined />, label: m.header.myViewings },
    { key: '/account/password', icon: <KeyOutlined />, label: m.header.changePassword },
    ...(isStaff(user)
      ? [{ key: '/account/two-factor', icon: <SafetyCertificateOutlined />, label: m.header.twoFactor }]
      : []),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: m.header.logout, danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'logout') {
      await logout();
      message.success(m.header.loggedOut);
      navigate('/');
      return;
    }
    navigate(key);
  };
  return (
    <Flex gap={4} align="center">
      <NotificationBell />
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          className="qifu-header-button qifu-user-button"
          aria-label={m.header.accountMenu(user.displayName)}
        >
          <UserOutlined />
          {compact ? null : <span className="qifu-user-name">{user.displayName}</span>}
          {compact ? null : <DownOutlined />}
        </Button>
      </Dropdown>
    </Flex>
  );
}
