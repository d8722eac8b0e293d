import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../shared/accounts';
import { api } from '../../app/api';
import { useDescribeError } from '../../app/errors';
import { applyApiError } from '../../app/form-errors';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { AuthFrame } from './AuthFrame';
import { PasswordHints } from './PasswordHints';
import { confirmRules, phoneRules, smsCodeRules } from './rules';
import { SmsCodeButton } from './SmsCodeButton';

interface RegisterForm {
  phone: string;
  smsCode: string;
  password: string;
  confirm: string;
  displayName: string;
}

/** Enterprise users register with a mobile number, an SMS code and a password; they are logged in at once. */
export function RegisterPage() {
  const m = useT();
  const describe = useDescribeError();
  const [form] = Form.useForm<RegisterForm>();
  const password = Form.useWatch('password', form) ?? '';
  const phone = Form.useWatch('phone', form) ?? '';
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async ({ confirm: _confirm, ...values }: RegisterForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const me = await api.post<Me>('/auth/register', values);
      setUser(me);
      navigate('/enterprise', { replace: true, state: { welcome: true } });
    } catch (e) {
      setFailure(applyApiError(form, e, describe));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthFrame title={m.auth.registerTitle} intro={m.auth.registerIntro}>
      {failure ? (
        <Alert type="error" showIcon role="alert" className="qifu-form-alert" title={failure} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item name="phone" label={m.auth.phone} rules={phoneRules(m)}>
          <Input
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            placeholder={m.auth.phonePlaceholder}
          />
        </Form.Item>
        <Form.Item label={m.auth.smsCode} required>
          <Space.Compact block>
            <Form.Item name="smsCode" noStyle rules={smsCodeRules(m)}>
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder={m.auth.smsCodePlaceholder}
                aria-label={m.auth.smsCode}
              />
            </Form.Item>
            <SmsCodeButton form={form} purpose="register" />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="password"
          label={m.auth.newPassword}
          rules={[{ required: true, message: m.auth.passwordRequired }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordHints password={password} phone={phone} />
        <Form.Item
          name="confirm"
          label={m.auth.confirmPassword}
          dependencies={['password']}
          rules={confirmRules(m, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={m.auth.displayName}
          rules={[
            { required: true, whitespace: true, message: m.auth.displayNameRequired },
            { max: 30, message: m.auth.displayNameTooLong },
          ]}
        >
          <Input autoComplete="name" placeholder={m.auth.displayNamePlaceholder} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {m.auth.registerSubmit}
        </Button>
      </Form>
      <div className="qifu-auth-links">
        {m.auth.haveAccount} <Link to="/login">{m.auth.loginNow}</Link>
      </div>
    </AuthFrame>
  );
}
