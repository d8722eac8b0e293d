import type { Insertable } from 'kysely';
import { makeUscc, USCC_CHARSET } from '../../../shared/uscc';
import { deriveSize } from '../../modules/enterprises';
import { toJson } from '../dialect';
import type {
  EnterpriseFieldSourceTable,
  EnterpriseIpTable,
  EnterpriseQualificationTable,
  EnterpriseTable,
  EnterpriseYearlyTable,
} from '../schema';
import { addDays, round2, SeededRandom } from './random';
import { DEMO_DISTRICT, DEMO_STREETS } from './reference';

/**
 * The demo enterprises (一企一档): fictional companies of a coastal 市南区-like district, with the mix a district
 * really has — software and data firms around the CBD, shipping and trade near the old port, hotels and
 * restaurants by the sea, a few listed groups and 专精特新 “小巨人”. Names are invented; any likeness to a real
 * company is accidental.
 *
 * Everything is derived from a fixed PRNG seed, so every run yields the same enterprises, figures and
 * qualifications. Dates are absolute (the data set describes the district as of DEMO_AS_OF); only the moments
 * of seeding itself (users, bindings) take the clock.
 */

/** The day the demo data set describes; "new" enterprises are younger than a year on this day. */
export const DEMO_AS_OF = '2026-11-01';
/** Years with yearly figures (万元). */
export const DEMO_YEARS = [2023, 2024, 2025] as const;
/** The spreadsheet the district's first enterprise import came from (provenance of imported fields). */
export const DEMO_IMPORT_FILE = 'qifu-2025-enterprises.xlsx';
const IMPORTED_AT = '2025-03-18T01:30:00.000Z';
const SEED = 20_260_202;

type Scale = 'L' | 'M' | 'S' | 'X';
type ProfileName =
  | 'tech'
  | 'research'
  | 'tech_service'
  | 'finance'
  | 'trade'
  | 'retail'
  | 'logistics'
  | 'hotel'
  | 'restaurant'
  | 'construction'
  | 'realestate'
  | 'services'
  | 'design'
  | 'culture'
  | 'health'
  | 'maker';

interface Profile {
  /** Revenue multiplier on the scale's base range. */
  revenue: number;
  /** Tax paid as a share of revenue. */
  tax: [number, number];
  /** R&D spending as a share of revenue; null: not tracked (unknown). */
  rd: [number, number] | null;
  /** Exports as a share of revenue; null: none (known zero). */
  exports: [number, number] | null;
  /** Total assets as a multiple of revenue. */
  assets: [number, number];
  /** Which IP counts are known: all kinds (tech), all but software copyrights weighted to patents (maker), trademarks only. */
  ip: 'tech' | 'maker' | 'brand';
  tags: string[];
}

const PROFILES: Record<ProfileName, Profile> = {
  tech: {
    revenue: 1,
    tax: [0.03, 0.07],
    rd: [0.06, 0.18],
    exports: [0, 0.12],
    assets: [0.8, 1.6],
    ip: 'tech',
    tags: ['数字经济'],
  },
  research: {
    revenue: 0.7,
    tax: [0.03, 0.06],
    rd: [0.1, 0.25],
    exports: [0, 0.05],
    assets: [1, 2],
    ip: 'tech',
    tags: ['科技服务'],
  },
  tech_service: {
    revenue: 0.6,
    tax: [0.03, 0.06],
    rd: [0.02, 0.06],
    exports: null,
    assets: [0.5, 1.2],
    ip: 'brand',
    tags: ['科技服务'],
  },
  finance: {
    revenue: 0.9,
    tax: [0.08, 0.16],
    rd: null,
    exports: null,
    assets: [5, 15],
    ip: 'brand',
    tags: ['金融业'],
  },
  trade: {
    revenue: 2.5,
    tax: [0.008, 0.025],
    rd: null,
    exports: [0.2, 0.8],
    assets: [0.3, 0.7],
    ip: 'brand',
    tags: ['商贸'],
  },
  retail: {
    revenue: 1.5,
    tax: [0.01, 0.03],
    rd: null,
    exports: null,
    assets: [0.3, 0.6],
    ip: 'brand',
    tags: ['商贸'],
  },
  logistics: {
    revenue: 1.4,
    tax: [0.02, 0.05],
    rd: null,
    exports: [0.3, 0.7],
    assets: [0.8, 2],
    ip: 'brand',
    tags: ['航运物流'],
  },
  hotel: {
    revenue: 0.8,
    tax: [0.05, 0.08],
    rd: null,
    exports: null,
    assets: [2, 4],
    ip: 'brand',
    tags: ['文旅'],
  },
  restaurant: {
    revenue: 0.6,
    tax: [0.03, 0.06],
    rd: null,
    exports: null,
    assets: [0.3, 0.8],
    ip: 'brand',
    tags: ['餐饮'],
  },
  construction: {
    revenue: 1.2,
    tax: [0.02, 0.04],
    rd: [0.005, 0.03],
    exports: null,
    assets: [1, 2],
    ip: 'maker',
    tags: ['建筑业'],
  },
  realestate: {
    revenue: 1.5,
    tax: [0.06, 0.15],
    rd: null,
    exports: null,
    assets: [3, 8],
    ip: 'brand',
    tags: ['房地产'],
  },
  services: {
    revenue: 0.8,
    tax: [0.04, 0.08],
    rd: null,
    exports: null,
    assets: [0.4, 1],
    ip: 'brand',
    tags: ['商务服务'],
  },
  design: {
    revenue: 0.8,
    tax: [0.04, 0.07],
    rd: [0.04, 0.1],
    exports: [0, 0.1],
    assets: [0.6, 1.2],
    ip: 'maker',
    tags: ['设计服务'],
  },
  culture: {
    revenue: 0.6,
    tax: [0.03, 0.07],
    rd: null,
    exports: null,
    assets: [0.5, 1.5],
    ip: 'brand',
    tags: ['文化产业'],
  },
  health: {
    revenue: 0.9,
    tax: [0.03, 0.06],
    rd: [0.01, 0.05],
    exports: null,
    assets: [1, 2],
    ip: 'brand',
    tags: ['医疗健康'],
  },
  maker: {
    revenue: 1.2,
    tax: [0.03, 0.06],
    rd: [0.05, 0.12],
    exports: [0.1, 0.5],
    assets: [1.2, 2.5],
    ip: 'maker',
    tags: ['先进制造'],
  },
};

