import type { EnterpriseProfile, YearlyMetric } from '../../../../shared/enterprises';
import {
  IP_KIND_LABELS,
  IP_KINDS,
  YEARLY_METRIC_LABELS,
  YEARLY_METRICS,
} from '../../../../shared/enterprises';
import { findIndustry } from '../../../../shared/industries';
import type { LabelIndex } from '../../../../shared/policy-labels';
import {
  type AnswerType,
  type CatalogueEntry,
  DEFAULT_FACT_CATALOGUE,
  type EnterpriseFacts,
  type FactCatalogue,
  type FactKey,
  type MeasureEntry,
  PROFILE_NUMBER_FIELD_LABELS,
  type QualificationFact,
  type QuantityUnit,
  type YearRef,
} from '../../../../shared/policy-rules';
import { shanghaiDate } from '../../../platform/calendar/workdays';

/**
 * Facts as the evaluator reads them: the snapshot plus the evaluation date and reward year, with the few
 * derived values every program needs computed once per enterprise (not once per program).
 */

// ——— dates as day numbers (days since 1970-01-01), so that comparisons and differences are integer arithmetic ———

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): integer arithmetic only,
 * several times cheaper than Date.UTC in the evaluator's hot path.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day number of a YYYY-MM-DD date, or NaN when it is not one. No allocation: read by char codes. */
export function dayNumber(date: string | undefined | null): number {
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== 45 ||
    date.charCodeAt(7) !== 45
  ) {
    return Number.NaN;
  }
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return Number.NaN;
  return daysFromCivil(y, m, d);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12), Gregorian leap years; arithmetic only, no Date. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1]!;
}

/** YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The year of a YYYY-MM-DD date (read from its first four characters, no allocation); NaN if not digits. */
export function yearOfDate(date: string): number {
  return digits(date, 0, 4);
}

/**
 * The anniversary of `date` after years + months + days, as a day number. Years and months first with the day
 * clamped to the end of a shorter month (2024-02-29 + 1 year = 2025-02-28; 01-31 + 1 month = 02-28/29), which is
 * how 民法典 §202 ends a period counted in years or months; then the days.
 */
export function anniversaryDay(date: string, years: number, months: number, days: number): number {
  const start = dayNumber(date);
  if (Number.isNaN(start)) return Number.NaN;
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  const totalMonths = m - 1 + months + years * 12;
  const ny = y + Math.floor(totalMonths / 12);
  const nm = (totalMonths % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return daysFromCivil(ny, nm, nd) + days;
}

/** The evaluation date of an instant: the calendar date in Asia/Shanghai (the platform clock gives the instant). */
export function evaluationDate(now: Date): string {
  return shanghaiDate(now);
}

// ——— the prepared snapshot ———

export interface EvaluationContext {
  /** The evaluation date, YYYY-MM-DD (Asia/Shanghai). */
  asOf: string;
  /** The reward year (奖励年度) for rules that do not set their own; default: the evaluation year − 1. */
  rewardYear?: number;
}

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

/** Index of a yearly metric in the dense figure table. */
export const METRIC_INDEX: Readonly<Record<YearlyMetric, number>> = {
  revenue: YEARLY_METRICS.indexOf('revenue'),
  taxPaid: YEARLY_METRICS.indexOf('taxPaid'),
  rdSpending: YEARLY_METRICS.indexOf('rdSpending'),
  exports: YEARLY_METRICS.indexOf('exports'),
  totalAssets: YEARLY_METRICS.indexOf('totalAssets'),
};
const METRICS = YEARLY_METRICS.length;

// ——— shared leaf results ———

/**
 * Programs of one district share most of their conditions (the same qualification, the same revenue line, the
 * same streets). Leaves with the same meaning get the same slot here, whatever program they belong to, and a
 * PreparedFacts remembers each slot's status once computed: matching 1,000 programs evaluates each distinct
 * condition once per enterprise. The registry only grows (a few bytes per distinct condition ever compiled).
 */
const leafSlots = new Map<string, number>();

/** The slot of a leaf by its canonical key (its meaning, without id, label or weight). */
export function leafSlot(key: string): number {
  let slot = leafSlots.get(key);
  if (slot === undefined) {
    slot = leafSlots.size;
    leafSlots.set(key, slot);
  }
  return slot;
}

/** Facts plus context, with per-enterprise derived values. Built once per enterprise by `prepareFacts`. */
export interface PreparedFacts {
  readonly facts: EnterpriseFacts;
  readonly asOf: string;
  readonly asOfDay: number;
  /** Calendar year of the evaluation date. */
  readonly evaluationYear: number;
  readonly rewardYear: number;
  /** The 门类 letter of the industry code, when known. */
  readonly industrySection: string | undefined;
  readonly yearly: Readonly<Record<string, Partial<Record<string, number>>>>;
  readonly ip: Readonly<Partial<Record<string, number>>>;
  readonly qualifications: Readonly<Record<string, QualificationFact>>;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly measures: Readonly<Record<string, number>>;
  readonly events: Readonly<Record<string, string>>;
  readonly otherPayments: Readonly<Record<string, number>>;
  /** Yearly figures as a dense table (NaN = missing), read through `figure`. */
  readonly figureTable: Float64Array;
  readonly firstFigureYear: number;
  readonly lastFigureYear: number;
  /** Leaf statuses already computed for these facts, by slot: 0 = not yet, else status + 1. */
  readonly leafMemo: Uint8Array;
}

/** One yearly figure, NaN when missing. Dense table lookup: the hot path of most conditions. */
export function figure(f: PreparedFacts, year: number, metric: number): number {
  if (year < f.firstFigureYear || year > f.lastFigureYear) return Number.NaN;
  return f.figureTable[(year - f.firstFigureYear) * METRICS + metric]!;
}

function figureTable(yearly: EnterpriseFacts['yearly']): {
  table: Float64Array;
  first: number;
  last: number;
} {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const key of Object.keys(yearly ?? {})) {
    const y = Number(key);
    if (!Number.isInteger(y)) continue;
    if (y < first) first = y;
    if (y > last) last = y;
  }
  if (first > last) return { table: new Float64Array(0), first: 0, last: -1 };
  const table = new Float64Array((last - first + 1) * METRICS).fill(Number.NaN);
  for (const [key, row] of Object.entries(yearly ?? {})) {
    const y = Number(key);
    if (!Number.isInteger(y) || !row) continue;
    for (let m = 0; m < METRICS; m++) {
      const v = row[YEARLY_METRICS[m]!];
      if (typeof v === 'number') table[(y - first) * METRICS + m] = v;
    }
  }
  return { table, first, last };
}

