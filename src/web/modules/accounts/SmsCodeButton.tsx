import { App, Button, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useDescribeError } from '../../app/errors';
import { useT } from '../../app/prefs';

const COOLDOWN_SECONDS = 60;

/**
 * 获取验证码: checks the phone field, asks the server to send a code, then counts down 60 s (the server refuses a
 * resend sooner). A refusal about the phone (already registered, too many codes) is shown under the phone field.
 */
export function SmsCodeButton({
  form,
  purpose,
}: {
  form: FormInstance;
  purpose: 'register' | 'reset_password';
}) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);

  const send = async () => {
    let phone: string;
    try {
      phone = (await form.validateFields(['phone'])).phone as string;
    } catch {
      return;
    }
    setSending(true);
    try {
      const res = await api.post<{ sentTo: string; expiresInSeconds: number }>('/auth/sms-codes', {
        phone,
        purpose,
      });
      setLeft(COOLDOWN_SECONDS);
      message.success(m.sms.sent(res.sentTo, Math.round(res.expiresInSeconds / 60)));
    } catch (e) {
      form.setFields([{ name: 'phone', errors: [describe(e)] }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <Button
      onClick={send}
      loading={sending}
      disabled={left > 0}
      className="qifu-sms-button"
      aria-live="polite"
    >
      {left > 0 ? m.sms.resendIn(left) : m.sms.get}
    </Button>
  );
}
