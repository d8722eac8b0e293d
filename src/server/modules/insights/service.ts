import { APPEAL_STATS_MAX_MONTHS, type AppealRates, type AppealStats } from '../../../shared/appeals-api';
import { SIZE_CLASS_NAMES, type SizeClassCode } from '../../../shared/enterprises';
import { findIndustrySection, INDUSTRY_DIVISIONS } from '../../../shared/industries';
import {
  type AppealRateRow,
  type Dashboard,
  type DashboardAppealRow,
  type DistributionRow,
  type InsightsPeriodQuery,
  insightsPeriodQuerySchema,
  PUBLIC_TERM_MIN_DAYS,
  type PublicInsights,
  SEARCH_TERM_SCOPE_LABELS,
  SEARCH_TERM_SCOPES,
  SMALL_CELL_MIN,
} from '../../../shared/insights-api';
import type { Platform } from '../../app';
import { shanghaiDate } from '../../platform/calendar/workdays';
import { fieldErrors } from '../../platform/errors';
import { appealStatistics } from '../appeals';
import { InsightsRepository } from './repository';
import { cell, cellsOf, suppressedCells } from './suppress';

/** The four rates of SPEC §2.4 the insights show (their formulas come from the appeal statistics). */
export const RATE_KEYS = ['responseRate', 'onTimeReplyRate', 'solvedRate', 'satisfactionRate'] as const;
/** Years of new registrations on the public page. */
const GROWTH_YEARS = 10;
/** Days of search terms on the public page. */
const PUBLIC_TERM_DAYS = 90;
/**
 * How long one computation of the public figures is served (ms). The page is public and each computation runs a
 * dozen aggregates (the appeal pass among them), so a burst of visitors costs one computation per instance and
 * minute; the page and the export show the data time (`asOf`) of the figures they got.
 */
export const PUBLIC_CACHE_MS = 60_000;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The instant a Shanghai day starts. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const wan = (yuan: number) => Math.round(yuan / 100) / 100;
const ratio = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

export interface InsightsPeriod {
  /** Shanghai days, both included. */
  from: string;
  to: string;
  /** Instants: >= start, < end. */
  start: string;
  end: string;
  /** The months the appeal figures cover (appeals are counted per Shanghai month). */
  fromMonth: string;
  toMonth: string;
}

/** The period of a query; default the 12 months ending today (from the 1st of the month 11 months back). */
export function insightsPeriod(query: unknown, now: Date): InsightsPeriod {
  const parsed = insightsPeriodQuerySchema.safeParse(query ?? {});
  if (!parsed.success)
    throw fieldErrors(
      parsed.error.issues.map((i) => {
        const code = (i as { params?: { code?: string } }).params?.code;
        return {
          field: i.path.join('.') || 'query',
          code: (code ?? 'VALIDATION_FAILED') as never,
          message: i.message,
        };
      }),
    );
  const q: InsightsPeriodQuery = parsed.data;
  const today = shanghaiDate(now);
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? `${monthOf(monthIndex(to.slice(0, 7)) - 11)}-01`;
  return {
    from,
    to,
    start: dayStart(from),
    end: dayStart(addDays(to, 1)),
    fromMonth: from.slice(0, 7),
    toMonth: to.slice(0, 7),
  };
}

interface AppealCounts {
  submitted: number;
  responded: number;
  respondedOnTime: number;
  replied: number;
  repliedOnTime: number;
  rated: number;
  solved: number;
  satisfied: number;
}
const COUNT_KEYS: (keyof AppealCounts)[] = [
  'submitted',
  'responded',
  'respondedOnTime',
  'replied',
  'repliedOnTime',
  'rated',
  'solved',
  'satisfied',
];

function withRates(key: string | null, label: string, c: AppealCounts): DashboardAppealRow {
  return {
    key,
    label,
    ...c,
    responseRate: ratio(c.respondedOnTime, c.responded),
    onTimeReplyRate: ratio(c.repliedOnTime, c.replied),
    solvedRate: ratio(c.solved, c.rated),
    satisfactionRate: ratio(c.satisfied, c.rated),
  };
}

const countsOf = (r: AppealRates): AppealCounts =>
  Object.fromEntries(COUNT_KEYS.map((k) => [k, r[k]])) as unknown as AppealCounts;

/** The insights service: the public figures (suppressed) and the dashboard (the period, everything). */
export class InsightsService {
  private readonly repo: InsightsRepository;
  private publicCache: { at: number; value: Promise<PublicInsights> } | null = null;

  constructor(private readonly platform: Platform) {
    this.repo = new InsightsRepository(platform.database.db);
  }

