import { describe, expect, it } from 'vitest';
import { findIndustry, INDUSTRY_DIVISIONS } from '../../../shared/industries';
import { classifySize, formatNumber, type SizeClass, type SizeInputFact } from './size-class';
import { SIZE_STANDARD_2011, type SizeStandard } from './size-standards';

type Row = [
  code: string,
  employees: number | null,
  revenue: number | null,
  assets: number | null,
  expected: SizeClass,
];

const classOf = (
  code: string,
  employees: number | null,
  revenue: number | null,
  totalAssets: number | null,
) => classifySize({ industryCode: code, employees, revenue, totalAssets });

function runTable(sector: string, rows: Row[]) {
  it.each(rows)(`${sector} %s: 从业人员 %s, 营业收入 %s, 资产总额 %s → %s`, (code, e, r, a, expected) => {
    const res = classOf(code, e, r, a);
    expect(res.sizeClass, res.basis).toBe(expected);
    expect(res.status).toBe('decided');
    expect(res.sector).toBe(sector);
    expect(res.missing).toEqual([]);
  });
}

// Each table walks the thresholds of one sector of 工信部联企业〔2011〕300号: exactly at every bound, just below
// it, the "且" rule pulling a class down, and the "或" rule making 微型 out of a single small figure.
describe('classifySize — 2011 standard, sector by sector', () => {
  describe('农、林、牧、渔业 (营业收入 only)', () => {
    runTable('agriculture', [
      ['0111', null, 20000, null, 'large'],
      ['0111', 3, 19999.99, null, 'medium'],
      ['01', null, 500, null, 'medium'],
      ['02', null, 499, null, 'small'],
      ['03', null, 50, null, 'small'],
      ['04', null, 49.9, null, 'micro'],
      ['0511', 5000, 0, null, 'micro'],
    ]);
  });

  describe('工业 (B, C, D)', () => {
    runTable('industry', [
      // 大型 needs both ≥1000 人 and ≥40000 万元
      ['3911', 1000, 40000, null, 'large'],
      ['3911', 999, 40000, null, 'medium'],
      ['3911', 1000, 39999, null, 'medium'],
      ['3911', 5000, 2000, null, 'medium'],
      // 中型 needs both ≥300 and ≥2000
      ['3911', 300, 2000, null, 'medium'],
      ['3911', 299, 2000, null, 'small'],
      ['3911', 300, 1999.99, null, 'small'],
      ['3911', 5000, 1999, null, 'small'],
      // 小型 needs both ≥20 and ≥300
      ['3911', 20, 300, null, 'small'],
      ['3911', 150, 5000, null, 'small'],
      ['3911', 19, 300000, null, 'micro'],
      ['3911', 5000, 299, null, 'micro'],
      ['3911', 0, 0, null, 'micro'],
      // 微型 by the "或" rule with the other figure unknown
      ['3911', 10, null, null, 'micro'],
      ['3911', null, 100, null, 'micro'],
      ['06', 19, null, null, 'micro'],
      ['13', 1200, 50000, null, 'large'],
      ['43', 300, 2000, null, 'medium'],
      ['4411', 300, 2000, null, 'medium'],
      ['46', 20, 300, null, 'small'],
      // total assets play no part in 工业
      ['3911', 300, 2000, 1, 'medium'],
    ]);
  });

  describe('建筑业 (营业收入 and 资产总额)', () => {
    runTable('construction', [
      ['4710', null, 80000, 80000, 'large'],
      ['4710', null, 80000, 79999, 'medium'],
      ['47', null, 79999, 80000, 'medium'],
      ['48', null, 6000, 5000, 'medium'],
      ['49', null, 5999, 5000, 'small'],
      ['50', null, 6000, 4999, 'small'],
      ['4710', 3, 300, 300, 'small'],
      ['4710', 5000, 299, 100000, 'micro'],
      ['4710', null, 100000, 299, 'micro'],
      ['4710', null, 100, null, 'micro'],
      ['4710', null, null, 100, 'micro'],
    ]);
  });

  describe('批发业', () => {
    runTable('wholesale', [
      ['5111', 200, 40000, null, 'large'],
      ['51', 199, 40000, null, 'medium'],
      ['51', 200, 39999, null, 'medium'],
      ['51', 20, 5000, null, 'medium'],
      ['51', 19, 5000, null, 'small'],
      ['51', 20, 4999, null, 'small'],
      ['51', 5, 1000, null, 'small'],
      ['51', 4, 1000000, null, 'micro'],
      ['51', 100, 999, null, 'micro'],
      ['51', 4, null, null, 'micro'],
    ]);
  });

  describe('零售业', () => {
    runTable('retail', [
      ['5211', 300, 20000, null, 'large'],
      ['52', 299, 20000, null, 'medium'],
      ['52', 50, 500, null, 'medium'],
      ['52', 49, 500, null, 'small'],
      ['52', 50, 499, null, 'small'],
      ['52', 10, 100, null, 'small'],
      ['52', 9, 100000, null, 'micro'],
      ['52', 100, 99, null, 'micro'],
    ]);
  });

  describe('交通运输业 (54–58 and 591 装卸搬运, not 53)', () => {
    runTable('transport', [
      ['5411', 1000, 30000, null, 'large'],
      ['54', 999, 30000, null, 'medium'],
      ['55', 300, 3000, null, 'medium'],
      ['56', 299, 3000, null, 'small'],
      ['57', 300, 2999, null, 'small'],
      ['58', 20, 200, null, 'small'],
      ['58', 19, 200, null, 'micro'],
      ['5821', 20, 199, null, 'micro'],
      // 装卸搬运 sits in 大类 59 but is 交通运输业: 250 人 / 1,500 万元 is 小型 here, 中型 for 仓储业
      ['591', 250, 1500, null, 'small'],
      ['5910', 250, 1500, null, 'small'],
      ['5910', 1000, 30000, null, 'large'],
    ]);
  });

  describe('仓储业 (59 except 591)', () => {
    runTable('warehousing', [
      ['5920', 200, 30000, null, 'large'],
      ['5920', 199, 30000, null, 'medium'],
      ['5920', 250, 1500, null, 'medium'],
      ['5930', 100, 1000, null, 'medium'],
      ['5941', 99, 1000, null, 'small'],
      ['595', 100, 999, null, 'small'],
      ['5960', 20, 100, null, 'small'],
      ['5990', 19, 100, null, 'micro'],
      ['5990', 20, 99, null, 'micro'],
    ]);
  });

  describe('邮政业', () => {
    runTable('postal', [
      ['6010', 1000, 30000, null, 'large'],
      ['60', 999, 30000, null, 'medium'],
      ['60', 300, 2000, null, 'medium'],
      ['60', 299, 2000, null, 'small'],
      ['60', 20, 100, null, 'small'],
      ['60', 20, 99, null, 'micro'],
      ['60', 19, 100, null, 'micro'],
    ]);
  });

  describe('住宿业', () => {
    runTable('accommodation', [
      ['6110', 300, 10000, null, 'large'],
      ['61', 299, 10000, null, 'medium'],
      ['61', 100, 2000, null, 'medium'],
      ['61', 100, 1999, null, 'small'],
      ['61', 10, 100, null, 'small'],
      ['61', 9, 100, null, 'micro'],
      ['61', 10, 99, null, 'micro'],
    ]);
  });

  describe('餐饮业', () => {
    runTable('catering', [
      ['6210', 300, 10000, null, 'large'],
      ['62', 300, 9999, null, 'medium'],
      ['62', 100, 2000, null, 'medium'],
      ['62', 99, 2000, null, 'small'],
      ['62', 10, 100, null, 'small'],
      ['62', 9, null, null, 'micro'],
    ]);
  });

  describe('信息传输业 (63, 64)', () => {
    runTable('information-transmission', [
      ['6311', 2000, 100000, null, 'large'],
      ['63', 1999, 100000, null, 'medium'],
      ['64', 2000, 99999, null, 'medium'],
      ['64', 100, 1000, null, 'medium'],
      ['6421', 99, 1000, null, 'small'],
      ['64', 10, 100, null, 'small'],
      ['64', 9, 100, null, 'micro'],
      ['64', 10, 99, null, 'micro'],
    ]);
  });

  describe('软件和信息技术服务业 (65)', () => {
    runTable('software-it', [
      ['6511', 300, 10000, null, 'large'],
      ['65', 299, 10000, null, 'medium'],
      ['65', 100, 1000, null, 'medium'],
      ['651', 100, 999, null, 'small'],
      ['6513', 10, 50, null, 'small'],
      ['6513', 10, 49, null, 'micro'],
      ['6513', 9, 5000, null, 'micro'],
    ]);
  });

  describe('房地产开发经营 (7010: 营业收入 and 资产总额)', () => {
    runTable('real-estate-development', [
      ['7010', null, 200000, 10000, 'large'],
      ['7010', null, 200000, 9999, 'medium'],
      ['7010', null, 199999, 10000, 'medium'],
      ['701', null, 1000, 5000, 'medium'],
      ['7010', null, 999, 5000, 'small'],
      ['7010', null, 1000, 4999, 'small'],
      ['7010', 2, 100, 2000, 'small'],
      ['7010', null, 99, 100000, 'micro'],
      ['7010', null, 300000, 1999, 'micro'],
      ['7010', null, 50, null, 'micro'],
    ]);
  });

  describe('物业管理 (702)', () => {
    runTable('property-management', [
      ['7020', 1000, 5000, null, 'large'],
      ['7020', 999, 5000, null, 'medium'],
      ['702', 300, 1000, null, 'medium'],
      ['7020', 299, 1000, null, 'small'],
      ['7020', 100, 500, null, 'small'],
      ['7020', 99, 500, null, 'micro'],
      ['7020', 100, 499, null, 'micro'],
    ]);
  });

  describe('租赁和商务服务业 (L: 从业人员 and 资产总额)', () => {
    runTable('leasing-business', [
      ['7111', 300, null, 120000, 'large'],
      ['72', 299, 1, 120000, 'medium'],
      ['72', 300, 1, 119999, 'medium'],
      ['7211', 100, null, 8000, 'medium'],
      ['7211', 99, null, 8000, 'small'],
      ['7211', 100, null, 7999, 'small'],
      ['7211', 10, null, 100, 'small'],
      ['7211', 9, 100000, 100000, 'micro'],
      ['7211', 500, null, 99, 'micro'],
      ['7211', 9, null, null, 'micro'],
    ]);
  });

  describe('其他未列明行业 (从业人员 only)', () => {
    runTable('other', [
      ['7310', 300, null, null, 'large'],
      ['73', 299, 1000000, null, 'medium'],
      ['7410', 100, null, null, 'medium'],
      ['75', 99, null, null, 'small'],
      ['77', 10, null, null, 'small'],
      ['80', 9, 50000, 50000, 'micro'],
      ['85', 0, null, null, 'micro'],
      ['8810', 150, null, null, 'medium'],
      // 房地产中介服务 703 and 其他房地产业 709
      ['7030', 150, null, null, 'medium'],
      ['7090', 5, null, null, 'micro'],
      // not named by the regulation, classified by reference (第八条)
      ['83', 150, null, null, 'medium'],
      ['8411', 9, null, null, 'micro'],
      ['92', 400, null, null, 'large'],
    ]);
  });
});

