/**
 * Plain-language Chinese for a rule as the editor builds it: the label suggested for a condition ("上年度营业收入
 * 不低于2,000万元") and the amount rule in words. The wording is the rules engine's own, shared from
 * src/shared/policy-labels.ts; this module keeps the editor's names for it.
 */
import { type LabelIndex, relativeYearText } from '../../../../../shared/policy-labels';

export {
  type CatalogueNames,
  describeCondition,
  describeFormula,
  nameIndex,
} from '../../../../../shared/policy-labels';

/** The editor's name for a catalogue's lookup tables. */
export type NameIndex = LabelIndex;

/** "上年度", "前年度", "奖励年度", "2024年". */
export const yearText = relativeYearText;
