import { describe, expect, it } from 'vitest';
import { DOMAIN_TERMS } from './dictionary';
import { fold, indexTokens, parseQuery, runsOf, segmentWords } from './segment';

const texts = (s: string) => runsOf(fold(s)).map((run) => run.map((u) => u.text));

describe('fold', () => {
  it.each([
    ['ABC', 'abc'],
    ['１２号', '12号'],
    ['ＩＳＯ９００１', 'iso9001'],
    ['〔2021〕', '〔2021〕'],
    ['补贴', '补贴'],
    ['𠀀Ａ', '𠀀a'],
  ])('%s → %s, keeping the length', (input, expected) => {
    expect(fold(input)).toBe(expected);
    expect(fold(input)).toHaveLength(input.length);
  });
});

describe('runsOf', () => {
  it.each([
    ['研发费用', [['研', '发', '费', '用']]],
    ['青南政发〔2021〕12号', [['青', '南', '政', '发'], ['2021'], ['12', '号']]],
    ['ISO9001认证', [['iso', '9001', '认', '证']]],
    [
      '"补贴"*-(税收)',
      [
        ['补', '贴'],
        ['税', '收'],
      ],
    ],
    ["'; drop table x; --", [['drop'], ['table'], ['x']]],
    ['snake_case', [['snake'], ['case']]],
    ['', []],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('indexTokens', () => {
  it('indexes every bigram, the last character and the jieba words', () => {
    const tokens = indexTokens('研发费用加计扣除');
    for (const t of ['研发', '发费', '费用', '用加', '加计', '计扣', '扣除', '除'])
      expect(tokens).toContain(t);
    for (const w of ['_研发', '_费用', '_研发费用', '_加计', '_扣除', '_加计扣除'])
      expect(tokens).toContain(w);
    expect(tokens).not.toContain('研'); // found through the prefix of 研发
  });

  it('indexes letters and digits as units and pairs', () => {
    const tokens = indexTokens('青南政发〔2021〕12号');
    for (const t of ['2021', '12', '12号', '号', '青南', '政发']) expect(tokens).toContain(t);
  });

  it('keeps text tokens out of the word namespace', () => {
    // `_` is a separator in text, so only the segmenter can make a `_` token.
    const tokens = [...indexTokens('_补贴 __x a_b')];
    expect(tokens.filter((t) => t.startsWith('_'))).toEqual(['_补贴']);
    expect(tokens).not.toContain('a_b');
  });

  it('is empty for empty text', () => {
    expect(indexTokens('').size).toBe(0);
    expect(indexTokens(null).size).toBe(0);
  });
});

describe('the domain dictionary', () => {
  it('keeps domain terms whole', () => {
    for (const term of [
      '专精特新',
      '小巨人',
      '瞪羚企业',
      '免申即享',
      '亿元楼',
      '千万元楼',
      '接诉即办',
      '不见面兑付',
    ]) {
      expect(DOMAIN_TERMS).toContain(term);
      expect(segmentWords(`关于支持${term}的通知`), term).toContain(term);
    }
  });

  it('has no duplicates or blanks', () => {
    expect(new Set(DOMAIN_TERMS).size).toBe(DOMAIN_TERMS.length);
    for (const t of DOMAIN_TERMS) expect(t).toMatch(/^\S+$/);
    expect(DOMAIN_TERMS.length).toBeGreaterThanOrEqual(100);
  });
});

describe('parseQuery', () => {
  it('requires every bigram of each run', () => {
    const q = parseQuery('研发费 补贴');
    expect(q.runs).toEqual([
      {
        text: '研发费',
        required: [
          { token: '研发', prefix: false },
          { token: '发费', prefix: false },
        ],
      },
      { text: '补贴', required: [{ token: '补贴', prefix: false }] },
    ]);
    expect(q.words).toContain('_研发');
    expect(q.words).toContain('_补贴');
    expect(parseQuery('研发费用').coreWords).toEqual(['_研发', '_费用']);
    expect(parseQuery('免申即享').coreWords).toEqual(['_免申即享']);
    expect(q.normalized).toBe('研发费 补贴');
  });

  it('looks up a lone character by prefix and a lone ASCII word exactly', () => {
    expect(parseQuery('号').runs[0]!.required).toEqual([{ token: '号', prefix: true }]);
    expect(parseQuery('ISO').runs[0]!.required).toEqual([{ token: 'iso', prefix: false }]);
  });

  it('reduces operators and SQL to plain tokens', () => {
    const q = parseQuery(`" OR 1=1; drop table t; -- 补贴* NOT (税收)`);
    const tokens = q.runs.flatMap((r) => r.required.map((t) => t.token));
    for (const t of tokens) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(q.normalized).toBe('or 1 drop table t 补贴 not 税收'); // a repeated run counts once
  });

  it('has nothing for punctuation only, and cuts long queries', () => {
    expect(parseQuery('"*-()').runs).toEqual([]);
    expect(parseQuery('').runs).toEqual([]);
    const long = parseQuery('补贴'.repeat(500));
    expect(long.runs).toHaveLength(1);
    expect(long.runs[0]!.required.length).toBeLessThanOrEqual(2);
  });

  it('drops repeated runs', () => {
    expect(parseQuery('补贴 补贴 ＢＵ').runs.map((r) => r.text)).toEqual(['补贴', 'bu']);
  });
});