describe('classifySize — missing facts are never zero', () => {
  it.each([
    // 工业: 500 employees could be 中型 or 小型 or 微型 depending on revenue
    ['3911', 500, null, null, ['revenue']],
    ['3911', 1000, null, null, ['revenue']],
    ['3911', 20, null, null, ['revenue']],
    ['3911', null, 40000, null, ['employees']],
    ['3911', null, null, null, ['employees', 'revenue']],
    ['01', 500, null, null, ['revenue']],
    ['4710', null, 10000, null, ['totalAssets']],
    ['4710', null, null, 10000, ['revenue']],
    ['7010', null, 200000, null, ['totalAssets']],
    ['7211', 300, 50000, null, ['totalAssets']],
    ['7211', null, null, 8000, ['employees']],
    ['7310', null, 1000000, 1000000, ['employees']],
  ] as const)('%s: 从业人员 %s, 营业收入 %s, 资产总额 %s → needs %j', (code, e, r, a, missing) => {
    const res = classOf(code, e, r, a);
    expect(res.sizeClass).toBeNull();
    expect(res.status).toBe('undetermined');
    expect(res.missing).toEqual(missing);
    expect(res.sector).not.toBeNull();
    expect(res.basis).toContain('需补充');
  });

  it('treats negative and non-finite figures as unknown', () => {
    expect(classOf('3911', -5, 5000, null)).toMatchObject({ sizeClass: null, missing: ['employees'] });
    expect(classOf('3911', 500, Number.NaN, null)).toMatchObject({ sizeClass: null, missing: ['revenue'] });
    expect(classOf('3911', 10, Number.POSITIVE_INFINITY, null)).toMatchObject({ sizeClass: 'micro' });
  });

  it('accepts totalAssets left out of the input', () => {
    expect(classifySize({ industryCode: '3911', employees: 300, revenue: 2000 }).sizeClass).toBe('medium');
    expect(classifySize({ industryCode: '4710', employees: 300, revenue: 7000 })).toMatchObject({
      sizeClass: null,
      missing: ['totalAssets'],
    });
  });
});

