import type { FormInstance } from 'antd';
import type { FieldError } from '../../shared/errors';
import { ApiError } from './api';

export type NamePath = (string | number)[];

/** The API's dotted field path (`yearly.0.revenue`) as an antd name path (`['yearly', 0, 'revenue']`). */
export function toNamePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((p, i) => String(p) === String(b[i]));
}

export interface FieldPlacement {
  /** Errors grouped by the form field they belong to. */
  placed: { name: NamePath; errors: string[] }[];
  /** Messages whose field the form does not show; the page shows them above the form. */
  unplaced: string[];
}

/**
 * Decide where each field error goes. `mapField` may translate an API path into the form's own path (a form
 * that edits date ranges while the API receives single days, for instance); null means "no such field here".
 */
export function placeFieldErrors(
  fields: readonly FieldError[],
  formFields: readonly NamePath[],
  mapField: (field: string) => NamePath | null = toNamePath,
): FieldPlacement {
  const placed: { name: NamePath; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const f of fields) {
    const name = mapField(f.field);
    const target = name && formFields.find((candidate) => samePath(candidate, name));
    if (!target) {
      unplaced.push(f.message);
      continue;
    }
    const existing = placed.find((p) => samePath(p.name, target));
    if (existing) existing.errors.push(f.message);
    else placed.push({ name: target, errors: [f.message] });
  }
  return { placed, unplaced };
}

/**
 * Show an API failure on a form: each field's message beside that field (antd `setFields`), and return the
 * message the page should show in an alert (the general message, plus any field the form does not have), or
 * null when everything found its place.
 */
export function applyApiError(
  form: FormInstance,
  error: unknown,
  describe: (e: unknown) => string,
  mapField?: (field: string) => NamePath | null,
): string | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return describe(error);
  const formFields = form.getFieldsError().map((f) => f.name as NamePath);
  const { placed, unplaced } = placeFieldErrors(error.fields, formFields, mapField);
  if (placed.length === 0) return describe(error);
  form.setFields(placed);
  form.scrollToField(placed[0]!.name, { block: 'center' });
  return unplaced.length > 0 ? unplaced.join('；') : null;
}
