/**
 * Size class (大型/中型/小型/微型) from industry, employees, revenue and total assets, by a SizeStandard.
 *
 * A missing fact is never read as zero. The classifier uses three-valued logic: a fact that is unknown may
 * be anything ≥ 0, so a class is decided only when every possible value of the unknown facts leads to the
 * same class — e.g. 工业 with 10 employees is 微型 whatever the revenue ("从业人员20人以下或…"), but 工业 with
 * 500 employees and no revenue is undetermined and asks for the revenue.
 *
 * Pure: no I/O, so the same code can later drive the self-test in the browser.
 */

import { findIndustry } from '../../../shared/industries';
import {
  type Criteria,
  SIZE_STANDARD_2011,
  type SizeClass,
  type SizeExclusion,
  type SizeFact,
  type SizeSector,
  type SizeStandard,
} from './size-standards';

export type { SizeClass, SizeFact } from './size-standards';

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, string>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

export type SizeInputFact = 'industryCode' | SizeFact;

export interface SizeClassInput {
  /** GB/T 4754-2017 大类/中类/小类 code; a 中类 or 小类 is needed where the standard splits a 大类 (59, 70). */
  industryCode: string | null;
  /** 从业人员, persons. */
  employees: number | null;
  /** 营业收入 of the last year, 万元. */
  revenue: number | null;
  /** 资产总额, 万元; only some sectors use it. */
  totalAssets?: number | null;
}

export interface SizeClassResult {
  sizeClass: SizeClass | null;
  /**
   * decided: sizeClass is set. undetermined: `missing` lists what would settle it. not_applicable: the standard
   * does not classify this industry (e.g. 金融业), and no further fact would change that.
   */
  status: 'decided' | 'undetermined' | 'not_applicable';
  /** Sector id within the standard; null when the industry is unknown, excluded, or spans several sectors. */
  sector: string | null;
  sectorName: string | null;
  /** Facts that would settle an undetermined result, industry first; empty once decided. */
  missing: SizeInputFact[];
  /** One Chinese sentence a clerk can read back to the enterprise. */
  basis: string;
  standardId: string;
}

const FACT_LABELS: Record<SizeFact, { label: string; unit: string }> = {
  employees: { label: '从业人员', unit: '人' },
  revenue: { label: '营业收入', unit: '万元' },
  totalAssets: { label: '资产总额', unit: '万元' },
};

const INPUT_ORDER: readonly SizeInputFact[] = ['industryCode', 'employees', 'revenue', 'totalAssets'];

/** Classes above 微型, highest first; 微型 is what remains. */
const RANKED: readonly Exclude<SizeClass, 'micro'>[] = ['large', 'medium', 'small'];

type Facts = Record<SizeFact, number | null>;

type Target = { kind: 'sector'; sector: SizeSector } | { kind: 'exclusion'; exclusion: SizeExclusion };

interface SectorOutcome {
  sector: SizeSector;
  sizeClass: SizeClass | null;
  /** Unknown facts of this sector (all of them, whether or not they mattered). */
  unknown: SizeFact[];
  basis: string;
}

