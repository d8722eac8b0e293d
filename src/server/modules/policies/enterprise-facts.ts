import { IP_KINDS, type SizeClassCode, YEARLY_METRICS, type YearlyMetric } from '../../../shared/enterprises';
import type { EnterpriseFacts, FactKey } from '../../../shared/policy-rules';
import type { DB } from '../../db/database';
import { type CompiledRule, factsFromProfile, type ProfileForFacts, prepareFacts } from './rules';

/**
 * Enterprise facts for the rules engine, read in bulk: 政策找企业 and the rule preview evaluate one program against
 * every enterprise, so the facts come in a handful of queries (enterprises, yearly figures, IP, qualifications),
 * never one query per enterprise. The conversion itself is the engine's `factsFromProfile`, the same as for one
 * profile, so bulk and single evaluation cannot disagree.
 *
 * A program reads few facts (a revenue line, a qualification, a street …); `needsOf` turns the keys a compiled
 * rule can ask for into what to load, so a push over 100,000 enterprises reads one year of figures, not ten.
 */

const PROFILE_KEYS = [
  'employees',
  'insuredEmployees',
  'registeredCapital',
  'establishedOn',
  'industryCode',
  'streetCode',
  'sizeClass',
] as const;
type ProfileKey = (typeof PROFILE_KEYS)[number];

export interface FactNeeds {
  /** Profile fields (enterprise columns of the same name). */
  profile: ReadonlySet<ProfileKey>;
  /** Yearly figures: the metrics needed per year, or every figure of every year. */
  years: ReadonlyMap<number, ReadonlySet<YearlyMetric>> | 'all';
  ip: boolean;
  /** Qualification kinds, or every kind. */
  qualifications: ReadonlySet<string> | 'all';
}

export const ALL_FACTS: FactNeeds = {
  profile: new Set(PROFILE_KEYS),
  years: 'all',
  ip: true,
  qualifications: 'all',
};

/**
 * The fact keys a rule can ask for: evaluated against no facts at all, every condition that facts could still
 * decide is unknown and names its facts (the engine is monotone: what is decided without facts stays decided).
 */
export function ruleFactKeys(rule: CompiledRule, asOf: string): FactKey[] {
  const m = rule.match(prepareFacts({}, { asOf }));
  return [...new Set([...m.missingFacts, ...m.amountMissingFacts])].sort();
}

/** What to load for these fact keys (flags, measures, events and other levels' payments are not in the profile). */
export function needsOf(keys: Iterable<FactKey>): FactNeeds {
  const profile = new Set<ProfileKey>();
  const years = new Map<number, Set<YearlyMetric>>();
  const qualifications = new Set<string>();
  let ip = false;
  for (const key of keys) {
    if ((PROFILE_KEYS as readonly string[]).includes(key)) profile.add(key as ProfileKey);
    else if (key.startsWith('yearly.')) {
      const [, year, metric] = key.split('.') as [string, string, YearlyMetric];
      const set = years.get(Number(year)) ?? new Set<YearlyMetric>();
      set.add(metric);
      years.set(Number(year), set);
    } else if (key.startsWith('ip.')) ip = true;
    else if (key.startsWith('qualification.')) qualifications.add(key.slice('qualification.'.length));
  }
  return { profile, years, ip, qualifications };
}

/** The value of one fact key in a facts object (null when unknown), for snapshots and pre-filled forms. */
export function factValue(facts: EnterpriseFacts, key: FactKey): unknown {
  if ((PROFILE_KEYS as readonly string[]).includes(key)) return facts[key as ProfileKey] ?? null;
  const dot = key.indexOf('.');
  const group = key.slice(0, dot);
  const rest = key.slice(dot + 1);
  switch (group) {
    case 'yearly': {
      const [year, metric] = rest.split('.') as [string, YearlyMetric];
      return facts.yearly?.[year]?.[metric] ?? null;
    }
    case 'ip':
      return facts.ip?.[rest as (typeof IP_KINDS)[number]] ?? null;
    case 'qualification':
      return facts.qualifications?.[rest] ?? null;
    case 'flag':
      return facts.flags?.[rest] ?? null;
    case 'measure':
      return facts.measures?.[rest] ?? null;
    case 'event':
      return facts.events?.[rest] ?? null;
    case 'otherPayment':
      return facts.otherPayments?.[rest] ?? null;
    default:
      return null;
  }
}

