import { describe, expect, it } from 'vitest';
import {
  completionPercent,
  fileType,
  filterGroups,
  isFuture,
  isoToShanghaiWall,
  measureCount,
  planDepartments,
  shanghaiWallToIso,
} from './format';

const ms = (id: string, status: string, departmentId: string, departmentName = departmentId) =>
  ({ id, status, departmentId, departmentName }) as never;

const groups = [
  { id: 'g1', measures: [ms('1', 'done', 'd1', '区市场监管局'), ms('2', 'delayed', 'd2', '区税务局')] },
  { id: 'g2', measures: [ms('3', 'in_progress', 'd1', '区市场监管局')] },
  { id: 'g3', measures: [ms('4', 'not_started', 'd3', '区人社局')] },
];

describe('content dates', () => {
  it('read a typed district time as +08:00 and back', () => {
    expect(shanghaiWallToIso('2026-12-01 09:30')).toBe('2026-12-01T09:30:00+08:00');
    expect(shanghaiWallToIso('2026-12-01T09:30')).toBe('2026-12-01T09:30:00+08:00');
    expect(shanghaiWallToIso('2026-12-01')).toBeNull();
    expect(shanghaiWallToIso('tomorrow')).toBeNull();
    expect(isoToShanghaiWall('2026-12-01T01:30:00Z')).toBe('2026-12-01 09:30');
    // Past midnight in the district while still the previous day in UTC.
    expect(isoToShanghaiWall('2026-11-30T16:05:00.000Z')).toBe('2026-12-01 00:05');
    expect(isoToShanghaiWall(null)).toBeNull();
    expect(isoToShanghaiWall('not a date')).toBeNull();
  });

  it('tell a future publish time from a past one', () => {
    const now = new Date('2026-11-27T00:00:00Z');
    expect(isFuture('2026-11-27T00:00:01Z', now)).toBe(true);
    expect(isFuture('2026-11-27T00:00:00Z', now)).toBe(false);
    expect(isFuture(null, now)).toBe(false);
  });
});

describe('action plan', () => {
  it('counts completion over every measure, whatever its status', () => {
    expect(completionPercent({ not_started: 10, in_progress: 13, done: 15, delayed: 2 })).toBe(38);
    expect(completionPercent({ not_started: 0, in_progress: 0, done: 0, delayed: 0 })).toBe(0);
    expect(completionPercent({ not_started: 0, in_progress: 0, done: 3, delayed: 0 })).toBe(100);
  });

  it('lists each department once in plan order', () => {
    expect(planDepartments({ groups } as never)).toEqual([
      { id: 'd1', name: '区市场监管局' },
      { id: 'd2', name: '区税务局' },
      { id: 'd3', name: '区人社局' },
    ]);
  });

  it('filters by status and department and drops empty groups', () => {
    expect(filterGroups(groups, {}).map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    const delayed = filterGroups(groups, { status: 'delayed' });
    expect(delayed.map((g) => g.id)).toEqual(['g1']);
    expect(delayed[0]!.measures.map((m) => (m as { id: string }).id)).toEqual(['2']);
    const d1 = filterGroups(groups, { departmentId: 'd1' });
    expect(d1.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(measureCount(d1)).toBe(2);
    expect(filterGroups(groups, { status: 'done', departmentId: 'd2' })).toEqual([]);
    // The input is left as it was.
    expect(measureCount(groups)).toBe(4);
  });
});

describe('fileType', () => {
  it('names a file by its content type, else its extension', () => {
    expect(fileType({ mime: 'application/pdf', name: 'x' })).toBe('PDF');
    expect(
      fileType({ mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'a.bin' }),
    ).toBe('XLSX');
    expect(fileType({ mime: 'application/octet-stream', name: '申请表.doc' })).toBe('DOC');
    expect(fileType({ mime: 'application/octet-stream', name: '申请表' })).toBe('—');
  });
});