export interface PrepareOptions {
  /**
   * Remember each distinct condition's status for these facts (default true). False re-evaluates every
   * condition of every program; it exists to measure what the sharing saves.
   */
  shareResults?: boolean;
}

export function prepareFacts(
  facts: EnterpriseFacts,
  ctx: EvaluationContext,
  options: PrepareOptions = {},
): PreparedFacts {
  const asOfDay = dayNumber(ctx.asOf);
  if (Number.isNaN(asOfDay)) throw new RangeError(`evaluation date must be YYYY-MM-DD, got ${ctx.asOf}`);
  const evaluationYear = Number(ctx.asOf.slice(0, 4));
  const industry = facts.industryCode === undefined ? null : findIndustry(facts.industryCode);
  const figures = figureTable(facts.yearly);
  return {
    facts,
    asOf: ctx.asOf,
    asOfDay,
    evaluationYear,
    rewardYear: ctx.rewardYear ?? evaluationYear - 1,
    industrySection: industry?.section,
    yearly: facts.yearly ?? EMPTY,
    ip: facts.ip ?? EMPTY,
    qualifications: facts.qualifications ?? EMPTY,
    flags: facts.flags ?? EMPTY,
    measures: facts.measures ?? EMPTY,
    events: facts.events ?? EMPTY,
    otherPayments: facts.otherPayments ?? EMPTY,
    figureTable: figures.table,
    firstFigureYear: figures.first,
    lastFigureYear: figures.last,
    leafMemo: new Uint8Array(options.shareResults === false ? 0 : leafSlots.size),
  };
}

/** Resolves a YearRef against prepared facts; `rewardYear` of the rule set wins over the context's. */
export type YearResolver = (f: PreparedFacts) => number;

export function yearResolver(ref: YearRef, ruleRewardYear: number | undefined): YearResolver {
  switch (ref.ref) {
    case 'absolute': {
      const y = ref.year;
      return () => y;
    }
    case 'evaluation': {
      const off = ref.offset;
      return (f) => f.evaluationYear + off;
    }
    case 'reward': {
      const off = ref.offset;
      if (ruleRewardYear !== undefined) {
        const y = ruleRewardYear + off;
        return () => y;
      }
      return (f) => f.rewardYear + off;
    }
  }
}

// ——— fact keys ———

export const factKeys = {
  yearly: (year: number, metric: string): FactKey => `yearly.${year}.${metric}`,
  ip: (kind: string): FactKey => `ip.${kind}`,
  qualification: (code: string): FactKey => `qualification.${code}`,
  flag: (code: string): FactKey => `flag.${code}`,
  measure: (code: string): FactKey => `measure.${code}`,
  event: (code: string): FactKey => `event.${code}`,
  otherPayment: (code: string): FactKey => `otherPayment.${code}`,
};

