/**
 * The eligibility-rules engine of the policies module (SPEC §2.3): pure functions over rule data and enterprise
 * facts, no I/O. The policies service, the self-test and 政策找企业 use it through this file; see README.md here
 * for the model and its semantics, and src/shared/policy-rules.ts for the data shapes.
 */
export { type CompiledAmount, compileAmount } from './amount';
export {
  type CompiledProgram,
  type CompiledRule,
  type CompileOptions,
  compareMatches,
  compileRule,
  evaluateRules,
  matchPrograms,
  type ProgramMatch,
  questionsFor,
} from './evaluate';
export { describeCondition, describeFormula, relativeYearText } from './explain';
export {
  type CatalogueIndex,
  describeFact,
  type EvaluationContext,
  evaluationDate,
  type FactDescription,
  factsFromProfile,
  indexCatalogue,
  type PreparedFacts,
  type PrepareOptions,
  type ProfileFactsOptions,
  type ProfileForFacts,
  prepareFacts,
  qualificationCodes,
} from './facts';
export { PROGRAM_FIXTURES, type ProgramFixture, type ProgramMode, programFixture } from './fixtures';
export {
  MAX_DEPTH,
  MAX_NODES,
  type RuleValidationError,
  type RuleValidationResult,
  ruleFieldErrors,
  validateRuleSet,
} from './validate';
