import { describe, expect, it } from 'vitest';
import {
  APPEAL_ACTION_LABELS,
  APPEAL_ACTOR_ROLE_LABELS,
  APPEAL_RATING_LABELS,
  APPEAL_RATINGS,
  APPEAL_STATE_LABELS,
  APPEAL_TYPE_LABELS,
  APPEAL_TYPES,
  SLA_STATUS_LABELS,
} from '../../../shared/appeals';
import * as shared from '../../../shared/appeals-api';
import { ApiError } from '../../app/api';
import { appealsZh } from '../../locales/appeals.zh-CN';
import { lastNote, refusalOf } from './actions';
import { IN_PROGRESS_STATES, stateQuery } from './filters';
import { highlight, queryTerms } from './highlight';
import { buildSubmitBody } from './intake';
import * as limits from './limits';
import { isEmptySimilar, similarProbe } from './similar';
import { groupTopics, topicList, topicOptions } from './topics';
import type { AppealTopic } from './types';

describe('the copies of shared constants', () => {
  it('keep the limits of the API schemas', () => {
    expect(limits.APPEAL_CONTENT_MAX).toBe(shared.APPEAL_CONTENT_MAX);
    expect(limits.APPEAL_TITLE_MAX).toBe(shared.APPEAL_TITLE_MAX);
    expect(limits.APPEAL_MAX_ATTACHMENTS).toBe(shared.APPEAL_MAX_ATTACHMENTS);
    expect(limits.TYPES).toEqual(APPEAL_TYPES);
    expect(limits.RATINGS).toEqual(APPEAL_RATINGS);
    const tooLongName = shared.submitAppealSchema.safeParse({
      type: 'consult',
      title: 't',
      content: 'c',
      contactName: 'x'.repeat(limits.CONTACT_NAME_MAX + 1),
      contactPhone: '1'.repeat(limits.CONTACT_PHONE_MAX),
    });
    expect(tooLongName.success).toBe(false);
  });

  it('keep the Chinese labels of src/shared/appeals.ts', () => {
    expect(appealsZh.types).toEqual(APPEAL_TYPE_LABELS);
    expect(appealsZh.states).toEqual(APPEAL_STATE_LABELS);
    expect(appealsZh.actions).toEqual(APPEAL_ACTION_LABELS);
    expect(appealsZh.ratings).toEqual(APPEAL_RATING_LABELS);
    expect(appealsZh.roles).toEqual(APPEAL_ACTOR_ROLE_LABELS);
    expect(appealsZh.sla.statuses).toEqual(SLA_STATUS_LABELS);
  });
});

describe('highlight', () => {
  it('marks every occurrence of the query words', () => {
    expect(highlight('社保补贴怎么申请社保', '社保')).toEqual([
      { text: '社保', mark: true },
      { text: '补贴怎么申请', mark: false },
      { text: '社保', mark: true },
    ]);
  });
  it('falls back to two-character pieces of a long Chinese word that does not occur whole', () => {
    expect(queryTerms('社保补贴政策', '社保和补贴')).toEqual(expect.arrayContaining(['社保', '补贴']));
    const runs = highlight('社保和补贴', '社保补贴政策');
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['社保', '补贴']);
  });
  it('is case-insensitive, ignores punctuation and leaves text without a query alone', () => {
    expect(highlight('Excel 表格', 'excel，表格').every((r) => r.mark || r.text === ' ')).toBe(true);
    expect(highlight('没有查询', '')).toEqual([{ text: '没有查询', mark: false }]);
    expect(highlight('', '查询')).toEqual([]);
  });
});

describe('topics', () => {
  const topic = (code: string, category: string): AppealTopic => ({
    code,
    name: `名称${code}`,
    category,
    description: `说明${code}`,
    leadDepartment: { id: 'd', name: '部门' },
    keywords: [],
    sla: {},
    active: true,
    sortOrder: 0,
  });
  const list = [topic('a', '人社'), topic('b', '市场监管'), topic('c', '人社')];
  it('groups by category in catalogue order', () => {
    expect(groupTopics(list).map((g) => [g.category, g.topics.map((t) => t.code)])).toEqual([
      ['人社', ['a', 'c']],
      ['市场监管', ['b']],
    ]);
  });
  it('makes grouped picker options searchable by description', () => {
    const opts = topicOptions(list);
    expect(opts[0]?.label).toBe('人社');
    expect(opts[0]?.options[1]).toEqual({ value: 'c', label: '名称c', search: '名称c 说明c' });
  });
  it('reads the catalogue as a page or an array', () => {
    expect(topicList({ items: list })).toHaveLength(3);
    expect(topicList(list)).toHaveLength(3);
    expect(topicList(undefined)).toEqual([]);
  });
});

describe('filters and the intake body', () => {
  it('turns 办理中 into the list of states in progress', () => {
    expect(stateQuery('open')).toBe(IN_PROGRESS_STATES.join(','));
    expect(stateQuery('replied')).toBe('replied');
    expect(stateQuery(null)).toBeUndefined();
  });
  it('builds a body the server schema accepts: trimmed, optional fields left out, files by id', () => {
    const body = buildSubmitBody({
      type: 'help',
      topicCode: null,
      title: '  用电增容  ',
      content: ' 厂房需要增容 ',
      isPublic: true,
      attachments: [
        { id: 'f1', name: 'a.pdf', size: 1, mime: 'application/pdf', ext: 'pdf', sha256: 'x', createdAt: '' },
      ],
      contactName: ' ',
      contactPhone: ' 0532-88888888 ',
    });
    expect(body).toEqual({
      type: 'help',
      title: '用电增容',
      content: '厂房需要增容',
      isPublic: true,
      attachments: ['f1'],
      contactPhone: '0532-88888888',
    });
    expect(shared.submitAppealSchema.safeParse(body).success).toBe(true);
  });
});

describe('similar appeals', () => {
  it('waits for enough text and caps it', () => {
    expect(similarProbe(' 社保 ')).toBeNull();
    expect(similarProbe('社保补贴  申请')).toBe('社保补贴 申请');
    expect(similarProbe('字'.repeat(900))?.length).toBe(500);
  });
  it('is empty when none of the three lists has anything', () => {
    expect(isEmptySimilar(undefined)).toBe(true);
    expect(isEmptySimilar({ open: [], public: [], kb: [] })).toBe(true);
    const open = [
      {
        id: '1',
        code: 'SQ1',
        title: 't',
        state: 'submitted' as const,
        topicCode: null,
        topicName: null,
        createdAt: '',
        score: 0.5,
      },
    ];
    expect(isEmptySimilar({ open, public: [], kb: [] })).toBe(false);
  });
});

describe('refusals', () => {
  it('tells a state conflict and a forbidden action from other failures', () => {
    expect(refusalOf(new ApiError(409, 'APPEAL_STATE_CONFLICT', 'x'))).toBe('conflict');
    expect(refusalOf(new ApiError(403, 'APPEAL_ACTION_FORBIDDEN', 'x'))).toBe('forbidden');
    expect(refusalOf(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBeNull();
    expect(refusalOf(new Error('x'))).toBeNull();
  });
});

describe('lastNote', () => {
  it('reads the note of the latest event of an action', () => {
    const events = [
      { action: 'ask_info', note: '第一次', seq: 2 },
      { action: 'supply_info', note: '补充', seq: 3 },
      { action: 'ask_info', note: '第二次', seq: 4 },
    ];
    expect(lastNote({ events }, 'ask_info')).toBe('第二次');
    expect(lastNote({ events }, 'reject')).toBeNull();
  });
});
