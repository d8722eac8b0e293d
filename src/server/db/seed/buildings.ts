import type { Insertable } from 'kysely';
import {
  type BuildingGrade,
  type BuildingUse,
  type Decoration,
  monthlyRent,
  type RentUnit,
  type SpaceStatus,
} from '../../../shared/buildings';
import { indexBuildings, refreshBuildingDerived } from '../../modules/buildings/derived';
import { unitKey } from '../../modules/buildings/duplicates';
import {
  addHeatEvent,
  EMPTY_HEAT,
  type HeatEvent,
  type HeatState,
  heatSortKey,
} from '../../modules/buildings/heat';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import { SearchIndex } from '../../platform/text/search-index';
import type { DB } from '../database';
import { type Dialect, toJson } from '../dialect';
import type {
  BuildingOccupantTable,
  BuildingProjectTable,
  BuildingSpaceTable,
  BuildingTable,
  Database,
  ViewingRequestTable,
} from '../schema';
import { DEMO_PRIMARY_ENTERPRISE } from './accounts';
import { DEMO_BUILDINGS } from './enterprises';
import { addDays, round2, SeededRandom } from './random';
import { DEMO_STREETS } from './reference';

/**
 * The demo buildings of a 市南区-like district (SPEC §2.5): the 15 buildings the demo enterprises sit in
 * (DEMO_BUILDINGS, same names, addresses and floors) and 50 more on real roads of the ten streets, from the 超甲级
 * towers along 香港中路 and 浮山湾 to the 产业园 and 众创空间 in the old town. Each has spaces (房源) with rents as the
 * market quotes them (甲级 3–6 元/㎡·天, 乙级 1.8–3, 产业园 1–2, some quoted per month), a realistic vacancy (8–30 %),
 * decoration and availability; the demo enterprises are linked as occupants of the units enterprises.ts gave them,
 * with other tenants that are not in the enterprise library; investment projects; varied sources and verification
 * dates (about a fifth not verified for more than 180 days); heat from views, favourites and viewing requests so the
 * hot ranking is not flat; and a few viewing requests, one of them pending from the demo enterprise account.
 * Names, addresses, coordinates, phone numbers and figures are invented for the demo.
 */

export interface BuildingSeedContext {
  dialect: Dialect;
  clock: Clock;
  id: () => string;
  /** Enterprise ids by name (the demo enterprises; their building and unit are read from the table). */
  enterprises: ReadonlyMap<string, string>;
  /** The building editor who "entered" the data. */
  editorId: string;
}

export interface BuildingSeedSummary {
  buildings: number;
  buildingSpaces: number;
  buildingOccupants: number;
  buildingProjects: number;
  viewingRequests: number;
}

interface BuildingSpec {
  name: string;
  /** Index into DEMO_STREETS: 0 八大峡 1 云南路 2 中山路 3 江苏路 4 八大关 5 湛山 6 香港中路 7 八大湖 8 金门路 9 珠海路 */
  street: number;
  address: string;
  grade: BuildingGrade;
  use: BuildingUse;
  floors: number;
  below: number;
  year: number;
  tags: string[];
  developer?: string;
  manager?: string;
  description: string;
}

const b = (
  name: string,
  street: number,
  address: string,
  grade: BuildingGrade,
  use: BuildingUse,
  floors: number,
  below: number,
  year: number,
  tags: string[],
  description: string,
  more: { developer?: string; manager?: string } = {},
): BuildingSpec => ({ name, street, address, grade, use, floors, below, year, tags, description, ...more });

/** Attributes of the 15 DEMO_BUILDINGS (names, addresses, floors from enterprises.ts). */
const DEMO_ATTRS: Record<string, Omit<BuildingSpec, 'name' | 'street' | 'address' | 'floors'>> = {
  团岛海洋科技园: {
    grade: 'b',
    use: 'industrial_park',
    below: 1,
    year: 2012,
    tags: ['科技楼宇', '海洋经济'],
    description: '团岛湾畔海洋科技企业集聚园区，配套中试车间和共享实验室。',
  },
  云南路文创大厦: {
    grade: 'b',
    use: 'office',
    below: 1,
    year: 2009,
    tags: ['文旅楼宇'],
    description: '老城区文创产业楼宇，临近云南路美食街。',
  },
  中山路金融街大厦: {
    grade: 'a',
    use: 'office',
    below: 2,
    year: 2011,
    tags: ['金融楼宇'],
    description: '中山路百年金融街核心位置，银行、保险机构集聚。',
  },
  栈桥商务中心: {
    grade: 'b',
    use: 'office',
    below: 2,
    year: 2008,
    tags: ['文旅楼宇', '特色楼宇'],
    description: '步行可达栈桥与火车站，适合旅游、商贸服务企业。',
  },
  江苏路科创大厦: {
    grade: 'b',
    use: 'office',
    below: 1,
    year: 2013,
    tags: ['科技楼宇'],
    description: '毗邻高校与科研院所，软件和设计企业集中。',
  },
  太平角商务中心: {
    grade: 'a',
    use: 'office',
    below: 1,
    year: 2016,
    tags: ['特色楼宇'],
    description: '太平角海滨低密度商务楼，适合总部办公与会客。',
  },
  湛山国际大厦: {
    grade: 'a',
    use: 'office',
    below: 3,
    year: 2012,
    tags: ['总部楼宇'],
    description: '东海西路商务带，海景办公，地下停车位充足。',
  },
  浮山湾金融中心: {
    grade: 'super_a',
    use: 'office',
    below: 4,
    year: 2017,
    tags: ['金融楼宇', '总部楼宇'],
    description: '浮山湾畔超甲级写字楼，金融机构区域总部集聚，地铁2号线直达。',
  },
  海岸国际大厦: {
    grade: 'a',
    use: 'commercial_complex',
    below: 3,
    year: 2014,
    tags: ['总部楼宇'],
    description: '香港中路商务区综合体，底层商业，高区海景办公。',
  },
  闽江路商务大厦: {
    grade: 'b',
    use: 'office',
    below: 2,
    year: 2006,
    tags: [],
    description: '闽江路商圈成熟写字楼，餐饮配套丰富。',
  },
  延安三路科技大厦: {
    grade: 'b',
    use: 'office',
    below: 1,
    year: 2010,
    tags: ['科技楼宇'],
    description: '信息技术企业聚集，楼内有共享会议中心。',
  },
  燕儿岛路数字产业园: {
    grade: 'a',
    use: 'industrial_park',
    below: 2,
    year: 2019,
    tags: ['科技楼宇', '数字经济'],
    description: '数字经济特色园区，提供算力中心和人才公寓配套。',
  },
  宁夏路软件大厦: {
    grade: 'b',
    use: 'office',
    below: 2,
    year: 2008,
    tags: ['科技楼宇'],
    description: '软件和信息服务业楼宇，临近青岛软件园。',
  },
  珠海路创新中心: {
    grade: 'a',
    use: 'incubator',
    below: 1,
    year: 2018,
    tags: ['科技楼宇', '孵化载体'],
    description: '市级孵化器，提供工位、路演厅和投融资对接服务。',
  },
  澳门路海景大厦: {
    grade: 'a',
    use: 'office',
    below: 3,
    year: 2015,
    tags: ['金融楼宇'],
    description: '澳门路一线海景，奥帆中心步行5分钟。',
  },
};

