import { Alert, Button } from 'antd';
import { useT } from '../../../app/prefs';

/** 409 STALE_VERSION: someone saved in between; nothing was overwritten, here is the way out. */
export function StaleAlert({ onReload }: { onReload(): void }) {
  const m = useT();
  const t = m.policies.staff;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="qifu-block"
      title={t.staleTitle}
      description={t.staleText}
      action={<Button onClick={onReload}>{t.loadLatest}</Button>}
    />
  );
}
