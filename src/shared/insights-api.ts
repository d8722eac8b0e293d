import { z } from 'zod';
import { isRealIsoDate } from './validation';

/**
 * Insights (SPEC §2.8, 数据赋能): the public statistics page and the leader's dashboard. Contracts of
 * GET /insights/public, GET /insights/dashboard and the table names of GET /insights/export/<table>.xlsx.
 */

/** Where searches are counted (platform/text/search-terms.ts). `content` is the 信息资讯 search, `appeals_kb` 诉求知识库. */
export const SEARCH_TERM_SCOPES = ['policies', 'buildings', 'content', 'appeals_kb'] as const;
export type SearchTermScope = (typeof SEARCH_TERM_SCOPES)[number];
export const SEARCH_TERM_SCOPE_LABELS: Record<SearchTermScope, string> = {
  policies: '政策',
  buildings: '楼宇',
  content: '资讯',
  appeals_kb: '诉求知识库',
};

/**
 * Small-cell suppression on the public page: a count of 1 to 4 (and any figure computed from so few enterprises or
 * appeals) is not published; the cell says "<5". When a distribution with a published total would have exactly one
 * suppressed cell, the next smallest is suppressed too (complementary suppression), so no cell can be recovered by
 * subtraction.
 */
export const SMALL_CELL_MIN = 5;
/** A public search term must have been searched on at least this many distinct days. */
export const PUBLIC_TERM_MIN_DAYS = 3;
/** The longest dashboard period, in years. */
export const INSIGHTS_MAX_YEARS = 5;

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();

/** A count that may be suppressed: `value` null and `suppressed` true means "fewer than 5, not published". */
export const cellSchema = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export type Cell = z.infer<typeof cellSchema>;

const distributionRow = z.object({ key: z.string(), label: z.string(), count: cellSchema });
export type DistributionRow = z.infer<typeof distributionRow>;

/** The four appeal rates (SPEC §2.4) with their denominators; a rate is null when it has none or is suppressed. */
const appealRateRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  submitted: cellSchema,
  responseRate: rate,
  onTimeReplyRate: rate,
  solvedRate: rate,
  satisfactionRate: rate,
  /** Denominators (already answered, already replied, rated) — suppressed cells are null on the public page. */
  responded: cellSchema,
  replied: cellSchema,
  rated: cellSchema,
});
export type AppealRateRow = z.infer<typeof appealRateRow>;

const formula = z.object({ key: z.string(), label: z.string(), formula: z.string() });

const hotBuilding = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  street: z.string(),
  vacancyRate: z.number(),
  taxFlag: z.string().nullable(),
});

const buildingTotals = z.object({
  count: count,
  leasableArea: z.number(),
  vacantArea: z.number(),
  /** Vacant area ÷ leasable area over all active buildings (0..1); null without spaces. */
  vacancyRate: rate,
  yiYuan: count,
  qianWanYuan: count,
});

export const publicInsightsSchema = z.object({
  asOf: z.string(),
  /** The 12 months (Asia/Shanghai) of the appeal and claim figures, YYYY-MM. */
  from: z.string(),
  to: z.string(),
  smallCellMin: z.number().int(),
  enterprises: z.object({
    total: count,
    byStreet: z.array(distributionRow),
    byIndustry: z.array(distributionRow),
    bySize: z.array(distributionRow),
    /** New registrations (成立日期) per year, the last 10 years. */
    growth: z.array(distributionRow),
  }),
  appeals: z.object({
    totals: appealRateRow,
    byMonth: z.array(appealRateRow),
    formulas: z.array(formula),
  }),
  claims: z.object({
    /** 万元, 2 decimals. */
    paidWan: z.number(),
    enterprises: cellSchema,
    byProgram: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        paidWan: z.number().nullable(),
        enterprises: cellSchema,
      }),
    ),
  }),
  buildings: buildingTotals.extend({ hot: z.array(hotBuilding) }),
  searchTerms: z.array(z.object({ term: z.string(), count: count })),
});
export type PublicInsights = z.infer<typeof publicInsightsSchema>;

