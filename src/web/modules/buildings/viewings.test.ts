import { describe, expect, it } from 'vitest';
import { queueOrder } from './viewings';

describe('viewing queue order', () => {
  it('puts pending requests first, newest first within each group', () => {
    const rows = [
      { id: 'a', status: 'contacted', createdAt: '2026-11-20T02:00:00Z' },
      { id: 'b', status: 'pending', createdAt: '2026-11-18T02:00:00Z' },
      { id: 'c', status: 'closed', createdAt: '2026-11-25T02:00:00Z' },
      { id: 'd', status: 'pending', createdAt: '2026-11-24T02:00:00Z' },
    ] as const;
    expect([...rows].sort(queueOrder).map((r) => r.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});