const OTHER_BUILDINGS: readonly BuildingSpec[] = [
  // 香港中路街道 — the central business district along 香港中路 and 浮山湾.
  b(
    '青岛国际金融中心',
    6,
    '香港中路59号',
    'super_a',
    'office',
    56,
    4,
    2014,
    ['金融楼宇', '总部楼宇'],
    '浮山湾CBD地标，银行、证券区域总部集聚，直通地铁五四广场站。',
    { developer: '青岛国际金融中心置业有限公司', manager: '仲量联行物业服务' },
  ),
  b(
    '万象城写字楼',
    6,
    '山东路6号',
    'a',
    'commercial_complex',
    38,
    4,
    2015,
    ['总部楼宇'],
    '华润万象城综合体写字楼，商业、酒店、办公一体。',
    { developer: '华润置地（青岛）有限公司', manager: '华润万象生活' },
  ),
  b(
    '华润大厦',
    6,
    '山东路6号甲',
    'super_a',
    'office',
    63,
    4,
    2018,
    ['总部楼宇', '金融楼宇'],
    '超甲级写字楼，LEED金级认证，高区俯瞰浮山湾。',
    { developer: '华润置地（青岛）有限公司', manager: '华润万象生活' },
  ),
  b(
    '中铁青岛中心大厦',
    6,
    '香港中路18号',
    'a',
    'office',
    46,
    3,
    2016,
    ['总部楼宇'],
    '央企区域总部聚集，智能化办公系统。',
    { developer: '中铁置业青岛有限公司', manager: '中铁物业' },
  ),
  b(
    '远洋国际中心',
    6,
    '香港中路76号',
    'a',
    'office',
    36,
    3,
    2012,
    ['金融楼宇'],
    '香港中路东段甲级写字楼，保险、律所集中。',
    { manager: '远洋亿家物业' },
  ),
  b(
    '中银大厦',
    6,
    '香港中路68号',
    'a',
    'office',
    42,
    3,
    2007,
    ['金融楼宇'],
    '老牌金融楼宇，银行网点与证券营业部密集。',
    { manager: '中银物业' },
  ),
  b(
    '银座中心',
    6,
    '香港中路9号',
    'a',
    'commercial_complex',
    30,
    3,
    2011,
    [],
    '商业裙楼与写字楼结合，餐饮、健身配套齐全。',
  ),
  b(
    '海信广场写字楼',
    6,
    '澳门路117号',
    'a',
    'commercial_complex',
    24,
    3,
    2008,
    ['总部楼宇'],
    '高端商业综合体附属写字楼，适合品牌企业区域总部。',
    { manager: '海信物业' },
  ),
  b(
    '凯悦中心',
    6,
    '香港中路52号',
    'a',
    'office',
    34,
    3,
    2010,
    ['金融楼宇'],
    '与五星级酒店共构，商务接待便利。',
  ),
  b(
    '招商银行大厦',
    6,
    '香港中路36号',
    'a',
    'office',
    32,
    3,
    2006,
    ['金融楼宇'],
    '金融机构自用及出租办公，楼内设金库与数据机房。',
  ),
  b(
    '百丽广场写字楼',
    6,
    '香港中路10号',
    'b',
    'commercial_complex',
    22,
    2,
    2005,
    [],
    '香港中路商圈成熟综合体，租金性价比高。',
  ),
  b('阳光大厦', 6, '香港中路20号', 'b', 'office', 28, 2, 2003, [], '中小企业聚集的乙级写字楼，灵活分割。'),
  b('国华大厦', 6, '东海西路15号', 'b', 'office', 26, 2, 2004, [], '东海西路沿线写字楼，部分楼层可看海。'),
  b(
    '佳世客大厦',
    6,
    '香港中路72号',
    'b',
    'commercial_complex',
    20,
    2,
    2002,
    [],
    '商场与写字楼结合，适合贸易、服务类企业。',
  ),
  // 八大湖街道
  b(
    '南京路商务中心',
    7,
    '南京路100号',
    'b',
    'office',
    18,
    1,
    2009,
    [],
    '八大湖片区商务楼，毗邻中山公园东门。',
  ),
  b(
    '彰化路创意产业园',
    7,
    '彰化路8号',
    'c',
    'industrial_park',
    6,
    0,
    1998,
    ['文旅楼宇', '特色楼宇'],
    '老厂房改造的创意园区，适合设计、影视工作室。',
  ),
  b(
    '延安三路创业大厦',
    7,
    '延安三路220号',
    'b',
    'incubator',
    14,
    1,
    2011,
    ['孵化载体'],
    '区级众创空间，提供开放工位与创业辅导。',
  ),
  b('漳州路商务楼', 7, '漳州路19号', 'c', 'office', 10, 0, 1999, [], '小面积办公为主，租金实惠。'),
  // 金门路街道
  b(
    '青岛软件园',
    8,
    '宁夏路288号',
    'b',
    'industrial_park',
    12,
    1,
    2003,
    ['科技楼宇', '数字经济'],
    '国家级软件产业基地，软件外包与信息服务企业集聚。',
    { manager: '青岛软件园发展有限公司' },
  ),
  b(
    '金门路创新大厦',
    8,
    '金门路9号',
    'b',
    'office',
    20,
    2,
    2012,
    ['科技楼宇'],
    '科技服务企业楼宇，提供共享会议室。',
  ),
  b(
    '燕岛国际公寓',
    8,
    '燕儿岛路16号',
    'b',
    'business_apartment',
    28,
    2,
    2013,
    [],
    '商务公寓，可注册办公，适合小微企业。',
  ),
  b(
    '江西路数字经济园',
    8,
    '江西路2号',
    'b',
    'incubator',
    9,
    1,
    2020,
    ['数字经济', '孵化载体'],
    '数字经济孵化园，入驻企业享受房租补贴。',
  ),
  b(
    '青岛科技大厦',
    8,
    '宁夏路208号',
    'b',
    'office',
    22,
    2,
    2007,
    ['科技楼宇'],
    '科技服务机构与检测认证企业集中。',
  ),
  // 珠海路街道
  b(
    '奥帆中心商务楼',
    9,
    '燕儿岛路1号',
    'a',
    'office',
    18,
    2,
    2008,
    ['文旅楼宇', '特色楼宇'],
    '奥帆基地内的低密度海景办公，适合海洋、文旅企业。',
  ),
  b(
    '东海中路商务中心',
    9,
    '东海中路30号',
    'a',
    'office',
    32,
    3,
    2013,
    ['总部楼宇'],
    '东海中路一线海景写字楼。',
  ),
  b(
    '澳门路金融广场',
    9,
    '澳门路98号',
    'a',
    'office',
    35,
    3,
    2016,
    ['金融楼宇'],
    '基金、资管机构集聚，与浮山湾金融中心隔路相望。',
  ),
  b(
    '珠海路科技园',
    9,
    '珠海路8号',
    'b',
    'industrial_park',
    10,
    1,
    2010,
    ['科技楼宇'],
    '研发办公园区，层高4.5米，可做轻型实验室。',
  ),
  b(
    '银海国际大厦',
    9,
    '东海中路36号',
    'b',
    'office',
    24,
    2,
    2006,
    [],
    '银海大世界旁，游艇、海洋服务企业较多。',
  ),
  // 湛山街道
  b(
    '海天中心',
    5,
    '香港西路48号',
    'super_a',
    'commercial_complex',
    73,
    4,
    2021,
    ['总部楼宇', '金融楼宇'],
    '青岛第一高楼，超甲级写字楼、酒店、观光一体，高区可俯瞰汇泉湾。',
    { developer: '青岛海天投资有限公司', manager: '仲量联行物业服务' },
  ),
  b('湛山商务大厦', 5, '湛山三路2号', 'b', 'office', 16, 1, 2005, [], '湛山片区商务楼，环境安静。'),
  b(
    '福州南路创意园',
    5,
    '福州南路85号',
    'c',
    'incubator',
    6,
    0,
    2001,
    ['文旅楼宇'],
    '小型创意办公，适合设计与文化企业。',
  ),
  b('东海西路国际大厦', 5, '东海西路35号', 'a', 'office', 30, 3, 2011, [], '海景甲级写字楼，邻近音乐广场。'),
  b('华仁国际大厦', 5, '东海西路37号', 'a', 'office', 27, 2, 2009, ['总部楼宇'], '医药、健康产业企业集中。'),
  // 八大关街道
  b(
    '汇泉湾文旅中心',
    4,
    '汇泉路18号',
    'b',
    'other',
    8,
    1,
    2015,
    ['文旅楼宇', '特色楼宇'],
    '汇泉湾畔文旅产业楼宇，适合文化传媒、旅游服务企业。',
  ),
  b(
    '八大关公馆商务楼',
    4,
    '山海关路9号',
    'c',
    'office',
    4,
    0,
    1935,
    ['特色楼宇', '文旅楼宇'],
    '历史风貌建筑改造的精品办公，庭院独栋。',
  ),
  b('香港西路商务中心', 4, '香港西路65号', 'a', 'office', 22, 2, 2012, [], '八大关与湛山之间的海景写字楼。'),
  // 江苏路街道
  b(
    '大学路文创园',
    3,
    '大学路7号',
    'c',
    'incubator',
    5,
    0,
    1960,
    ['文旅楼宇', '特色楼宇'],
    '老城文创街区，网红打卡地，适合文创工作室。',
  ),
  b(
    '黄县路文化产业园',
    3,
    '黄县路12号',
    'c',
    'industrial_park',
    5,
    0,
    1980,
    ['文旅楼宇'],
    '文化产业园区，设有展厅与小剧场。',
  ),
  b('龙山路商务楼', 3, '龙山路5号', 'c', 'office', 8, 0, 1996, [], '小面积办公，邻近信号山公园。'),
  b(
    '鱼山路海洋科技楼',
    3,
    '鱼山路5号',
    'b',
    'office',
    12,
    1,
    2008,
    ['科技楼宇', '海洋经济'],
    '毗邻海洋科研院所，海洋科技企业集聚。',
  ),
  // 中山路街道
  b(
    '中山路商业大厦',
    2,
    '中山路116号',
    'b',
    'commercial_complex',
    16,
    1,
    2002,
    [],
    '中山路商圈综合楼，底商与办公结合。',
  ),
  b(
    '曲阜路创意大厦',
    2,
    '曲阜路12号',
    'c',
    'office',
    9,
    0,
    1997,
    ['文旅楼宇'],
    '老城区小型办公楼，适合初创团队。',
  ),
  b(
    '河南路金融大厦',
    2,
    '河南路9号',
    'b',
    'office',
    14,
    1,
    2004,
    ['金融楼宇', '特色楼宇'],
    '百年金融街上的办公楼，适合金融后台与服务机构。',
  ),
  b(
    '肥城路文旅创意园',
    2,
    '肥城路4号',
    'c',
    'incubator',
    4,
    0,
    1930,
    ['文旅楼宇', '特色楼宇'],
    '历史街区里的众创空间，灵活短租。',
  ),
  // 云南路街道
  b(
    '单县路科技园',
    1,
    '单县路16号',
    'c',
    'industrial_park',
    7,
    1,
    2000,
    ['科技楼宇'],
    '老工业厂区改造的科技园区，适合轻研发。',
  ),
  b(
    '郯城路创客空间',
    1,
    '郯城路10号',
    'c',
    'incubator',
    5,
    0,
    2017,
    ['孵化载体'],
    '区级众创空间，开放工位按月租赁。',
  ),
  b('汶上路商务大厦', 1, '汶上路7号', 'c', 'office', 12, 1, 2001, [], '性价比办公楼，交通便利。'),
  // 八大峡街道
  b('四川路商务中心', 0, '四川路28号', 'b', 'office', 18, 1, 2010, [], '八大峡片区商务楼，临近轮渡码头。'),
  b(
    '西陵峡路创业园',
    0,
    '西陵峡路3号',
    'c',
    'incubator',
    6,
    0,
    2016,
    ['孵化载体', '海洋经济'],
    '海洋经济主题创业园。',
  ),
  b(
    '贵州路海景公寓',
    0,
    '贵州路40号',
    'b',
    'business_apartment',
    24,
    1,
    2012,
    [],
    '海景商务公寓，可注册办公。',
  ),
];