export function classifySize(
  input: SizeClassInput,
  standard: SizeStandard = SIZE_STANDARD_2011,
): SizeClassResult {
  const facts: Facts = {
    employees: knownNumber(input.employees),
    revenue: knownNumber(input.revenue),
    totalAssets: knownNumber(input.totalAssets),
  };
  const base = { standardId: standard.id };

  const raw = input.industryCode?.trim() ?? '';
  if (raw === '') {
    return {
      ...base,
      sizeClass: null,
      status: 'undetermined',
      sector: null,
      sectorName: null,
      missing: ['industryCode'],
      basis: '未填写所属行业，无法按行业标准划型',
    };
  }
  const industry = findIndustry(raw);
  if (!industry) {
    return {
      ...base,
      sizeClass: null,
      status: 'undetermined',
      sector: null,
      sectorName: null,
      missing: ['industryCode'],
      basis: `行业代码“${raw}”不是有效的国民经济行业分类代码，无法划型`,
    };
  }

  const targets = resolveTargets(industry.code, standard);
  const sectors = targets.flatMap((t) => (t.kind === 'sector' ? [t.sector] : []));
  const exclusions = targets.flatMap((t) => (t.kind === 'exclusion' ? [t.exclusion] : []));

  if (sectors.length === 0) {
    // A single exclusion: the regulation does not apply, and no other fact can change that.
    const ex = exclusions[0]!;
    return {
      ...base,
      sizeClass: null,
      status: 'not_applicable',
      sector: null,
      sectorName: null,
      missing: [],
      basis: `${ex.name}：${ex.reason}`,
    };
  }

  const outcomes = sectors.map((s) => evaluateSector(s, facts));

  if (targets.length === 1) {
    const o = outcomes[0]!;
    return {
      ...base,
      sizeClass: o.sizeClass,
      status: o.sizeClass ? 'decided' : 'undetermined',
      sector: o.sector.id,
      sectorName: o.sector.name,
      missing: o.sizeClass ? [] : o.unknown,
      basis: o.basis,
    };
  }

  // The code stops above the level where the standard splits it (59 → 591 交通运输业 / rest 仓储业;
  // 70 → 701 / 702 / 其他). Decide only if every sector the enterprise may belong to agrees.
  const names = [...sectors.map((s) => s.name), ...exclusions.map((e) => e.name)].join('、');
  const header = `行业代码“${industry.code}”（${industry.name}）可能属于${names}`;
  const details = outcomes.map((o) => o.basis).join('；');
  const first = outcomes[0]!.sizeClass;
  const agreed = exclusions.length === 0 && first !== null && outcomes.every((o) => o.sizeClass === first);
  if (agreed) {
    return {
      ...base,
      sizeClass: first,
      status: 'decided',
      sector: null,
      sectorName: null,
      missing: [],
      basis: `${header}，按各自标准均为${SIZE_CLASS_LABELS[first]}（${details}） → ${SIZE_CLASS_LABELS[first]}`,
    };
  }
  const missing = new Set<SizeInputFact>(['industryCode']);
  for (const o of outcomes) if (o.sizeClass === null) for (const f of o.unknown) missing.add(f);
  return {
    ...base,
    sizeClass: null,
    status: 'undetermined',
    sector: null,
    sectorName: null,
    missing: INPUT_ORDER.filter((f) => missing.has(f)),
    basis: `${header}，需填写更细的行业代码（中类或小类）才能划型（${details}）`,
  };
}

/** Negative or non-finite figures are data errors, not facts: treat them as unknown rather than guess. */
function knownNumber(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function resolveTargets(code: string, standard: SizeStandard): Target[] {
  const entries: { prefix: string; target: Target }[] = [
    ...standard.sectors.flatMap((sector) =>
      sector.industryPrefixes.map((prefix) => ({ prefix, target: { kind: 'sector', sector } as Target })),
    ),
    ...standard.exclusions.flatMap((exclusion) =>
      exclusion.industryPrefixes.map((prefix) => ({
        prefix,
        target: { kind: 'exclusion', exclusion } as Target,
      })),
    ),
  ];
  let best: { prefix: string; target: Target } | undefined;
  for (const e of entries) {
    if (code.startsWith(e.prefix) && (!best || e.prefix.length > best.prefix.length)) best = e;
  }
  const fallback = standard.sectors.find((s) => s.id === standard.fallbackSectorId);
  if (!fallback)
    throw new Error(`size standard ${standard.id}: no fallback sector ${standard.fallbackSectorId}`);
  const primary: Target = best?.target ?? { kind: 'sector', sector: fallback };

  // Longer prefixes below this code mean part of it belongs elsewhere; the primary still covers the rest.
  const refinements = entries.filter((e) => e.prefix.length > code.length && e.prefix.startsWith(code));
  const out: Target[] = [primary];
  for (const r of refinements) {
    if (!out.some((t) => sameTarget(t, r.target))) out.push(r.target);
  }
  return out;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'sector' && b.kind === 'sector') return a.sector === b.sector;
  if (a.kind === 'exclusion' && b.kind === 'exclusion') return a.exclusion === b.exclusion;
  return false;
}

