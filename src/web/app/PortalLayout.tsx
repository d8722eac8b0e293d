import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Brand } from './Brand';
import { LinkButton } from './components';
import { PrefsControls, UserMenu } from './header-controls';
import { usePrefs, useT } from './prefs';
import { useSession } from './session';

/** Top-level sections of the public portal, in menu order. */
const PORTAL_NAV = [
  { key: '/', label: 'home' },
  { key: '/services/policies', label: 'policies' },
  { key: '/services/appeals', label: 'appeals' },
  { key: '/services/buildings', label: 'buildings' },
  { key: '/services/news', label: 'news' },
  { key: '/services/statistics', label: 'statistics' },
  { key: '/enterprise', label: 'enterprise' },
] as const;

function selectedKey(pathname: string): string {
  // The policy pages (documents, programs, calendar …) live under /policies but belong to 政策服务.
  if (pathname.startsWith('/policies/') || pathname === '/services/self-test') return '/services/policies';
  const hit = PORTAL_NAV.filter((n) => n.key !== '/' && pathname.startsWith(n.key));
  if (hit.length > 0) return hit[0]!.key;
  return pathname === '/' ? '/' : '';
}

/** The visitor-facing layout: header with navigation, the page, a footer. Carries no workbench code. */
export function PortalLayout() {
  const m = useT();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const { largeText } = usePrefs();
  // Seven menu entries fit beside the brand from 992 px; large type needs the drawer up to 1200 px.
  const wide = (largeText ? screens.xl : screens.lg) ?? true;
  const { user } = useSession();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items: MenuProps['items'] = PORTAL_NAV.map((n) => ({
    key: n.key,
    label: (
      <Link to={n.key} onClick={() => setDrawerOpen(false)}>
        {m.nav[n.label]}
      </Link>
    ),
  }));
  const selected = selectedKey(pathname);

  return (
    <div className="qifu-portal">
      <a href="#main" className="qifu-skip-link">
        {m.common.skipToContent}
      </a>
      <header className={wide ? 'qifu-portal-header' : 'qifu-portal-header is-compact'}>
        {wide ? (
          <>
            {/* Wide screens: a utility bar for language, type size and account; the main bar is all navigation. */}
            <div className="qifu-topbar">
              <div className="qifu-container qifu-topbar-inner">
                <span className="qifu-topbar-text">{m.header.welcome}</span>
                <Flex gap={4} align="center">
                  <PrefsControls />
                  <UserMenu />
                </Flex>
              </div>
            </div>
            <div className="qifu-container qifu-portal-header-inner">
              <Brand />
              <nav aria-label={m.nav.label} className="qifu-portal-nav">
                <Menu mode="horizontal" items={items} selectedKeys={[selected]} disabledOverflow />
              </nav>
            </div>
          </>
        ) : (
          <div className="qifu-container qifu-portal-header-inner">
            <Brand />
            <Flex gap={4} align="center" className="qifu-portal-header-actions">
              <PrefsControls compact />
              <UserMenu compact />
              <Button
                type="text"
                className="qifu-header-button"
                icon={<MenuOutlined />}
                aria-label={m.header.menu}
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
            </Flex>
          </div>
        )}
      </header>
      {wide ? null : (
        <Drawer
          title={m.app.name}
          placement="right"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
        >
          <nav aria-label={m.nav.label}>
            <Menu mode="vertical" items={items} selectedKeys={[selected]} className="qifu-drawer-menu" />
          </nav>
          {user ? null : (
            <div className="qifu-drawer-actions">
              <LinkButton to="/login" type="primary" onClick={() => setDrawerOpen(false)}>
                {m.header.login}
              </LinkButton>
              <LinkButton to="/register" onClick={() => setDrawerOpen(false)}>
                {m.header.register}
              </LinkButton>
            </div>
          )}
        </Drawer>
      )}
      <main id="main" tabIndex={-1} className="qifu-portal-main">
        <Outlet />
        <ScrollRestoration />
      </main>
      <PortalFooter />
    </div>
  );
}

function PortalFooter() {
  const m = useT();
  return (
    <footer className="qifu-portal-footer">
      <div className="qifu-container qifu-footer-grid">
        <div>
          <div className="qifu-footer-title">
            {m.app.name} · {m.app.fullName}
          </div>
          <p>{m.footer.about}</p>
        </div>
        <nav aria-label={m.footer.servicesTitle}>
          <div className="qifu-footer-title">{m.footer.servicesTitle}</div>
          <ul>
            <li>
              <Link to="/services/policies">{m.nav.policies}</Link>
            </li>
            <li>
              <Link to="/services/appeals">{m.nav.appeals}</Link>
            </li>
            <li>
              <Link to="/services/guides">{m.modules.guides.title}</Link>
            </li>
            <li>
              <Link to="/enterprise">{m.nav.enterprise}</Link>
            </li>
          </ul>
        </nav>
        <div>
          <div className="qifu-footer-title">{m.footer.helpTitle}</div>
          <ul>
            <li>{m.footer.largeTextTip}</li>
            <li>{m.footer.browserTip}</li>
            <li>{m.footer.privacy}</li>
          </ul>
        </div>
      </div>
      <div className="qifu-container qifu-footer-bottom">
        <span>{m.footer.copyright}</span>
        <span>{m.footer.demoNotice}</span>
      </div>
    </footer>
  );
}
