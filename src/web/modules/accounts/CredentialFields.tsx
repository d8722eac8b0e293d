import { Form, type FormInstance, Input, Space } from 'antd';
import { useT } from '../../app/prefs';
import { PasswordHints } from './PasswordHints';
import { confirmRules, phoneRules, smsCodeRules } from './rules';
import { SmsCodeButton } from './SmsCodeButton';

/**
 * 设置密码 + 确认密码 with the live policy hints between them. `phone` (a whole number, when known) lets the hints
 * warn about a password that contains it, as the server would refuse it.
 */
export function NewPasswordFields({
  form,
  name,
  phone,
}: {
  form: FormInstance;
  name: 'password' | 'newPassword';
  phone?: string | null | undefined;
}) {
  const m = useT();
  const password: string = Form.useWatch(name, form) ?? '';
  return (
    <>
      <Form.Item
        name={name}
        label={m.auth.newPassword}
        rules={[{ required: true, message: m.auth.passwordRequired }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordHints password={password} phone={phone} />
      <Form.Item
        name="confirm"
        label={m.auth.confirmPassword}
        dependencies={[name]}
        rules={confirmRules(m, name)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/**
 * 手机号, 短信验证码 with its 获取验证码 button, then the new password twice: what registration and the
 * SMS password reset both ask. The form's fields are `phone`, `smsCode`, `name` and `confirm`.
 */
export function PhoneCodePasswordFields({
  form,
  purpose,
  name,
}: {
  form: FormInstance;
  purpose: 'register' | 'reset_password';
  name: 'password' | 'newPassword';
}) {
  const m = useT();
  const phone: string = Form.useWatch('phone', form) ?? '';
  return (
    <>
      <Form.Item name="phone" label={m.auth.phone} rules={phoneRules(m)}>
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} placeholder={m.auth.phonePlaceholder} />
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
          <SmsCodeButton form={form} purpose={purpose} />
        </Space.Compact>
      </Form.Item>
      <NewPasswordFields form={form} name={name} phone={phone} />
    </>
  );
}