const SCALE_REVENUE: Record<Scale, [number, number]> = {
  X: [30, 300],
  S: [300, 3000],
  M: [3000, 25000],
  L: [30000, 250000],
};
const SCALE_EMPLOYEES: Record<Scale, [number, number]> = {
  X: [3, 9],
  S: [12, 95],
  M: [100, 290],
  L: [320, 2200],
};
const SCALE_CAPITAL: Record<Scale, [number, number]> = {
  X: [10, 200],
  S: [100, 2000],
  M: [1000, 10000],
  L: [10000, 100000],
};
const SCALE_FOUNDED: Record<Scale, [number, number]> = {
  X: [2016, 2024],
  S: [2008, 2023],
  M: [2002, 2019],
  L: [1993, 2012],
};

/** One demo building an enterprise may occupy (the buildings module may reuse these names for its own demo). */
export interface DemoBuilding {
  name: string;
  streetCode: string;
  /** Road and number, without the city and district. */
  address: string;
  floors: number;
}

export const DEMO_BUILDINGS: readonly DemoBuilding[] = [
  { name: '团岛海洋科技园', streetCode: '370202001', address: '团岛路1号', floors: 12 },
  { name: '云南路文创大厦', streetCode: '370202002', address: '云南路18号', floors: 16 },
  { name: '中山路金融街大厦', streetCode: '370202003', address: '中山路98号', floors: 22 },
  { name: '栈桥商务中心', streetCode: '370202003', address: '湖北路21号', floors: 18 },
  { name: '江苏路科创大厦', streetCode: '370202004', address: '江苏路36号', floors: 15 },
  { name: '太平角商务中心', streetCode: '370202005', address: '太平角一路10号', floors: 8 },
  { name: '湛山国际大厦', streetCode: '370202006', address: '东海西路29号', floors: 26 },
  { name: '浮山湾金融中心', streetCode: '370202007', address: '香港中路61号', floors: 48 },
  { name: '海岸国际大厦', streetCode: '370202007', address: '香港中路40号', floors: 36 },
  { name: '闽江路商务大厦', streetCode: '370202008', address: '闽江路2号', floors: 24 },
  { name: '延安三路科技大厦', streetCode: '370202008', address: '延安三路234号', floors: 20 },
  { name: '燕儿岛路数字产业园', streetCode: '370202009', address: '燕儿岛路10号', floors: 18 },
  { name: '宁夏路软件大厦', streetCode: '370202009', address: '宁夏路168号', floors: 21 },
  { name: '珠海路创新中心', streetCode: '370202010', address: '珠海路26号', floors: 19 },
  { name: '澳门路海景大厦', streetCode: '370202010', address: '澳门路88号', floors: 30 },
];