/** Lookup tables of a catalogue, built once per catalogue object; the shared wording reads names through it. */
export interface CatalogueIndex extends LabelIndex {
  catalogue: FactCatalogue;
  qualification(code: string): string;
  flag(code: string): string;
  measure(code: string): MeasureEntry | undefined;
  event(code: string): string;
  otherPayment(code: string): string;
  street(code: string): string | undefined;
}

const indexCache = new WeakMap<FactCatalogue, CatalogueIndex>();

export function indexCatalogue(catalogue: FactCatalogue = DEFAULT_FACT_CATALOGUE): CatalogueIndex {
  const cached = indexCache.get(catalogue);
  if (cached) return cached;
  const names = (list: readonly CatalogueEntry[] | undefined) =>
    new Map((list ?? []).map((e) => [e.code, e.name]));
  const q = names(catalogue.qualifications);
  const fl = names(catalogue.flags);
  const ms = new Map(catalogue.measures.map((e) => [e.code, e]));
  const ev = names(catalogue.events);
  const op = names(catalogue.otherPayments);
  const st = names(catalogue.streets);
  const index: CatalogueIndex = {
    catalogue,
    qualification: (c) => q.get(c) ?? c,
    flag: (c) => fl.get(c) ?? c,
    measure: (c) => ms.get(c),
    event: (c) => ev.get(c) ?? c,
    otherPayment: (c) => op.get(c) ?? c,
    street: (c) => st.get(c),
  };
  indexCache.set(catalogue, index);
  return index;
}

/** Describes a fact key for people: its name, the self-test question, the kind of answer and its unit. */
export interface FactDescription {
  name: string;
  question: string;
  answer: AnswerType;
  unit?: QuantityUnit;
}

const PROFILE_FACTS: Record<string, FactDescription> = {
  employees: {
    name: PROFILE_NUMBER_FIELD_LABELS.employees,
    question: '企业从业人员有多少人？',
    answer: 'number',
    unit: 'person',
  },
  insuredEmployees: {
    name: PROFILE_NUMBER_FIELD_LABELS.insuredEmployees,
    question: '企业缴纳社保的人数是多少？',
    answer: 'number',
    unit: 'person',
  },
  registeredCapital: {
    name: PROFILE_NUMBER_FIELD_LABELS.registeredCapital,
    question: '企业注册资本是多少？',
    answer: 'money',
    unit: 'yuan',
  },
  establishedOn: { name: '成立日期', question: '企业成立日期是哪一天？', answer: 'date' },
  industryCode: { name: '所属行业', question: '企业属于哪个行业？', answer: 'industry' },
  streetCode: { name: '所属街道', question: '企业注册在哪个街道？', answer: 'street' },
  sizeClass: { name: '企业规模', question: '企业属于大型、中型、小型还是微型企业？', answer: 'sizeClass' },
};

export function describeFact(key: FactKey, index: CatalogueIndex = indexCatalogue()): FactDescription {
  const profile = PROFILE_FACTS[key];
  if (profile) return profile;
  const dot = key.indexOf('.');
  const group = key.slice(0, dot);
  const rest = key.slice(dot + 1);
  switch (group) {
    case 'yearly': {
      const [year, metric] = rest.split('.') as [string, string];
      const name = `${year}年${YEARLY_METRIC_LABELS[metric as keyof typeof YEARLY_METRIC_LABELS] ?? metric}`;
      return { name, question: `${name}是多少？`, answer: 'money', unit: 'yuan' };
    }
    case 'ip': {
      const name = IP_KIND_LABELS[rest as keyof typeof IP_KIND_LABELS] ?? rest;
      return { name: `${name}数量`, question: `企业拥有多少件${name}？`, answer: 'number', unit: 'piece' };
    }
    case 'qualification': {
      const name = index.qualification(rest);
      return {
        name: `${name}认定情况`,
        question: `企业是否获得过${name}认定？如有，认定日期是？`,
        answer: 'qualification',
      };
    }
    case 'flag': {
      const name = index.flag(rest);
      return { name: `是否${name}`, question: `企业是否${name}？`, answer: 'boolean' };
    }
    case 'measure': {
      const m = index.measure(rest);
      const name = m?.name ?? rest;
      const unit = m?.unit ?? 'count';
      return { name, question: `${name}是多少？`, answer: unit === 'yuan' ? 'money' : 'number', unit };
    }
    case 'event': {
      const name = index.event(rest);
      return { name, question: `${name}是哪一天？`, answer: 'date' };
    }
    case 'otherPayment': {
      const name = index.otherPayment(rest);
      return { name, question: `${name}是多少？`, answer: 'money', unit: 'yuan' };
    }
    default:
      return { name: key, question: `${key}？`, answer: 'number' };
  }
}

// ——— from the enterprise profile (一企一档) ———

