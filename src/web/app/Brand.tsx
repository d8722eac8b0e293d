import { Link } from 'react-router';
import { useT } from './prefs';

/** The platform's name and district, linking home. `suffix` names a sub-area such as the workbench. */
export function Brand({ suffix, to = '/' }: { suffix?: string; to?: string }) {
  const m = useT();
  return (
    <Link
      to={to}
      className="qifu-brand"
      aria-label={`${m.app.name} · ${m.app.fullName}${suffix ? ` · ${suffix}` : ''}`}
    >
      <span className="qifu-emblem" aria-hidden="true" lang="zh-CN">
        {m.app.emblem}
      </span>
      <span className="qifu-brand-text">
        <span className="qifu-brand-name">
          {m.app.name}
          <span className="qifu-brand-full"> · {suffix ?? m.app.fullName}</span>
        </span>
        {/* Wide screens show the district under the name; phones show the full name there instead. */}
        <span className="qifu-brand-district">{m.app.districtLine}</span>
        <span className="qifu-brand-sub" aria-hidden="true">
          {suffix ?? m.app.fullName}
        </span>
      </span>
    </Link>
  );
}
