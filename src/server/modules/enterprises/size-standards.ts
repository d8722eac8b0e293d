/**
 * Enterprise size standards as data, so a revised standard can be added next to this one (and selected by id)
 * without touching the classifier in size-class.ts.
 *
 * SIZE_STANDARD_2011 encodes 《中小企业划型标准规定》(工信部联企业〔2011〕300号). The regulation names industries, not
 * codes; the mapping to GB/T 4754-2017 codes follows the notes of 《统计上大中小微型企业划分办法（2017）》
 * (国统字〔2017〕213号), whose thresholds are the same.
 *
 * How the regulation reads, for every sector:
 *   "X 以下或 Y 以下的为中小微型企业" — so an enterprise is 大型 only when every figure reaches the upper bound
 *     (第九条: 中型企业标准上限即为大型企业标准的下限);
 *   "X 及以上，且 Y 及以上的为中型 / 小型" — each figure must reach the class's lower bound, otherwise the
 *     enterprise drops one class;
 *   "X 以下或 Y 以下的为微型" — one figure below the small bound is enough.
 * So each sector stores the lower bounds of 大型, 中型 and 小型 and `logic: 'and'`; 微型 is what is left.
 * Revenue (营业收入) and total assets (资产总额) are in 万元, employees (从业人员) in persons.
 */

import { divisionCodesOf } from '../../../shared/industries';

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';

export type SizeFact = 'employees' | 'revenue' | 'totalAssets';

/** Lower bounds (inclusive) per fact; a fact not listed does not take part. */
export type Criteria = Partial<Record<SizeFact, number>>;

export interface SizeSector {
  id: string;
  name: string;
  /**
   * GB/T 4754-2017 code prefixes (大类 '65', 中类 '702', 小类 '7010'). A code belongs to the sector with the
   * longest matching prefix across the whole standard, so '591' (装卸搬运) can sit inside '59' (仓储业).
   */
  industryPrefixes: readonly string[];
  /** The facts this sector uses, in the regulation's order (also the order of the explanation). */
  facts: readonly SizeFact[];
  /** Lower bounds of each class above 微型. */
  thresholds: { large: Criteria; medium: Criteria; small: Criteria };
  /**
   * 'and': a class needs every fact at or above its bound (the 2011 regulation: "且"; 微型 then follows from a
   * single fact below the 小型 bound). 'or': any one fact at or above the bound suffices.
   */
  logic: 'and' | 'or';
  /** The regulation's own sentence, shown to staff next to the result. */
  text: string;
}

/** Industries the standard does not classify at all (not the same as the 其他未列明 catch-all). */
export interface SizeExclusion {
  industryPrefixes: readonly string[];
  name: string;
  reason: string;
}

export interface SizeStandard {
  id: string;
  title: string;
  /** Where the code mapping comes from, when it is not in the standard itself. */
  codeMappingSource?: string;
  sectors: readonly SizeSector[];
  /** Sector for codes no prefix matches — the regulation's 其他未列明行业 (第八条: 本规定以外的行业参照本规定). */
  fallbackSectorId: string;
  exclusions: readonly SizeExclusion[];
}

