import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  EditOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HomeOutlined,
  LinkOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { formatShanghai } from '../../../shared/format';
import { type NavGroup, type WorkbenchKey, workbenchNav } from '../../app/access';
import { Brand } from '../../app/Brand';
import { LinkButton } from '../../app/components';
import { PrefsControls, UserMenu } from '../../app/header-controls';
import { changePasswordPath, passwordExpiry } from '../../app/password-expiry';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { selectedPath } from './selected-path';

const ICONS: Record<WorkbenchKey, ReactNode> = {
  dashboard: <AppstoreOutlined />,
  enterprises: <ShopOutlined />,
  bindings: <LinkOutlined />,
  visits: <FlagOutlined />,
  appeals: <MessageOutlined />,
  supervision: <NodeIndexOutlined />,
  policies: <FileSearchOutlined />,
  claims: <MoneyCollectOutlined />,
  buildings: <BankOutlined />,
  content: <EditOutlined />,
  insights: <BarChartOutlined />,
  users: <TeamOutlined />,
  departments: <ClusterOutlined />,
  calendar: <CalendarOutlined />,
  catalogue: <SafetyCertificateOutlined />,
  audit: <AuditOutlined />,
};

const GROUP_ORDER: NavGroup[] = ['overview', 'enterprise', 'business', 'system', 'security'];

/** The staff workbench: a side menu built from the user's roles, a header, the page. */
export function WorkbenchLayout() {
  const m = useT();
  const { user } = useSession();
  const { pathname, search } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const nav = workbenchNav(user);
  const expiry = passwordExpiry(user?.passwordExpiresAt, Date.now());

  const items: MenuProps['items'] = GROUP_ORDER.flatMap((group) => {
    const entries = nav.filter((n) => n.group === group);
    if (entries.length === 0) return [];
    return [
      {
        type: 'group' as const,
        key: `group-${group}`,
        label: m.workbench.groups[group],
        children: entries.map((n) => ({
          key: n.path,
          icon: ICONS[n.key],
          label: (
            <Link to={`/workbench${n.path ? `/${n.path}` : ''}`} onClick={() => setDrawerOpen(false)}>
              {m.workbench.menu[n.key]}
            </Link>
          ),
        })),
      },
    ];
  });
  const selected = selectedPath(
    pathname,
    nav.map((n) => n.path),
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected === undefined ? [] : [selected]}
      className="qifu-side-menu"
    />
  );

  // An expired password (the staff policy) keeps every workbench page behind the change-password page; the
  // user comes back to the page he asked for once it is changed.
  if (expiry.state === 'expired') return <Navigate to={changePasswordPath(`${pathname}${search}`)} replace />;

  return (
    <Layout className="qifu-workbench">
      <a href="#main" className="qifu-skip-link">
        {m.common.skipToContent}
      </a>
      {wide ? (
        <Layout.Sider
          width={232}
          collapsedWidth={72}
          collapsed={collapsed}
          trigger={null}
          className="qifu-sider"
        >
          <nav aria-label={m.workbench.menuLabel}>{menu}</nav>
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={m.workbench.title}
          className="qifu-workbench-drawer"
        >
          <nav aria-label={m.workbench.menuLabel}>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <header className="qifu-workbench-header">
          <Flex align="center" gap={8}>
            <Button
              type="text"
              className="qifu-header-button"
              aria-label={
                wide ? (collapsed ? m.workbench.expandMenu : m.workbench.collapseMenu) : m.header.menu
              }
              aria-expanded={wide ? !collapsed : drawerOpen}
              icon={wide ? collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined /> : <MenuOutlined />}
              onClick={() => (wide ? setCollapsed(!collapsed) : setDrawerOpen(true))}
            />
            <Brand suffix={m.workbench.title} to="/workbench" />
          </Flex>
          <Flex align="center" gap={4}>
            {wide && user?.department ? (
              <Tag className="qifu-department-tag">{user.department.name}</Tag>
            ) : null}
            <Link to="/" className="qifu-header-link" aria-label={m.workbench.toPortal}>
              <HomeOutlined /> {wide ? m.workbench.toPortal : null}
            </Link>
            <PrefsControls compact={!wide} />
            <UserMenu compact={!wide} />
          </Flex>
        </header>
        <main id="main" tabIndex={-1} className="qifu-workbench-main">
          {expiry.state === 'soon' ? (
            <Alert
              type="warning"
              showIcon
              role="status"
              className="qifu-block"
              title={m.workbench.passwordExpiresSoon(expiry.daysLeft, formatShanghai(expiry.expiresAt))}
              action={
                <LinkButton to={changePasswordPath(`${pathname}${search}`)} type="primary" size="small">
                  {m.workbench.changePasswordNow}
                </LinkButton>
              }
            />
          ) : null}
          <Outlet />
          <ScrollRestoration />
        </main>
      </Layout>
    </Layout>
  );
}
