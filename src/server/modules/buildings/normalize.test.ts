import { describe, expect, it } from 'vitest';
import { RENT_DAYS_PER_MONTH } from '../../../shared/buildings';
import { DEMO_STREETS } from '../../db/seed/reference';
import {
  cellText,
  isBlankCell,
  type Parsed,
  parseArea,
  parseDate,
  parseDecoration,
  parseFloor,
  parseGrade,
  parsePhone,
  parseRent,
  parseSpaceStatus,
  parseStreet,
  parseUse,
  parseYesNo,
  safeCell,
} from './normalize';

function expectOk<T>(r: Parsed<T>): Extract<Parsed<T>, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r;
}
function expectError<T>(r: Parsed<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe('parseRent', () => {
  const DAY = RENT_DAYS_PER_MONTH;
  it.each<[unknown, unknown, number, 'yuan_per_sqm_day' | 'yuan_per_sqm_month', number]>([
    ['3.5元/㎡·天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['3.5 元/平米/天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['3.5元/平方米·天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['3.5元/m²/天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['3.5元/m2.天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['3.5元每平米每天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['３．５元／㎡・天', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['2.8元/平/日', undefined, 2.8, 'yuan_per_sqm_day', 2.8 * DAY],
    ['105元/平方米/月', undefined, 105, 'yuan_per_sqm_month', 105],
    ['105元/㎡/月', undefined, 105, 'yuan_per_sqm_month', 105],
    ['105 元/㎡·月', undefined, 105, 'yuan_per_sqm_month', 105],
    ['月租105', undefined, 105, 'yuan_per_sqm_month', 105],
    ['月租金：105元', undefined, 105, 'yuan_per_sqm_month', 105],
    ['日租3.5', undefined, 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    [3.5, '元/㎡·天', 3.5, 'yuan_per_sqm_day', 3.5 * DAY],
    ['4', '元/平米/天', 4, 'yuan_per_sqm_day', 4 * DAY],
    [98, '元/㎡·月', 98, 'yuan_per_sqm_month', 98],
    [3.2, '租金（元/㎡·天）', 3.2, 'yuan_per_sqm_day', 3.2 * DAY],
    ['3.5元/㎡·天', '元/㎡·月', 3.5, 'yuan_per_sqm_day', 3.5 * DAY], // the cell's own unit wins over the column
  ])('%j (unit %j) → %d %s', (cell, unit, amount, u, monthly) => {
    const r = expectOk(parseRent(cell, unit));
    expect(r.value.amount).toBe(amount);
    expect(r.value.unit).toBe(u);
    expect(r.value.monthly).toBeCloseTo(monthly, 9);
  });

  it('uses 365/12 days a month: 3.5 元/㎡·天 ≈ 106.46 元/㎡·月, shown in the preview', () => {
    const r = expectOk(parseRent('3.5元/㎡·天'));
    expect(r.value.monthly).toBeCloseTo(106.458, 3);
    expect(r.normalized).toBe('3.5 元/㎡·天（折合 106.46 元/㎡·月）');
    expect(r.warnings).toEqual([]);
  });

  it('takes the lower end of a range and warns', () => {
    const r = expectOk(parseRent('3.5-4.2元/㎡·天'));
    expect(r.value.amount).toBe(3.5);
    expect(r.warnings.join()).toContain('已取下限 3.5');
  });

  it('accepts an approximate rent with a warning', () => {
    const r = expectOk(parseRent('约3.5元/㎡·天'));
    expect(r.value.amount).toBe(3.5);
    expect(r.warnings.join()).toContain('约数');
  });

  it('warns on a suspiciously low rent (probably a day rate typed as month)', () => {
    const r = expectOk(parseRent('3.5元/㎡·月'));
    expect(r.warnings.join()).toContain('明显偏低');
  });

  it.each<[unknown, unknown, string]>([
    ['3.5', undefined, '缺少单位'],
    [3.5, undefined, '缺少单位'],
    ['-3.5元/㎡·天', undefined, '不能为负数'],
    ['0元/㎡·天', undefined, '不能为 0'],
    ['0', '元/㎡·月', '不能为 0'],
    ['60元/㎡·天', undefined, '超过 50 元/㎡·天'],
    ['3500元/㎡·月', undefined, '超过 50 元/㎡·天'],
    ['35000元/月', undefined, '总价'],
    ['12万元/年', undefined, '总价'],
    ['面议', undefined, '不是数值'],
    ['3.5美元/㎡·天', undefined, '无法识别租金单位'],
    ['3.5', '元/间', '无法识别租金单位'],
    ['三块五', undefined, '无法识别租金'],
    ['4-3元/㎡·天', undefined, '上限小于下限'],
    ['=B2*30', undefined, '单元格含公式'],
    [{ formula: 'B2*30', result: 105 }, undefined, '单元格含公式'],
    ['', undefined, '租金为空'],
    [null, undefined, '租金为空'],
  ])('%j (unit %j) is refused: %s', (cell, unit, message) => {
    expect(expectError(parseRent(cell, unit))).toContain(message);
  });

  it('a day rate and the equivalent month rate normalise to the same value', () => {
    const d = expectOk(parseRent('3元/㎡·天'));
    const m = expectOk(parseRent(`${3 * RENT_DAYS_PER_MONTH}元/㎡·月`));
    expect(d.value.monthly).toBeCloseTo(m.value.monthly, 9);
  });
});

describe('parseArea', () => {
  it.each<[unknown, number, number]>([
    ['1,200平米', 1200, 0],
    ['1200㎡', 1200, 0],
    ['1200 平方米', 1200, 0],
    ['1200m²', 1200, 0],
    ['1200m2', 1200, 0],
    ['1200平', 1200, 0],
    ['１，２００平米', 1200, 0],
    [1200, 1200, 0],
    ['1200.5', 1200.5, 0],
    ['86.35㎡', 86.35, 0],
    ['1.2万平米', 12000, 0],
    ['3.5万㎡', 35000, 0],
    ['约1200', 1200, 1],
    ['1200平米左右', 1200, 1],
    ['1200-1500㎡', 1200, 1],
    ['1200~1500平米', 1200, 1],
    ['1200至1500平方米', 1200, 1],
    ['1.2-1.5万㎡', 12000, 1],
  ])('%j → %d (%d warnings)', (cell, value, warnings) => {
    const r = expectOk(parseArea(cell));
    expect(r.value).toBe(value);
    expect(r.warnings).toHaveLength(warnings);
  });

  it('shows the normalised value and explains the range decision', () => {
    const r = expectOk(parseArea('1200-1500㎡'));
    expect(r.normalized).toBe('1200 ㎡');
    expect(r.warnings[0]).toContain('已取下限 1200㎡');
  });

  it.each<[unknown, string]>([
    ['-100平米', '不能为负数'],
    [-100, '不能为负数'],
    ['0', '不能为 0'],
    ['3亩', '换算为平方米'],
    ['一千二百平米', '无法识别面积'],
    ['1500-1200㎡', '上限小于下限'],
    ['300万平米', '过大'],
    ['=A1*2', '单元格含公式'],
    [{ sharedFormula: 'A1', result: 3 }, '单元格含公式'],
    ['  ', '面积为空'],
  ])('%j is refused: %s', (cell, message) => {
    expect(expectError(parseArea(cell))).toContain(message);
  });
});

describe('parseStreet', () => {
  it.each([
    ['香港中路街道', '370202007'],
    ['香港中路', '370202007'],
    ['香港中路街道办事处', '370202007'],
    ['香港中路街道办', '370202007'],
    ['市南区香港中路街道', '370202007'],
    ['青岛市市南区香港中路街道', '370202007'],
    [' 香港中路 街道 ', '370202007'],
    ['八大峡街道', '370202001'],
    ['八大湖', '370202008'],
    ['八大关街道办事处', '370202005'],
    ['湛山', '370202006'],
    ['370202010', '370202010'],
  ])('%j → %s', (cell, code) => {
    const r = expectOk(parseStreet(cell, DEMO_STREETS));
    expect(r.value).toBe(code);
    expect(r.normalized).toBe(DEMO_STREETS.find((s) => s.code === code)!.name);
  });

  it('an unknown street is refused with the nearest names', () => {
    const err = expectError(parseStreet('香港东路街道', DEMO_STREETS));
    expect(err).toContain('未知街道“香港东路街道”');
    expect(err).toContain('香港中路街道');
  });

  it('an ambiguous fragment is refused, listing the candidates', () => {
    const err = expectError(parseStreet('八大', DEMO_STREETS));
    expect(err).toMatch(/八大(峡|关|湖)街道/);
  });

  it('a street of another district lists the whole district when nothing is close', () => {
    const err = expectError(parseStreet('浮山后街道', DEMO_STREETS));
    expect(err).toContain('未知街道');
    expect(err).toContain('、');
  });

  it('refuses formulas and blanks', () => {
    expect(expectError(parseStreet('=VLOOKUP(A2,街道!A:B,2)', DEMO_STREETS))).toContain('公式');
    expect(expectError(parseStreet('', DEMO_STREETS))).toContain('为空');
  });
});

describe('parseFloor', () => {
  it.each<[unknown, number]>([
    ['12', 12],
    [12, 12],
    ['12F', 12],
    ['12f', 12],
    ['F12', 12],
    ['12层', 12],
    ['12楼', 12],
    ['第12层', 12],
    ['十二层', 12],
    ['第二十三层', 23],
    ['１２Ｆ', 12],
    ['B1', -1],
    ['b2', -2],
    ['B1F', -1],
    ['-1', -1],
    ['负一层', -1],
    ['地下二层', -2],
    ['地下1层', -1],
  ])('%j → %d', (cell, floor) => {
    expect(expectOk(parseFloor(cell)).value).toBe(floor);
  });

  it.each<[unknown, string]>([
    ['0', '不能为 0'],
    ['3-5层', '区间'],
    ['夹层', '无法识别楼层'],
    ['999', '超出合理范围'],
    ['12.5', '无法识别楼层'],
    ['', '为空'],
  ])('%j is refused: %s', (cell, message) => {
    expect(expectError(parseFloor(cell))).toContain(message);
  });
});

describe('parseDate', () => {
  it.each<[unknown, string]>([
    ['2026/3/1', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026 年 3 月 1 日', '2026-03-01'],
    ['２０２６／３／１', '2026-03-01'],
    ['20260301', '2026-03-01'],
    ['2024/2/29', '2024-02-29'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    [46082, '2026-03-01'],
    ['46082', '2026-03-01'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
  ])('%j → %s', (cell, iso) => {
    expect(expectOk(parseDate(cell)).value).toBe(iso);
  });

  it.each<[unknown, string]>([
    ['2026/2/30', '不存在'],
    ['2025/2/29', '不存在'],
    ['2026/13/1', '不存在'],
    ['3/1/2026', '无法识别日期'],
    ['下月初', '无法识别日期'],
    [46082.5, '无法识别日期'],
    [-3, '无法识别日期'],
    ['=TODAY()', '公式'],
  ])('%j is refused: %s', (cell, message) => {
    expect(expectError(parseDate(cell))).toContain(message);
  });
});

describe('parseYesNo', () => {
  it.each<[unknown, boolean]>([
    ['是', true],
    ['有', true],
    ['Y', true],
    ['yes', true],
    ['√', true],
    [1, true],
    [true, true],
    ['否', false],
    ['无', false],
    ['没有', false],
    ['N', false],
    ['×', false],
    [0, false],
    [false, false],
    [' 否 ', false],
  ])('%j → %s', (cell, value) => {
    expect(expectOk(parseYesNo(cell)).value).toBe(value);
  });

  it.each([['待定'], ['可能'], [''], ['=1=1']])('%j is refused', (cell) => {
    expectError(parseYesNo(cell));
  });
});

describe('parsePhone', () => {
  it.each<[unknown, string, number]>([
    ['13812345678', '13812345678', 0],
    [13812345678, '13812345678', 0],
    ['138 1234 5678', '13812345678', 0],
    ['138-1234-5678', '13812345678', 0],
    ['+86 13812345678', '13812345678', 0],
    ['86-13812345678', '13812345678', 0],
    ['0532-88901001', '0532-88901001', 0],
    ['0532 88901001', '0532-88901001', 0],
    ['(0532)88901001', '0532-88901001', 0],
    ['053288901001', '0532-88901001', 0],
    ['010-12345678', '010-12345678', 0],
    ['0532-88901001转123', '0532-88901001转123', 0],
    ['400-123-4567', '400-123-4567', 0],
    ['88901001', '88901001', 1],
    ['13812345678、0532-88901001', '13812345678', 1],
    ['１３８１２３４５６７８', '13812345678', 0],
  ])('%j → %s', (cell, value, warnings) => {
    const r = expectOk(parsePhone(cell));
    expect(r.value).toBe(value);
    expect(r.warnings).toHaveLength(warnings);
  });

  it.each([['1381234567'], ['12812345678'], ['138123456789'], ['张经理'], ['13812345678转8'], ['']])(
    '%j is refused',
    (cell) => {
      expectError(parsePhone(cell));
    },
  );
});

describe('enum cells', () => {
  it.each([
    [parseGrade, '超甲级', 'super_a'],
    [parseGrade, '超甲', 'super_a'],
    [parseGrade, '甲级', 'a'],
    [parseGrade, '5A甲级', 'a'],
    [parseGrade, '乙级', 'b'],
    [parseGrade, '丙级', 'c'],
    [parseUse, '写字楼', 'office'],
    [parseUse, '商业综合体', 'commercial_complex'],
    [parseUse, '产业园', 'industrial_park'],
    [parseUse, '众创空间', 'incubator'],
    [parseSpaceStatus, '待租', 'vacant'],
    [parseSpaceStatus, '空置', 'vacant'],
    [parseSpaceStatus, '已预订', 'reserved'],
    [parseSpaceStatus, '已租', 'leased'],
    [parseDecoration, '精装修', 'fine'],
    [parseDecoration, '毛坯', 'bare'],
  ] as const)('%#: %j → %s', (parse, cell, code) => {
    expect(expectOk((parse as (c: unknown) => Parsed<string>)(cell)).value).toBe(code);
  });

  it('lists the valid labels when refusing', () => {
    expect(expectError(parseGrade('A+'))).toBe('楼宇等级“A+”无效，应为：超甲级、甲级、乙级、丙级');
  });
});

describe('cellText', () => {
  it('reads rich text and hyperlinks, refuses error values', () => {
    expect(expectOk(cellText({ richText: [{ text: '华润' }, { text: '大厦' }] })).value).toBe('华润大厦');
    expect(expectOk(cellText({ text: '官网', hyperlink: 'https://example.org' })).value).toBe('官网');
    expect(expectError(cellText({ error: '#N/A' }))).toContain('#N/A');
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(' \u3000 ')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","点击")', `'=HYPERLINK("http://evil","点击")`],
    ['+1+cmd|/C calc!A0', `'+1+cmd|/C calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['华润大厦', '华润大厦'],
    ['0532-88901001', '0532-88901001'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(safeCell(input)).toBe(output);
  });
});
