import { Form, Input } from 'antd';
import { useT } from '../../app/prefs';

/** The 6 digits of an authenticator app; "123 456" as some apps show it is accepted too (the server drops spaces). */
export function TotpCodeItem({ autoFocus = false }: { autoFocus?: boolean }) {
  const m = useT();
  return (
    <Form.Item
      name="code"
      label={m.auth.totpCode}
      rules={[
        { required: true, whitespace: true, message: m.auth.totpCodeRequired },
        { pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: m.auth.totpCodeInvalid },
      ]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        placeholder={m.auth.totpCodePlaceholder}
        autoFocus={autoFocus}
        className="qifu-totp-input"
      />
    </Form.Item>
  );
}

/** One of the recovery codes issued with the second factor (the server reads any case, with or without hyphens). */
export function RecoveryCodeItem({ autoFocus = false }: { autoFocus?: boolean }) {
  const m = useT();
  return (
    <Form.Item
      name="recoveryCode"
      label={m.auth.recoveryCode}
      rules={[{ required: true, whitespace: true, message: m.auth.recoveryCodeRequired }]}
    >
      <Input
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        placeholder={m.auth.recoveryCodePlaceholder}
        autoFocus={autoFocus}
      />
    </Form.Item>
  );
}
