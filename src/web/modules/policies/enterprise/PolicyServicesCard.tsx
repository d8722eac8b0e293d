import { BellOutlined, FileSearchOutlined, MoneyCollectOutlined, TagsOutlined } from '@ant-design/icons';
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/prefs';
import { policyPages } from '../paths';

/** The enterprise center's way into its policy services (the appeals have their own card). */
export function PolicyServicesCard() {
  const m = useT();
  const c = m.policies.center;
  const links: { to: string; icon: ReactNode; copy: { title: string; text: string } }[] = [
    { to: policyPages.matches, icon: <FileSearchOutlined />, copy: c.matches },
    { to: policyPages.claims, icon: <MoneyCollectOutlined />, copy: c.claims },
    { to: policyPages.subscriptions, icon: <TagsOutlined />, copy: c.subscriptions },
    { to: policyPages.inbox, icon: <BellOutlined />, copy: c.inbox },
  ];
  return (
    <Card title={c.title}>
      <Row gutter={[16, 16]}>
        {links.map((l) => (
          <Col xs={24} sm={12} lg={8} key={l.to}>
            <Link to={l.to} className="qifu-service-card qifu-quick-card">
              <span className="qifu-service-icon" aria-hidden="true">
                {l.icon}
              </span>
              <span className="qifu-service-body">
                <span className="qifu-service-title">{l.copy.title}</span>
                <span className="qifu-service-text">{l.copy.text}</span>
              </span>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
