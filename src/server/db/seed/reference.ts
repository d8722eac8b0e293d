import { DEFAULT_QUALIFICATION_KINDS } from '../../../shared/enterprises';

/**
 * Reference data of the demo district, modelled on Qingdao 市南区: its ten 街道, the handling units of a district
 * government (SPEC §2.4) and the qualification list. Codes are stable: e2e journeys, policy rules and appeal
 * catalogues refer to them.
 */

export interface DemoStreet {
  /** 9-digit 乡级区划代码 style: district 370202 + 3 digits. */
  code: string;
  name: string;
  /** Pinyin slug, used for the street office's department code. */
  slug: string;
}

export const DEMO_DISTRICT = { name: '市南区', divisionCode: '370202', city: '青岛市' } as const;

export const DEMO_STREETS: readonly DemoStreet[] = [
  { code: '370202001', name: '八大峡街道', slug: 'badaxia' },
  { code: '370202002', name: '云南路街道', slug: 'yunnanlu' },
  { code: '370202003', name: '中山路街道', slug: 'zhongshanlu' },
  { code: '370202004', name: '江苏路街道', slug: 'jiangsulu' },
  { code: '370202005', name: '八大关街道', slug: 'badaguan' },
  { code: '370202006', name: '湛山街道', slug: 'zhanshan' },
  { code: '370202007', name: '香港中路街道', slug: 'xianggangzhonglu' },
  { code: '370202008', name: '八大湖街道', slug: 'badahu' },
  { code: '370202009', name: '金门路街道', slug: 'jinmenlu' },
  { code: '370202010', name: '珠海路街道', slug: 'zhuhailu' },
];

export type DepartmentKind = 'office' | 'bureau' | 'street' | 'public_service' | 'upper';

export interface DemoDepartment {
  /** Stable code (lower-case, as the admin form requires). */
  code: string;
  name: string;
  kind: DepartmentKind;
  /** Code of the parent department, if any. */
  parent?: string;
  phone: string | null;
}

/** Department codes other seed parts and the demo accounts refer to. */
export const DEPT = {
  govOffice: 'gov_office',
  supervision: 'gov_supervision',
  development: 'drc',
  science: 'sci_tech',
  industry: 'industry_it',
  finance: 'finance',
  hrss: 'hrss',
  housing: 'housing',
  commerce: 'commerce',
  investment: 'investment',
  market: 'market_regulation',
  approval: 'approval',
  enforcement: 'law_enforcement',
  ecology: 'ecology',
  naturalResources: 'natural_resources',
  tax: 'tax',
  police: 'police',
  financialServices: 'financial_services',
} as const;

// Phone numbers are fictional (0532-8890xxxx block), never a real office's line.
const BUREAUS: readonly DemoDepartment[] = [
  { code: DEPT.govOffice, name: '区政府办公室', kind: 'office', phone: '0532-88901001' },
  {
    code: DEPT.supervision,
    name: '区政府督查室',
    kind: 'office',
    parent: DEPT.govOffice,
    phone: '0532-88901002',
  },
  { code: DEPT.development, name: '区发展和改革局', kind: 'bureau', phone: '0532-88901101' },
  { code: DEPT.science, name: '区科学技术局', kind: 'bureau', phone: '0532-88901102' },
  { code: DEPT.industry, name: '区工业和信息化局', kind: 'bureau', phone: '0532-88901103' },
  { code: DEPT.finance, name: '区财政局', kind: 'bureau', phone: '0532-88901104' },
  { code: DEPT.hrss, name: '区人力资源和社会保障局', kind: 'bureau', phone: '0532-88901105' },
  { code: DEPT.housing, name: '区住房和城乡建设局', kind: 'bureau', phone: '0532-88901106' },
  { code: DEPT.commerce, name: '区商务局', kind: 'bureau', phone: '0532-88901107' },
  { code: DEPT.investment, name: '区投资促进局', kind: 'bureau', phone: '0532-88901108' },
  { code: DEPT.market, name: '区市场监督管理局', kind: 'bureau', phone: '0532-88901109' },
  { code: DEPT.approval, name: '区行政审批服务局', kind: 'bureau', phone: '0532-88901110' },
  { code: DEPT.enforcement, name: '区综合行政执法局', kind: 'bureau', phone: '0532-88901111' },
  { code: DEPT.ecology, name: '区生态环境分局', kind: 'bureau', phone: '0532-88901112' },
  { code: DEPT.naturalResources, name: '区自然资源局分局', kind: 'bureau', phone: '0532-88901113' },
  { code: DEPT.tax, name: '区税务局', kind: 'bureau', phone: '0532-88901114' },
  { code: DEPT.police, name: '公安分局', kind: 'bureau', phone: '0532-88901115' },
  { code: DEPT.financialServices, name: '区金融服务中心', kind: 'bureau', phone: '0532-88901116' },
];

const STREET_OFFICES: readonly DemoDepartment[] = DEMO_STREETS.map((s, i) => ({
  code: `street_${s.slug}`,
  name: `${s.name}办事处`,
  kind: 'street' as const,
  phone: `0532-889012${String(i + 1).padStart(2, '0')}`,
}));

const PUBLIC_SERVICES: readonly DemoDepartment[] = [
  { code: 'power_supply', name: '供电公司市南供电中心', kind: 'public_service', phone: '0532-88901301' },
  { code: 'water_supply', name: '供水集团市南营业所', kind: 'public_service', phone: '0532-88901302' },
  { code: 'gas_supply', name: '燃气公司市南服务中心', kind: 'public_service', phone: '0532-88901303' },
  { code: 'telecom', name: '通信运营商市南分公司', kind: 'public_service', phone: '0532-88901304' },
];

const UPPER_UNITS: readonly DemoDepartment[] = [
  { code: 'city_departments', name: '市级有关部门', kind: 'upper', phone: null },
  { code: 'customs', name: '青岛海关', kind: 'upper', phone: null },
];

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  ...BUREAUS,
  ...STREET_OFFICES,
  ...PUBLIC_SERVICES,
  ...UPPER_UNITS,
];

/** The street office (街道办事处) department code of a street. */
export function streetOfficeCode(streetCode: string): string {
  const street = DEMO_STREETS.find((s) => s.code === streetCode);
  if (!street) throw new RangeError(`unknown demo street ${streetCode}`);
  return `street_${street.slug}`;
}

/**
 * Qualification kinds: the enterprises module's defaults plus the ones district policies of this kind reward
 * (创新型中小企业, 首次入统, 总部企业). Codes are English snake_case because eligibility rules refer to them.
 */
export const DEMO_QUALIFICATION_KINDS: readonly { code: string; name: string }[] = [
  ...DEFAULT_QUALIFICATION_KINDS,
  ...[
    { code: 'innovative_sme', name: '创新型中小企业' },
    { code: 'above_scale', name: '规上企业（首次入统）' },
    { code: 'headquarters', name: '总部企业' },
  ].filter((k) => !DEFAULT_QUALIFICATION_KINDS.some((d) => d.code === k.code)),
];
