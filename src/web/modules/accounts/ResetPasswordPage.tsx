import { Button, Form, Result } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { FormFailure, LinkButton } from '../../app/components';
import { useT } from '../../app/prefs';
import { useFormSubmit } from '../../app/useFormSubmit';
import { AuthFrame } from './AuthFrame';
import { PhoneCodePasswordFields } from './CredentialFields';

interface ResetForm {
  phone: string;
  smsCode: string;
  newPassword: string;
  confirm: string;
}

/** 找回密码: a code sent to the registered phone sets a new password; every other session ends. */
export function ResetPasswordPage() {
  const m = useT();
  const [form] = Form.useForm<ResetForm>();
  const [done, setDone] = useState(false);
  const { onFinish, submitting, failure } = useFormSubmit(form, async ({ confirm: _c, ...values }) => {
    await api.post('/auth/password-reset', values);
    setDone(true);
  });

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

  return (
    <AuthFrame title={m.auth.resetTitle} intro={m.auth.resetIntro}>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <PhoneCodePasswordFields form={form} purpose="reset_password" name="newPassword" />
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
