import { describe, expect, it } from 'vitest';
import {
  divisionCodesOf,
  findIndustry,
  findIndustrySection,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  isKnownIndustryCode,
} from './industries';

describe('GB/T 4754-2017 tables', () => {
  it('has the 20 sections A–T in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('has the 97 divisions 01–97 in order, without gaps', () => {
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    INDUSTRY_DIVISIONS.forEach((d, i) => {
      expect(d.code).toBe(String(i + 1).padStart(2, '0'));
    });
  });

  it('every division belongs to an existing section, and sections are contiguous ranges', () => {
    const sectionCodes = new Set(INDUSTRY_SECTIONS.map((s) => s.code));
    let previous = 'A';
    for (const d of INDUSTRY_DIVISIONS) {
      expect(sectionCodes.has(d.section), d.code).toBe(true);
      expect(d.section >= previous, d.code).toBe(true);
      previous = d.section;
    }
  });

  it('every section has at least one division', () => {
    for (const s of INDUSTRY_SECTIONS) {
      expect(divisionCodesOf(s.code).length, s.code).toBeGreaterThan(0);
    }
  });

  it('names are unique and free of stray whitespace', () => {
    const names = INDUSTRY_DIVISIONS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of [...names, ...INDUSTRY_SECTIONS.map((s) => s.name)]) expect(n).toBe(n.trim());
  });

  // The division ranges of each section, as printed in the standard ("本门类包括01～05大类" …).
  it.each([
    ['A', '01', '05', '农、林、牧、渔业'],
    ['B', '06', '12', '采矿业'],
    ['C', '13', '43', '制造业'],
    ['D', '44', '46', '电力、热力、燃气及水生产和供应业'],
    ['E', '47', '50', '建筑业'],
    ['F', '51', '52', '批发和零售业'],
    ['G', '53', '60', '交通运输、仓储和邮政业'],
    ['H', '61', '62', '住宿和餐饮业'],
    ['I', '63', '65', '信息传输、软件和信息技术服务业'],
    ['J', '66', '69', '金融业'],
    ['K', '70', '70', '房地产业'],
    ['L', '71', '72', '租赁和商务服务业'],
    ['M', '73', '75', '科学研究和技术服务业'],
    ['N', '76', '79', '水利、环境和公共设施管理业'],
    ['O', '80', '82', '居民服务、修理和其他服务业'],
    ['P', '83', '83', '教育'],
    ['Q', '84', '85', '卫生和社会工作'],
    ['R', '86', '90', '文化、体育和娱乐业'],
    ['S', '91', '96', '公共管理、社会保障和社会组织'],
    ['T', '97', '97', '国际组织'],
  ] as const)('section %s covers %s–%s (%s)', (section, first, last, name) => {
    const codes = divisionCodesOf(section);
    expect(codes[0]).toBe(first);
    expect(codes.at(-1)).toBe(last);
    expect(codes).toHaveLength(Number(last) - Number(first) + 1);
    expect(findIndustrySection(section)?.name).toBe(name);
  });

  it.each([
    ['01', '农业'],
    ['05', '农、林、牧、渔专业及辅助性活动'],
    ['11', '开采专业及辅助性活动'],
    ['13', '农副食品加工业'],
    ['15', '酒、饮料和精制茶制造业'],
    ['25', '石油、煤炭及其他燃料加工业'],
    ['36', '汽车制造业'],
    ['37', '铁路、船舶、航空航天和其他运输设备制造业'],
    ['39', '计算机、通信和其他电子设备制造业'],
    ['43', '金属制品、机械和设备修理业'],
    ['47', '房屋建筑业'],
    ['50', '建筑装饰、装修和其他建筑业'],
    ['51', '批发业'],
    ['52', '零售业'],
    ['53', '铁路运输业'],
    ['54', '道路运输业'],
    ['58', '多式联运和运输代理业'],
    ['59', '装卸搬运和仓储业'],
    ['60', '邮政业'],
    ['61', '住宿业'],
    ['62', '餐饮业'],
    ['63', '电信、广播电视和卫星传输服务'],
    ['64', '互联网和相关服务'],
    ['65', '软件和信息技术服务业'],
    ['66', '货币金融服务'],
    ['69', '其他金融业'],
    ['70', '房地产业'],
    ['71', '租赁业'],
    ['72', '商务服务业'],
    ['73', '研究和试验发展'],
    ['79', '土地管理业'],
    ['81', '机动车、电子产品和日用产品修理业'],
    ['85', '社会工作'],
    ['87', '广播、电视、电影和录音制作业'],
    ['96', '基层群众自治组织及其他组织'],
    ['97', '国际组织'],
  ])('division %s is %s', (code, name) => {
    expect(INDUSTRY_DIVISIONS.find((d) => d.code === code)?.name).toBe(name);
  });
});

