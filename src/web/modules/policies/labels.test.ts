import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KIND_LABELS } from '../../../shared/notifications';
import {
  CLAIM_ACTION_LABELS,
  CLAIM_STATUS_LABELS,
  DOCUMENT_STATUS_LABELS,
  POLICY_LEVEL_LABELS,
  POLICY_TOPIC_LABELS,
  PROGRAM_MODE_LABELS,
  PROGRAM_STATUS_LABELS,
  WINDOW_STATE_LABELS,
} from '../../../shared/policies';
import {
  CONDITION_STATUS_LABELS,
  ELIGIBILITY_STATUS_LABELS,
  LEAF_KIND_LABELS,
} from '../../../shared/policy-rules';
import { en } from '../../locales/en';
import { zhCN } from '../../locales/zh-CN';

/**
 * The Chinese copy names statuses, modes and levels exactly as the API's contracts do (the labels live in the locale
 * so the public pages need not load the zod schemas), and English names every one of them too.
 */
describe('policy labels', () => {
  const p = zhCN.policies;
  it.each([
    ['levels', p.levels, POLICY_LEVEL_LABELS],
    ['documentStatuses', p.documentStatuses, DOCUMENT_STATUS_LABELS],
    ['modes', p.modes, PROGRAM_MODE_LABELS],
    ['programStatuses', p.programStatuses, PROGRAM_STATUS_LABELS],
    ['windowStates', p.windowStates, WINDOW_STATE_LABELS],
    ['claimStatuses', p.claimStatuses, CLAIM_STATUS_LABELS],
    ['claimActions', p.claimActions, CLAIM_ACTION_LABELS],
    ['eligibility', p.eligibility, ELIGIBILITY_STATUS_LABELS],
    ['conditionStatuses', p.conditionStatuses, CONDITION_STATUS_LABELS],
    ['topics', p.topics, POLICY_TOPIC_LABELS],
    ['notification kinds', zhCN.notifications.kinds, NOTIFICATION_KIND_LABELS],
  ] as const)('%s match the contracts', (_, locale, shared) => {
    expect(locale).toEqual(shared);
  });

  it('names every condition kind in the rule editor', () => {
    expect(Object.keys(p.rules.kinds).sort()).toEqual(Object.keys(LEAF_KIND_LABELS).sort());
  });

  it('has an English name for every topic and notification kind', () => {
    expect(Object.keys(en.policies.topics).sort()).toEqual(Object.keys(POLICY_TOPIC_LABELS).sort());
    expect(Object.keys(en.notifications.kinds).sort()).toEqual(Object.keys(NOTIFICATION_KIND_LABELS).sort());
  });
});
