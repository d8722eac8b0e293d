import type { AppealAction } from '../../../shared/appeals';
import type { AppealEvent } from './types';

/** Event codes besides the actions: the submission itself, an assisting opinion, a reminder, a note. */
export const EXTRA_EVENTS = ['submit', 'opinion', 'remind', 'note'] as const;
export type ExtraEvent = (typeof EXTRA_EVENTS)[number];

export interface TimelineWords {
  actions: Record<AppealAction, string>;
  extra: Record<ExtraEvent, string>;
  roles: Record<string, string>;
  unknownEvent: string;
  sep: string;
}

/** What happened, in words: the action's label, or the extra event's, never a raw code. */
export function eventLabel(action: string, w: TimelineWords): string {
  if (Object.hasOwn(w.actions, action)) return w.actions[action as AppealAction];
  if ((EXTRA_EVENTS as readonly string[]).includes(action)) return w.extra[action as ExtraEvent];
  return w.unknownEvent;
}

/**
 * Who acted, as the enterprise may see it: the department and the role in the reader's language, never a staff
 * member's name; the server's own label when neither is known.
 */
export function eventActor(
  e: Pick<AppealEvent, 'actorRole' | 'department'> & { action?: string; actorLabel?: string | null },
  w: TimelineWords,
): string {
  // On a dispatch the department is where the appeal went, not who sent it (see eventTarget).
  const dept = e.action && TARGET_ACTIONS.includes(e.action) ? null : (e.department?.name ?? null);
  const role = w.roles[e.actorRole] ?? null;
  const parts = [dept, role].filter((s): s is string => !!s);
  return parts.length > 0 ? parts.join(w.sep) : (e.actorLabel ?? '');
}

/** Actions whose department is the unit the appeal was sent to. */
const TARGET_ACTIONS: readonly string[] = ['dispatch', 'redispatch', 'reopen'];

/** The unit an appeal was dispatched (again) to, for the line under a dispatch; null for other events. */
export function eventTarget(e: Pick<AppealEvent, 'action' | 'department'>): string | null {
  return TARGET_ACTIONS.includes(e.action) ? (e.department?.name ?? null) : null;
}

const COLORS: Partial<Record<string, string>> = {
  submit: 'blue',
  accept: 'green',
  reply: 'green',
  close: 'green',
  auto_close: 'gray',
  rate: 'green',
  reject: 'red',
  return: 'orange',
  ask_info: 'orange',
  reopen: 'orange',
  urge: 'orange',
  supervise: 'red',
  merge_into: 'gray',
  remind: 'gray',
};

export function eventColor(action: string): string {
  return COLORS[action] ?? 'blue';
}

/** Oldest first, by sequence when the server gives one, else by time. */
export function orderEvents<E extends { seq?: number; at: string }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) =>
    a.seq !== undefined && b.seq !== undefined ? a.seq - b.seq : a.at.localeCompare(b.at),
  );
}

/**
 * The files each timeline event brought (the submission's, each 补充材料's), by event id, in the order the server
 * lists them; files without an event (older data) are left out here and stay in the attachments list.
 */
export function filesByEvent<F extends { eventId?: string | null }>(files: readonly F[]): Map<string, F[]> {
  const out = new Map<string, F[]>();
  for (const f of files) {
    if (!f.eventId) continue;
    const list = out.get(f.eventId);
    if (list) list.push(f);
    else out.set(f.eventId, [f]);
  }
  return out;
}
