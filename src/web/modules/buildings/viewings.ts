import type { ViewingRequest } from './types';

/** The order of the 看房预约 queue: requests still waiting for a call first, then the newest. */
export function queueOrder(
  a: Pick<ViewingRequest, 'status' | 'createdAt'>,
  b: Pick<ViewingRequest, 'status' | 'createdAt'>,
): number {
  const pa = a.status === 'pending' ? 0 : 1;
  const pb = b.status === 'pending' ? 0 : 1;
  return pa - pb || b.createdAt.localeCompare(a.createdAt);
}
