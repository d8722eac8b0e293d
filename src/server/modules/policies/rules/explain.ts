/**
 * The rules engine's plain-language Chinese (reasons, amount rules, suggested labels) lives in
 * src/shared/policy-labels.ts, where the rule editor uses the same wording; re-exported here so that the engine's
 * modules keep importing it from beside them. The server's CatalogueIndex is a LabelIndex.
 */
export {
  describeCondition,
  describeDuration,
  describeFormula,
  describeMembershipValue,
  describeMembershipValues,
  describeQuantity,
  formatValue,
  OP_WORDS,
  quantityUnit,
  relativeYearText,
  subjectName,
  type YearText,
} from '../../../../shared/policy-labels';