/** Rough centre of each street (WGS-84), for coordinates inside the district. */
const STREET_CENTRES: readonly [number, number][] = [
  [36.0625, 120.303],
  [36.0655, 120.311],
  [36.069, 120.317],
  [36.066, 120.326],
  [36.052, 120.352],
  [36.058, 120.366],
  [36.062, 120.385],
  [36.072, 120.375],
  [36.0705, 120.395],
  [36.0655, 120.415],
];

/** Rent range in 元/㎡·天 by grade, and by use for parks and incubators. */
function dayRentRange(grade: BuildingGrade, use: BuildingUse): [number, number] {
  if (use === 'industrial_park' || use === 'incubator') return [1, 2];
  if (use === 'business_apartment') return [1.8, 3];
  switch (grade) {
    case 'super_a':
      return [4.5, 6];
    case 'a':
      return [3, 5];
    case 'b':
      return [1.8, 3];
    default:
      return [1.2, 1.9];
  }
}

function areaRange(grade: BuildingGrade, use: BuildingUse): [number, number] {
  if (use === 'incubator') return [60, 320];
  if (use === 'industrial_park') return [120, 1500];
  if (use === 'business_apartment') return [60, 260];
  if (grade === 'super_a') return [180, 2000];
  if (grade === 'a') return [120, 1600];
  if (grade === 'b') return [80, 900];
  return [60, 420];
}