/** Roads of each street, for the enterprises that are not in an office building. */
const STREET_ROADS: Record<string, string[]> = {
  '370202001': ['团岛路', '四川路', '贵州路', '西陵峡路', '东平路'],
  '370202002': ['云南路', '郯城路', '单县路', '汶上路', '菏泽路'],
  '370202003': ['中山路', '湖北路', '河南路', '曲阜路', '肥城路'],
  '370202004': ['江苏路', '大学路', '龙山路', '鱼山路', '黄县路'],
  '370202005': ['汇泉路', '香港西路', '山海关路', '荣成路', '太平角一路'],
  '370202006': ['东海西路', '湛山二路', '山东路', '福州南路', '湛山三路'],
  '370202007': ['香港中路', '东海西路', '福州南路', '南京路', '澳门路'],
  '370202008': ['南京路', '延安三路', '闽江路', '漳州路', '彰化路'],
  '370202009': ['燕儿岛路', '宁夏路', '延安三路', '金门路', '江西路'],
  '370202010': ['珠海路', '燕儿岛路', '东海中路', '澳门路', '福州南路'],
};

interface Template {
  name: string;
  industry: string;
  profile: ProfileName;
  scale: Scale;
  /** Index into DEMO_STREETS. */
  street: number;
  established?: string;
  /** `code@YYYY-MM-DD` of the first recognition. */
  quals?: string[];
  tags?: string[];
  /** Assigned to the demo liaison (企业专员). */
  liaison?: boolean;
  /** Not in an office building (street shop, own premises). */
  street_front?: boolean;
}

const t = (
  name: string,
  industry: string,
  profile: ProfileName,
  scale: Scale,
  street: number,
  more: Omit<Template, 'name' | 'industry' | 'profile' | 'scale' | 'street'> = {},
): Template => ({ name, industry, profile, scale, street, ...more });

