import { Alert, Button } from 'antd';
import { useT } from '../../../app/prefs';

/** The messages of a failed save: a version conflict (with the way out) or the API's other complaints. */
export function SaveAlerts({
  failure,
  stale,
  onReload,
}: {
  failure: string | null;
  stale: boolean;
  onReload(): void;
}) {
  const m = useT();
  return (
    <>
      {stale ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="qifu-form-alert"
          title={m.enterprise.staleTitle}
          description={m.enterprise.staleText}
          action={
            <Button size="small" type="primary" onClick={onReload}>
              {m.enterprise.loadLatest}
            </Button>
          }
        />
      ) : null}
      {failure ? (
        <Alert type="error" showIcon role="alert" className="qifu-form-alert" title={failure} />
      ) : null}
    </>
  );
}
