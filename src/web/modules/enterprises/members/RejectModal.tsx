import { App, Form, Input } from 'antd';
import type { Binding } from '../../../../shared/enterprises';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useFormSubmit } from '../../../app/useFormSubmit';

/** 驳回 with the reason the applicant will read; shared by the enterprise admin and staff review. */
export function RejectModal({ binding, onClose }: { binding: Binding; onClose(done: boolean): void }) {
  const m = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    await api.post(`/enterprises/bindings/${encodeURIComponent(binding.id)}/reject`, {
      reason: v.reason.trim(),
    });
    message.success(m.bindings.rejected);
    onClose(true);
  });
  return (
    <FormModal
      title={m.bindings.rejectTitle(binding.user.displayName, binding.enterprise.name)}
      okText={m.bindings.reject}
      danger
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={m.bindings.reason}
          extra={m.bindings.reasonHint}
          rules={[{ required: true, whitespace: true, message: m.bindings.reasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
