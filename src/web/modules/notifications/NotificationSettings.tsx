import { Alert, App, Button, Checkbox, Flex, Form, Input, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type {
  NotificationPreference,
  NotificationPreferences,
  NotificationPreferencesInput,
} from '../../../shared/notifications';
import { api } from '../../app/api';
import { FormFailure, LoadError } from '../../app/components';
import { useT } from '../../app/prefs';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';

const PATH = '/notifications/preferences';

/**
 * 通知设置 — which kinds of message also reach the user by SMS or e-mail, and his e-mail address. The inbox
 * always receives everything, so it is shown as a fixed column.
 */
export function NotificationSettings() {
  const m = useT();
  const t = m.notifications;
  const s = t.settings;
  const { message } = App.useApp();
  const prefs = useApi<NotificationPreferences>(PATH);
  const [form] = Form.useForm<{ email: string }>();
  const [items, setItems] = useState<NotificationPreference[] | null>(null);
  const [saved, setSaved] = useState<NotificationPreferences | null>(null);
  const current = saved ?? prefs.data ?? null;

  useEffect(() => {
    if (!prefs.data) return;
    setItems(prefs.data.items);
    form.setFieldsValue({ email: prefs.data.email ?? '' });
  }, [prefs.data, form]);

  const submit = useFormSubmit(
    form,
    async (v) => {
      const body: NotificationPreferencesInput = { email: v.email ?? '', items: items ?? [] };
      const r = await api.put<NotificationPreferences>(PATH, body);
      setSaved(r);
      setItems(r.items);
      form.setFieldsValue({ email: r.email ?? '' });
      message.success(s.saved);
    },
    (field) => (field === 'email' ? ['email'] : null),
  );

  const set = (kind: string, channel: 'sms' | 'email', on: boolean) =>
    setItems((list) => list?.map((i) => (i.kind === kind ? { ...i, [channel]: on } : i)) ?? null);

  if (prefs.error) return <LoadError error={prefs.error} onRetry={prefs.reload} />;
  if (!current || !items) return <Skeleton active />;
  const noPhone = !current.phoneMasked;
  return (
    <div className="qifu-notify-settings">
      <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
      <FormFailure failure={submit.failure} />
      <Form form={form} layout="vertical" onFinish={submit.onFinish} requiredMark={false}>
        <Flex gap={24} wrap className="qifu-notify-addresses">
          <Form.Item label={s.phone} className="qifu-notify-phone">
            {noPhone ? (
              <Alert type="info" showIcon title={s.noPhone} />
            ) : (
              <Typography.Text strong>{current.phoneMasked}</Typography.Text>
            )}
          </Form.Item>
          <Form.Item name="email" label={s.emailLabel} extra={s.emailHint} className="qifu-notify-email">
            <Input
              inputMode="email"
              autoComplete="email"
              maxLength={254}
              allowClear
              placeholder={s.emailPlaceholder}
            />
          </Form.Item>
        </Flex>
        {!current.email ? (
          <Typography.Paragraph type="secondary" className="qifu-small">
            {s.noEmail}
          </Typography.Paragraph>
        ) : null}
        <Table<NotificationPreference>
          rowKey="kind"
          size="middle"
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: s.kind,
              dataIndex: 'kind',
              render: (k: string) => t.kinds[k] ?? k,
            },
            {
              title: s.inbox,
              key: 'inbox',
              align: 'center',
              render: () => (
                <Typography.Text type="secondary" className="qifu-small">
                  {s.always}
                </Typography.Text>
              ),
            },
            {
              title: s.sms,
              key: 'sms',
              align: 'center',
              render: (_, r) => (
                <Checkbox
                  checked={r.sms}
                  disabled={noPhone}
                  aria-label={`${t.kinds[r.kind] ?? r.kind}：${s.sms}`}
                  onChange={(e) => set(r.kind, 'sms', e.target.checked)}
                />
              ),
            },
            {
              title: s.email,
              key: 'email',
              align: 'center',
              render: (_, r) => (
                <Checkbox
                  checked={r.email}
                  aria-label={`${t.kinds[r.kind] ?? r.kind}：${s.email}`}
                  onChange={(e) => set(r.kind, 'email', e.target.checked)}
                />
              ),
            },
          ]}
        />
        <Flex gap={12} align="center" wrap className="qifu-top-gap">
          <Button type="primary" htmlType="submit" loading={submit.submitting}>
            {s.save}
          </Button>
          <Typography.Text type="secondary" className="qifu-small">
            {s.smsNote}
          </Typography.Text>
        </Flex>
      </Form>
    </div>
  );
}