describe('classifySize — industry', () => {
  it.each([
    [null, '未填写所属行业，无法按行业标准划型'],
    ['', '未填写所属行业，无法按行业标准划型'],
    ['  ', '未填写所属行业，无法按行业标准划型'],
    ['99', '行业代码“99”不是有效的国民经济行业分类代码，无法划型'],
    ['abc', '行业代码“abc”不是有效的国民经济行业分类代码，无法划型'],
  ])('unknown industry %j asks for it', (code, basis) => {
    expect(classifySize({ industryCode: code, employees: 5, revenue: 10, totalAssets: 10 })).toEqual({
      sizeClass: null,
      status: 'undetermined',
      sector: null,
      sectorName: null,
      missing: ['industryCode'],
      basis,
      standardId: 'miit-2011-300',
    });
  });

  it('accepts codes with a section letter and full-width digits', () => {
    expect(classifySize({ industryCode: 'I6511', employees: 100, revenue: 1000 }).sector).toBe('software-it');
    expect(classifySize({ industryCode: '６５', employees: 100, revenue: 1000 }).sector).toBe('software-it');
  });

  it.each([
    ['53', '铁路运输业'],
    ['5311', '铁路运输业'],
    ['66', '金融业'],
    ['6711', '金融业'],
    ['68', '金融业'],
    ['69', '金融业'],
  ])('%s is outside the standard (%s)', (code, name) => {
    const res = classOf(code, 5000, 1000000, 1000000);
    expect(res).toMatchObject({ sizeClass: null, status: 'not_applicable', sector: null, missing: [] });
    expect(res.basis.startsWith(`${name}：`)).toBe(true);
  });

  describe('a 大类 the standard splits', () => {
    it('59 alone is decided when 交通运输业 and 仓储业 agree', () => {
      expect(classOf('59', 5, 50, null)).toMatchObject({
        sizeClass: 'micro',
        status: 'decided',
        sector: null,
      });
      expect(classOf('59', 1000, 30000, null)).toMatchObject({ sizeClass: 'large', sector: null });
      expect(classOf('59', 19, null, null)).toMatchObject({ sizeClass: 'micro' });
    });

    it('59 alone asks for a finer code when they disagree', () => {
      const res = classOf('59', 250, 1500, null);
      expect(res).toMatchObject({
        sizeClass: null,
        status: 'undetermined',
        sector: null,
        missing: ['industryCode'],
      });
      expect(res.basis).toContain('仓储业');
      expect(res.basis).toContain('交通运输业');
    });

    it('70 alone spans 房地产开发经营, 物业管理 and 其他未列明行业', () => {
      expect(classOf('70', 5, 50, 100)).toMatchObject({ sizeClass: 'micro', sector: null });
      expect(classOf('70', 150, 600, null)).toMatchObject({
        sizeClass: null,
        missing: ['industryCode', 'totalAssets'],
      });
      expect(classOf('70', 5000, 300000, null)).toMatchObject({
        sizeClass: null,
        missing: ['industryCode', 'totalAssets'],
      });
      expect(classOf('70', 5000, 300000, 20000)).toMatchObject({ sizeClass: 'large', sector: null });
    });
  });

  it('maps every 大类 to exactly one sector or exclusion, except the two the standard splits', () => {
    const split = new Set(['59', '70']);
    for (const d of INDUSTRY_DIVISIONS) {
      const res = classOf(d.code, 0, 0, 0);
      if (split.has(d.code)) {
        expect(res.sector, d.code).toBeNull();
      } else if (res.status === 'not_applicable') {
        expect(['53', '66', '67', '68', '69'], d.code).toContain(d.code);
      } else {
        expect(res.sector, d.code).not.toBeNull();
        expect(res.sizeClass, d.code).toBe('micro');
      }
    }
  });
});