// Streets: 0 八大峡 1 云南路 2 中山路 3 江苏路 4 八大关 5 湛山 6 香港中路 7 八大湖 8 金门路 9 珠海路
const TEMPLATES: readonly Template[] = [
  // 信息技术与科技服务
  t('青岛海岳云智能科技有限公司', '6513', 'tech', 'S', 6, {
    established: '2018-06-12',
    quals: [
      'high_tech@2024-12-04',
      'tech_sme@2026-04-16',
      'specialized_sme@2025-01-20',
      'innovative_sme@2024-06-28',
    ],
    tags: ['人工智能'],
    liaison: true,
  }),
  t('青岛浮山湾软件股份有限公司', '6511', 'tech', 'L', 6, {
    established: '2003-09-18',
    quals: [
      'high_tech@2023-11-29',
      'little_giant@2023-07-14',
      'specialized_sme@2025-01-20',
      'listed@2021-04-23',
      'headquarters@2024-05-20',
    ],
    tags: ['上市企业', '总部经济'],
    liaison: true,
  }),
  t('青岛蓝湾数据科技有限公司', '6450', 'tech', 'S', 9, {
    established: '2021-03-09',
    quals: ['tech_sme@2025-05-12'],
    tags: ['大数据'],
    liaison: true,
  }),
  t('青岛启明星信息技术有限公司', '6531', 'tech', 'M', 7, {
    quals: ['high_tech@2025-12-05', 'tech_sme@2025-05-12', 'gazelle@2025-09-16', 'above_scale@2024-11-20'],
    liaison: true,
  }),
  t('青岛琴屿物联网科技有限公司', '6532', 'tech', 'S', 8, {
    quals: ['high_tech@2024-12-04', 'innovative_sme@2025-06-20'],
    tags: ['物联网'],
    liaison: true,
  }),
  t('青岛海芯微电子设计有限公司', '6520', 'tech', 'M', 9, {
    quals: [
      'high_tech@2022-12-12',
      'specialized_sme@2023-01-16',
      'little_giant@2024-07-26',
      'gazelle@2024-09-20',
    ],
    tags: ['集成电路'],
    liaison: true,
  }),
  t('青岛东海数智科技有限公司', '6560', 'tech', 'S', 5, { quals: ['tech_sme@2026-04-16'] }),
  t('青岛栈桥网络科技有限公司', '6429', 'tech', 'X', 2, { street_front: true }),
  t('青岛观海云计算有限公司', '6550', 'tech', 'M', 7, {
    quals: ['high_tech@2025-12-05', 'above_scale@2025-08-22'],
    tags: ['云计算'],
    liaison: true,
  }),
  t('青岛鲲鹏智算科技有限公司', '6513', 'tech', 'X', 8, {
    established: '2026-03-18',
    tags: ['人工智能', '初创企业'],
    liaison: true,
  }),
  t('青岛汇泉湾游戏科技有限公司', '6572', 'tech', 'S', 4, {
    quals: ['tech_sme@2025-05-12'],
    tags: ['数字创意'],
  }),
  t('青岛海图地理信息科技有限公司', '6571', 'tech', 'S', 1, {
    quals: ['high_tech@2023-11-29', 'specialized_sme@2024-01-15'],
    tags: ['海洋经济'],
  }),
  t('青岛信海安全技术有限公司', '6440', 'tech', 'S', 3, {
    quals: ['high_tech@2024-12-04'],
    tags: ['网络安全'],
  }),
  t('青岛鹏程软件技术有限公司', '6513', 'tech', 'S', 7, {
    established: '2014-04-21',
    quals: ['high_tech@2025-12-05', 'tech_sme@2026-04-16'],
    liaison: true,
  }),
  t('青岛海洋工程技术研究院有限公司', '7320', 'research', 'M', 0, {
    quals: ['high_tech@2023-11-29', 'specialized_sme@2025-01-20'],
    tags: ['海洋经济'],
    liaison: true,
  }),
  t('青岛智慧知识产权代理有限公司', '7520', 'tech_service', 'X', 6),
  t('青岛蓝创空间孵化器管理有限公司', '7540', 'tech_service', 'S', 8, { tags: ['孵化器'] }),
  t('青岛清源环保科技有限公司', '7516', 'research', 'S', 9, {
    quals: ['tech_sme@2025-05-12', 'high_tech@2025-12-05'],
    tags: ['节能环保'],
    liaison: true,
  }),
  t('青岛海工检测技术有限公司', '7452', 'research', 'S', 0, {
    quals: ['high_tech@2024-12-04', 'specialized_sme@2025-01-20'],
    liaison: true,
  }),
  t('青岛鲁海新能源科技有限公司', '7515', 'research', 'X', 9, {
    established: '2026-01-15',
    tags: ['新能源', '初创企业'],
    liaison: true,
  }),
  t('青岛启智教育科技有限公司', '8391', 'culture', 'S', 3, { tags: ['职业培训'] }),
  // 金融
  t('青岛海晟融资租赁有限公司', '6631', 'finance', 'M', 6, {
    quals: ['headquarters@2023-06-30'],
    tags: ['楼宇经济'],
  }),
  t('青岛蓝海创业投资基金合伙企业（有限合伙）', '6731', 'finance', 'X', 6, { tags: ['创投基金'] }),
  t('青岛金岸金融信息服务有限公司', '6940', 'finance', 'S', 7),
  t('青岛安澜保险代理有限公司', '6852', 'finance', 'S', 2),
  t('青岛汇金小额贷款股份有限公司', '6635', 'finance', 'S', 2),
  t('青岛浮山湾私募基金管理有限公司', '6739', 'finance', 'X', 6, {
    established: '2026-06-09',
    tags: ['创投基金'],
  }),
  // 商贸
  t('青岛澳海国际贸易有限公司', '5181', 'trade', 'M', 2, { tags: ['外贸'] }),
  t('青岛琴岛家电进出口有限公司', '5137', 'trade', 'L', 8, {
    quals: ['headquarters@2024-05-20'],
    tags: ['外贸', '总部经济'],
  }),
  t('青岛海鲜汇水产贸易有限公司', '5124', 'trade', 'S', 0, { tags: ['海洋经济'] }),
  t('青岛远东电子商务有限公司', '5193', 'trade', 'M', 7, {
    quals: ['above_scale@2025-03-26'],
    tags: ['跨境电商'],
  }),
  t('青岛中联科仪设备有限公司', '5176', 'trade', 'S', 3),
  t('青岛汇通供应链管理有限公司', '7224', 'services', 'M', 9, {
    quals: ['above_scale@2025-03-26'],
    tags: ['供应链'],
  }),
  t('青岛海之味食品超市有限公司', '5212', 'retail', 'S', 1, { street_front: true }),
  t('青岛蓝岸跨境电商有限公司', '5292', 'retail', 'X', 7, {
    established: '2026-05-08',
    tags: ['跨境电商', '初创企业'],
  }),
  t('青岛浪花酒业销售有限公司', '5127', 'trade', 'S', 2, { street_front: true }),
  // 航运物流
  t('青岛远航国际船务有限公司', '5521', 'logistics', 'L', 0, {
    established: '1998-05-06',
    quals: ['headquarters@2023-06-30'],
    tags: ['海洋经济', '总部经济'],
  }),
  t('青岛海港通国际货运代理有限公司', '5821', 'logistics', 'M', 0, { quals: ['above_scale@2024-02-23'] }),
  t('青岛东方船舶代理有限公司', '5539', 'logistics', 'S', 2, { tags: ['海洋经济'] }),
  t('青岛沿海航运有限公司', '5522', 'logistics', 'M', 1, { tags: ['海洋经济'] }),
  t('青岛捷达冷链物流有限公司', '5930', 'logistics', 'S', 1, { street_front: true }),
  // 住宿餐饮
  t('青岛太平湾海景酒店有限公司', '6110', 'hotel', 'M', 4, { street_front: true }),
  t('青岛八大关度假酒店管理有限公司', '6110', 'hotel', 'S', 4, { street_front: true }),
  t('青岛老船长海鲜餐饮有限公司', '6210', 'restaurant', 'S', 2, { street_front: true, tags: ['老字号'] }),
  t('青岛栈桥啤酒坊餐饮管理有限公司', '6210', 'restaurant', 'S', 2, { street_front: true }),
  t('青岛湛山咖啡有限公司', '6232', 'restaurant', 'X', 5, {
    established: '2026-02-26',
    street_front: true,
    tags: ['初创企业'],
  }),
  t('青岛云霄路美食餐饮管理有限公司', '6210', 'restaurant', 'X', 8, { street_front: true }),
  t('青岛海滨快餐连锁有限公司', '6220', 'restaurant', 'S', 7, { street_front: true }),
  // 建筑与房地产
  t('青岛海建城市建设集团有限公司', '4790', 'construction', 'L', 7, {
    quals: ['headquarters@2024-05-20'],
    tags: ['总部经济'],
  }),
  t('青岛琴海建筑装饰工程有限公司', '5011', 'construction', 'S', 3),
  t('青岛浮山湾置业有限公司', '7010', 'realestate', 'M', 6),
  t('青岛海岸物业服务有限公司', '7020', 'realestate', 'M', 5),
  t('青岛安居房地产经纪有限公司', '7030', 'realestate', 'S', 3, { street_front: true }),
  // 商务服务与设计
  t('青岛正和会计师事务所有限公司', '7241', 'services', 'S', 7),
  t('青岛海纳百川管理咨询有限公司', '7243', 'services', 'X', 6, {
    established: '2026-07-01',
    tags: ['初创企业'],
  }),
  t('青岛蓝印工业设计有限公司', '7491', 'design', 'S', 9, { quals: ['tech_sme@2026-04-16'] }),
  t('青岛海韵建筑设计研究院有限公司', '7483', 'design', 'M', 3, { quals: ['high_tech@2024-12-04'] }),
  t('青岛潮汐广告传媒有限公司', '7259', 'services', 'S', 1),
  t('青岛英才人力资源服务有限公司', '7269', 'services', 'M', 7, { tags: ['人力资源'] }),
  t('青岛滨海会展服务有限公司', '7284', 'services', 'S', 6, { tags: ['会展经济'] }),
  t('青岛环海国际旅行社有限公司', '7291', 'services', 'S', 3, { tags: ['文旅'] }),
  t('青岛琴岛家政服务有限公司', '8010', 'services', 'S', 0, { street_front: true }),
  // 文化体育与医疗
  t('青岛海上影视文化传媒有限公司', '8730', 'culture', 'S', 1, { tags: ['影视'] }),
  t('青岛琴声文化艺术有限公司', '8810', 'culture', 'X', 3),
  t('青岛帆船运动俱乐部有限公司', '8930', 'culture', 'S', 5, {
    street_front: true,
    tags: ['帆船运动', '文旅'],
  }),
  t('青岛海滨口腔医院有限公司', '8415', 'health', 'M', 8, { street_front: true }),
  t('青岛康宁医学检验实验室有限公司', '8492', 'health', 'S', 9, { quals: ['high_tech@2025-12-05'] }),
  // 海洋生物与先进制造（总部与研发在区内）
  t('青岛蓝色海洋生物科技股份有限公司', '2761', 'maker', 'L', 0, {
    established: '2001-08-16',
    quals: [
      'high_tech@2023-11-29',
      'little_giant@2025-07-18',
      'hidden_champion@2024-10-30',
      'listed@2019-11-08',
    ],
    tags: ['海洋经济', '生物医药', '上市企业'],
    liaison: true,
  }),
  t('青岛海藻源生物制品有限公司', '1495', 'maker', 'M', 0, {
    quals: ['high_tech@2024-12-04', 'specialized_sme@2024-01-15', 'gazelle@2025-09-16'],
    tags: ['海洋经济'],
  }),
  t('青岛鑫芯光电科技有限公司', '3976', 'maker', 'M', 9, {
    quals: ['high_tech@2025-12-05', 'specialized_sme@2025-01-20', 'innovative_sme@2024-06-28'],
    tags: ['光电子'],
    liaison: true,
  }),
  t('青岛海测海洋仪器有限公司', '4023', 'maker', 'S', 0, {
    quals: ['high_tech@2024-12-04', 'specialized_sme@2023-01-16', 'little_giant@2024-07-26'],
    tags: ['海洋经济', '高端装备'],
  }),
  t('青岛海安医疗器械有限公司', '3581', 'maker', 'S', 8, {
    quals: ['tech_sme@2025-05-12', 'innovative_sme@2025-06-20'],
    tags: ['医疗器械'],
  }),
];

