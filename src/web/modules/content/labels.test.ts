import { describe, expect, it } from 'vitest';
import {
  ARTICLE_CHANNEL_LABELS,
  ARTICLE_CHANNELS,
  CONTENT_DISPLAY_STATE_LABELS,
  CONTENT_DISPLAY_STATES,
  GUIDE_CATEGORY_LABELS,
  MEASURE_STATUS_LABELS,
  GUIDE_CATEGORIES as SHARED_CATEGORIES,
  MEASURE_STATUSES as SHARED_MEASURE_STATUSES,
} from '../../../shared/content-api';
import { contentEn } from '../../locales/content.en';
import { contentZh } from '../../locales/content.zh-CN';
import { CHANNELS, DISPLAY_STATES, GUIDE_CATEGORIES, MEASURE_STATUSES } from './types';

describe('content labels', () => {
  it('call channels, states, categories and measure statuses what the API calls them', () => {
    expect(contentZh.channels).toEqual(ARTICLE_CHANNEL_LABELS);
    expect(contentZh.states).toEqual(CONTENT_DISPLAY_STATE_LABELS);
    expect(contentZh.categories).toEqual(GUIDE_CATEGORY_LABELS);
    expect(contentZh.measureStatuses).toEqual(MEASURE_STATUS_LABELS);
  });

  it('list the kinds the API knows, in its order, with an English label each', () => {
    expect(CHANNELS).toEqual(ARTICLE_CHANNELS);
    expect(DISPLAY_STATES).toEqual(CONTENT_DISPLAY_STATES);
    expect(GUIDE_CATEGORIES).toEqual(SHARED_CATEGORIES);
    expect(MEASURE_STATUSES).toEqual(SHARED_MEASURE_STATUSES);
    expect(Object.keys(contentEn.channels)).toEqual([...ARTICLE_CHANNELS]);
    expect(Object.keys(contentEn.states)).toEqual([...CONTENT_DISPLAY_STATES]);
    expect(Object.keys(contentEn.categories)).toEqual([...SHARED_CATEGORIES]);
    expect(Object.keys(contentEn.measureStatuses)).toEqual([...SHARED_MEASURE_STATUSES]);
  });
});