function spaceTarget(grade: BuildingGrade, use: BuildingUse): number {
  if (use === 'incubator') return 34;
  if (use === 'industrial_park') return 28;
  if (use === 'business_apartment') return 22;
  return { super_a: 40, a: 32, b: 24, c: 16 }[grade];
}

const TENANT_BRANDS = [
  '瑞丰',
  '恒信',
  '鼎盛',
  '华泰',
  '中诚',
  '博远',
  '嘉禾',
  '海润',
  '安泰',
  '金桥',
  '鑫源',
  '汇通',
  '宏达',
  '德信',
  '远航',
  '蓝海',
  '启明',
  '正和',
  '凯瑞',
  '泰和',
  '明德',
  '睿智',
  '卓越',
  '信达',
  '同创',
  '弘毅',
  '天衡',
  '景行',
] as const;
const TENANT_KINDS = [
  '律师事务所',
  '会计师事务所有限公司',
  '保险代理有限公司',
  '投资管理有限公司',
  '信息技术有限公司',
  '国际货运代理有限公司',
  '文化传媒有限公司',
  '建筑设计有限公司',
  '人力资源服务有限公司',
  '贸易有限公司',
  '咨询管理有限公司',
  '教育科技有限公司',
] as const;

const PROJECTS: readonly {
  name: string;
  industry: string;
  investor: string;
  investmentWan: number;
  areaNeeded: number;
  status: 'negotiating' | 'signed' | 'settled' | 'dropped';
  building: string | null;
  description: string;
}[] = [
  {
    name: '某股份制银行青岛分行营业部迁址',
    industry: '金融业',
    investor: '某股份制商业银行',
    investmentWan: 8000,
    areaNeeded: 3200,
    status: 'signed',
    building: '青岛国际金融中心',
    description: '分行营业部及后台部门整体迁入，需连续两层。',
  },
  {
    name: '海洋装备研发中心',
    industry: '科学研究和技术服务业',
    investor: '青岛海工装备集团',
    investmentWan: 12000,
    areaNeeded: 2500,
    status: 'settled',
    building: '团岛海洋科技园',
    description: '海洋装备设计与测试中心，已入驻并投入运营。',
  },
  {
    name: '跨境电商区域总部',
    industry: '批发和零售业',
    investor: '某跨境电商平台',
    investmentWan: 5000,
    areaNeeded: 1800,
    status: 'negotiating',
    building: '华润大厦',
    description: '拟设立北方区域总部，洽谈租金与装修补贴。',
  },
  {
    name: '工业互联网平台华北中心',
    industry: '信息传输、软件和信息技术服务业',
    investor: '某工业互联网公司',
    investmentWan: 6000,
    areaNeeded: 1500,
    status: 'signed',
    building: '燕儿岛路数字产业园',
    description: '平台运营与交付中心，签约面积1500㎡。',
  },
  {
    name: '基金管理人落户',
    industry: '金融业',
    investor: '某私募股权基金',
    investmentWan: 20000,
    areaNeeded: 600,
    status: 'settled',
    building: '澳门路金融广场',
    description: '私募股权基金管理人注册落户并实际办公。',
  },
  {
    name: '影视后期制作基地',
    industry: '文化、体育和娱乐业',
    investor: '某影视文化公司',
    investmentWan: 1500,
    areaNeeded: 900,
    status: 'negotiating',
    building: '彰化路创意产业园',
    description: '需层高较高的空间做棚拍与后期。',
  },
  {
    name: '生物医药CRO企业研发中心',
    industry: '科学研究和技术服务业',
    investor: '某医药研发外包企业',
    investmentWan: 9000,
    areaNeeded: 2000,
    status: 'negotiating',
    building: null,
    description: '寻找可做轻型实验室的研发空间，选址比较中。',
  },
  {
    name: '人力资源服务产业园运营',
    industry: '租赁和商务服务业',
    investor: '某人力资源集团',
    investmentWan: 3000,
    areaNeeded: 4000,
    status: 'signed',
    building: '中铁青岛中心大厦',
    description: '整层承租，打造区级人力资源服务产业园。',
  },
  {
    name: '邮轮旅游服务公司',
    industry: '交通运输、仓储和邮政业',
    investor: '某邮轮运营公司',
    investmentWan: 2000,
    areaNeeded: 500,
    status: 'dropped',
    building: '奥帆中心商务楼',
    description: '因航线调整暂缓设立，项目终止。',
  },
  {
    name: '数字文创孵化平台',
    industry: '文化、体育和娱乐业',
    investor: '某文创投资公司',
    investmentWan: 800,
    areaNeeded: 1200,
    status: 'settled',
    building: '大学路文创园',
    description: '孵化平台已运营，入驻文创团队20余家。',
  },
  {
    name: '保险资管区域中心',
    industry: '金融业',
    investor: '某保险资产管理公司',
    investmentWan: 15000,
    areaNeeded: 2200,
    status: 'negotiating',
    building: '浮山湾金融中心',
    description: '意向高区整层，洽谈冠名与装修期。',
  },
  {
    name: '智能网联汽车软件研发中心',
    industry: '信息传输、软件和信息技术服务业',
    investor: '某汽车科技公司',
    investmentWan: 7000,
    areaNeeded: 1600,
    status: 'signed',
    building: '青岛软件园',
    description: '车载软件研发团队，分两期入驻。',
  },
];

