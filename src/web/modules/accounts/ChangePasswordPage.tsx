import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../shared/format';
import { landingPath, safeNext } from '../../app/access';
import { api } from '../../app/api';
import { FormFailure, PageHeader } from '../../app/components';
import { passwordExpiry } from '../../app/password-expiry';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { useFormSubmit } from '../../app/useFormSubmit';
import { NewPasswordFields } from './CredentialFields';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码 for a logged-in user; the server ends the user's other sessions. A staff user whose password has
 * expired is sent here from every workbench page (`next` is where he was) until he has changed it.
 */
export function ChangePasswordPage() {
  const m = useT();
  const { message } = App.useApp();
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ChangeForm>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async ({ confirm: _c, ...values }) => {
    await api.post('/auth/password', values);
    message.success(m.auth.passwordChanged);
    // The new expiry date must be known before the workbench decides whether to send the user back here.
    const fresh = await refresh();
    const me = fresh ?? user;
    navigate(safeNext(params.get('next')) ?? (me ? landingPath(me) : '/'));
  });
  const expiry = passwordExpiry(user?.passwordExpiresAt, Date.now());

  return (
    <div className="qifu-container qifu-page qifu-narrow">
      <PageHeader title={m.auth.changeTitle} intro={m.auth.changeIntro} />
      <Card>
        {expiry.state === 'expired' ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="qifu-form-alert"
            title={m.auth.expiredMustChange}
            description={m.auth.expiredSince(formatShanghai(expiry.expiresAt))}
          />
        ) : user?.passwordExpiresAt ? (
          <Alert
            type="info"
            showIcon
            className="qifu-form-alert"
            title={m.auth.expiresAt(formatShanghai(user.passwordExpiresAt, false))}
          />
        ) : null}
        <FormFailure failure={failure} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={m.auth.currentPassword}
            rules={[{ required: true, message: m.auth.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields form={form} name="newPassword" />
          <Button type="primary" htmlType="submit" loading={submitting}>
            {m.auth.changeSubmit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
