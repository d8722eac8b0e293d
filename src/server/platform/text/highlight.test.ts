import { describe, expect, it } from 'vitest';
import { escapeHtml, findMatches, highlight, markAll } from './highlight';

describe('markAll', () => {
  it.each([
    ['人才住房补贴', ['补贴'], '人才住房<mark>补贴</mark>'],
    ['研发费用加计扣除', ['研发', '发费'], '<mark>研发费</mark>用加计扣除'],
    ['人才住房补贴', ['人才', '住房'], '<mark>人才住房</mark>补贴'],
    ['ISO9001认证', ['iso'], '<mark>ISO</mark>9001认证'],
    ['１２号文件', ['12号'], '<mark>１２号</mark>文件'],
    ['补贴补贴', ['补贴'], '<mark>补贴补贴</mark>'],
    ['无匹配', ['补贴'], '无匹配'],
    ['a<b>补贴</b>&', ['补贴'], 'a&lt;b&gt;<mark>补贴</mark>&lt;/b&gt;&amp;'],
    [
      '<script>alert(1)</script>',
      ['script'],
      '&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;',
    ],
    ['补贴', ['<', '补贴'], '<mark>补贴</mark>'],
    ['"补贴"', ['"'], '<mark>&quot;</mark>补贴<mark>&quot;</mark>'],
    ['补贴', [], '补贴'],
  ])('%s with %j', (text, terms, expected) => {
    expect(markAll(text, terms)).toBe(expected);
  });
});

describe('findMatches', () => {
  it('merges overlapping matches and remembers which terms they hold', () => {
    expect(findMatches('税收优惠税收', ['税收', '收优', '优惠'])).toEqual([
      { start: 0, end: 6, terms: new Set([0, 1, 2]) },
    ]);
    expect(findMatches('税收 优惠', ['税收', '优惠'])).toEqual([
      { start: 0, end: 2, terms: new Set([0]) },
      { start: 3, end: 5, terms: new Set([1]) },
    ]);
  });
});

describe('highlight', () => {
  const filler = '本办法适用于在本区注册的企业。'.repeat(20);

  it('returns short text whole', () => {
    expect(highlight('给予租金补贴。', ['补贴'], 120)).toBe('给予租金<mark>补贴</mark>。');
  });

  it('picks the window around the matches, with ellipses where cut', () => {
    const text = `${filler}对符合条件的企业给予人才住房补贴。${filler}`;
    const out = highlight(text, ['人才', '住房', '补贴'], 40);
    expect(out).toContain('<mark>人才住房补贴</mark>');
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out.replace(/<\/?mark>/g, '').replace(/…/g, '').length).toBe(40);
  });

  it('prefers the window holding more distinct terms', () => {
    const text = `补贴在此。${filler}人才与补贴在一起。${filler}`;
    const out = highlight(text, ['人才', '补贴'], 30);
    expect(out).toContain('<mark>人才</mark>与<mark>补贴</mark>');
  });

  it('starts at the beginning when nothing matches, and collapses whitespace', () => {
    const out = highlight(`第一条\n\n  ${filler}`, ['区块链'], 10);
    expect(out).toBe('第一条 本办法适用于…');
  });

  it('never splits a surrogate pair', () => {
    const text = `${'𠀀'.repeat(30)}补贴${'𠀀'.repeat(30)}`;
    const out = highlight(text, ['补贴'], 21);
    expect(out).toContain('<mark>补贴</mark>');
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('escapes everything outside the marks', () => {
    const text = `${filler}<img src=x onerror=alert(1)>补贴${filler}`;
    const out = highlight(text, ['补贴'], 50);
    expect(out).toContain('alert(1)&gt;<mark>补贴</mark>');
    expect(out.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
