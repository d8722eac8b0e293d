import { type ReactNode, useState } from 'react';
import { BuildingIllustration } from './Illustration';

/**
 * A building's cover: its photo, or the generated illustration when it has none or the photo fails to load (a
 * removed file must not leave a broken-image icon on the card).
 */
export function BuildingCover({
  name,
  url,
  badges,
  className,
}: {
  name: string;
  url: string | null | undefined;
  badges?: ReactNode;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  return (
    <span className={`qifu-bld-cover${className ? ` ${className}` : ''}`}>
      {url && !failed ? (
        <img src={url} alt={name} loading="lazy" onError={() => setFailed(true)} />
      ) : (
        <BuildingIllustration name={name} />
      )}
      {badges ? <span className="qifu-bld-cover-badges">{badges}</span> : null}
    </span>
  );
}
