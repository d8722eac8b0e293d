import { formatShanghai } from '../../../shared/format';
import type { ActionPlan, Attachment, Measure, MeasureStatus } from './types';

/**
 * The content pages' pure rules: date-times typed in Asia/Shanghai, the action plan's completion and its
 * filters, a file's type in words.
 */

/** A wall-clock time typed in the district (`YYYY-MM-DD HH:mm`) as an ISO instant with its offset. */
export function shanghaiWallToIso(wall: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/.exec(wall.trim());
  if (!m) return null;
  return `${m[1]}T${m[2]}:${m[3]}:00+08:00`;
}

/** An ISO instant as the district's wall-clock time `YYYY-MM-DD HH:mm` (what a date-time picker shows). */
export function isoToShanghaiWall(iso: string | null | undefined): string | null {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return null;
  return formatShanghai(iso);
}

/** Whether an instant lies after `now` (a publish time in the future means 定时发布). */
export function isFuture(iso: string | null | undefined, now: Date = new Date()): boolean {
  if (!iso) return false;
  const t = new Date(iso).getTime();
  return !Number.isNaN(t) && t > now.getTime();
}

/** Share of measures done, as a whole percentage (0 when the plan has none). */
export function completionPercent(counts: Record<MeasureStatus, number>): number {
  const total = counts.not_started + counts.in_progress + counts.done + counts.delayed;
  return total === 0 ? 0 : Math.round((counts.done / total) * 100);
}

/** Each responsible department once, in the order the plan first names it. */
export function planDepartments(plan: Pick<ActionPlan, 'groups'>): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const g of plan.groups)
    for (const ms of g.measures) if (!seen.has(ms.departmentId)) seen.set(ms.departmentId, ms.departmentName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export interface MeasureFilter {
  status?: MeasureStatus | undefined;
  departmentId?: string | undefined;
}

/** The plan's groups with only the measures that pass the filter; groups left empty are dropped. */
export function filterGroups<M extends Pick<Measure, 'status' | 'departmentId'>, G extends { measures: M[] }>(
  groups: readonly G[],
  filter: MeasureFilter,
): G[] {
  const keep = (ms: M) =>
    (!filter.status || ms.status === filter.status) &&
    (!filter.departmentId || ms.departmentId === filter.departmentId);
  return groups
    .map((g) => ({ ...g, measures: g.measures.filter(keep) }))
    .filter((g) => g.measures.length > 0);
}

/** The measures of the groups, counted. */
export function measureCount(groups: readonly { measures: readonly unknown[] }[]): number {
  return groups.reduce((n, g) => n + g.measures.length, 0);
}

const MIME_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
};

/** A file's type in three or four letters: from its MIME type, else its name's extension. */
export function fileType(a: Pick<Attachment, 'mime' | 'name'>): string {
  const known = MIME_TYPES[a.mime];
  if (known) return known;
  const ext = /\.([a-z0-9]{1,5})$/i.exec(a.name)?.[1];
  return ext ? ext.toUpperCase() : '—';
}
