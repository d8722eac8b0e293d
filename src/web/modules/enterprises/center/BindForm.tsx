import { Button, Card, Form, Input, Typography } from 'antd';
import type { Binding } from '../../../../shared/enterprises';
import { normalizeUscc, validateUscc } from '../../../../shared/uscc';
import { api } from '../../../app/api';
import { FormFailure } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useFormSubmit } from '../../../app/useFormSubmit';

interface BindFormValues {
  uscc: string;
  name: string;
}

/**
 * 绑定企业: the USCC is checked as it is typed (length, charset, division, check character — the same function
 * the server uses), so a typo is caught before anyone has to confirm a wrong company.
 */
export function BindForm({ onBound }: { onBound(b: Binding): void }) {
  const m = useT();
  const [form] = Form.useForm<BindFormValues>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    onBound(
      await api.post<Binding>('/enterprises/bindings', {
        uscc: normalizeUscc(v.uscc),
        name: v.name.trim(),
      }),
    );
  });

  return (
    <Card title={m.center.bindTitle}>
      <Typography.Paragraph type="secondary">{m.center.bindIntro}</Typography.Paragraph>
      <FormFailure failure={failure} />
      <Form<BindFormValues> form={form} layout="vertical" onFinish={onFinish} className="qifu-narrow-form">
        <Form.Item
          name="uscc"
          label={m.center.uscc}
          required
          extra={m.center.usccHint}
          validateDebounce={300}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            {
              validator: (_r, value: string | undefined) => {
                const r = validateUscc(value ?? '');
                return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
              },
            },
          ]}
        >
          <Input maxLength={20} autoComplete="off" className="qifu-code" placeholder="91370202MA3C…" />
        </Form.Item>
        <Form.Item
          name="name"
          label={m.center.enterpriseName}
          extra={m.center.nameHint}
          rules={[
            { required: true, whitespace: true, message: m.center.nameRequired },
            { max: 100, message: m.center.nameTooLong },
          ]}
        >
          <Input maxLength={100} autoComplete="organization" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {m.center.bindSubmit}
        </Button>
      </Form>
    </Card>
  );
}
