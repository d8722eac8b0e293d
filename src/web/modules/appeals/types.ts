import type { SlaView } from '../../../shared/appeals-api';

/**
 * The shapes the appeal pages read: the server's zod schemas of src/shared/appeals-api.ts, imported for their
 * types only (no zod reaches the browser bundles).
 */
export type {
  AppealDetail,
  AppealEvent,
  AppealKbEntry,
  AppealKbHit,
  AppealKbSearch,
  AppealList,
  AppealSimilar,
  AppealSummary,
  AppealTopic,
  SlaView,
} from '../../../shared/appeals-api';

export interface AppealSla {
  accept: SlaView | null;
  reply: SlaView | null;
}
