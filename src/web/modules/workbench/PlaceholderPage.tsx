import { useParams } from 'react-router';
import { canSee, isPlaceholderKey, navItem } from '../../app/access';
import { ComingSoon, Forbidden, LinkButton, NotFound } from '../../app/components';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';

/** /workbench/soon/:key — a workbench module that is being built, shown only to the roles that will use it. */
export function PlaceholderPage() {
  const m = useT();
  const { user } = useSession();
  const key = useParams().key ?? '';
  if (!isPlaceholderKey(key)) return <NotFound />;
  if (!canSee(navItem(key), user)) return <Forbidden />;
  const copy = m.workbench.soon[key];
  return (
    <ComingSoon
      title={m.workbench.menu[key]}
      summary={copy.summary}
      features={copy.features}
      meanwhile={copy.meanwhile}
      actions={<LinkButton to="/workbench">{m.workbench.backToDashboard}</LinkButton>}
    />
  );
}
