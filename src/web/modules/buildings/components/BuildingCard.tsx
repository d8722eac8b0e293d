import { EnvironmentOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TaxFlag } from '../../../../shared/buildings';
import { useT } from '../../../app/prefs';
import { Marked } from '../../policies/components/Marked';
import { formatArea, formatPercent, formatRange } from '../format';
import { buildingPages } from '../paths';
import type { BuildingCard as Card } from '../types';
import { BuildingCover } from './Cover';
import { RentBoth } from './Rent';
import { GradeTag, StaleBadge, TaxFlagTag } from './tags';

/** One search result: cover, name, where, what is free and for how much, and how fresh the record is. */
export function BuildingCard({ building: b }: { building: Card }) {
  const m = useT();
  const t = m.buildings;
  const to = buildingPages.detail(b.id);
  const area = formatRange(b.vacantArea?.min, b.vacantArea?.max, formatArea);
  return (
    <article className="qifu-bld-card">
      <Link to={to} tabIndex={-1} aria-hidden="true">
        <BuildingCover
          name={b.name}
          url={b.coverPhotoUrl}
          badges={
            <>
              <TaxFlagTag flag={b.taxFlag as TaxFlag | null} />
              <span />
            </>
          }
        />
      </Link>
      <div className="qifu-bld-card-body">
        <h3 className="qifu-bld-card-title">
          <Link to={to}>{b.highlight ? <Marked html={b.highlight.nameHtml} /> : b.name}</Link>
        </h3>
        <div className="qifu-bld-meta">
          <span>
            <EnvironmentOutlined aria-hidden="true" /> {b.street.name}
          </span>
          <GradeTag grade={b.grade} />
          <span>{t.uses[b.use as keyof typeof t.uses] ?? b.use}</span>
        </div>
        {b.highlight?.snippet ? (
          <p className="qifu-bld-snippet">
            <Marked html={b.highlight.snippet} />
          </p>
        ) : null}
        <dl className="qifu-bld-facts">
          <div>
            <dt>{t.card.vacantLabel}</dt>
            <dd>
              {b.vacantCount > 0 ? t.card.units(b.vacantCount) : t.card.noVacant}
              {area ? <small>{t.fmt.areaRange(area)}</small> : null}
            </dd>
          </div>
          <div>
            <dt>{t.card.rent}</dt>
            <dd>
              <RentBoth min={b.rentMonthly?.min} max={b.rentMonthly?.max} />
            </dd>
          </div>
          <div>
            <dt>{t.card.vacancyRate}</dt>
            <dd>{t.fmt.percent(formatPercent(b.vacancyRate) ?? '0')}</dd>
          </div>
        </dl>
        {b.tags.length > 0 ? (
          <div className="qifu-bld-tags">
            {b.tags.map((tag) => (
              <Tag key={tag} bordered={false}>
                {tag}
              </Tag>
            ))}
          </div>
        ) : null}
        <div className="qifu-bld-card-foot">
          <Typography.Text type="secondary" className="qifu-small">
            {b.lastVerifiedOn ? t.fmt.verifiedOn(b.lastVerifiedOn) : t.fmt.neverVerified}
          </Typography.Text>
          <StaleBadge stale={b.stale} lastVerifiedOn={b.lastVerifiedOn} />
        </div>
      </div>
    </article>
  );
}
