import type { ClaimAnswers } from '../../../shared/policies';
import type { EnterpriseFacts, QualificationFact } from '../../../shared/policy-rules';

/**
 * Fact keys (src/shared/policy-rules.ts: `employees`, `yearly.2025.revenue`, `ip.invention`,
 * `qualification.high_tech`, `flag.tax_credit_a`, `measure.rented_area`, `event.settled`,
 * `otherPayment.city_listing`) are how the API names a missing fact. The self-test keeps its answers as an
 * `EnterpriseFacts` and sets one key at a time; the claim form sends the keys the profile cannot hold as `answers`.
 */

const PROFILE_KEYS = new Set([
  'employees',
  'insuredEmployees',
  'registeredCapital',
  'establishedOn',
  'industryCode',
  'streetCode',
  'sizeClass',
]);

type Group = 'profile' | 'yearly' | 'ip' | 'qualification' | 'flag' | 'measure' | 'event' | 'otherPayment';

export function factGroup(key: string): Group | null {
  if (PROFILE_KEYS.has(key)) return 'profile';
  const group = key.slice(0, key.indexOf('.'));
  return ['yearly', 'ip', 'qualification', 'flag', 'measure', 'event', 'otherPayment'].includes(group)
    ? (group as Group)
    : null;
}

const RECORD_OF: Record<string, 'flags' | 'measures' | 'events' | 'otherPayments'> = {
  flag: 'flags',
  measure: 'measures',
  event: 'events',
  otherPayment: 'otherPayments',
};

/** Set one fact (the value in the API's unit: 元 for money, YYYY-MM-DD for dates); a new object, the input untouched. */
export function setFact(facts: EnterpriseFacts, key: string, value: unknown): EnterpriseFacts {
  const group = factGroup(key);
  const rest = key.slice(key.indexOf('.') + 1);
  switch (group) {
    case 'profile':
      return { ...facts, [key]: value };
    case 'yearly': {
      const [year, metric] = rest.split('.') as [string, string];
      const yearly = { ...(facts.yearly ?? {}) };
      yearly[year] = { ...(yearly[year] ?? {}), [metric]: value as number };
      return { ...facts, yearly };
    }
    case 'ip':
      return { ...facts, ip: { ...(facts.ip ?? {}), [rest]: value as number } };
    case 'qualification':
      return {
        ...facts,
        qualifications: { ...(facts.qualifications ?? {}), [rest]: value as QualificationFact },
      };
    case 'flag':
    case 'measure':
    case 'event':
    case 'otherPayment': {
      const field = RECORD_OF[group]!;
      return { ...facts, [field]: { ...((facts[field] as Record<string, unknown>) ?? {}), [rest]: value } };
    }
    default:
      return facts;
  }
}

/** The value of one fact, or undefined when it is not known. */
export function getFact(facts: EnterpriseFacts, key: string): unknown {
  const group = factGroup(key);
  const rest = key.slice(key.indexOf('.') + 1);
  switch (group) {
    case 'profile':
      return (facts as Record<string, unknown>)[key];
    case 'yearly': {
      const [year, metric] = rest.split('.') as [string, string];
      return (facts.yearly?.[year] as Record<string, number> | undefined)?.[metric];
    }
    case 'ip':
      return (facts.ip as Record<string, number> | undefined)?.[rest];
    case 'qualification':
      return facts.qualifications?.[rest];
    case 'flag':
    case 'measure':
    case 'event':
    case 'otherPayment':
      return (facts[RECORD_OF[group]!] as Record<string, unknown> | undefined)?.[rest];
    default:
      return undefined;
  }
}

/** Can the claim form answer this fact (the profile does not hold it)? */
export function isClaimAnswerable(key: string): boolean {
  const g = factGroup(key);
  return g === 'flag' || g === 'measure' || g === 'event' || g === 'otherPayment';
}

/** The claim's `answers` from the values typed for answerable facts (keys as the API names them). */
export function claimAnswersFrom(values: Record<string, unknown>): ClaimAnswers {
  const out: ClaimAnswers = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '' || !isClaimAnswerable(key)) continue;
    const g = factGroup(key)!;
    const field = RECORD_OF[g]!;
    const rest = key.slice(key.indexOf('.') + 1);
    (out as Record<string, Record<string, unknown>>)[field] = {
      ...((out as Record<string, Record<string, unknown>>)[field] ?? {}),
      [rest]: value,
    };
  }
  return out;
}

/** The answers of a claim read back as fact keys → values (to pre-fill a resubmission). */
export function factValuesFromAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [group, field] of Object.entries(RECORD_OF)) {
    const rec = answers[field];
    if (!rec || typeof rec !== 'object') continue;
    for (const [code, v] of Object.entries(rec as Record<string, unknown>)) out[`${group}.${code}`] = v;
  }
  return out;
}

export type ProfileTab = 'basic' | 'yearly' | 'ip' | 'qualifications';

/** Where in 一企一档 a missing fact is filled in, or null when the profile does not hold it (claim-form facts). */
export function profileTabOf(key: string): ProfileTab | null {
  switch (factGroup(key)) {
    case 'profile':
      return 'basic';
    case 'yearly':
      return 'yearly';
    case 'ip':
      return 'ip';
    case 'qualification':
      return 'qualifications';
    default:
      return null;
  }
}

const GROUP_OF: Record<string, string> = {
  flags: 'flag',
  measures: 'measure',
  events: 'event',
  otherPayments: 'otherPayment',
};

/**
 * Where a claim form shows a server field error: the API names answers by record (`answers.measures.rented_area`),
 * the form by fact key (`['answers', 'measure.rented_area']`). Other fields keep their dotted path.
 */
export function claimFieldPath(field: string): (string | number)[] {
  const m = field.match(/^answers\.(flags|measures|events|otherPayments)\.([a-z][a-z0-9_]*)$/);
  if (m) return ['answers', `${GROUP_OF[m[1]!]}.${m[2]}`];
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
