import { Button, Form, Input } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Me } from '../../../shared/accounts';
import { api } from '../../app/api';
import { FormFailure } from '../../app/components';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { useFormSubmit } from '../../app/useFormSubmit';
import { AuthFrame } from './AuthFrame';
import { PhoneCodePasswordFields } from './CredentialFields';

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
  const [form] = Form.useForm<RegisterForm>();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const { onFinish, submitting, failure } = useFormSubmit(form, async ({ confirm: _c, ...values }) => {
    setUser(await api.post<Me>('/auth/register', values));
    navigate('/enterprise', { replace: true, state: { welcome: true } });
  });

  return (
    <AuthFrame title={m.auth.registerTitle} intro={m.auth.registerIntro}>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <PhoneCodePasswordFields form={form} purpose="register" name="password" />
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
