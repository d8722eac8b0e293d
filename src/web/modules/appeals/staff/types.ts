import type {
  AppealDetail,
  AppealKbEntry,
  AppealKbStatus,
  AppealRates,
  AppealStats,
} from '../../../../shared/appeals-api';

/**
 * The shapes of the appeals API as the workbench reads them: the core's from src/shared/appeals-api.ts, the
 * statistics' and the knowledge base's written here after the contract until their schemas are published.
 */

export type {
  AppealDetail,
  AppealEvent,
  AppealStats,
  AppealSummary,
  AppealTopic,
  SlaSettingsInput,
  SlaView,
} from '../../../../shared/appeals-api';

export type AppealFile = AppealDetail['files'][number];
export type AppealDepartment = AppealDetail['departments'][number];
export type RoutingSuggestion = NonNullable<AppealDetail['suggestion']>[number];

export type Rates = AppealRates;
export type StatsRow = AppealStats['rows'][number];

export type KbStatus = AppealKbStatus;
export type KbEntry = AppealKbEntry;