/** Validity of each qualification in years from the recognition date; null: no expiry. */
const QUAL_VALID_YEARS: Record<string, number | null> = {
  high_tech: 3,
  specialized_sme: 3,
  little_giant: 3,
  innovative_sme: 3,
  gazelle: 1,
  hidden_champion: 3,
  headquarters: 3,
  listed: null,
  above_scale: null,
  unicorn: 1,
};

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗于董姜曲隋宋逄宫臧孔修薛丁'.split('');
const GIVEN_NAMES = [
  ...'海涛 建军 丽娜 志强 晓东 文静 明辉 佳琪 立伟 思雨 子涵 国庆 永胜 红梅 宏伟 秀英 桂芳 春雷 新华 振华'.split(
    ' ',
  ),
  ...'玉兰 晨阳 凯旭 建华 海燕 俊杰 雪梅 立新 少华 德明 卫东 美玲 瑞 磊 静 军 敏 鹏 波 悦'.split(' '),
];

/** GB 11714 organisation-code check character for eight digits. */
function orgCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function usccFor(rng: SeededRandom, established: string): string {
  // Before the 2015 reform a company kept its 9-character 组织机构代码; newer registrations got an MA… code.
  let subject: string;
  if (established < '2015-10-01') {
    let body = String(rng.pick([7, 7, 7, 6, 5]));
    for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
    subject = body + orgCodeCheck(body);
  } else {
    subject = 'MA3';
    for (let i = 0; i < 6; i++) subject += rng.pick(USCC_CHARSET.split(''));
  }
  return makeUscc(`91${DEMO_DISTRICT.divisionCode}${subject}`);
}