  private now(): Date {
    return this.platform.clock.now();
  }

  /**
   * Appeal statistics over months from..to through the appeals module's own service (one aggregate pass per
   * grouping), in windows of at most 36 months (its limit); windows of a longer period are added up by their
   * counts and the rates recomputed from the sums.
   */
  private async appeals(fromMonth: string, toMonth: string, by: 'department' | 'month') {
    const deps = {
      db: this.platform.database.db,
      dialect: this.platform.database.dialect,
      now: this.now(),
    };
    const parts: AppealStats[] = [];
    for (let i = monthIndex(fromMonth); i <= monthIndex(toMonth); i += APPEAL_STATS_MAX_MONTHS) {
      const end = Math.min(monthIndex(toMonth), i + APPEAL_STATS_MAX_MONTHS - 1);
      parts.push(await appealStatistics(deps, { from: monthOf(i), to: monthOf(end), by }));
    }
    const rows = new Map<string, { key: string | null; label: string; counts: AppealCounts }>();
    const totals = countsOf(parts[0]!.totals);
    for (const [n, p] of parts.entries()) {
      if (n > 0) for (const k of COUNT_KEYS) totals[k] += p.totals[k];
      for (const r of p.rows) {
        const id = r.key ?? '';
        const seen = rows.get(id);
        if (!seen) rows.set(id, { key: r.key, label: r.label, counts: countsOf(r) });
        else for (const k of COUNT_KEYS) seen.counts[k] += r[k];
      }
    }
    const list = [...rows.values()].map((r) => withRates(r.key, r.label, r.counts));
    if (by === 'department')
      list.sort((a, b) => b.submitted - a.submitted || a.label.localeCompare(b.label, 'zh'));
    return {
      totals: withRates(null, '合计', totals),
      rows: list,
      formulas: parts[0]!.formulas.filter((f) => (RATE_KEYS as readonly string[]).includes(f.key)),
    };
  }

  private async enterpriseDistributions() {
    const [streets, byStreet, byIndustry, bySize] = await Promise.all([
      this.repo.streets(),
      this.repo.enterpriseCounts('streetCode'),
      this.repo.enterpriseCounts('industryCode'),
      this.repo.enterpriseCounts('sizeClass'),
    ]);
    const streetName = new Map(streets.map((s) => [s.code, s.name]));
    const total = byStreet.reduce((a, r) => a + r.n, 0);
    const streetRows = streets.map((s) => ({
      key: s.code,
      label: s.name,
      count: byStreet.find((r) => r.key === s.code)?.n ?? 0,
    }));
    const unknownStreet = byStreet
      .filter((r) => !r.key || !streetName.has(r.key))
      .reduce((a, r) => a + r.n, 0);
    if (unknownStreet) streetRows.push({ key: 'unknown', label: '未填写', count: unknownStreet });

    // GB/T 4754-2017 门类 (sections): small enough groups to publish, big enough to mean something.
    const sections = new Map<string, { key: string; label: string; count: number }>();
    for (const r of byIndustry) {
      const division = r.key ? INDUSTRY_DIVISIONS.find((d) => d.code === r.key!.slice(0, 2)) : undefined;
      const s = division ? findIndustrySection(division.section) : null;
      const key = s?.code ?? 'unknown';
      const row = sections.get(key) ?? { key, label: s ? `${s.code} ${s.name}` : '未填写', count: 0 };
      row.count += r.n;
      sections.set(key, row);
    }
    const industryRows = [...sections.values()].sort(
      (a, b) => b.count - a.count || a.key.localeCompare(b.key),
    );

    const sizeRows: { key: string; label: string; count: number }[] = (
      ['large', 'medium', 'small', 'micro'] as SizeClassCode[]
    ).map((k) => ({
      key: k,
      label: SIZE_CLASS_NAMES[k],
      count: bySize.find((r) => r.key === k)?.n ?? 0,
    }));
    const unclassified = bySize
      .filter((r) => !r.key || !(r.key in SIZE_CLASS_NAMES))
      .reduce((a, r) => a + r.n, 0);
    if (unclassified) sizeRows.push({ key: 'unknown', label: '暂未划型', count: unclassified });
    return { total, byStreet: streetRows, byIndustry: industryRows, bySize: sizeRows };
  }

