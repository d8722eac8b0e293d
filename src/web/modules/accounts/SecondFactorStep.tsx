import { Alert, Button, Flex, Form } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/accounts';
import type { LoginChallenge } from '../../../shared/totp';
import { ApiError, api } from '../../app/api';
import { useDescribeError } from '../../app/errors';
import { applyApiError } from '../../app/form-errors';
import { useT } from '../../app/prefs';
import { AuthFrame } from './AuthFrame';
import { RecoveryCodeItem, TotpCodeItem } from './SecondFactorFields';
import './two-factor.css';

interface SecondStepForm {
  code?: string;
  recoveryCode?: string;
}

/** Answers that end this login attempt: the user has to start again from the password (or wait for the lock). */
const RESTART_CODES = new Set(['LOGIN_CHALLENGE_INVALID', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED']);

/**
 * The second step of a login for an account with two-step verification: the 6-digit code of the authenticator
 * app, or one recovery code. A wrong code stays on this step (it counts toward the lock-out on the server); an
 * expired challenge or a lock sends the user back to the password with the server's words.
 */
export function SecondFactorStep({
  challenge,
  onLoggedIn,
  onRestart,
}: {
  challenge: LoginChallenge;
  onLoggedIn(me: Me): void;
  onRestart(failure: { text: string; locked: boolean } | null): void;
}) {
  const m = useT();
  const describe = useDescribeError();
  const [form] = Form.useForm<SecondStepForm>();
  const [method, setMethod] = useState<'totp' | 'recovery'>('totp');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: SecondStepForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const me = await api.post<Me>(
        '/auth/login/second-factor',
        method === 'totp'
          ? { challenge: challenge.challenge, code: (values.code ?? '').replace(/\s/g, '') }
          : { challenge: challenge.challenge, recoveryCode: (values.recoveryCode ?? '').trim() },
      );
      onLoggedIn(me);
    } catch (e) {
      if (e instanceof ApiError && RESTART_CODES.has(e.code)) {
        onRestart({ text: describe(e), locked: e.code === 'ACCOUNT_LOCKED' });
        return;
      }
      // Empty the field first: a changed value clears the field's error, which applyApiError then sets.
      form.setFieldsValue({ code: '', recoveryCode: '' });
      setFailure(applyApiError(form, e, describe));
    } finally {
      setSubmitting(false);
    }
  };

  const switchMethod = () => {
    setMethod((v) => (v === 'totp' ? 'recovery' : 'totp'));
    setFailure(null);
    form.resetFields();
  };

  return (
    <AuthFrame
      title={m.auth.secondStepTitle}
      intro={method === 'totp' ? m.auth.secondStepIntro : m.auth.recoveryStepIntro}
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" className="qifu-form-alert" title={failure} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        {method === 'totp' ? <TotpCodeItem autoFocus /> : <RecoveryCodeItem autoFocus />}
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {m.auth.verifySubmit}
        </Button>
      </Form>
      <Flex justify="space-between" wrap gap={8} className="qifu-auth-links">
        <Button type="link" className="qifu-totp-link" onClick={switchMethod}>
          {method === 'totp' ? m.auth.useRecoveryCode : m.auth.useTotpCode}
        </Button>
        <Button type="link" className="qifu-totp-link" onClick={() => onRestart(null)}>
          {m.auth.backToPassword}
        </Button>
      </Flex>
    </AuthFrame>
  );
}