/** Multi-row inserts in chunks well under both databases' parameter limits. */
async function insertBatched<T extends keyof Database & string>(
  trx: DB,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  maxParams = 4000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(maxParams / columns));
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

const floorOfUnit = (unit: string): number | null => {
  const m = unit.match(/^(\d+)(\d{2})$/);
  return m ? Number(m[1]) : null;
};

/** Every demo building, spaces, occupants, projects, heat and viewing requests; derived fields and index last. */
export async function seedBuildings(trx: DB, c: BuildingSeedContext): Promise<BuildingSeedSummary> {
  const rng = new SeededRandom(20_261_105);
  const nowDate = c.clock.now();
  const now = nowDate.toISOString();
  const today = shanghaiDate(nowDate);

  const specs: BuildingSpec[] = [
    ...DEMO_BUILDINGS.map((d) => ({
      name: d.name,
      street: DEMO_STREETS.findIndex((s) => s.code === d.streetCode),
      address: d.address,
      floors: d.floors,
      ...DEMO_ATTRS[d.name]!,
    })),
    ...OTHER_BUILDINGS,
  ];

  // ——— buildings ———
  const buildings: Insertable<BuildingTable>[] = [];
  const idByName = new Map<string, string>();
  specs.forEach((s, i) => {
    const id = c.id();
    idByName.set(s.name, id);
    const [lat, lng] = STREET_CENTRES[s.street]!;
    // About a fifth stale (not verified for more than 180 days), the rest verified in the last months.
    const stale = i % 5 === 3;
    const verified = addDays(today, -(stale ? rng.int(190, 420) : rng.int(3, 170)));
    const source = rng.pick(['survey', 'survey', 'manual', 'import', 'enterprise_report'] as const);
    buildings.push({
      id,
      name: s.name,
      streetCode: DEMO_STREETS[s.street]!.code,
      address: s.address,
      lat: round6(lat + rng.real(-0.0035, 0.0035)),
      lng: round6(lng + rng.real(-0.005, 0.005)),
      grade: s.grade,
      use: s.use,
      floorsAbove: s.floors,
      floorsBelow: s.below,
      grossArea: Math.round((s.floors * rng.real(1400, s.grade === 'super_a' ? 3200 : 2200)) / 100) * 100,
      completedYear: s.year,
      developer: s.developer ?? null,
      propertyManager:
        s.manager ?? rng.pick(['万科物业', '绿城服务', '保利物业', '青岛海创物业', '中海物业', '碧桂园服务']),
      contactName: `${rng.pick(['王', '李', '张', '刘', '陈', '赵', '孙', '周'])}${rng.pick(['经理', '女士', '先生', '主管'])}`,
      contactPhone: `0532-6${String(600_0000 + i * 137).slice(0, 7)}`,
      description: s.description,
      tags: toJson(s.tags),
      source,
      sourceNote: {
        survey: `${verified.slice(0, 4)}年楼宇走访`,
        manual: '楼宇信息员录入',
        import: '楼宇台账导入（楼宇房源台账.xlsx）',
        enterprise_report: '物业公司报送',
      }[source],
      lastVerifiedOn: verified,
      status: 'active',
      spaceCount: 0,
      vacantCount: 0,
      leasableArea: 0,
      vacantArea: 0,
      vacancyRate: 0,
      minRentMonthly: null,
      maxRentMonthly: null,
      minVacantArea: null,
      maxVacantArea: null,
      occupantTaxWan: null,
      taxFlag: null,
      heatSortKey: 0,
      createdBy: c.editorId,
      updatedBy: c.editorId,
      createdAt: now,
      updatedAt: now,
    });
  });
  await insertBatched(trx, 'buildings', buildings);

  // The demo enterprises in buildings (enterprises.ts gave them a building and a unit like 1203).
  const tenants = (
    await trx
      .selectFrom('enterprises')
      .select(['id', 'name', 'building', 'unit'])
      .where('building', 'is not', null)
      .execute()
  ).filter((e) => e.building && idByName.has(e.building) && e.unit && floorOfUnit(e.unit) !== null);

  // ——— spaces and occupants ———
  const spaces: Insertable<BuildingSpaceTable>[] = [];
  const occupants: Insertable<BuildingOccupantTable>[] = [];
  const usedTenantNames = new Set<string>();
  const tenantName = () => {
    // One brand first; two brands once the short names run out (336 of them).
    for (let attempt = 0; ; attempt++) {
      const brand =
        attempt < 20 ? rng.pick(TENANT_BRANDS) : `${rng.pick(TENANT_BRANDS)}${rng.pick(TENANT_BRANDS)}`;
      const n = `青岛${brand}${rng.pick(TENANT_KINDS)}`;
      if (!usedTenantNames.has(n)) {
        usedTenantNames.add(n);
        return n;
      }
    }
  };

  const spaceIdsByBuilding = new Map<string, string[]>();
  specs.forEach((s, bi) => {
    const buildingId = idByName.get(s.name)!;
    const building = buildings[bi]!;
    const [rMin, rMax] = dayRentRange(s.grade, s.use);
    const baseDay = rng.real(rMin, rMax);
    const monthlyQuoted =
      s.use === 'industrial_park' || s.use === 'incubator' ? rng.chance(0.7) : rng.chance(0.15);
    const [aMin, aMax] = areaRange(s.grade, s.use);
    const vacancy = rng.real(0.08, 0.3);
    const taken = new Map<string, string>();
    const ids: string[] = [];
    const add = (floor: number, unit: string, leased: boolean): string => {
      const key = `${floor}\u0000${unitKey(unit)}`;
      const existing = taken.get(key);
      if (existing) return existing;
      const id = c.id();
      taken.set(key, id);
      ids.push(id);
      // Area skewed towards the small end, as real spaces are.
      const area = Math.round(aMin + (aMax - aMin) * rng.next() ** 2);
      const day = Math.min(rMax, Math.max(rMin, baseDay * rng.real(0.9, 1.12)));
      const unitOfRent: RentUnit = monthlyQuoted ? 'yuan_per_sqm_month' : 'yuan_per_sqm_day';
      const amount =
        unitOfRent === 'yuan_per_sqm_day' ? round1(day) : Math.round(monthlyRent(day, 'yuan_per_sqm_day'));
      const roll = rng.next();
      const status: SpaceStatus = leased
        ? 'leased'
        : roll < vacancy
          ? 'vacant'
          : roll < vacancy + 0.04
            ? 'reserved'
            : 'leased';
      const decoration: Decoration =
        s.grade === 'super_a'
          ? rng.pick(['fine', 'fine', 'luxury', 'bare'] as const)
          : rng.pick(['bare', 'basic', 'basic', 'fine'] as const);
      spaces.push({
        id,
        buildingId,
        floor,
        unit,
        unitKey: unitKey(unit),
        area,
        rentAmount: amount,
        rentUnit: unitOfRent,
        rentMonthly: round2(monthlyRent(amount, unitOfRent)),
        status,
        decoration,
        availableFrom:
          status === 'vacant'
            ? rng.chance(0.6)
              ? null
              : addDays(today, rng.int(7, 120))
            : status === 'reserved'
              ? addDays(today, rng.int(20, 90))
              : null,
        orientation: rng.chance(0.5) ? rng.pick(['南', '东南', '西南', '北', '东', '南（海景）']) : null,
        description:
          status === 'vacant' && rng.chance(0.4)
            ? rng.pick(['可享免租期2个月', '可分割', '带独立卫生间', '整层出租', '适合研发办公'])
            : '',
        source: building.source as string,
        lastVerifiedOn: building.lastVerifiedOn ?? null,
        createdAt: now,
        updatedAt: now,
      });
      return id;
    };

    // The demo enterprises' units first (leased, linked).
    for (const e of tenants.filter((t) => t.building === s.name)) {
      const floor = Math.min(floorOfUnit(e.unit!)!, s.floors);
      const spaceId = add(floor, e.unit!, true);
      const sp = spaces.find((x) => x.id === spaceId)!;
      occupants.push({
        id: c.id(),
        buildingId,
        spaceId,
        enterpriseId: c.enterprises.get(e.name) ?? e.id,
        enterpriseName: e.name,
        floor,
        unit: e.unit,
        area: sp.area as number,
        movedInOn: addDays(today, -rng.int(120, 2400)),
        movedOutOn: null,
        source: 'survey',
        lastVerifiedOn: building.lastVerifiedOn ?? null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const target = spaceTarget(s.grade, s.use);
    const lowest = s.floors > 6 ? 2 : 1;
    let guard = 0;
    while (ids.length < target && guard++ < 2000) {
      const floor = rng.int(lowest, s.floors);
      const unit = `${floor}${String(rng.int(1, 12)).padStart(2, '0')}`;
      add(floor, unit, false);
    }
    spaceIdsByBuilding.set(buildingId, ids);

    // Tenants not in the enterprise library, in some of the other leased spaces; one moved out last year.
    const linked = new Set(occupants.filter((o) => o.buildingId === buildingId).map((o) => o.spaceId));
    const leased = spaces.filter(
      (x) => x.buildingId === buildingId && x.status === 'leased' && !linked.has(x.id as string),
    );
    for (const sp of leased) {
      if (!rng.chance(0.45)) continue;
      occupants.push({
        id: c.id(),
        buildingId,
        spaceId: sp.id as string,
        enterpriseId: null,
        enterpriseName: tenantName(),
        floor: sp.floor as number,
        unit: sp.unit as string,
        area: sp.area as number,
        movedInOn: addDays(today, -rng.int(60, 3000)),
        movedOutOn: null,
        source: rng.pick(['survey', 'enterprise_report']),
        lastVerifiedOn: building.lastVerifiedOn ?? null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const vacantOne = spaces.find((x) => x.buildingId === buildingId && x.status === 'vacant');
    if (vacantOne && rng.chance(0.5)) {
      occupants.push({
        id: c.id(),
        buildingId,
        spaceId: vacantOne.id as string,
        enterpriseId: null,
        enterpriseName: tenantName(),
        floor: vacantOne.floor as number,
        unit: vacantOne.unit as string,
        area: vacantOne.area as number,
        movedInOn: addDays(today, -rng.int(900, 2000)),
        movedOutOn: addDays(today, -rng.int(30, 300)),
        source: 'survey',
        lastVerifiedOn: building.lastVerifiedOn ?? null,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  await insertBatched(trx, 'buildingSpaces', spaces);
  await insertBatched(trx, 'buildingOccupants', occupants);

  // ——— investment projects ———
  const projects: Insertable<BuildingProjectTable>[] = PROJECTS.map((p) => ({
    id: c.id(),
    buildingId: p.building ? idByName.get(p.building)! : null,
    name: p.name,
    industry: p.industry,
    investor: p.investor,
    investmentWan: p.investmentWan,
    areaNeeded: p.areaNeeded,
    status: p.status,
    description: p.description,
    signedOn: p.status === 'signed' || p.status === 'settled' ? addDays(today, -rng.int(20, 400)) : null,
    source: 'manual',
    lastVerifiedOn: addDays(today, -rng.int(5, 90)),
    createdAt: now,
    updatedAt: now,
  }));
  await insertBatched(trx, 'buildingProjects', projects);

  // ——— viewing requests (看房预约) ———
  const demoUser = await trx
    .selectFrom('users')
    .select('id')
    .where('phone', '=', '13800000001')
    .executeTakeFirst();
  const primaryId = c.enterprises.get(DEMO_PRIMARY_ENTERPRISE) ?? null;
  const vacantIn = (name: string) => {
    const id = idByName.get(name)!;
    return spaces.find((x) => x.buildingId === id && x.status === 'vacant') ?? null;
  };
  const requests: {
    building: string;
    name: string;
    phone: string;
    company: string | null;
    status: string;
    daysAgo: number;
    area: number | null;
    message: string;
    demo?: boolean;
  }[] = [
    {
      building: '燕儿岛路数字产业园',
      name: '李海鹏',
      phone: '13800000001',
      company: DEMO_PRIMARY_ENTERPRISE,
      status: 'pending',
      daysAgo: 1,
      area: 800,
      message: '研发团队扩编，希望看一下可整层租赁的房源，最好本周内。',
      demo: true,
    },
    {
      building: '华润大厦',
      name: '周女士',
      phone: '13906421188',
      company: '青岛启明咨询管理有限公司',
      status: 'pending',
      daysAgo: 2,
      area: 300,
      message: '想了解高区海景房源和免租期。',
    },
    {
      building: '青岛国际金融中心',
      name: '陈先生',
      phone: '13589201234',
      company: '某证券公司青岛分公司',
      status: 'contacted',
      daysAgo: 5,
      area: 1200,
      message: '分公司迁址，需要一层半左右。',
    },
    {
      building: '珠海路创新中心',
      name: '王同学',
      phone: '18661890021',
      company: null,
      status: 'viewed',
      daysAgo: 9,
      area: 80,
      message: '大学生创业团队，想租孵化器工位。',
    },
    {
      building: '海天中心',
      name: '刘经理',
      phone: '13792810077',
      company: '青岛蓝海投资管理有限公司',
      status: 'closed',
      daysAgo: 20,
      area: 500,
      message: '已看房，暂不考虑。',
    },
    {
      building: '江西路数字经济园',
      name: '赵女士',
      phone: '15066230456',
      company: '青岛同创信息技术有限公司',
      status: 'pending',
      daysAgo: 0,
      area: 200,
      message: '咨询房租补贴政策和可入驻时间。',
    },
  ];
  const viewing: Insertable<ViewingRequestTable>[] = requests.map((r) => {
    const created = new Date(nowDate.getTime() - r.daysAgo * 86_400_000 - 3 * 3_600_000).toISOString();
    return {
      id: c.id(),
      buildingId: idByName.get(r.building)!,
      spaceId: vacantIn(r.building)?.id ?? null,
      userId: r.demo ? (demoUser?.id ?? null) : null,
      enterpriseId: r.demo ? primaryId : null,
      name: r.name,
      phone: r.phone,
      company: r.company,
      preferredDate: addDays(today, r.daysAgo > 3 ? -r.daysAgo + 2 : 3),
      areaNeeded: r.area,
      message: r.message,
      status: r.status,
      handledBy: r.status === 'pending' ? null : c.editorId,
      handlerNote:
        r.status === 'pending'
          ? null
          : r.status === 'closed'
            ? '客户暂不考虑，已记录需求'
            : '已电话联系，约定看房时间',
      createdAt: created,
      updatedAt: created,
    };
  });
  await insertBatched(trx, 'viewingRequests', viewing);
  if (demoUser) {
    await insertBatched(
      trx,
      'buildingFavourites',
      ['燕儿岛路数字产业园', '珠海路创新中心'].map((name, i) => ({
        userId: demoUser.id,
        buildingId: idByName.get(name)!,
        createdAt: new Date(nowDate.getTime() - (i + 2) * 86_400_000).toISOString(),
      })),
    );
  }

  // ——— heat: views, favourites and viewing requests over the last three weeks, decayed (heat.ts) ———
  const heatRows: Insertable<Database['buildingHeat']>[] = [];
  for (const [bi, s] of specs.entries()) {
    const buildingId = idByName.get(s.name)!;
    // A long tail: a few landmark buildings draw most of the interest.
    const pull = (s.grade === 'super_a' ? 3 : s.grade === 'a' ? 1.6 : 1) * rng.next() ** 2;
    const views = Math.round(pull * 60);
    const favourites =
      Math.round(pull * 5) + (s.name === '燕儿岛路数字产业园' || s.name === '珠海路创新中心' ? 1 : 0);
    const reqs = viewing.filter((v) => v.buildingId === buildingId);
    const events: HeatEvent[] = [
      ...Array.from({ length: views }, () => ({
        kind: 'view' as const,
        at: nowDate.getTime() - rng.int(0, 21 * 86_400) * 1000,
      })),
      ...Array.from({ length: favourites }, () => ({
        kind: 'favourite' as const,
        at: nowDate.getTime() - rng.int(0, 21 * 86_400) * 1000,
      })),
      ...reqs.map((v) => ({ kind: 'viewing_request' as const, at: v.createdAt as string })),
    ];
    if (events.length === 0) continue;
    events.sort((x, y) => Number(new Date(x.at)) - Number(new Date(y.at)));
    let state: HeatState = EMPTY_HEAT;
    for (const e of events) state = addHeatEvent(state, e);
    const key = heatSortKey(state);
    heatRows.push({
      buildingId,
      score: state.score,
      lastAt: state.lastAt!,
      sortKey: key,
      views,
      favourites,
      viewingRequests: reqs.length,
    });
    buildings[bi]!.heatSortKey = key;
  }
  await insertBatched(trx, 'buildingHeat', heatRows);
  for (const h of heatRows)
    await trx
      .updateTable('buildings')
      .set({ heatSortKey: h.sortKey })
      .where('id', '=', h.buildingId)
      .execute();

  const ids = [...idByName.values()];
  await refreshBuildingDerived(trx, ids, now);
  await indexBuildings(trx, new SearchIndex(trx, c.dialect, c.clock), ids);

  return {
    buildings: buildings.length,
    buildingSpaces: spaces.length,
    buildingOccupants: occupants.length,
    buildingProjects: projects.length,
    viewingRequests: viewing.length,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
