import { type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormFailure } from './components';
import { useT } from './prefs';

/**
 * A dialog around one form: 保存 submits the form (so its rules run first), 取消 closes, the refusal of the last
 * try stands above the fields, and nothing of a closed dialog lingers.
 */
export function FormModal({
  title,
  form,
  saving,
  failure,
  alerts,
  onCancel,
  okText,
  danger = false,
  width,
  children,
}: {
  title: ReactNode;
  form: FormInstance;
  saving: boolean;
  /** The refusal of the last try, if any. */
  failure?: string | null | undefined;
  /** Messages of another shape shown above the form instead (a version conflict with its way out…). */
  alerts?: ReactNode;
  onCancel(): void;
  /** The OK button's label; 保存 unless the action is something else (驳回…). */
  okText?: string | undefined;
  danger?: boolean;
  width?: number | undefined;
  children: ReactNode;
}) {
  const m = useT();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText ?? m.common.save}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={m.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {alerts}
      <FormFailure failure={failure} />
      {children}
    </Modal>
  );
}