  private async buildings() {
    const [streets, perStreet] = await Promise.all([this.repo.streets(), this.repo.buildingsPerStreet()]);
    const streetName = new Map(streets.map((s) => [s.code, s.name]));
    const figures = (x: {
      count: number;
      leasableArea: number;
      vacantArea: number;
      yiYuan: number;
      qianWanYuan: number;
    }) => ({
      count: x.count,
      leasableArea: Math.round(x.leasableArea * 100) / 100,
      vacantArea: Math.round(x.vacantArea * 100) / 100,
      vacancyRate: ratio(x.vacantArea, x.leasableArea),
      yiYuan: x.yiYuan,
      qianWanYuan: x.qianWanYuan,
    });
    const total = { count: 0, leasableArea: 0, vacantArea: 0, yiYuan: 0, qianWanYuan: 0 };
    for (const r of perStreet) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    const byStreet = perStreet
      .map((r) => ({ key: r.street, label: streetName.get(r.street) ?? r.street, ...figures(r) }))
      .sort(
        (a, b) =>
          streets.findIndex((s) => s.code === a.key) - streets.findIndex((s) => s.code === b.key) ||
          a.key.localeCompare(b.key),
      );
    const hot = (await this.repo.hotBuildings(10)).map((b, i) => ({
      rank: i + 1,
      id: b.id,
      name: b.name,
      street: streetName.get(b.streetCode) ?? b.streetCode,
      vacancyRate: Number(b.vacancyRate),
      taxFlag: b.taxFlag,
    }));
    return { ...figures(total), byStreet, hot };
  }

  /** GET /insights/public: figures safe to publish, small cells suppressed (see suppress.ts); cached a minute. */
  publicInsights(): Promise<PublicInsights> {
    const now = this.now().getTime();
    const cached = this.publicCache;
    if (cached && now >= cached.at && now - cached.at < PUBLIC_CACHE_MS) return cached.value;
    const value = this.computePublic();
    const entry = { at: now, value };
    this.publicCache = entry;
    value.catch(() => {
      if (this.publicCache === entry) this.publicCache = null;
    });
    return value;
  }

  private async computePublic(): Promise<PublicInsights> {
    const now = this.now();
    const today = shanghaiDate(now);
    const period = insightsPeriod({}, now);
    const [ent, perDay, appeals, claims, buildings, terms] = await Promise.all([
      this.enterpriseDistributions(),
      this.repo.establishedPerDay(),
      this.appeals(period.fromMonth, period.toMonth, 'month'),
      this.repo.claimsPerProgram(period),
      this.buildings(),
      this.repo.topTerms({
        from: addDays(today, -(PUBLIC_TERM_DAYS - 1)),
        to: today,
        limit: 20,
        minDays: PUBLIC_TERM_MIN_DAYS,
        minCount: SMALL_CELL_MIN,
      }),
    ]);

    const published = (rows: { key: string; label: string; count: number }[], complementary: boolean) => {
      const cells = cellsOf(
        rows.map((r) => r.count),
        complementary,
      );
      return rows.map((r, i): DistributionRow => ({ key: r.key, label: r.label, count: cells[i]! }));
    };
    const thisYear = Number(today.slice(0, 4));
    const growth = Array.from({ length: GROWTH_YEARS }, (_, i) => {
      const year = String(thisYear - GROWTH_YEARS + 1 + i);
      const count = perDay.filter((d) => d.day?.startsWith(year)).reduce((a, d) => a + d.n, 0);
      return { key: year, label: `${year}年`, count };
    });

    // Appeals: a month with 1–4 appeals is not shown (complementary across the months, whose total is published);
    // a rate is not shown when its denominator is below 5.
    const submittedHidden = suppressedCells(
      appeals.rows.map((r) => r.submitted),
      true,
    );
    const publicRate = (r: DashboardAppealRow, hideSubmitted: boolean): AppealRateRow => {
      const small = (n: number) => n < SMALL_CELL_MIN;
      return {
        key: r.key,
        label: r.label,
        submitted: cell(r.submitted, hideSubmitted),
        responseRate: small(r.responded) ? null : r.responseRate,
        onTimeReplyRate: small(r.replied) ? null : r.onTimeReplyRate,
        solvedRate: small(r.rated) ? null : r.solvedRate,
        satisfactionRate: small(r.rated) ? null : r.satisfactionRate,
        responded: cell(r.responded, r.responded > 0 && small(r.responded)),
        replied: cell(r.replied, r.replied > 0 && small(r.replied)),
        rated: cell(r.rated, r.rated > 0 && small(r.rated)),
      };
    };

    // Claims: a program paid to fewer than 5 enterprises shows neither its amount nor its count.
    const paidPrograms = claims.programs
      .filter((p) => claims.paid.has(p.id))
      .map((p) => ({ key: p.id, label: p.title, ...claims.paid.get(p.id)! }))
      .sort((a, b) => b.amount - a.amount || a.label.localeCompare(b.label, 'zh'));
    const programHidden = suppressedCells(
      paidPrograms.map((p) => p.enterprises),
      true,
    );
    const paidTotal = paidPrograms.reduce((a, p) => a + p.amount, 0);

    return {
      asOf: now.toISOString(),
      from: period.fromMonth,
      to: period.toMonth,
      smallCellMin: SMALL_CELL_MIN,
      enterprises: {
        total: ent.total,
        byStreet: published(ent.byStreet, true),
        byIndustry: published(ent.byIndustry, true),
        bySize: published(ent.bySize, true),
        growth: published(growth, false),
      },
      appeals: {
        totals: publicRate(appeals.totals, appeals.totals.submitted < SMALL_CELL_MIN),
        byMonth: appeals.rows.map((r, i) => publicRate(r, submittedHidden[i]!)),
        formulas: appeals.formulas,
      },
      claims: {
        paidWan: wan(paidTotal),
        enterprises: cell(claims.enterprises, claims.enterprises > 0 && claims.enterprises < SMALL_CELL_MIN),
        byProgram: paidPrograms.map((p, i) => ({
          key: p.key,
          label: p.label,
          paidWan: programHidden[i] ? null : wan(p.amount),
          enterprises: cell(p.enterprises, programHidden[i]!),
        })),
      },
      buildings: {
        count: buildings.count,
        leasableArea: buildings.leasableArea,
        vacantArea: buildings.vacantArea,
        vacancyRate: buildings.vacancyRate,
        yiYuan: buildings.yiYuan,
        qianWanYuan: buildings.qianWanYuan,
        hot: buildings.hot,
      },
      searchTerms: terms.map((t) => ({ term: t.term, count: t.count })),
    };
  }

