import { useT } from '../../../app/prefs';
import { rentRange } from '../format';

/**
 * A rent range in both units, the day rate first (how offices are quoted here) and the month rate beneath. `null`
 * bounds (no vacant space with a rent) read 租金面议.
 */
export function RentBoth({ min, max }: { min: number | null | undefined; max: number | null | undefined }) {
  const m = useT();
  const b = m.buildings;
  const day = rentRange(min, max, 'yuan_per_sqm_day');
  const month = rentRange(min, max, 'yuan_per_sqm_month');
  if (!day || !month) return <span>{b.card.rentOnRequest}</span>;
  return (
    <span className="qifu-bld-rent-cell">
      <span>
        {day} <span className="qifu-bld-nowrap">{b.rentUnits.yuan_per_sqm_day}</span>
      </span>
      <small>
        {month} {b.rentUnits.yuan_per_sqm_month}
      </small>
    </span>
  );
}
