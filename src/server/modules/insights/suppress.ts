import { type Cell, SMALL_CELL_MIN } from '../../../shared/insights-api';

/**
 * Small-cell suppression (统计小单元格保密) for the public page, as statistical offices do it:
 *   - primary: a count of 1 to SMALL_CELL_MIN − 1 is not published (zero is: it reveals nobody);
 *   - complementary (for a distribution whose total is published): when exactly one cell is suppressed, the
 *     smallest other non-zero cell is suppressed too, so the hidden one cannot be had as total − the others.
 * Returns, per value, whether it is suppressed.
 */
export function suppressedCells(values: readonly number[], complementary: boolean): boolean[] {
  const out = values.map((v) => v > 0 && v < SMALL_CELL_MIN);
  if (complementary && out.filter(Boolean).length === 1) {
    let pick = -1;
    values.forEach((v, i) => {
      if (!out[i] && v > 0 && (pick < 0 || v < values[pick]!)) pick = i;
    });
    if (pick >= 0) out[pick] = true;
  }
  return out;
}

/** A published cell: the value, or null with `suppressed` when it may not be shown. */
export const cell = (value: number, suppressed: boolean): Cell =>
  suppressed ? { value: null, suppressed: true } : { value, suppressed: false };

/** The cells of a distribution, suppressed as above. */
export function cellsOf(values: readonly number[], complementary: boolean): Cell[] {
  const hidden = suppressedCells(values, complementary);
  return values.map((v, i) => cell(v, hidden[i]!));
}