/** true / false, or null when the answer depends on an unknown fact. */
function reaches(sector: SizeSector, bounds: Criteria, facts: Facts): boolean | null {
  const tests = sector.facts
    .filter((f) => bounds[f] !== undefined)
    .map((f) => {
      const v = facts[f];
      return v === null ? null : v >= bounds[f]!;
    });
  if (sector.logic === 'and') {
    if (tests.includes(false)) return false;
    return tests.includes(null) ? null : true;
  }
  if (tests.includes(true)) return true;
  return tests.includes(null) ? null : false;
}

function evaluateSector(sector: SizeSector, facts: Facts): SectorOutcome {
  const unknown = sector.facts.filter((f) => facts[f] === null);
  let sizeClass: SizeClass | null = 'micro';
  for (const cls of RANKED) {
    const r = reaches(sector, sector.thresholds[cls], facts);
    if (r === true) {
      sizeClass = cls;
      break;
    }
    if (r === null) {
      sizeClass = null;
      break;
    }
  }
  return { sector, sizeClass, unknown, basis: explain(sector, facts, sizeClass, unknown) };
}

/** The class one fact alone would reach — used to say when the "且" rule pulled the result down. */
function factBand(sector: SizeSector, fact: SizeFact, value: number): SizeClass {
  for (const cls of RANKED) {
    const bound = sector.thresholds[cls][fact];
    if (bound !== undefined && value >= bound) return cls;
  }
  return 'micro';
}

function explain(sector: SizeSector, facts: Facts, sizeClass: SizeClass | null, unknown: SizeFact[]): string {
  const parts = sector.facts.map((f) => {
    const { label, unit } = FACT_LABELS[f];
    const v = facts[f];
    if (v === null) return `${label}未知`;
    return `${label} ${formatNumber(v)} ${unit}（${bandText(sector, f, v)}）`;
  });
  const head = `${sector.name}：${parts.join('，')}`;
  const unknownLabels = unknown.map((f) => FACT_LABELS[f].label).join('、');
  if (sizeClass === null) return `${head}；需补充${unknownLabels}才能判定`;
  const label = SIZE_CLASS_LABELS[sizeClass];
  if (unknown.length > 0) return `${head}；已知指标已足以判定，与${unknownLabels}无关 → ${label}`;
  const bands = new Set(sector.facts.map((f) => factBand(sector, f, facts[f]!)));
  if (sector.logic === 'and' && bands.size > 1)
    return `${head}；各项指标须同时达到下限，按较低一档 → ${label}`;
  return `${head} → ${label}`;
}

function bandText(sector: SizeSector, fact: SizeFact, value: number): string {
  // Bounds of this fact, ascending: small, medium, large.
  const bounds = [...RANKED]
    .reverse()
    .map((cls) => sector.thresholds[cls][fact])
    .filter((b): b is number => b !== undefined);
  if (bounds.length === 0) return '不参与划型';
  let lower: number | undefined;
  let upper: number | undefined;
  for (const b of bounds) {
    if (value >= b) lower = b;
    else {
      upper = b;
      break;
    }
  }
  if (lower === undefined) return `<${formatNumber(upper!)}`;
  if (upper === undefined) return `≥${formatNumber(lower)}`;
  return `≥${formatNumber(lower)} 且 <${formatNumber(upper)}`;
}

/** 5000 → '5,000'; 1234.5 → '1,234.5'. Written out rather than Intl so the text is the same everywhere. */
export function formatNumber(n: number): string {
  const [int = '0', frac = ''] = String(Math.round(n * 10000) / 10000).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
