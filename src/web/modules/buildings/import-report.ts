import type { ImportIssue, ImportRow } from '../../../shared/buildings-api';

/**
 * Reading the import preview for the table: which rows to show, and each row's cells with the raw value (when
 * the report carries one), the normalised value and the messages about that column side by side.
 */

/** All rows, or only those with something to look at (errors, warnings, duplicates). */
export function importRowsShown(rows: ImportRow[], problemsOnly: boolean): ImportRow[] {
  if (!problemsOnly) return rows;
  return rows.filter(
    (r) => r.status === 'error' || r.status === 'warning' || (r.duplicates?.length ?? 0) > 0,
  );
}

/** The row class of the preview table: errors red, warnings amber. */
export function importRowClass(r: ImportRow): string {
  if (r.status === 'error') return 'qifu-bld-row-error';
  if (r.status === 'warning') return 'qifu-bld-row-warning';
  return '';
}

/** Issues grouped by column (null: about the whole row), in report order. */
export function issuesByColumn(r: ImportRow): Map<string | null, ImportIssue[]> {
  const out = new Map<string | null, ImportIssue[]>();
  for (const i of r.issues) {
    const list = out.get(i.column) ?? [];
    list.push(i);
    out.set(i.column, list);
  }
  return out;
}

export interface RowCell {
  column: string;
  raw: string | undefined;
  normalized: string | undefined;
  issues: ImportIssue[];
}

/**
 * One entry per column that has a value or a message: columns with a normalised value first (in report order),
 * then columns that only have messages (a refused cell has no normalised value). `raw` is read from an optional
 * `raw` record the report may carry.
 */
export function rowCells(r: ImportRow): RowCell[] {
  const raw = (r as ImportRow & { raw?: Record<string, string> }).raw ?? {};
  const values = r.values ?? {};
  const issues = issuesByColumn(r);
  const columns = [...Object.keys(values)];
  for (const c of [...Object.keys(raw), ...issues.keys()]) {
    if (c !== null && !columns.includes(c)) columns.push(c);
  }
  return columns.map((column) => ({
    column,
    raw: raw[column],
    normalized: values[column],
    issues: issues.get(column) ?? [],
  }));
}