describe('classifySize — basis', () => {
  it.each([
    [
      '3911',
      150,
      5000,
      null,
      '工业：从业人员 150 人（≥20 且 <300），营业收入 5,000 万元（≥2,000 且 <40,000）；各项指标须同时达到下限，按较低一档 → 小型',
    ],
    [
      '3911',
      150,
      1500,
      null,
      '工业：从业人员 150 人（≥20 且 <300），营业收入 1,500 万元（≥300 且 <2,000） → 小型',
    ],
    [
      '3911',
      10,
      null,
      null,
      '工业：从业人员 10 人（<20），营业收入未知；已知指标已足以判定，与营业收入无关 → 微型',
    ],
    [
      '3911',
      500,
      null,
      null,
      '工业：从业人员 500 人（≥300 且 <1,000），营业收入未知；需补充营业收入才能判定',
    ],
    [
      '4710',
      null,
      100000,
      90000,
      '建筑业：营业收入 100,000 万元（≥80,000），资产总额 90,000 万元（≥80,000） → 大型',
    ],
    ['7310', 99, null, null, '其他未列明行业：从业人员 99 人（≥10 且 <100） → 小型'],
    ['0111', null, 1234.5, null, '农、林、牧、渔业：营业收入 1,234.5 万元（≥500 且 <20,000） → 中型'],
    ['5311', 10, 10, null, '铁路运输业：该规定的交通运输业不含铁路运输业，未给出铁路运输业的划型标准'],
  ])('%s: %s / %s / %s', (code, e, r, a, basis) => {
    expect(classOf(code, e, r, a).basis).toBe(basis);
  });

  it.each([
    [0, '0'],
    [5, '5'],
    [1000, '1,000'],
    [40000, '40,000'],
    [1234567, '1,234,567'],
    [1234.5, '1,234.5'],
    [0.25, '0.25'],
    [99.99999, '100'],
  ])('formatNumber(%s) = %s', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });
});

