import { Alert, Button, Form, Input, Result, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { LinkButton } from '../../app/components';
import { useDescribeError } from '../../app/errors';
import { applyApiError } from '../../app/form-errors';
import { useT } from '../../app/prefs';
import { AuthFrame } from './AuthFrame';
import { PasswordHints } from './PasswordHints';
import { confirmRules, phoneRules, smsCodeRules } from './rules';
import { SmsCodeButton } from './SmsCodeButton';

interface ResetForm {
  phone: string;
  smsCode: string;
  newPassword: string;
  confirm: string;
}

/** 找回密码: a code sent to the registered phone sets a new password; every other session ends. */
export function ResetPasswordPage() {
  const m = useT();
  const describe = useDescribeError();
  const [form] = Form.useForm<ResetForm>();
  const password = Form.useWatch('newPassword', form) ?? '';
  const phone = Form.useWatch('phone', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <AuthFrame title={m.auth.resetTitle}>
        <Result
          status="success"
          title={m.auth.resetDone}
          subTitle={m.auth.resetDoneText}
          extra={
            <LinkButton to="/login" type="primary">
              {m.auth.loginNow}
            </LinkButton>
          }
        />
      </AuthFrame>
    );
  }

  const onFinish = async ({ confirm: _confirm, ...values }: ResetForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await api.post('/auth/password-reset', values);
      setDone(true);
    } catch (e) {
      setFailure(applyApiError(form, e, describe));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthFrame title={m.auth.resetTitle} intro={m.auth.resetIntro}>
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
            <SmsCodeButton form={form} purpose="reset_password" />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={m.auth.newPassword}
          rules={[{ required: true, message: m.auth.passwordRequired }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordHints password={password} phone={phone} />
        <Form.Item
          name="confirm"
          label={m.auth.confirmPassword}
          dependencies={['newPassword']}
          rules={confirmRules(m, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {m.auth.resetSubmit}
        </Button>
      </Form>
      <div className="qifu-auth-links">
        <Link to="/login">{m.auth.backToLogin}</Link>
      </div>
    </AuthFrame>
  );
}
