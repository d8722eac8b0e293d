import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/prefs';

/** The frame of the login, registration and reset pages: the form, with a short note on the platform beside it. */
export function AuthFrame({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const m = useT();
  return (
    <div className="qifu-container qifu-auth">
      <aside className="qifu-auth-aside" aria-label={m.auth.asideTitle}>
        <Typography.Title level={3} className="qifu-auth-aside-title">
          {m.auth.asideTitle}
        </Typography.Title>
        <ul>
          {m.auth.asidePoints.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </aside>
      <Card className="qifu-auth-card">
        <Typography.Title level={2} className="qifu-auth-title">
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
        {children}
      </Card>
    </div>
  );
}
