import type { AppealState } from '../../../shared/appeals';

/** 办理中: every state in which the appeal waits for someone on the government side or for more material. */
export const IN_PROGRESS_STATES: readonly AppealState[] = [
  'submitted',
  'accepted',
  'needs_info',
  'dispatched',
  'signed',
  'returned',
];

/** The list's state filter: one state, or `open` for all the states in progress. */
export type StateFilter = AppealState | 'open';

/** The `state` query parameter of GET /appeals for a filter (a comma list for `open`). */
export function stateQuery(filter: string | null | undefined): string | undefined {
  if (!filter) return undefined;
  if (filter === 'open') return IN_PROGRESS_STATES.join(',');
  return filter;
}
