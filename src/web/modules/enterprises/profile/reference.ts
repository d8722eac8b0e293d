import type { IndustryTree, QualificationKind, Street } from '../../../../shared/enterprises';
import { useApi } from '../../../app/useApi';

/** The public reference lists the profile forms choose from. */
export function useStreets() {
  return useApi<{ items: Street[] }>('/reference/streets');
}

export function useIndustries() {
  return useApi<IndustryTree>('/reference/industries');
}

export function useQualificationKinds() {
  return useApi<{ items: QualificationKind[] }>('/reference/qualification-kinds');
}

/** Industry options grouped by 门类, at the 大类 level (two digits), as GB/T 4754-2017 lists them. */
export function industryOptions(
  tree: IndustryTree | undefined,
  current?: { code: string; name: string } | null,
) {
  const groups = (tree?.sections ?? []).map((s) => ({
    label: `${s.code} ${s.name}`,
    title: s.name,
    options: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
  }));
  // A profile may hold a finer code (6511) that the 大类 list does not show; keep it selectable as it is.
  if (current && !groups.some((g) => g.options.some((o) => o.value === current.code))) {
    groups.unshift({
      label: current.name,
      title: current.name,
      options: [{ value: current.code, label: `${current.code} ${current.name}` }],
    });
  }
  return groups;
}