describe('SIZE_STANDARD_2011 data', () => {
  const std = SIZE_STANDARD_2011;

  it('has the 16 sectors of the regulation', () => {
    expect(std.sectors.map((s) => s.name)).toEqual([
      '农、林、牧、渔业',
      '工业',
      '建筑业',
      '批发业',
      '零售业',
      '交通运输业',
      '仓储业',
      '邮政业',
      '住宿业',
      '餐饮业',
      '信息传输业',
      '软件和信息技术服务业',
      '房地产开发经营',
      '物业管理',
      '租赁和商务服务业',
      '其他未列明行业',
    ]);
    expect(new Set(std.sectors.map((s) => s.id)).size).toBe(16);
    expect(std.sectors.some((s) => s.id === std.fallbackSectorId)).toBe(true);
  });

  it.each(std.sectors.map((s) => [s.name, s] as const))(
    '%s: bounds are complete and strictly rising',
    (_, s) => {
      expect(s.facts.length).toBeGreaterThan(0);
      for (const f of s.facts) {
        const small = s.thresholds.small[f];
        const medium = s.thresholds.medium[f];
        const large = s.thresholds.large[f];
        expect(small, f).toBeGreaterThan(0);
        expect(medium!, f).toBeGreaterThan(small!);
        expect(large!, f).toBeGreaterThan(medium!);
      }
      for (const cls of ['small', 'medium', 'large'] as const) {
        expect(Object.keys(s.thresholds[cls]).sort()).toEqual([...s.facts].sort());
      }
      expect(s.logic).toBe('and');
    },
  );

  it.each(std.sectors.map((s) => [s.name, s] as const))(
    '%s: the quoted text states the same figures',
    (_, s) => {
      // Guards against editing a number in one place and not the other.
      const unit = { employees: '人', revenue: '万元', totalAssets: '万元' } as const;
      const label = { employees: '从业人员', revenue: '营业收入', totalAssets: '资产总额' } as const;
      for (const f of s.facts) {
        expect(s.text).toContain(`${label[f]}${s.thresholds.large[f]}${unit[f]}以下`);
        expect(s.text).toContain(`${label[f]}${s.thresholds.medium[f]}${unit[f]}及以上`);
        expect(s.text).toContain(`${label[f]}${s.thresholds.small[f]}${unit[f]}及以上`);
        expect(s.text).toContain(`${label[f]}${s.thresholds.small[f]}${unit[f]}以下`);
      }
    },
  );

  it('uses only prefixes under known 大类, each claimed once', () => {
    const all = [
      ...std.sectors.flatMap((s) => s.industryPrefixes),
      ...std.exclusions.flatMap((e) => e.industryPrefixes),
    ];
    expect(new Set(all).size).toBe(all.length);
    for (const p of all) {
      expect(/^\d{2,4}$/.test(p), p).toBe(true);
      expect(findIndustry(p), p).not.toBeNull();
    }
  });
});

