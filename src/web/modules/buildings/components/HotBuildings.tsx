import { Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { rentRange } from '../format';
import { buildingApi, buildingPages } from '../paths';
import type { HotBuilding } from '../types';
import { BuildingCover } from './Cover';

/** GET /buildings/hot; an empty ranking (a new deployment nobody has visited yet) is simply not shown. */
function useHot(limit: number) {
  return useApi<{ items: HotBuilding[] }>(buildingApi.hot, { limit });
}

/** 热门楼宇: the top of the heat ranking as a strip that scrolls sideways on a phone. */
function HotStrip({ items }: { items: HotBuilding[] }) {
  const m = useT();
  const t = m.buildings;
  return (
    <ol className="qifu-bld-hot" aria-label={t.hot.title}>
      {items.map((b) => {
        const rent = rentRange(b.rentMonthly?.min, b.rentMonthly?.max, 'yuan_per_sqm_day');
        return (
          <li key={b.id}>
            <Link
              to={buildingPages.detail(b.id)}
              className={`qifu-bld-hot-item${b.rank <= 3 ? ' is-top' : ''}`}
            >
              <span className="qifu-bld-hot-thumb">
                <BuildingCover name={b.name} url={b.coverPhotoUrl} />
                <span className="qifu-bld-hot-rank" role="img" aria-label={t.hot.rank(b.rank)}>
                  {b.rank}
                </span>
              </span>
              <span className="qifu-bld-hot-text">
                <strong>{b.name}</strong>
                <span>
                  {b.street.name} · {t.grades[b.grade as keyof typeof t.grades] ?? b.grade}
                </span>
                <span>
                  {b.vacantCount > 0 ? t.card.vacant(b.vacantCount) : t.card.noVacant}
                  {rent ? ` · ${rent} ${t.rentUnits.yuan_per_sqm_day}` : ''}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

/** The 热门楼宇 card above the search results. */
export function HotBuildingsCard() {
  const m = useT();
  const hot = useHot(6);
  if (hot.error || (hot.data && hot.data.items.length === 0)) return null;
  return (
    <Card title={m.buildings.hot.title} className="qifu-bld-hot-card">
      <Typography.Paragraph type="secondary" className="qifu-small">
        {m.buildings.hot.intro}
      </Typography.Paragraph>
      {hot.data ? <HotStrip items={hot.data.items} /> : <Skeleton active paragraph={{ rows: 2 }} />}
    </Card>
  );
}

/** The 热门楼宇 section of the portal's home page (SPEC §2.5): top 6 and the way to every building. */
export function HomeHotBuildings() {
  const m = useT();
  const t = m.buildings.home;
  const hot = useHot(6);
  if (hot.error || (hot.data && hot.data.items.length === 0)) return null;
  return (
    <section aria-labelledby="qifu-hot-buildings-title">
      <div className="qifu-page-header">
        <div>
          <Typography.Title level={2} id="qifu-hot-buildings-title" className="qifu-section-title">
            {t.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        </div>
        <div className="qifu-page-header-extra">
          <Link to={buildingPages.search}>{t.more}</Link>
        </div>
      </div>
      {hot.data ? <HotStrip items={hot.data.items} /> : <Skeleton active paragraph={{ rows: 2 }} />}
    </section>
  );
}
