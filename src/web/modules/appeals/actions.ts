import { isApiError } from '../../app/api';

/**
 * How the detail page treats a refused action: 409 (the appeal changed since the page loaded, or a side condition
 * such as a closed reopen window) and 403 (the role may not) are told plainly and the page reloads; anything
 * else (400 field errors, network) stays on the form.
 */
export function refusalOf(e: unknown): 'conflict' | 'forbidden' | null {
  if (!isApiError(e)) return null;
  if (e.status === 409) return 'conflict';
  if (e.status === 403) return 'forbidden';
  return null;
}

/** The note of the latest event of this action (what the dispatcher asked for, why it was reopened …). */
export function lastNote(
  appeal: { events: readonly { action: string; note: string | null; seq: number }[] },
  action: string,
) {
  let best: { note: string | null; seq: number } | null = null;
  for (const e of appeal.events) if (e.action === action && (!best || e.seq > best.seq)) best = e;
  return best?.note ?? null;
}
