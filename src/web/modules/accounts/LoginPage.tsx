import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../shared/accounts';
import type { LoginChallenge } from '../../../shared/totp';
import { landingPath, safeNext } from '../../app/access';
import { ApiError, api } from '../../app/api';
import { LinkButton } from '../../app/components';
import { useDescribeError } from '../../app/errors';
import { applyApiError } from '../../app/form-errors';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { AuthFrame } from './AuthFrame';
import { SecondFactorStep } from './SecondFactorStep';

interface LoginForm {
  account: string;
  password: string;
}

/**
 * Phone or username + password, then — for an account with two-step verification — the code of the authenticator
 * app (SecondFactorStep). Lock-out and wrong-password answers are shown as the server words them.
 */
export function LoginPage() {
  const m = useT();
  const describe = useDescribeError();
  const [form] = Form.useForm<LoginForm>();
  const { user, setUser } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ text: string; kind: 'locked' | 'expired' | 'other' } | null>(null);
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);

  if (user) {
    return (
      <AuthFrame title={m.auth.loginTitle}>
        <Result
          status="success"
          title={m.auth.alreadyLoggedIn(user.displayName)}
          extra={
            <LinkButton to={next ?? landingPath(user)} type="primary">
              {m.auth.continue}
            </LinkButton>
          }
        />
      </AuthFrame>
    );
  }

  const loggedIn = (me: Me) => {
    setUser(me);
    navigate(next ?? landingPath(me), { replace: true });
  };

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onLoggedIn={loggedIn}
        onRestart={(f) => {
          setChallenge(null);
          setFailure(f ? { text: f.text, kind: f.locked ? 'locked' : 'other' } : null);
          form.setFieldValue('password', '');
        }}
      />
    );
  }

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const res = await api.post<Me | LoginChallenge>('/auth/login', values);
      if ('secondFactorRequired' in res) {
        setChallenge(res);
        return;
      }
      loggedIn(res);
    } catch (e) {
      const text = applyApiError(form, e, describe);
      if (text) {
        const kind =
          e instanceof ApiError && e.code === 'ACCOUNT_LOCKED'
            ? 'locked'
            : e instanceof ApiError && e.code === 'PASSWORD_EXPIRED'
              ? 'expired'
              : 'other';
        setFailure({ text, kind });
      }
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthFrame title={m.auth.loginTitle} intro={next ? m.auth.loginToContinue : m.auth.loginIntro}>
      {failure ? (
        <Alert
          type={failure.kind === 'other' ? 'error' : 'warning'}
          showIcon
          role="alert"
          className="qifu-form-alert"
          title={
            failure.kind === 'locked'
              ? m.auth.lockedTitle
              : failure.kind === 'expired'
                ? m.auth.expiredTitle
                : failure.text
          }
          description={
            failure.kind === 'other' ? undefined : (
              <>
                {failure.text}
                <div>
                  <Link to="/reset-password">{m.auth.resetByPhone}</Link>
                </div>
              </>
            )
          }
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item
          name="account"
          label={m.auth.account}
          rules={[{ required: true, whitespace: true, message: m.auth.accountRequired }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" placeholder={m.auth.accountPlaceholder} />
        </Form.Item>
        <Form.Item
          name="password"
          label={m.auth.password}
          rules={[{ required: true, message: m.auth.passwordRequired }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {m.auth.loginSubmit}
        </Button>
      </Form>
      <Flex justify="space-between" wrap gap={8} className="qifu-auth-links">
        <Link to="/reset-password">{m.auth.forgotPassword}</Link>
        <span>
          {m.auth.noAccount} <Link to="/register">{m.auth.registerNow}</Link>
        </span>
      </Flex>
    </AuthFrame>
  );
}
