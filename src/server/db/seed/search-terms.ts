import type { Insertable } from 'kysely';
import type { SearchTermScope } from '../../../shared/insights-api';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import type { DB } from '../database';
import type { SearchTermTable } from '../schema';
import { addDays, SeededRandom } from './random';

/**
 * Demo search-term counts for the 90 days before now (insights: most searched terms), as the search routes would
 * have recorded them (platform/text/search-terms.ts): per day, scope and normalised term. The mean searches per day
 * fall off with the rank (roughly Zipf), weekends see a third of a weekday, and a few terms are seasonal (稳岗 and
 * 社保 rise in the last month, 人才公寓 is steady). Rare terms appear on a few days only, so the public page's
 * "searched on at least 3 days" rule has something to leave out.
 */
const TERMS: Record<SearchTermScope, readonly [term: string, perWeekday: number][]> = {
  policies: [
    ['补贴', 14],
    ['专精特新', 10],
    ['高新技术企业', 8],
    ['研发费用', 6],
    ['稳岗', 5],
    ['人才', 4.5],
    ['免申即享', 4],
    ['小巨人', 3],
    ['瞪羚企业', 2.5],
    ['首台套', 1.8],
    ['社保', 1.6],
    ['贷款贴息', 1.4],
    ['技术改造', 1.2],
    ['数字化转型', 1],
    ['知识产权', 0.9],
    ['出口', 0.7],
    ['税收', 0.7],
    ['创业担保贷款', 0.5],
    ['绿色工厂', 0.3],
    ['跨境电商', 0.25],
    ['海洋经济', 0.1],
  ],
  buildings: [
    ['租金', 7],
    ['人才公寓', 5],
    ['亿元楼', 4],
    ['甲级写字楼', 3],
    ['香港中路', 2.5],
    ['精装修', 1.8],
    ['地铁', 1.5],
    ['共享办公', 1],
    ['产业园', 0.8],
    ['500平', 0.5],
    ['海景', 0.3],
  ],
  appeals_kb: [
    ['营业执照', 2.5],
    ['社保', 2],
    ['公积金', 1.5],
    ['发票', 1.2],
    ['用电报装', 0.8],
    ['招工', 0.6],
    ['环评', 0.4],
    ['消防验收', 0.3],
  ],
  content: [
    ['营商环境', 1.5],
    ['政策解读', 1.2],
    ['办事指南', 1],
    ['一网通办', 0.6],
  ],
};

/** Terms that rise in the last 30 days (a new notice, the year's end). */
const SEASONAL: Record<string, number> = { 稳岗: 2.2, 社保: 1.8, 高新技术企业: 1.5 };

/** A Poisson draw (Knuth; the means here are small). */
function poisson(r: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = r.next();
  while (p > limit) {
    k++;
    p *= r.next();
  }
  return k;
}

export async function seedSearchTerms(trx: DB, opts: { clock: Clock; days?: number }): Promise<number> {
  const r = new SeededRandom(20_261_108);
  const today = shanghaiDate(opts.clock.now());
  const days = opts.days ?? 90;
  const rows: Insertable<SearchTermTable>[] = [];
  for (let i = days; i >= 1; i--) {
    const day = addDays(today, -i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.35 : 1;
    for (const [scope, terms] of Object.entries(TERMS) as [SearchTermScope, (typeof TERMS)['policies']][]) {
      for (const [term, mean] of terms) {
        const season = i <= 30 ? (SEASONAL[term] ?? 1) : 1;
        const count = poisson(r, mean * weekend * season);
        if (count > 0) rows.push({ day, scope, term, count });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('searchTerms')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