/** The facts behind a decision: key → value for the given keys. */
export function factSnapshot(facts: EnterpriseFacts, keys: readonly FactKey[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = factValue(facts, key);
  return out;
}

export interface LoadOptions {
  /** Evaluation date: qualifications recognised later are ignored. */
  asOf: string;
  /** Qualification kinds of the catalogue: a kind the profile does not list is a known "not held". */
  qualificationKinds: readonly string[];
  /** Only these enterprises (default: all). */
  enterpriseIds?: readonly string[];
}

type YearRow = { year: number } & Record<YearlyMetric, number | null>;

/** Enterprise ids per `in (…)` list when loading a given set of enterprises. */
const ID_CHUNK = 900;

/** Facts of enterprises (all, or the given ids), reading only what `needs` asks for. */
export async function loadEnterpriseFacts(
  db: DB,
  needs: FactNeeds,
  options: LoadOptions,
): Promise<Map<string, EnterpriseFacts>> {
  const ids = options.enterpriseIds ? [...new Set(options.enterpriseIds)] : undefined;
  if (ids && ids.length === 0) return new Map();
  const chunks: (readonly string[] | undefined)[] = [];
  if (ids) for (let i = 0; i < ids.length; i += ID_CHUNK) chunks.push(ids.slice(i, i + ID_CHUNK));
  else chunks.push(undefined);

  const profiles = new Map<string, ProfileForFacts>();
  const needQuals = needs.qualifications === 'all' || needs.qualifications.size > 0;
  const kinds = needs.qualifications === 'all' ? options.qualificationKinds : [...needs.qualifications];

  for (const chunk of chunks) {
    // Only the columns the rules read: at 100,000 rows every column costs (driver, camel-casing, objects).
    let q = db.selectFrom('enterprises').select(['id', ...needs.profile]);
    if (chunk) q = q.where('id', 'in', chunk);
    for (const row of await q.execute()) {
      const e = row as Partial<Record<ProfileKey, unknown>> & { id: string };
      profiles.set(e.id, {
        employees: (e.employees as number | undefined) ?? null,
        insuredEmployees: (e.insuredEmployees as number | undefined) ?? null,
        registeredCapital: e.registeredCapital == null ? null : Number(e.registeredCapital),
        establishedOn: (e.establishedOn as string | undefined) ?? null,
        industry: e.industryCode ? { code: e.industryCode as string } : null,
        street: e.streetCode ? { code: e.streetCode as string } : null,
        size: { sizeClass: (e.sizeClass as SizeClassCode | undefined) ?? null },
        yearly: [],
        ip: { invention: null, utility_model: null, design: null, software_copyright: null, trademark: null },
        qualifications: [],
      });
    }

    if (needs.years === 'all') {
      let y = db.selectFrom('enterpriseYearly').selectAll();
      if (chunk) y = y.where('enterpriseId', 'in', chunk);
      for (const r of await y.execute()) {
        const p = profiles.get(r.enterpriseId);
        if (!p) continue;
        const row = { year: r.year } as YearRow;
        for (const m of YEARLY_METRICS) row[m] = r[m] == null ? null : Number(r[m]);
        (p.yearly as YearRow[]).push(row);
      }
    } else if (needs.years.size > 0) {
      // The few figures a rule reads, one row per enterprise (max(case …) pivots the years into columns): half the
      // rows and far fewer objects than a row per enterprise and year, on both databases.
      const cells = [...needs.years].flatMap(([year, metrics]) =>
        [...metrics].map((metric) => ({ year, metric })),
      );
      let y = db
        .selectFrom('enterpriseYearly')
        .select((eb) => [
          'enterpriseId',
          ...cells.map((c, i) =>
            eb.fn.max(eb.case().when('year', '=', c.year).then(eb.ref(c.metric)).end()).as(`v${i}`),
          ),
        ])
        .where('year', 'in', [...needs.years.keys()])
        .groupBy('enterpriseId');
      if (chunk) y = y.where('enterpriseId', 'in', chunk);
      for (const raw of await y.execute()) {
        const r = raw as unknown as Record<string, unknown> & { enterpriseId: string };
        const p = profiles.get(r.enterpriseId);
        if (!p) continue;
        const byYear = new Map<number, YearRow>();
        cells.forEach((c, i) => {
          const v = r[`v${i}`];
          if (v == null) return;
          let row = byYear.get(c.year);
          if (!row) {
            row = {
              year: c.year,
              revenue: null,
              taxPaid: null,
              rdSpending: null,
              exports: null,
              totalAssets: null,
            };
            byYear.set(c.year, row);
          }
          row[c.metric] = Number(v);
        });
        (p.yearly as YearRow[]).push(...byYear.values());
      }
    }

    if (needs.ip) {
      let q2 = db.selectFrom('enterpriseIp').select(['enterpriseId', 'kind', 'count']);
      if (chunk) q2 = q2.where('enterpriseId', 'in', chunk);
      for (const r of await q2.execute()) {
        const p = profiles.get(r.enterpriseId);
        if (p && (IP_KINDS as readonly string[]).includes(r.kind))
          p.ip[r.kind as (typeof IP_KINDS)[number]] = r.count;
      }
    }

    if (needQuals && kinds.length) {
      let q3 = db
        .selectFrom('enterpriseQualifications')
        .select(['enterpriseId', 'kind', 'recognizedOn', 'expiresOn'])
        .where('recognizedOn', '<=', options.asOf)
        .where('kind', 'in', [...kinds]);
      if (chunk) q3 = q3.where('enterpriseId', 'in', chunk);
      for (const r of await q3.execute()) {
        const p = profiles.get(r.enterpriseId);
        if (p)
          (p.qualifications as { kind: string; recognizedOn: string; expiresOn: string | null }[]).push(r);
      }
    }
  }

  const out = new Map<string, EnterpriseFacts>();
  const profileOptions = { asOf: options.asOf, qualificationKinds: needQuals ? kinds : [] };
  for (const [id, p] of profiles) out.set(id, factsFromProfile(p, profileOptions));
  return out;
}
