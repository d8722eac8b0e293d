import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../../../app/FormModal';
import { SaveAlerts } from './SaveAlerts';
import type { ProfileEditor } from './saver';

/** The dialog of every profile editor: 保存 submits its form, a refusal or a version conflict shows above it. */
export function ProfileEditModal({
  editor,
  form,
  title,
  width,
  children,
}: {
  editor: ProfileEditor;
  form: FormInstance;
  title: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  return (
    <FormModal
      title={title}
      width={width}
      form={form}
      saving={editor.saving}
      onCancel={editor.onClose}
      alerts={<SaveAlerts failure={editor.failure} stale={editor.stale} onReload={editor.loadLatest} />}
    >
      {children}
    </FormModal>
  );
}
