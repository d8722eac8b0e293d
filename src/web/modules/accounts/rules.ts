import type { Rule } from 'antd/es/form';
import type { Messages } from '../../locales/zh-CN';

/** Client-side checks that save a round trip; the server repeats every one of them. */
export function phoneRules(m: Messages): Rule[] {
  return [
    { required: true, message: m.auth.phoneRequired },
    { pattern: /^1[3-9]\d{9}$/, message: m.auth.phoneInvalid },
  ];
}

export function smsCodeRules(m: Messages): Rule[] {
  return [
    { required: true, message: m.auth.smsCodeRequired },
    { pattern: /^\d{6}$/, message: m.auth.smsCodeInvalid },
  ];
}

/** "Repeat the password" must equal the field `other`. */
export function confirmRules(m: Messages, other: string): Rule[] {
  return [
    { required: true, message: m.auth.confirmRequired },
    ({ getFieldValue }) => ({
      validator: (_rule, value) =>
        !value || getFieldValue(other) === value
          ? Promise.resolve()
          : Promise.reject(new Error(m.auth.confirmMismatch)),
    }),
  ];
}