describe('findIndustry', () => {
  it.each([
    ['65', { code: '65', level: 'division', division: '65', section: 'I', name: '软件和信息技术服务业' }],
    ['651', { code: '651', level: 'group', division: '65', section: 'I', name: '软件和信息技术服务业' }],
    ['6511', { code: '6511', level: 'class', division: '65', section: 'I', name: '软件和信息技术服务业' }],
    ['0111', { code: '0111', level: 'class', division: '01', section: 'A', name: '农业' }],
    [
      '3911',
      {
        code: '3911',
        level: 'class',
        division: '39',
        section: 'C',
        name: '计算机、通信和其他电子设备制造业',
      },
    ],
    ['7010', { code: '7010', level: 'class', division: '70', section: 'K', name: '房地产业' }],
    ['9700', { code: '9700', level: 'class', division: '97', section: 'T', name: '国际组织' }],
    // normalisation: blanks, full-width digits, a leading section letter that agrees (either case)
    [' 6511 ', { code: '6511', level: 'class', division: '65' }],
    ['６５１１', { code: '6511', level: 'class', division: '65' }],
    ['I6511', { code: '6511', level: 'class', division: '65', section: 'I' }],
    ['i65', { code: '65', level: 'division', section: 'I' }],
    ['C3911', { code: '3911', section: 'C' }],
  ])('%j', (input, expected) => {
    expect(findIndustry(input)).toMatchObject(expected);
    expect(isKnownIndustryCode(input)).toBe(true);
  });

  it('reports the section name too', () => {
    expect(findIndustry('6511')?.sectionName).toBe('信息传输、软件和信息技术服务业');
  });

  it.each([
    [''],
    ['6'],
    ['00'],
    ['0011'],
    ['98'],
    ['99'],
    ['9900'],
    ['65111'],
    ['I'],
    ['C6511'], // letter disagrees with the digits
    ['Z65'],
    ['6a'],
    ['65-11'],
    ['软件'],
  ])('refuses %j', (input) => {
    expect(findIndustry(input)).toBeNull();
    expect(isKnownIndustryCode(input)).toBe(false);
  });

  it('finds every division by its own code and by a 4-digit code under it', () => {
    for (const d of INDUSTRY_DIVISIONS) {
      expect(findIndustry(d.code)).toMatchObject({ division: d.code, section: d.section, name: d.name });
      expect(findIndustry(`${d.code}19`)?.division).toBe(d.code);
      expect(findIndustry(`${d.section}${d.code}`)?.division).toBe(d.code);
    }
  });
});

describe('findIndustrySection', () => {
  it.each([
    ['C', '制造业'],
    ['i', '信息传输、软件和信息技术服务业'],
    [' T ', '国际组织'],
  ])('%j → %s', (code, name) => {
    expect(findIndustrySection(code)?.name).toBe(name);
  });

  it.each([[''], ['U'], ['AB'], ['65']])('refuses %j', (code) => {
    expect(findIndustrySection(code)).toBeNull();
  });
});

describe('divisionCodesOf', () => {
  it('joins several sections in code order', () => {
    const industry = divisionCodesOf('D', 'B', 'C');
    expect(industry[0]).toBe('06');
    expect(industry.at(-1)).toBe('46');
    expect(industry).toHaveLength(41);
  });
});
