/**
 * The API's shapes and kinds for the pages, from src/shared/content-api.ts. Type-only imports: the browser bundles
 * carry none of zod (the Chinese labels are copied into the locale file; labels.test.ts holds them equal).
 */
export type {
  ActionPlan,
  ActionPlanEditorView,
  ActionPlanSummary,
  Article,
  ArticleChannel,
  ArticleEditorSummary,
  ArticleEditorView,
  ArticleSummary,
  Attachment,
  ContentDisplayState,
  Guide,
  GuideCategory,
  GuideEditorSummary,
  GuideEditorView,
  GuideMaterial,
  GuideStep,
  GuideSummary,
  Measure,
  MeasureEditorView,
  MeasureNote,
  MeasureStatus,
} from '../../../shared/content-api';

import type {
  ArticleChannel,
  ContentDisplayState,
  GuideCategory,
  MeasureStatus,
} from '../../../shared/content-api';

/** The kinds in display order (mirrors of the shared tuples, without importing zod). */
export const CHANNELS: readonly ArticleChannel[] = ['notice', 'news', 'interpretation', 'event'];
export const DISPLAY_STATES: readonly ContentDisplayState[] = ['draft', 'scheduled', 'published', 'archived'];
export const GUIDE_CATEGORIES: readonly GuideCategory[] = [
  'startup',
  'policy',
  'tax',
  'talent',
  'construction',
  'property',
  'other',
];
export const MEASURE_STATUSES: readonly MeasureStatus[] = ['not_started', 'in_progress', 'done', 'delayed'];
