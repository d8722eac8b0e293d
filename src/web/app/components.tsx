import { Alert, Button, type ButtonProps, Flex, Result, Spin, Typography } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { isRouteErrorResponse, useHref, useLinkClickHandler, useRouteError } from 'react-router';
import { isStaff } from './access';
import { useDescribeError } from './errors';
import { useT } from './prefs';
import { useSession } from './session';

/** An antd button that is a real link (one tab stop, opens in a new tab on ctrl-click) and routes client-side. */
export function LinkButton({ to, ...props }: Omit<ButtonProps, 'href'> & { to: string }) {
  const href = useHref(to);
  const onNavigate = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Button
      {...props}
      href={href}
      onClick={(e) => {
        props.onClick?.(e);
        if (!e.defaultPrevented) onNavigate(e as MouseEvent<HTMLAnchorElement>);
      }}
    />
  );
}

export function PageLoading() {
  const m = useT();
  return (
    <Flex justify="center" align="center" className="qifu-page-loading" role="status">
      <Spin description={m.common.loading} />
    </Flex>
  );
}

/** A page title with an optional line of explanation and actions on the right. */
export function PageHeader({
  title,
  intro,
  extra,
}: {
  title: ReactNode;
  intro?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="qifu-page-header">
      <div>
        <Typography.Title level={2} className="qifu-page-title">
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      </div>
      {extra ? <div className="qifu-page-header-extra">{extra}</div> : null}
    </div>
  );
}

/** A failed load, with the API's message and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const m = useT();
  const describe = useDescribeError();
  return (
    <Alert
      type="error"
      showIcon
      title={m.errors.loadFailed}
      description={describe(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {m.common.retry}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The refusal of a form's last submission, above its fields; nothing when there is none. */
export function FormFailure({ failure }: { failure: string | null | undefined }) {
  if (!failure) return null;
  return <Alert type="error" showIcon role="alert" className="qifu-form-alert" title={failure} />;
}

export function Forbidden({ reason = 'role' }: { reason?: 'role' | 'enterprise' | 'staff' }) {
  const m = useT();
  const { user } = useSession();
  return (
    <Result
      status="403"
      title={m.errors.forbiddenTitle}
      subTitle={
        reason === 'enterprise'
          ? m.errors.forbiddenEnterprise
          : reason === 'staff'
            ? m.errors.forbiddenStaff
            : m.errors.forbiddenText
      }
      extra={
        <Flex gap={8} justify="center" wrap>
          <LinkButton to="/">{m.common.backHome}</LinkButton>
          {isStaff(user) ? (
            <LinkButton to="/workbench" type="primary">
              {m.header.workbench}
            </LinkButton>
          ) : user ? (
            <LinkButton to="/enterprise" type="primary">
              {m.header.enterpriseCenter}
            </LinkButton>
          ) : null}
        </Flex>
      }
    />
  );
}

/** The 404 page; `back` leads home unless the page lives somewhere else (the workbench). */
export function NotFound({ back }: { back?: { to: string; label: string } }) {
  const m = useT();
  return (
    <Result
      status="404"
      title={m.errors.notFoundTitle}
      subTitle={m.errors.notFoundText}
      extra={
        <LinkButton to={back?.to ?? '/'} type="primary">
          {back?.label ?? m.common.backHome}
        </LinkButton>
      }
    />
  );
}

export function SessionUnavailable() {
  const m = useT();
  const { refresh } = useSession();
  return (
    <Result
      status="warning"
      title={m.errors.sessionUnavailableTitle}
      subTitle={m.errors.network}
      extra={
        <Button type="primary" onClick={() => void refresh()}>
          {m.common.retry}
        </Button>
      }
    />
  );
}

/** The router's error element: a page chunk that failed to load (a new release, offline) or a bug. */
export function RouteError() {
  const m = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <Result
      status="error"
      title={m.errors.pageFailedTitle}
      subTitle={m.errors.pageFailedText}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {m.common.reload}
        </Button>
      }
    />
  );
}
