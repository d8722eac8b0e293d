import { z } from 'zod';
import type { Role } from './roles';

/**
 * Personal data (SPEC §2.1): API responses mask it for everyone but the person it belongs to (phones `138****1234`,
 * `maskPhone` in format.ts). A role that needs the clear value to do its work reveals one value at a time through
 * `POST /personal-data/reveal`, which checks that the caller may see the object and writes a `personal_data.reveal`
 * audit record first. This table says which values can be revealed and by whom; each module supplies the reader
 * (`src/server/modules/<module>/reveal.ts`), and the web shows the 查看 button from the same table.
 */
export const PERSONAL_DATA = {
  /** A user's mobile number (the users list): the system administrator. */
  user: { fields: ['phone'], roles: ['admin'] },
  /** The mobile number of a user bound (or asking to be bound) to an enterprise: its liaison, the administrator. */
  enterprise_member: { fields: ['phone'], roles: ['liaison', 'admin'] },
  /** An appeal's contact phone: the appeal desk, the departments handling it, the enterprise's liaison. */
  appeal: { fields: ['contactPhone'], roles: ['dispatcher', 'handler', 'liaison'] },
  /** A claim's contact phone: its reviewers (handlers of the program's department, policy editors). */
  claim: { fields: ['contactPhone'], roles: ['handler', 'policy_editor'] },
  /** A viewing request's phone (看房预约): the building editors, who call back. */
  viewing_request: { fields: ['phone'], roles: ['building_editor'] },
} as const satisfies Record<string, { fields: readonly string[]; roles: readonly Role[] }>;

export type PersonalDataKind = keyof typeof PERSONAL_DATA;
export type PersonalDataField<K extends PersonalDataKind = PersonalDataKind> =
  (typeof PERSONAL_DATA)[K]['fields'][number];

/** The audit action of a reveal. */
export const REVEAL_AUDIT_ACTION = 'personal_data.reveal';

/** Every role that may reveal something (the route's access list; the service checks the kind's own roles). */
export const REVEAL_ROLES: readonly Role[] = [
  ...new Set(Object.values(PERSONAL_DATA).flatMap((k) => k.roles as readonly Role[])),
];

export function isPersonalDataKind(kind: string): kind is PersonalDataKind {
  return Object.hasOwn(PERSONAL_DATA, kind);
}

/** Whether someone holding `roles` may reveal values of `kind` (the object's own visibility is checked apart). */
export function mayReveal(roles: readonly Role[], kind: PersonalDataKind): boolean {
  const allowed: readonly Role[] = PERSONAL_DATA[kind].roles;
  return roles.some((r) => allowed.includes(r));
}

/** Whether a value as the API returned it is masked (masking always leaves `*` in place of the hidden part). */
export function isMaskedValue(value: string | null | undefined): boolean {
  return !!value && value.includes('*');
}

export const revealRequestSchema = z.strictObject({
  /** One of the keys of PERSONAL_DATA (`appeal`, `claim` …). */
  kind: z.string().trim().min(1).max(40),
  /** The object's id (for `user` and `enterprise_member`, the user's id). */
  id: z.string().trim().min(1).max(64),
  /** One of the kind's fields (`phone`, `contactPhone`). */
  field: z.string().trim().min(1).max(40),
});
export type RevealRequest = z.infer<typeof revealRequestSchema>;

export const revealResponseSchema = z.object({
  /** The clear value; null when the object has none (nothing was revealed, nothing audited). */
  value: z.string().nullable(),
});
export type RevealResponse = z.infer<typeof revealResponseSchema>;