const period = (what: string) =>
  z
    .string()
    .refine(isRealIsoDate, {
      message: `${what}不存在或格式不正确（应为 YYYY-MM-DD）`,
      params: { code: 'INVALID_DATE' },
    })
    .optional();

/** Dashboard and export period: dates (Asia/Shanghai), both included; default the last 12 months. */
export const insightsPeriodQuerySchema = z
  .strictObject({ from: period('起始日期'), to: period('截止日期') })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to || !isRealIsoDate(q.from) || !isRealIsoDate(q.to)) return;
    if (q.from > q.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: '截止日期不能早于起始日期',
        params: { code: 'INSIGHTS_PERIOD_REVERSED' },
      });
    else if (yearsAfter(q.from, INSIGHTS_MAX_YEARS) < q.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `统计区间最长 ${INSIGHTS_MAX_YEARS} 年`,
        params: { code: 'INSIGHTS_PERIOD_TOO_LONG' },
      });
  });
export type InsightsPeriodQuery = z.infer<typeof insightsPeriodQuerySchema>;

/** The day before the same date `years` later: 2021-03-01 + 5 years → 2026-02-28 (the last day a 5-year period may end). */
export function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return t.toISOString().slice(0, 10);
}

const plainRate = appealRateRow.extend({
  submitted: count,
  responded: count,
  replied: count,
  rated: count,
  respondedOnTime: count,
  repliedOnTime: count,
  solved: count,
  satisfied: count,
});
export type DashboardAppealRow = z.infer<typeof plainRate>;

export const dashboardSchema = z.object({
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  enterprises: z.object({
    total: count,
    byStreet: z.array(z.object({ key: z.string(), label: z.string(), count })),
    byIndustry: z.array(z.object({ key: z.string(), label: z.string(), count })),
    bySize: z.array(z.object({ key: z.string(), label: z.string(), count })),
    /** New registrations per month of the period (成立日期). */
    growthByMonth: z.array(z.object({ key: z.string(), label: z.string(), count })),
  }),
  appeals: z.object({
    totals: plainRate,
    byDepartment: z.array(plainRate),
    byMonth: z.array(plainRate),
    formulas: z.array(formula),
  }),
  claims: z.object({
    totals: z.object({ applications: count, approved: count, paidWan: z.number(), enterprises: count }),
    byProgram: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        department: z.string(),
        applications: count,
        approved: count,
        paidWan: z.number(),
        enterprises: count,
      }),
    ),
  }),
  buildings: buildingTotals.extend({
    byStreet: z.array(buildingTotals.extend({ key: z.string(), label: z.string() })),
    hot: z.array(hotBuilding),
  }),
  searchTerms: z.array(
    z.object({
      scope: z.enum(SEARCH_TERM_SCOPES),
      label: z.string(),
      terms: z.array(z.object({ term: z.string(), count, days: count })),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Tables of the public page, each exported as /insights/export/<name>.xlsx without login. */
export const PUBLIC_TABLES = [
  'public-enterprises-street',
  'public-enterprises-industry',
  'public-enterprises-size',
  'public-enterprises-growth',
  'public-appeals-month',
  'public-claims-program',
  'public-buildings-hot',
  'public-search-terms',
] as const;
/** Tables of the dashboard (its roles; the period as on the page). */
export const DASHBOARD_TABLES = [
  'enterprises-street',
  'enterprises-industry',
  'enterprises-size',
  'enterprises-growth',
  'appeals-department',
  'appeals-month',
  'claims-program',
  'buildings-street',
  'buildings-hot',
  'search-terms',
] as const;
export type PublicTable = (typeof PUBLIC_TABLES)[number];
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export type InsightsTable = PublicTable | DashboardTable;
