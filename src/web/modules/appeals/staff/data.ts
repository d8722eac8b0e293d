import type { Department } from '../../../../shared/accounts';
import { useApi } from '../../../app/useApi';
import { appealApi } from './paths';
import type { AppealTopic } from './types';

/** The dispatch catalogue (active topics; `all` adds the inactive ones for the admin). */
export function useTopics(all = false) {
  return useApi<{ items: AppealTopic[] }>(appealApi.topics, all ? { all: 1 } : undefined);
}

/** The handling units, for pickers. */
export function useDepartments() {
  return useApi<{ items: Department[] }>(appealApi.departments);
}

/** Options of a topic picker, grouped by category. */
export function topicOptions(topics: readonly AppealTopic[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const t of topics) {
    const g = groups.get(t.category) ?? [];
    g.push({ value: t.code, label: t.name });
    groups.set(t.category, g);
  }
  return [...groups.entries()].map(([label, options]) => ({ label, title: label, options }));
}

export function departmentOptions(deps: readonly Department[]) {
  return deps.map((d) => ({ value: d.id, label: d.name }));
}
