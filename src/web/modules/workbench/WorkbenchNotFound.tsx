import { NotFound } from '../../app/components';
import { useT } from '../../app/prefs';

export function WorkbenchNotFound() {
  const m = useT();
  return <NotFound back={{ to: '/workbench', label: m.workbench.backToDashboard }} />;
}
