import { useEffect, useState } from 'react';
import { findIndustry } from '../../../../shared/industries';
import type { QualificationFact } from '../../../../shared/policy-rules';
import { api } from '../../../app/api';
import { useT } from '../../../app/prefs';
import type { Messages } from '../../../locales/zh-CN';
import { factGroup } from '../facts';
import { formatNumber, formatYuan } from '../money';
import { policyApi } from '../paths';

/** The rules catalogue as the API gives it (GET /policies/rules/catalogue). */
export interface FactCatalogueData {
  qualifications: { code: string; name: string }[];
  flags: { code: string; name: string }[];
  measures: { code: string; name: string; unit: string }[];
  events: { code: string; name: string }[];
  otherPayments: { code: string; name: string }[];
  streets: { code: string; name: string }[];
}

let cached: Promise<FactCatalogueData> | null = null;

/** The catalogue, fetched once per page load and shared by every component that names facts. */
export function loadCatalogue(): Promise<FactCatalogueData> {
  if (!cached) {
    cached = api.get<FactCatalogueData>(policyApi.catalogue);
    // A failed fetch is not remembered: the next component to ask tries again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useCatalogue(): FactCatalogueData | undefined {
  const [data, setData] = useState<FactCatalogueData | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadCatalogue().then(
      (c) => live && setData(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return data;
}

function nameIn(list: { code: string; name: string }[] | undefined, code: string): string {
  return list?.find((e) => e.code === code)?.name ?? code;
}

/** A fact key in words: "2025 年营业收入", "高新技术企业认定情况", "租用办公面积". */
export function factName(m: Messages, key: string, c: FactCatalogueData | undefined): string {
  const group = factGroup(key);
  const rest = key.slice(key.indexOf('.') + 1);
  const f = m.policies.facts;
  switch (group) {
    case 'profile':
      return f.profile[key] ?? key;
    case 'yearly': {
      const [year, metric] = rest.split('.') as [string, string];
      const label = (m.enterprise.metrics as Record<string, string>)[metric] ?? metric;
      return m.enterprise.yearMetric(Number(year), label);
    }
    case 'ip':
      return f.ipCount((m.enterprise.ipKinds as Record<string, string>)[rest] ?? rest);
    case 'qualification':
      return f.qualification(nameIn(c?.qualifications, rest));
    case 'flag':
      return f.flag(nameIn(c?.flags, rest));
    case 'measure':
      return nameIn(c?.measures, rest);
    case 'event':
      return nameIn(c?.events, rest);
    case 'otherPayment':
      return nameIn(c?.otherPayments, rest);
    default:
      return key;
  }
}

/** The unit of a numeric fact: money in 元 ('yuan'), else the catalogue's unit or a count. */
export function factUnit(key: string, c: FactCatalogueData | undefined): string | null {
  const group = factGroup(key);
  const rest = key.slice(key.indexOf('.') + 1);
  if (group === 'yearly' || group === 'otherPayment' || key === 'registeredCapital') return 'yuan';
  if (group === 'measure') return c?.measures.find((x) => x.code === rest)?.unit ?? 'count';
  if (group === 'ip') return 'piece';
  if (key === 'employees' || key === 'insuredEmployees') return 'person';
  return null;
}

/** A fact's value for people (money in 万元, yes/no, a qualification with its dates). */
export function formatFactValue(
  m: Messages,
  key: string,
  value: unknown,
  c: FactCatalogueData | undefined,
): string {
  if (value === null || value === undefined) return m.policies.unknownValue;
  if (typeof value === 'boolean') return value ? m.policies.yes : m.policies.no;
  if (typeof value === 'number') {
    const unit = factUnit(key, c);
    if (unit === 'yuan') return formatYuan(value);
    const suffix = unit ? (m.policies.selfTest.unitSuffix[unit] ?? '') : '';
    return `${formatNumber(value, 2)}${suffix ? ` ${suffix}` : ''}`;
  }
  if (typeof value === 'string') {
    if (key === 'sizeClass') return (m.enterprise.sizes as Record<string, string>)[value] ?? value;
    if (key === 'streetCode') return nameIn(c?.streets, value);
    if (key === 'industryCode') {
      const ind = findIndustry(value);
      return ind ? `${value} ${ind.name}` : value;
    }
    return value;
  }
  if (factGroup(key) === 'qualification' && typeof value === 'object') {
    const q = value as QualificationFact;
    if (!q.recognized) return m.policies.facts.notRecognized;
    const dates = [q.recognizedOn, q.expiresOn ? m.policies.facts.until(q.expiresOn) : null].filter(Boolean);
    return dates.length
      ? m.policies.facts.recognizedDetail(dates.join(m.common.listJoin))
      : m.policies.facts.recognized;
  }
  return JSON.stringify(value);
}

/** The hook form: a namer bound to the current language and the catalogue. */
export function useFactNames() {
  const m = useT();
  const catalogue = useCatalogue();
  return {
    catalogue,
    name: (key: string) => factName(m, key, catalogue),
    value: (key: string, v: unknown) => formatFactValue(m, key, v, catalogue),
  };
}
