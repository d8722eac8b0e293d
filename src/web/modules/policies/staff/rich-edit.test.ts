import { describe, expect, it } from 'vitest';
import { linkSelection, listFromSelection, wrapSelection } from './rich-edit';

describe('rich-text toolbar', () => {
  it('wraps the selection and keeps it selected', () => {
    const e = wrapSelection({ text: '给予奖励10万元', start: 4, end: 9 }, 'strong');
    expect(e.text).toBe('给予奖励<strong>10万元</strong>');
    expect(e.text.slice(e.start, e.end)).toBe('10万元');
  });

  it('inserts an empty pair with the cursor inside', () => {
    const e = wrapSelection({ text: 'ab', start: 1, end: 1 }, 'h3');
    expect(e.text).toBe('a<h3></h3>b');
    expect(e.start).toBe(5);
    expect(e.end).toBe(5);
  });

  it('makes a list of the selected lines', () => {
    const e = listFromSelection({ text: '条件：\n营业执照\n\n审计报告\n', start: 4, end: 14 });
    expect(e.text).toBe('条件：\n<ul>\n  <li>营业执照</li>\n  <li>审计报告</li>\n</ul>\n');
  });

  it('links only web and mail addresses, escaping the address', () => {
    expect(linkSelection({ text: '原文', start: 0, end: 2 }, 'https://www.gov.cn/a?b=1&c="2"')?.text).toBe(
      '<a href="https://www.gov.cn/a?b=1&amp;c=&quot;2&quot;">原文</a>',
    );
    expect(linkSelection({ text: '', start: 0, end: 0 }, 'mailto:zc@example.gov.cn')?.text).toBe(
      '<a href="mailto:zc@example.gov.cn">mailto:zc@example.gov.cn</a>',
    );
    expect(linkSelection({ text: 'x', start: 0, end: 1 }, 'javascript:alert(1)')).toBeNull();
    expect(linkSelection({ text: 'x', start: 0, end: 1 }, 'www.gov.cn')).toBeNull();
  });
});
