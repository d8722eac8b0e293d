import { Result } from 'antd';
import { LinkButton } from '../../app/components';
import { useT } from '../../app/prefs';

export function WorkbenchNotFound() {
  const m = useT();
  return (
    <Result
      status="404"
      title={m.errors.notFoundTitle}
      subTitle={m.errors.notFoundText}
      extra={
        <LinkButton to="/workbench" type="primary">
          {m.workbench.backToDashboard}
        </LinkButton>
      }
    />
  );
}
