import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../app/prefs';
import { policyPages } from '../paths';

/** The enterprise center's policy pages, side by side, so each is one click from the others. */
export function EnterpriseSubnav() {
  const m = useT();
  const { pathname } = useLocation();
  const c = m.policies.center;
  const items = [
    { key: '/enterprise', label: m.center.title },
    { key: policyPages.matches, label: c.matches.title },
    { key: policyPages.claims, label: c.claims.title },
    { key: policyPages.subscriptions, label: c.subscriptions.title },
    { key: policyPages.inbox, label: c.inbox.title },
    // appeals (issue 4): 我的诉求
    { key: '/enterprise/appeals', label: m.appeals.card.title },
  ];
  const selected = items
    .filter((i) => i.key !== '/enterprise' && pathname.startsWith(i.key))
    .map((i) => i.key);
  return (
    <nav aria-label={c.title} className="qifu-subnav">
      <Menu
        mode="horizontal"
        selectedKeys={selected.length ? selected : pathname === '/enterprise' ? ['/enterprise'] : []}
        items={items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }))}
      />
    </nav>
  );
}
