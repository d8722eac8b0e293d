import { useParams } from 'react-router';
import { ComingSoon, LinkButton, NotFound } from '../../app/components';
import { useT } from '../../app/prefs';
import { serviceBySlug } from './services';

/** /services/:key — a public service that is still being built, described honestly. */
export function ServicePage() {
  const m = useT();
  const key = serviceBySlug(useParams().key);
  if (!key) return <NotFound />;
  const copy = m.modules[key];
  return (
    <div className="qifu-container qifu-page">
      <ComingSoon
        title={copy.title}
        summary={copy.summary}
        features={copy.features}
        meanwhile={copy.meanwhile}
        actions={
          <>
            <LinkButton to="/">{m.common.backHome}</LinkButton>
            <LinkButton to="/enterprise" type="primary">
              {m.building.toEnterpriseCenter}
            </LinkButton>
          </>
        }
      />
    </div>
  );
}
