import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useT } from './prefs';

// Kept out of components.tsx: that file is in every visitor's first load, these are for the workbench pages.

/**
 * A link-styled danger action in a table row (删除, 移除) that asks first; `label` names the action on the button
 * and again on the confirming button.
 */
export function DangerConfirm({
  question,
  label,
  icon,
  onConfirm,
}: {
  question: ReactNode;
  label: string;
  icon?: ReactNode;
  onConfirm(): void | Promise<void>;
}) {
  const m = useT();
  return (
    <Popconfirm
      title={question}
      okText={label}
      cancelText={m.common.cancel}
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button type="link" size="small" danger icon={icon}>
        {label}
      </Button>
    </Popconfirm>
  );
}
