import { describe, expect, it } from 'vitest';
import {
  BUILDING_SOURCE_LABELS,
  PROJECT_STATUS_LABELS,
  VIEWING_STATUS_LABELS,
} from '../../../shared/buildings-api';
import { buildingsZh } from '../../locales/buildings.zh-CN';

describe('buildings labels', () => {
  it('call statuses and sources what the API and the spreadsheet call them', () => {
    expect(buildingsZh.viewingStatuses).toEqual(VIEWING_STATUS_LABELS);
    expect(buildingsZh.projectStatuses).toEqual(PROJECT_STATUS_LABELS);
    expect(buildingsZh.sources).toEqual(BUILDING_SOURCE_LABELS);
  });
});