  /** GET /insights/dashboard: the period's figures for the leader, nothing suppressed. */
  async dashboard(query: unknown): Promise<Dashboard> {
    const now = this.now();
    const p = insightsPeriod(query, now);
    const [ent, perDay, byDepartment, byMonth, claims, buildings, terms] = await Promise.all([
      this.enterpriseDistributions(),
      this.repo.establishedPerDay(),
      this.appeals(p.fromMonth, p.toMonth, 'department'),
      this.appeals(p.fromMonth, p.toMonth, 'month'),
      this.repo.claimsPerProgram(p),
      this.buildings(),
      Promise.all(
        SEARCH_TERM_SCOPES.map((scope) => this.repo.topTerms({ from: p.from, to: p.to, scope, limit: 50 })),
      ),
    ]);
    const months: string[] = [];
    for (let i = monthIndex(p.fromMonth); i <= monthIndex(p.toMonth); i++) months.push(monthOf(i));
    const growthByMonth = months.map((m) => ({
      key: m,
      label: monthLabel(m),
      count: perDay
        .filter((d) => !!d.day?.startsWith(m) && d.day >= p.from && d.day <= p.to)
        .reduce((a, d) => a + d.n, 0),
    }));

    const byProgram = claims.programs
      .map((pr) => ({
        key: pr.id,
        label: pr.title,
        department: pr.department ?? '',
        applications: claims.submitted.get(pr.id) ?? 0,
        approved: claims.approved.get(pr.id) ?? 0,
        paidWan: wan(claims.paid.get(pr.id)?.amount ?? 0),
        enterprises: claims.paid.get(pr.id)?.enterprises ?? 0,
      }))
      .sort(
        (a, b) =>
          b.paidWan - a.paidWan || b.applications - a.applications || a.label.localeCompare(b.label, 'zh'),
      );
    const paidYuan = [...claims.paid.values()].reduce((a, x) => a + x.amount, 0);

    return {
      asOf: now.toISOString(),
      from: p.from,
      to: p.to,
      enterprises: { ...ent, growthByMonth },
      appeals: {
        totals: byMonth.totals,
        byDepartment: byDepartment.rows,
        byMonth: byMonth.rows,
        formulas: byMonth.formulas,
      },
      claims: {
        totals: {
          applications: byProgram.reduce((a, x) => a + x.applications, 0),
          approved: byProgram.reduce((a, x) => a + x.approved, 0),
          paidWan: wan(paidYuan),
          enterprises: claims.enterprises,
        },
        byProgram,
      },
      buildings,
      searchTerms: SEARCH_TERM_SCOPES.map((scope, i) => ({
        scope,
        label: SEARCH_TERM_SCOPE_LABELS[scope],
        terms: terms[i]!,
      })),
    };
  }
}
