import type { EnterprisePatch, EnterpriseProfile } from '../../../../shared/enterprises';

/** The basic-information form's values, dates as YYYY-MM-DD. */
export interface BasicValues {
  name: string;
  uscc: string;
  legalRepresentative: string | null;
  registeredCapital: number | null;
  establishedOn: string | null;
  registeredAddress: string | null;
  streetCode: string | null;
  industryCode: string | null;
  employees: number | null;
  insuredEmployees: number | null;
  building: string | null;
  unit: string | null;
  tags: string[];
}

/** The profile as the form starts from it. */
export function basicValuesOf(p: EnterpriseProfile): BasicValues {
  return {
    name: p.name,
    uscc: p.uscc,
    legalRepresentative: p.legalRepresentative,
    registeredCapital: p.registeredCapital,
    establishedOn: p.establishedOn,
    registeredAddress: p.registeredAddress,
    streetCode: p.street?.code ?? null,
    industryCode: p.industry?.code ?? null,
    employees: p.employees,
    insuredEmployees: p.insuredEmployees,
    building: p.building,
    unit: p.unit,
    tags: p.tags,
  };
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * The PATCH body: only the fields that changed (so the provenance of untouched fields stays as it is), an emptied
 * field as null (unknown), and the version the editor started from (409 if someone saved in between).
 */
export function basicPatch(p: EnterpriseProfile, v: BasicValues, canEditUscc: boolean): EnterprisePatch {
  const before = basicValuesOf(p);
  const after: BasicValues = {
    name: v.name.trim(),
    uscc: v.uscc.trim().toUpperCase(),
    legalRepresentative: blank(v.legalRepresentative),
    registeredCapital: v.registeredCapital ?? null,
    establishedOn: v.establishedOn ?? null,
    registeredAddress: blank(v.registeredAddress),
    streetCode: v.streetCode ?? null,
    industryCode: v.industryCode ?? null,
    employees: v.employees ?? null,
    insuredEmployees: v.insuredEmployees ?? null,
    building: blank(v.building),
    unit: blank(v.unit),
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
  };
  const patch: Record<string, unknown> = { version: p.version };
  for (const key of Object.keys(after) as (keyof BasicValues)[]) {
    if (key === 'uscc' && !canEditUscc) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) patch[key] = after[key];
  }
  return patch as EnterprisePatch;
}