export interface ProfileFactsOptions {
  /** The evaluation date: qualifications recognised after it are ignored. */
  asOf: string;
  /**
   * Qualification kinds to record as known NOT held when the profile has no recognition of them. The profile is
   * the enterprise's declared list, so matching passes every kind of the catalogue; without it they stay unknown.
   */
  qualificationKinds?: readonly string[];
  /** Facts the profile does not hold (flags, measures, events, other levels' payments). */
  extra?: Pick<EnterpriseFacts, 'flags' | 'measures' | 'events' | 'otherPayments'>;
}

const WAN = 10_000;
/** 万元 → 元, rounded to whole 元 (profile figures have at most 2 decimals of 万元, so this is exact). */
const yuan = (wan: number | null): number | undefined => (wan === null ? undefined : Math.round(wan * WAN));

/**
 * The parts of an enterprise profile facts are made of. The API's `EnterpriseProfile` has them; so do rows read in
 * bulk (政策找企业 over every enterprise), which is why this is a structural type and not the whole profile.
 */
export interface ProfileForFacts {
  employees: number | null;
  insuredEmployees: number | null;
  /** 万元 */
  registeredCapital: number | null;
  establishedOn: string | null;
  industry: { code: string } | null;
  street: { code: string } | null;
  size: { sizeClass: EnterpriseProfile['size']['sizeClass'] };
  /** Figures in 万元; null unknown. */
  yearly: readonly ({ year: number } & Record<YearlyMetric, number | null>)[];
  ip: Record<(typeof IP_KINDS)[number], number | null>;
  qualifications: readonly { kind: string; recognizedOn: string; expiresOn: string | null }[];
}

/**
 * The facts of an enterprise profile: 万元 figures become 元, null becomes absent (unknown), qualification rows
 * are summarised per kind (latest and first recognition on or before the evaluation date).
 */
export function factsFromProfile(profile: ProfileForFacts, options: ProfileFactsOptions): EnterpriseFacts {
  const facts: EnterpriseFacts = {};
  if (profile.employees !== null) facts.employees = profile.employees;
  if (profile.insuredEmployees !== null) facts.insuredEmployees = profile.insuredEmployees;
  const capital = yuan(profile.registeredCapital);
  if (capital !== undefined) facts.registeredCapital = capital;
  if (profile.establishedOn) facts.establishedOn = profile.establishedOn;
  if (profile.industry) facts.industryCode = profile.industry.code;
  if (profile.street) facts.streetCode = profile.street.code;
  if (profile.size.sizeClass) facts.sizeClass = profile.size.sizeClass;

  const yearly: NonNullable<EnterpriseFacts['yearly']> = {};
  for (const row of profile.yearly) {
    const figures: Partial<Record<(typeof YEARLY_METRICS)[number], number>> = {};
    for (const metric of YEARLY_METRICS) {
      const v = yuan(row[metric]);
      if (v !== undefined) figures[metric] = v;
    }
    yearly[String(row.year)] = figures;
  }
  facts.yearly = yearly;

  const ip: NonNullable<EnterpriseFacts['ip']> = {};
  for (const kind of IP_KINDS) {
    const v = profile.ip[kind];
    if (v !== null) ip[kind] = v;
  }
  facts.ip = ip;

  const qualifications: Record<string, QualificationFact> = {};
  for (const row of profile.qualifications) {
    if (row.recognizedOn > options.asOf) continue;
    const year = Number(row.recognizedOn.slice(0, 4));
    const q = qualifications[row.kind];
    if (!q) {
      qualifications[row.kind] = {
        recognized: true,
        recognizedOn: row.recognizedOn,
        firstRecognizedOn: row.recognizedOn,
        expiresOn: row.expiresOn,
        recognitionYears: [year],
      };
      continue;
    }
    if (!q.recognitionYears?.includes(year))
      q.recognitionYears = [...(q.recognitionYears ?? []), year].sort((a, b) => a - b);
    if (row.recognizedOn > (q.recognizedOn ?? '')) {
      q.recognizedOn = row.recognizedOn;
      q.expiresOn = row.expiresOn;
    }
    if (row.recognizedOn < (q.firstRecognizedOn ?? '9999')) q.firstRecognizedOn = row.recognizedOn;
  }
  for (const kind of options.qualificationKinds ?? []) {
    if (!qualifications[kind]) qualifications[kind] = { recognized: false };
  }
  facts.qualifications = qualifications;

  if (options.extra?.flags) facts.flags = { ...options.extra.flags };
  if (options.extra?.measures) facts.measures = { ...options.extra.measures };
  if (options.extra?.events) facts.events = { ...options.extra.events };
  if (options.extra?.otherPayments) facts.otherPayments = { ...options.extra.otherPayments };
  return facts;
}

/** Every qualification code of a catalogue (for `ProfileFactsOptions.qualificationKinds`). */
export function qualificationCodes(catalogue: FactCatalogue = DEFAULT_FACT_CATALOGUE): string[] {
  return catalogue.qualifications.map((q) => q.code);
}