function personName(rng: SeededRandom): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

function dateBetween(rng: SeededRandom, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  return new Date(start + Math.floor(rng.next() * ((end - start) / 86_400_000)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function roundTo(n: number, step: number): number {
  return Math.max(step, Math.round(n / step) * step);
}

/** An instant on a given day, at a working-hours time (UTC+8 09:00–17:00). */
function at(rng: SeededRandom, date: string): string {
  const minutes = rng.int(60, 540);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00.000Z`;
}

/** The users the enterprise data refers to (liaison, staff who verified fields, enterprise account holders). */
export interface SeedActors {
  liaisonId: string;
  /** Staff user recorded as the verifier of staff-verified fields and qualifications. */
  verifierId: string;
  /** Building editor: records who occupies which building. */
  buildingEditorId: string;
  /** Enterprise name → the user who self-reports for it (the bound enterprise admin). */
  reporters: ReadonlyMap<string, string>;
}

export interface EnterpriseRows {
  enterprises: Insertable<EnterpriseTable>[];
  yearly: Insertable<EnterpriseYearlyTable>[];
  ip: Insertable<EnterpriseIpTable>[];
  qualifications: Insertable<EnterpriseQualificationTable>[];
  fieldSources: Insertable<EnterpriseFieldSourceTable>[];
  /** Enterprise name → id, for bindings. */
  idByName: Map<string, string>;
}

export const DEMO_ENTERPRISE_COUNT = TEMPLATES.length;
export const DEMO_ENTERPRISE_NAMES: readonly string[] = TEMPLATES.map((x) => x.name);

/**
 * Build every enterprise row. Pure apart from `newId`: the same seed gives the same data set. `now` only decides
 * the stored size class, which the enterprises module bases on the last completed year.
 */
export function buildDemoEnterprises(actors: SeedActors, newId: () => string, now: Date): EnterpriseRows {
  const rng = new SeededRandom(SEED);
  const out: EnterpriseRows = {
    enterprises: [],
    yearly: [],
    ip: [],
    qualifications: [],
    fieldSources: [],
    idByName: new Map(),
  };
  const usccs = new Set<string>();

  for (const tpl of TEMPLATES) {
    const profile = PROFILES[tpl.profile];
    const street = DEMO_STREETS[tpl.street]!;
    const id = newId();
    out.idByName.set(tpl.name, id);
    const reporter = actors.reporters.get(tpl.name) ?? null;

    const established = tpl.established ?? dateBetween(rng, ...SCALE_FOUNDED[tpl.scale]);
    let uscc = usccFor(rng, established);
    while (usccs.has(uscc)) uscc = usccFor(rng, established);
    usccs.add(uscc);

    const imported = established < '2025-02-01';
    const createdAt = imported ? IMPORTED_AT : at(rng, addDays(established, rng.int(10, 40)));
    const registeredCapital = roundTo(rng.real(...SCALE_CAPITAL[tpl.scale]), tpl.scale === 'L' ? 1000 : 10);

    // Young enterprises have fewer people than their scale's range suggests.
    const foundedYear = Number(established.slice(0, 4));
    const young = established > addDays(DEMO_AS_OF, -365);
    const [eMin, eMax] = SCALE_EMPLOYEES[tpl.scale];
    const employees = young ? rng.int(3, 12) : rng.int(eMin, eMax);
    const insuredEmployees = rng.chance(0.9) ? Math.max(1, Math.round(employees * rng.real(0.75, 1))) : null;

    // Building and unit
    let building: string | null = null;
    let unit: string | null = null;
    let address: string;
    const buildings = DEMO_BUILDINGS.filter((b) => b.streetCode === street.code);
    if (!tpl.street_front && buildings.length > 0) {
      const b = rng.pick(buildings);
      building = b.name;
      const floor = rng.int(3, b.floors);
      unit = `${floor}${String(rng.int(1, 18)).padStart(2, '0')}`;
      address = `${b.address}${b.name}${unit}室`;
    } else {
      address = `${rng.pick(STREET_ROADS[street.code]!)}${rng.int(1, 120)}号`;
    }
    const registeredAddress = `山东省${DEMO_DISTRICT.city}${DEMO_DISTRICT.name}${address}`;

    // Yearly figures (万元), growing towards 2025 at an enterprise-specific rate.
    const [rMin, rMax] = SCALE_REVENUE[tpl.scale];
    const revenue2025 = young ? rng.real(20, 200) : rng.real(rMin, rMax) * profile.revenue;
    const growth = rng.real(-0.08, 0.35);
    const reported2025 = rng.chance(0.88);
    const known2023 = rng.chance(0.9);
    const assetsKnown = rng.chance(0.7);
    const rdKnown = profile.rd !== null && rng.chance(0.92);
    const exportsKnown = rng.chance(0.85);
    const taxVerified = rng.chance(0.3);
    const yearlyRows: Insertable<EnterpriseYearlyTable>[] = [];
    for (const year of DEMO_YEARS) {
      if (foundedYear > year) continue;
      if (year === 2023 && !known2023) continue;
      if (year === 2025 && !reported2025) continue;
      const yearsBack = 2025 - year;
      // A partial first year: revenue in proportion to the months in business.
      const monthsActive = foundedYear === year ? Math.max(1, 12 - Number(established.slice(5, 7))) : 12;
      const revenue = round2(
        (revenue2025 / (1 + growth * rng.real(0.7, 1.3)) ** yearsBack) * (monthsActive / 12),
      );
      const share = (range: [number, number]) => round2(revenue * rng.real(range[0], range[1]));
      yearlyRows.push({
        enterpriseId: id,
        year,
        revenue,
        taxPaid: share(profile.tax),
        rdSpending: rdKnown && profile.rd ? share(profile.rd) : null,
        exports: exportsKnown ? (profile.exports ? share(profile.exports) : 0) : null,
        totalAssets: assetsKnown ? share(profile.assets) : null,
      });
    }
    out.yearly.push(...yearlyRows);

    // Size class as the enterprises module derives it (last completed year's figures), so the stored value
    // matches what the profile page recomputes on the next edit.
    const size = deriveSize(
      {
        industryCode: tpl.industry,
        employees,
        yearly: yearlyRows.map((r) => ({
          year: r.year,
          revenue: r.revenue ?? null,
          totalAssets: r.totalAssets ?? null,
        })),
      },
      now,
    );

    const tags = [
      ...new Set([...profile.tags, ...(tpl.tags ?? []), ...(building ? ['楼宇经济'] : [])]),
    ].slice(0, 5);

    // Provenance: who said what, and when.
    const sources: Insertable<EnterpriseFieldSourceTable>[] = [];
    const source = (
      field: string,
      kind: 'self' | 'import' | 'staff',
      when: string,
      by: string | null,
      ref: string | null = null,
    ) =>
      sources.push({ enterpriseId: id, field, source: kind, sourceRef: ref, updatedBy: by, updatedAt: when });
    const registration = imported
      ? (field: string) => source(field, 'import', IMPORTED_AT, null, DEMO_IMPORT_FILE)
      : (field: string) => source(field, 'self', createdAt, reporter);
    for (const f of [
      'name',
      'uscc',
      'legalRepresentative',
      'registeredCapital',
      'establishedOn',
      'registeredAddress',
      'streetCode',
      'industryCode',
    ]) {
      registration(f);
    }
    const selfReportDay = `2026-04-${String(rng.int(8, 28)).padStart(2, '0')}`;
    const staffDay = `2026-05-${String(rng.int(6, 29)).padStart(2, '0')}`;
    const verifier = tpl.liaison ? actors.liaisonId : actors.verifierId;
    if (rng.chance(0.35)) {
      source('employees', 'staff', at(rng, staffDay), verifier, '区人力资源和社会保障局社保数据核验');
      if (insuredEmployees !== null)
        source(
          'insuredEmployees',
          'staff',
          at(rng, staffDay),
          verifier,
          '区人力资源和社会保障局社保数据核验',
        );
    } else {
      const when = imported ? at(rng, selfReportDay) : createdAt;
      source('employees', 'self', when, reporter);
      if (insuredEmployees !== null) source('insuredEmployees', 'self', when, reporter);
    }
    if (building) {
      source('building', 'staff', at(rng, staffDay), actors.buildingEditorId, '楼宇走访');
      source('unit', 'staff', at(rng, staffDay), actors.buildingEditorId, '楼宇走访');
    }
    source('tags', 'staff', at(rng, staffDay), verifier);
    for (const row of yearlyRows) {
      for (const metric of ['revenue', 'taxPaid', 'rdSpending', 'exports', 'totalAssets'] as const) {
        if (row[metric] === null || row[metric] === undefined) continue;
        const field = `yearly.${row.year}.${metric}`;
        if (row.year <= 2024 && imported) source(field, 'import', IMPORTED_AT, null, DEMO_IMPORT_FILE);
        else if (metric === 'taxPaid' && taxVerified)
          source(field, 'staff', at(rng, staffDay), verifier, '区税务局纳税数据核验');
        else source(field, 'self', at(rng, selfReportDay), reporter);
      }
    }

    // Intellectual property (known counts only; an absent kind is unknown, not zero).
    const ipScale = { X: 0.15, S: 0.5, M: 1.5, L: 5 }[tpl.scale] * (young ? 0.2 : 1);
    const ipCounts: [string, number][] =
      profile.ip === 'tech'
        ? [
            ['invention', Math.round(rng.real(0, 12) * ipScale)],
            ['utility_model', Math.round(rng.real(0, 20) * ipScale)],
            ['design', Math.round(rng.real(0, 4) * ipScale)],
            ['software_copyright', Math.max(1, Math.round(rng.real(6, 40) * ipScale))],
            ['trademark', Math.max(1, Math.round(rng.real(1, 10) * ipScale))],
          ]
        : profile.ip === 'maker'
          ? [
              ['invention', Math.round(rng.real(2, 20) * ipScale)],
              ['utility_model', Math.round(rng.real(5, 40) * ipScale)],
              ['design', Math.round(rng.real(0, 10) * ipScale)],
              ['software_copyright', Math.round(rng.real(0, 6) * ipScale)],
              ['trademark', Math.max(1, Math.round(rng.real(1, 12) * ipScale))],
            ]
          : [['trademark', rng.int(0, 3) + Math.round(rng.real(0, 8) * ipScale)]];
    for (const [kind, count] of ipCounts) {
      out.ip.push({ enterpriseId: id, kind, count });
      source(`ip.${kind}`, 'self', imported ? at(rng, selfReportDay) : createdAt, reporter);
    }

    // Qualifications
    for (const q of tpl.quals ?? []) {
      const [kind, recognizedOn] = q.split('@') as [string, string];
      const year = recognizedOn.slice(0, 4);
      const valid = kind === 'tech_sme' ? 'year' : QUAL_VALID_YEARS[kind];
      const expiresOn =
        valid === 'year'
          ? `${year}-12-31`
          : valid
            ? addDays(`${Number(year) + valid}${recognizedOn.slice(4)}`, -1)
            : null;
      const certificateNo =
        kind === 'high_tech'
          ? `GR${year}37${String(rng.int(0, 9999)).padStart(6, '0')}`
          : kind === 'tech_sme'
            ? `${year}${DEMO_DISTRICT.divisionCode}A0${String(rng.int(0, 9999)).padStart(4, '0')}`
            : null;
      const qid = newId();
      const byImport = imported && recognizedOn < IMPORTED_AT.slice(0, 10);
      const when = byImport ? IMPORTED_AT : at(rng, addDays(recognizedOn, rng.int(3, 30)));
      const qSource = byImport ? 'import' : kind === 'tech_sme' ? 'self' : 'staff';
      const qRef = byImport ? DEMO_IMPORT_FILE : qSource === 'staff' ? '认定名单公示文件' : null;
      const qBy = qSource === 'staff' ? verifier : qSource === 'self' ? reporter : null;
      out.qualifications.push({
        id: qid,
        enterpriseId: id,
        kind,
        recognizedOn,
        expiresOn,
        certificateNo,
        source: qSource,
        sourceRef: qRef,
        updatedBy: qBy,
        updatedAt: when,
      });
      source(`qualifications.${qid}`, qSource, when, qBy, qRef);
    }

    // ISO instants sort as text.
    const updatedAt = [createdAt, ...sources.map((s) => s.updatedAt)].sort().at(-1)!;
    out.fieldSources.push(...sources);
    out.enterprises.push({
      id,
      uscc,
      name: tpl.name,
      legalRepresentative: personName(rng),
      registeredCapital,
      establishedOn: established,
      registeredAddress,
      streetCode: street.code,
      industryCode: tpl.industry,
      employees,
      insuredEmployees,
      sizeClass: size.sizeClass,
      building,
      unit,
      tags: toJson(tags),
      liaisonUserId: tpl.liaison ? actors.liaisonId : null,
      version: 1,
      createdAt,
      updatedAt,
    });
  }
  return out;
}