export const SIZE_STANDARD_2011: SizeStandard = {
  id: 'miit-2011-300',
  title: '《中小企业划型标准规定》（工信部联企业〔2011〕300号）',
  codeMappingSource: '《统计上大中小微型企业划分办法（2017）》行业代码对应',
  fallbackSectorId: 'other',
  sectors: [
    {
      id: 'agriculture',
      name: '农、林、牧、渔业',
      industryPrefixes: divisionCodesOf('A'),
      facts: ['revenue'],
      thresholds: { large: { revenue: 20000 }, medium: { revenue: 500 }, small: { revenue: 50 } },
      logic: 'and',
      text: '营业收入20000万元以下的为中小微型企业。其中，营业收入500万元及以上的为中型企业，营业收入50万元及以上的为小型企业，营业收入50万元以下的为微型企业。',
    },
    {
      // 采矿业 B, 制造业 C, 电力、热力、燃气及水生产和供应业 D.
      id: 'industry',
      name: '工业',
      industryPrefixes: divisionCodesOf('B', 'C', 'D'),
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 1000, revenue: 40000 },
        medium: { employees: 300, revenue: 2000 },
        small: { employees: 20, revenue: 300 },
      },
      logic: 'and',
      text: '从业人员1000人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入300万元及以上的为小型企业；从业人员20人以下或营业收入300万元以下的为微型企业。',
    },
    {
      id: 'construction',
      name: '建筑业',
      industryPrefixes: divisionCodesOf('E'),
      facts: ['revenue', 'totalAssets'],
      thresholds: {
        large: { revenue: 80000, totalAssets: 80000 },
        medium: { revenue: 6000, totalAssets: 5000 },
        small: { revenue: 300, totalAssets: 300 },
      },
      logic: 'and',
      text: '营业收入80000万元以下或资产总额80000万元以下的为中小微型企业。其中，营业收入6000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入300万元及以上，且资产总额300万元及以上的为小型企业；营业收入300万元以下或资产总额300万元以下的为微型企业。',
    },
    {
      id: 'wholesale',
      name: '批发业',
      industryPrefixes: ['51'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 200, revenue: 40000 },
        medium: { employees: 20, revenue: 5000 },
        small: { employees: 5, revenue: 1000 },
      },
      logic: 'and',
      text: '从业人员200人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员20人及以上，且营业收入5000万元及以上的为中型企业；从业人员5人及以上，且营业收入1000万元及以上的为小型企业；从业人员5人以下或营业收入1000万元以下的为微型企业。',
    },
    {
      id: 'retail',
      name: '零售业',
      industryPrefixes: ['52'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 300, revenue: 20000 },
        medium: { employees: 50, revenue: 500 },
        small: { employees: 10, revenue: 100 },
      },
      logic: 'and',
      text: '从业人员300人以下或营业收入20000万元以下的为中小微型企业。其中，从业人员50人及以上，且营业收入500万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
    },
    {
      // 道路、水上、航空、管道运输, 多式联运和运输代理, and 装卸搬运 (591, inside 大类 59); not 铁路运输业 (53).
      id: 'transport',
      name: '交通运输业',
      industryPrefixes: ['54', '55', '56', '57', '58', '591'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 1000, revenue: 30000 },
        medium: { employees: 300, revenue: 3000 },
        small: { employees: 20, revenue: 200 },
      },
      logic: 'and',
      text: '从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入3000万元及以上的为中型企业；从业人员20人及以上，且营业收入200万元及以上的为小型企业；从业人员20人以下或营业收入200万元以下的为微型企业。',
    },
    {
      // 大类 59 装卸搬运和仓储业 except 591 装卸搬运, which is 交通运输业.
      id: 'warehousing',
      name: '仓储业',
      industryPrefixes: ['59'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 200, revenue: 30000 },
        medium: { employees: 100, revenue: 1000 },
        small: { employees: 20, revenue: 100 },
      },
      logic: 'and',
      text: '从业人员200人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。',
    },
    {
      id: 'postal',
      name: '邮政业',
      industryPrefixes: ['60'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 1000, revenue: 30000 },
        medium: { employees: 300, revenue: 2000 },
        small: { employees: 20, revenue: 100 },
      },
      logic: 'and',
      text: '从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。',
    },
    {
      id: 'accommodation',
      name: '住宿业',
      industryPrefixes: ['61'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 300, revenue: 10000 },
        medium: { employees: 100, revenue: 2000 },
        small: { employees: 10, revenue: 100 },
      },
      logic: 'and',
      text: '从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
    },
    {
      id: 'catering',
      name: '餐饮业',
      industryPrefixes: ['62'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 300, revenue: 10000 },
        medium: { employees: 100, revenue: 2000 },
        small: { employees: 10, revenue: 100 },
      },
      logic: 'and',
      text: '从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
    },
    {
      // 电信、广播电视和卫星传输服务 63, 互联网和相关服务 64.
      id: 'information-transmission',
      name: '信息传输业',
      industryPrefixes: ['63', '64'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 2000, revenue: 100000 },
        medium: { employees: 100, revenue: 1000 },
        small: { employees: 10, revenue: 100 },
      },
      logic: 'and',
      text: '从业人员2000人以下或营业收入100000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
    },
    {
      id: 'software-it',
      name: '软件和信息技术服务业',
      industryPrefixes: ['65'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 300, revenue: 10000 },
        medium: { employees: 100, revenue: 1000 },
        small: { employees: 10, revenue: 50 },
      },
      logic: 'and',
      text: '从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入50万元及以上的为小型企业；从业人员10人以下或营业收入50万元以下的为微型企业。',
    },
    {
      // 中类 701 has the single 小类 7010 房地产开发经营.
      id: 'real-estate-development',
      name: '房地产开发经营',
      industryPrefixes: ['701'],
      facts: ['revenue', 'totalAssets'],
      thresholds: {
        large: { revenue: 200000, totalAssets: 10000 },
        medium: { revenue: 1000, totalAssets: 5000 },
        small: { revenue: 100, totalAssets: 2000 },
      },
      logic: 'and',
      text: '营业收入200000万元以下或资产总额10000万元以下的为中小微型企业。其中，营业收入1000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入100万元及以上，且资产总额2000万元及以上的为小型企业；营业收入100万元以下或资产总额2000万元以下的为微型企业。',
    },
    {
      id: 'property-management',
      name: '物业管理',
      industryPrefixes: ['702'],
      facts: ['employees', 'revenue'],
      thresholds: {
        large: { employees: 1000, revenue: 5000 },
        medium: { employees: 300, revenue: 1000 },
        small: { employees: 100, revenue: 500 },
      },
      logic: 'and',
      text: '从业人员1000人以下或营业收入5000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入1000万元及以上的为中型企业；从业人员100人及以上，且营业收入500万元及以上的为小型企业；从业人员100人以下或营业收入500万元以下的为微型企业。',
    },
    {
      id: 'leasing-business',
      name: '租赁和商务服务业',
      industryPrefixes: divisionCodesOf('L'),
      facts: ['employees', 'totalAssets'],
      thresholds: {
        large: { employees: 300, totalAssets: 120000 },
        medium: { employees: 100, totalAssets: 8000 },
        small: { employees: 10, totalAssets: 100 },
      },
      logic: 'and',
      text: '从业人员300人以下或资产总额120000万元以下的为中小微型企业。其中，从业人员100人及以上，且资产总额8000万元及以上的为中型企业；从业人员10人及以上，且资产总额100万元及以上的为小型企业；从业人员10人以下或资产总额100万元以下的为微型企业。',
    },
    {
      // 科学研究和技术服务业, 水利、环境和公共设施管理业, 居民服务、修理和其他服务业, 社会工作, 文化、体育和娱乐业,
      // 房地产中介服务 703, 其他房地产业 709 … and, by 第八条 (参照本规定), anything else not excluded below.
      id: 'other',
      name: '其他未列明行业',
      industryPrefixes: [],
      facts: ['employees'],
      thresholds: { large: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
      logic: 'and',
      text: '从业人员300人以下的为中小微型企业。其中，从业人员100人及以上的为中型企业；从业人员10人及以上的为小型企业；从业人员10人以下的为微型企业。',
    },
  ],
  exclusions: [
    {
      industryPrefixes: ['53'],
      name: '铁路运输业',
      reason: '该规定的交通运输业不含铁路运输业，未给出铁路运输业的划型标准',
    },
    {
      industryPrefixes: ['66', '67', '68', '69'],
      name: '金融业',
      reason: '金融业企业按《金融业企业划型标准规定》（银发〔2015〕309号）另行划型',
    },
  ],
};

export const SIZE_STANDARDS: readonly SizeStandard[] = [SIZE_STANDARD_2011];
