import { describe, expect, it } from 'vitest';
import { appealsEn } from '../../locales/appeals.en';
import { en } from '../../locales/en';
import { zhCN } from '../../locales/zh-CN';
import { timelineWords } from './components/AppealTimeline';
import { eventActor, eventColor, eventLabel, eventTarget, filesByEvent, orderEvents } from './timeline';

const zh = timelineWords(zhCN);
const english = timelineWords(en);

describe('timeline labelling', () => {
  it('names every action and the extra events, never showing a code', () => {
    expect(eventLabel('submit', zh)).toBe('提交诉求');
    expect(eventLabel('accept', zh)).toBe('受理');
    expect(eventLabel('ask_info', zh)).toBe('要求补充材料');
    expect(eventLabel('reopen', zh)).toBe('重办');
    expect(eventLabel('auto_close', zh)).toBe('自动办结');
    expect(eventLabel('remind', zh)).toBe('时限提醒');
    expect(eventLabel('something_new', zh)).toBe('办理记录');
    expect(eventLabel('toString', zh)).toBe('办理记录');
    expect(eventLabel('reply', english)).toBe(appealsEn.actions.reply);
  });

  it('shows the department and the role, not a person', () => {
    const dept = { id: 'd1', name: '区市场监督管理局' };
    expect(eventActor({ actorRole: 'handler', department: dept, actorLabel: '张三' }, zh)).toBe(
      '区市场监督管理局 · 承办人',
    );
    expect(eventActor({ actorRole: 'dispatcher', department: null, actorLabel: 'x' }, zh)).toBe('诉求分拨员');
    expect(eventActor({ actorRole: 'system', department: null }, english)).toBe('System');
  });

  it("puts the unit of a dispatch on its own line, not as the dispatcher's unit", () => {
    const dept = { id: 'd1', name: '供电公司市南供电中心' };
    expect(eventActor({ action: 'dispatch', actorRole: 'dispatcher', department: dept }, zh)).toBe(
      '诉求分拨员',
    );
    expect(eventTarget({ action: 'dispatch', department: dept })).toBe('供电公司市南供电中心');
    expect(eventTarget({ action: 'sign', department: dept })).toBeNull();
  });

  it("falls back to the server's label for an unknown role", () => {
    expect(eventActor({ actorRole: 'auditor', department: null, actorLabel: '审计' }, zh)).toBe('审计');
    expect(eventActor({ actorRole: 'auditor', department: null }, zh)).toBe('');
  });

  it('colours refusals and completions', () => {
    expect(eventColor('reject')).toBe('red');
    expect(eventColor('reply')).toBe('green');
    expect(eventColor('dispatch')).toBe('blue');
  });

  it('orders by sequence, else by time', () => {
    const evs = [
      { seq: 3, at: '2026-03-10T03:00:00Z' },
      { seq: 1, at: '2026-03-10T05:00:00Z' },
      { seq: 2, at: '2026-03-10T04:00:00Z' },
    ];
    expect(orderEvents(evs).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(orderEvents([{ at: '2026-03-11' }, { at: '2026-03-10' }]).map((e) => e.at)).toEqual([
      '2026-03-10',
      '2026-03-11',
    ]);
  });
});

describe('files by event', () => {
  it('puts each file under the event that brought it, in order, and leaves files without an event out', () => {
    const files = [
      { id: 'f1', eventId: 'e1' },
      { id: 'f2', eventId: 'e3' },
      { id: 'f3', eventId: 'e1' },
      { id: 'f4', eventId: null },
    ];
    const by = filesByEvent(files);
    expect(by.get('e1')?.map((f) => f.id)).toEqual(['f1', 'f3']);
    expect(by.get('e3')?.map((f) => f.id)).toEqual(['f2']);
    expect(by.get('e2')).toBeUndefined();
    expect([...by.values()].flat()).toHaveLength(3);
  });
});