describe('classifySize — a replacement standard', () => {
  // A made-up revision: one sector with an "or" rule, to show the classifier reads only the data.
  const revised: SizeStandard = {
    id: 'test-or',
    title: 'test',
    fallbackSectorId: 'all',
    exclusions: [],
    sectors: [
      {
        id: 'all',
        name: '全部行业',
        industryPrefixes: [],
        facts: ['employees', 'revenue'],
        thresholds: {
          large: { employees: 1000, revenue: 10000 },
          medium: { employees: 100, revenue: 1000 },
          small: { employees: 10, revenue: 100 },
        },
        logic: 'or',
        text: '',
      },
    ],
  };

  it.each([
    [1000, 0, 'large', []],
    [0, 10000, 'large', []],
    [1000, null, 'large', []],
    [500, null, null, ['revenue']],
    [5, 5, 'micro', []],
    [5, 1000, 'medium', []],
  ] as [number, number | null, SizeClass | null, SizeInputFact[]][])(
    '从业人员 %s, 营业收入 %s → %s',
    (e, r, expected, missing) => {
      const res = classifySize({ industryCode: '6511', employees: e, revenue: r }, revised);
      expect(res.sizeClass).toBe(expected);
      expect(res.missing).toEqual(missing);
      expect(res.standardId).toBe('test-or');
    },
  );
});
