import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatShanghai } from '../../../shared/format';
import { landingPath } from '../../app/access';
import { api } from '../../app/api';
import { PageHeader } from '../../app/components';
import { useDescribeError } from '../../app/errors';
import { applyApiError } from '../../app/form-errors';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { PasswordHints } from './PasswordHints';
import { confirmRules } from './rules';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码 for a logged-in user; the server ends the user's other sessions. */
export function ChangePasswordPage() {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeForm>();
  const password = Form.useWatch('newPassword', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async ({ confirm: _confirm, ...values }: ChangeForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await api.post('/auth/password', values);
      message.success(m.auth.passwordChanged);
      navigate(user ? landingPath(user) : '/');
    } catch (e) {
      setFailure(applyApiError(form, e, describe));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="qifu-container qifu-page qifu-narrow">
      <PageHeader title={m.auth.changeTitle} intro={m.auth.changeIntro} />
      <Card>
        {user?.passwordExpiresAt ? (
          <Alert
            type="info"
            showIcon
            className="qifu-form-alert"
            title={m.auth.expiresAt(formatShanghai(user.passwordExpiresAt, false))}
          />
        ) : null}
        {failure ? (
          <Alert type="error" showIcon role="alert" className="qifu-form-alert" title={failure} />
        ) : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={m.auth.currentPassword}
            rules={[{ required: true, message: m.auth.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={m.auth.newPassword}
            rules={[{ required: true, message: m.auth.passwordRequired }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <PasswordHints password={password} />
          <Form.Item
            name="confirm"
            label={m.auth.confirmPassword}
            dependencies={['newPassword']}
            rules={confirmRules(m, 'newPassword')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {m.auth.changeSubmit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
