import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_SETTINGS } from '../../../server/modules/appeals/sla';
import { appealsEn } from '../../locales/appeals.en';
import { appealsZh } from '../../locales/appeals.zh-CN';
import {
  DEFAULT_ACCEPT_WORKDAYS,
  DEFAULT_REPLY_WORKDAYS,
  remainingText,
  replyWorkdays,
  runningClock,
  slaTagText,
  spanText,
  splitWorkingMinutes,
  typesByReplyClock,
  WORKDAY_MINUTES,
} from './sla';

const zh = appealsZh.sla;
const en = appealsEn.sla;
const view = (status: 'on_time' | 'due_soon' | 'overdue', remainingMinutes: number, running = true) => ({
  deadline: '2026-03-12T09:30:00.000Z',
  status,
  remainingMinutes,
  running,
});

describe('working time in words', () => {
  it('splits working minutes into 8.5-hour working days', () => {
    expect(WORKDAY_MINUTES).toBe(510);
    expect(splitWorkingMinutes(510 * 2 + 185)).toEqual({ days: 2, hours: 3, minutes: 5 });
    expect(splitWorkingMinutes(-75)).toEqual({ days: 0, hours: 1, minutes: 15 });
    expect(splitWorkingMinutes(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it('keeps the two largest units and drops minutes once there are days', () => {
    expect(spanText(510 * 2 + 185, zh)).toBe('2 个工作日 3 小时');
    expect(spanText(510 + 5, zh)).toBe('1 个工作日');
    expect(spanText(200, zh)).toBe('3 小时 20 分钟');
    expect(spanText(45, zh)).toBe('45 分钟');
    expect(spanText(0, zh)).toBe('');
  });

  it('says how much is left while on time or due soon', () => {
    expect(remainingText(view('on_time', 510 * 3), zh)).toBe('剩余 3 个工作日');
    expect(remainingText(view('due_soon', 90), zh)).toBe('剩余 1 小时 30 分钟');
    expect(remainingText(view('due_soon', 0), zh)).toBe('今日到期');
  });

  it('says how late an overdue clock is, also at zero working minutes late', () => {
    expect(remainingText(view('overdue', -(510 + 120)), zh)).toBe('已超期 1 个工作日 2 小时');
    expect(remainingText(view('overdue', 0), zh)).toBe('已超期');
    // The tag does not say it twice ("超期 · 已超期").
    expect(slaTagText(view('overdue', 0), zh, ' · ')).toBe('超期');
  });

  it('labels the tag 正常 / 临期 / 超期 with the time', () => {
    expect(slaTagText(view('on_time', 510 * 2), zh, zh.sep)).toBe('正常 · 剩余 2 个工作日');
    expect(slaTagText(view('due_soon', 180), zh, zh.sep)).toBe('临期 · 剩余 3 小时');
    expect(slaTagText(view('overdue', -30), zh, zh.sep)).toBe('超期 · 已超期 30 分钟');
    expect(slaTagText(view('due_soon', 60), en, en.sep)).toBe('Due soon · 1 hour left');
    expect(slaTagText(view('overdue', -1020), en, en.sep)).toBe('Overdue · 2 working days late');
  });
});

describe('runningClock', () => {
  const accept = view('on_time', 300);
  const reply = view('due_soon', 60);
  it('shows the clock the server marks running', () => {
    expect(runningClock('submitted', { accept, reply: null })).toBe(accept);
    expect(runningClock('signed', { accept: { ...accept, running: false }, reply })).toBe(reply);
  });
  it('shows none when no clock runs or the appeal is finished', () => {
    expect(
      runningClock('replied', { accept: { ...accept, running: false }, reply: { ...reply, running: false } }),
    ).toBe(null);
    expect(runningClock('closed', { accept, reply })).toBe(null);
    expect(runningClock('submitted', null)).toBe(null);
  });
});

describe('default clocks', () => {
  it('mirror the server defaults (SPEC §2.4: 1, 3 and 13 working days)', () => {
    expect(DEFAULT_ACCEPT_WORKDAYS).toBe(DEFAULT_SLA_SETTINGS.acceptWorkdays);
    expect(DEFAULT_REPLY_WORKDAYS).toEqual(DEFAULT_SLA_SETTINGS.replyWorkdays);
  });
  it('group the types by reply clock, shortest first', () => {
    expect(typesByReplyClock()).toEqual([
      [3, ['consult', 'help']],
      [13, ['complaint', 'report', 'suggestion']],
    ]);
  });
  it('let a topic override the reply clock', () => {
    expect(replyWorkdays('consult')).toBe(3);
    expect(replyWorkdays('complaint', { replyWorkdays: 5 })).toBe(5);
    expect(replyWorkdays('complaint', {})).toBe(13);
  });
});
