import type { Insertable } from 'kysely';
import type { NotificationKind } from '../../../shared/notifications';
import type { ClaimStatus, PolicyLevel, PolicyTopic, ProgramMode } from '../../../shared/policies';
import {
  type AmountFormula,
  type ConditionNode,
  DEFAULT_FACT_CATALOGUE,
  type EnterpriseFacts,
  type FactCatalogue,
  formatAmountEstimate,
  formatYuan,
  type LeafCondition,
  POLICY_QUALIFICATION_KINDS,
  type Quantity,
  type RuleSet,
  type YearRef,
} from '../../../shared/policy-rules';
import { InAppChannel } from '../../modules/notifications';
import {
  ALL_FACTS,
  amountTextOf,
  compileRule,
  type DocumentRow,
  factSnapshot,
  type InterpretationRow,
  indexCatalogue,
  loadEnterpriseFacts,
  PolicyIndexer,
  PROGRAM_FIXTURES,
  type ProgramRow,
  prepareFacts,
  ruleFactKeys,
  sanitizeRichText,
  validateRuleSet,
} from '../../modules/policies';
import type { Clock } from '../../platform/clock';
import { SearchIndex } from '../../platform/text/search-index';
import type { DB } from '../database';
import { type Dialect, toJson } from '../dialect';
import type { Database, PolicyClaimEventTable, PolicyClaimTable } from '../schema';
import { DEMO_PRIMARY_ENTERPRISE } from './accounts';
import { DEMO_AS_OF } from './enterprises';
import { addDays } from './random';
import { DEMO_QUALIFICATION_KINDS, DEMO_STREETS, DEPT } from './reference';

/**
 * The demo policies of a 市南区-like district (SPEC §2.3): 13 documents (district documents with 文号 青南政发〔…〕,
 * a few city, provincial and national ones for context), plain-language interpretations of the main ones, and 31
 * benefit programs — the engine's ten fixtures plus the kinds a coastal service-economy district runs (纳税贡献,
 * 总部企业, 楼宇经济, 上市, 人才与就业, 知识产权, 商贸外贸, 数字经济, 海洋与文旅, 融资贴息) — with eligibility rules
 * and amount formulas as data. Application windows are spread over 2026: some closed (their claims were paid and
 * are on the public notice list), some open on DEMO_AS_OF (2026-11-01) through the end of November, some
 * year-round, some opening in December. 免申即享 programs with an open window carry the candidate list the
 * platform computed; the demo enterprises have claims in every state (the market-regulation handler's review
 * queue is not empty). Texts and numbers are invented for the demo, modelled on real district policies.
 */

const WAN = 10_000;
const LAST: YearRef = { ref: 'evaluation', offset: -1 };
const PREV: YearRef = { ref: 'evaluation', offset: -2 };
const REWARD: YearRef = { ref: 'reward', offset: 0 };
const yearly = (
  metric: 'revenue' | 'taxPaid' | 'rdSpending' | 'exports',
  year: YearRef = LAST,
): Quantity => ({
  of: 'yearly',
  metric,
  year,
});
const LAWFUL: LeafCondition = {
  id: 'lawful',
  label: '依法合规经营，无严重失信行为',
  kind: 'manual',
  hint: '查验信用中国、国家企业信用信息公示系统',
};
const cmp = (
  id: string,
  label: string,
  quantity: Quantity,
  op: '>=' | '>',
  value: number,
): LeafCondition => ({
  id,
  label,
  kind: 'compare',
  quantity,
  op,
  value,
});
const qual = (
  id: string,
  label: string,
  qualification: string,
  extra: Partial<Extract<LeafCondition, { kind: 'qualification' }>> = {},
): LeafCondition => ({ id, label, kind: 'qualification', qualification, ...extra });
const industry = (id: string, label: string, values: string[]): LeafCondition => ({
  id,
  label,
  kind: 'membership',
  field: 'industryCode',
  values,
});
const sizes = (values: string[]): LeafCondition => ({
  id: 'size',
  label: '属于中小微企业',
  kind: 'membership',
  field: 'sizeClass',
  values,
});
const fixed = (yuan: number): AmountFormula => ({ kind: 'fixed', amount: yuan });
const rules = (all: ConditionNode[], amount?: AmountFormula): RuleSet => ({
  schemaVersion: 1,
  conditions: { id: 'root', all },
  ...(amount ? { amount } : {}),
});

interface DemoDocument {
  key: string;
  title: string;
  docNumber: string;
  issuer: string;
  level: PolicyLevel;
  topics: PolicyTopic[];
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  summary: string;
  body: string[];
}

const DISTRICT = '青岛市市南区人民政府';

export const DEMO_POLICY_DOCUMENTS: readonly DemoDocument[] = [
  {
    key: 'tech',
    title: '市南区支持科技创新发展若干政策',
    docNumber: '青南政发〔2024〕12号',
    issuer: DISTRICT,
    level: 'district',
    topics: ['tech_innovation', 'ip'],
    issuedOn: '2024-03-18',
    effectiveOn: '2024-04-01',
    expiresOn: '2027-03-31',
    summary:
      '支持企业加大研发投入、培育高新技术企业和科技型中小企业，对研发费用增长给予补助，对新认定的科技企业给予奖励。',
    body: [
      '第一条 为深入实施创新驱动发展战略，强化企业科技创新主体地位，结合本区实际，制定本政策。',
      '第二条 研发投入补助。对有效期内的高新技术企业、科技型中小企业，上年度研发费用比前年增长10%以上的，按研发费用增量的10%给予补助，单个企业最高150万元。',
      '第三条 高新技术企业认定奖励。对首次认定的高新技术企业奖励30万元，重新认定的奖励15万元。',
      '第四条 科技型中小企业入库奖励。对首次入库的科技型中小企业一次性奖励2万元。',
      '第五条 瞪羚、独角兽企业奖励。对新认定的瞪羚企业奖励20万元，对新认定的独角兽企业奖励500万元。',
      '第六条 本政策与区内其他同类政策有重复的，按照就高不重复的原则执行。',
    ],
  },
  {
    key: 'growth',
    title: '市南区促进经济高质量发展若干政策',
    docNumber: '青南政发〔2025〕3号',
    issuer: DISTRICT,
    level: 'district',
    topics: ['growth', 'headquarters', 'tax_relief'],
    issuedOn: '2025-01-20',
    effectiveOn: '2025-01-20',
    expiresOn: '2027-12-31',
    summary: '对首次入统、营业收入跃升、纳税贡献突出的企业和总部企业给予奖励，对总部企业办公用房给予补贴。',
    body: [
      '第一条 首次入统奖励。对奖励年度首次纳入规模以上统计的企业奖励10万元，营业收入达到5000万元、1亿元的，分别奖励15万元、20万元。',
      '第二条 营收跃升奖励。营业收入首次突破1亿元的奖励20万元；营业收入每增加1亿元奖励5万元，最高50万元，两项就高不重复。',
      '第三条 纳税贡献奖励。上年度在区纳税1000万元以上的企业，按1000万元、3000万元、1亿元三档分别奖励10万元、30万元、100万元。',
      '第四条 总部企业奖励。对认定的总部企业，按上年度营业收入1亿元、5亿元、10亿元三档分别奖励50万元、100万元、200万元。',
      '第五条 总部企业办公用房补贴。总部企业租用自用办公用房1000平方米以上的，按每平方米每月20元给予补贴，最长12个月，最高200万元。',
    ],
  },
  {
    key: 'building',
    title: '市南区关于推进楼宇经济高质量发展的实施意见',
    docNumber: '青南政办发〔2024〕18号',
    issuer: '青岛市市南区人民政府办公室',
    level: 'district',
    topics: ['building_economy', 'investment'],
    issuedOn: '2024-06-05',
    effectiveOn: '2024-07-01',
    expiresOn: '2027-06-30',
    summary: '对新落户重点产业楼宇的企业给予租金补贴和经济贡献奖励，打造亿元楼、千万元楼。',
    body: [
      '一、总体目标。到2026年，全区税收亿元楼达到30座以上，千万元楼达到80座以上。',
      '二、租金补贴。对新落户重点产业楼宇、租用办公面积300平方米以上的企业，按实际租金的30%给予补贴，每平方米每月最高20元，最长24个月。',
      '三、经济贡献奖励。对上年度新落户本区、在区纳税100万元以上的企业，按其纳税额的20%给予奖励，最高100万元。',
    ],
  },
  {
    key: 'listing',
    title: '市南区支持企业上市挂牌若干措施',
    docNumber: '青南政发〔2025〕9号',
    issuer: DISTRICT,
    level: 'district',
    topics: ['listing', 'finance'],
    issuedOn: '2025-04-10',
    effectiveOn: '2025-04-10',
    expiresOn: null,
    summary: '对完成上市辅导备案、在境内外证券交易所上市的企业分阶段给予奖励。',
    body: [
      '第一条 对在证监局完成上市辅导备案的企业奖励50万元。',
      '第二条 对在境内证券交易所首发上市的企业，扣除辅导备案阶段已获奖励后，累计奖励最高500万元。',
    ],
  },
  {
    key: 'talent',
    title: '市南区人才引进与就业创业扶持办法',
    docNumber: '青南人社发〔2025〕6号',
    issuer: '青岛市市南区人力资源和社会保障局',
    level: 'district',
    topics: ['talent', 'employment'],
    issuedOn: '2025-02-28',
    effectiveOn: '2025-03-01',
    expiresOn: '2027-12-31',
    summary: '对企业引进人才给予住房补贴，对小微企业吸纳就业、初创企业和创业担保贷款给予补贴和贴息。',
    body: [
      '第一条 人才住房补贴。企业引进的在本区无自有住房的人才，每人每月补贴2000元，最长36个月。',
      '第二条 创业担保贷款贴息。对获得创业担保贷款并按期还本付息的小微企业，按已付利息的50%给予贴息，最高15万元。',
      '第三条 吸纳就业补贴。小微企业新招用符合条件人员并缴纳社会保险的，每人补贴1000元，最高10万元。',
      '第四条 一次性创业补贴。对成立不满3年的小微企业，给予一次性创业补贴1万元。',
    ],
  },
  {
    key: 'ip',
    title: '市南区知识产权强区建设专项资金管理办法',
    docNumber: '青南市监发〔2025〕4号',
    issuer: '青岛市市南区市场监督管理局',
    level: 'district',
    topics: ['ip', 'tech_innovation'],
    issuedOn: '2025-05-16',
    effectiveOn: '2025-06-01',
    expiresOn: '2028-05-31',
    summary: '对发明专利创造、商标品牌培育和知识产权质押融资给予奖励和贴息。',
    body: [
      '第一条 知识产权创造奖励。发明专利5件以上的高新技术企业，按每件1万元奖励，最高20万元。',
      '第二条 商标品牌奖励。拥有注册商标10件以上、形成品牌体系的企业奖励2万元。',
      '第三条 知识产权质押融资贴息。以专利权、商标权质押获得贷款并按期还款的，按已付利息的50%给予贴息，最高20万元。',
    ],
  },
  {
    key: 'commerce',
    title: '市南区促进商贸流通和消费升级若干措施',
    docNumber: '青南商务发〔2025〕11号',
    issuer: '青岛市市南区商务局',
    level: 'district',
    topics: ['commerce', 'foreign_trade'],
    issuedOn: '2025-07-08',
    effectiveOn: '2025-07-08',
    expiresOn: '2027-07-07',
    summary: '对营业收入增长的限上商贸企业、出口规模较大的外贸和跨境电商企业给予奖励。',
    body: [
      '第一条 限上商贸企业增长奖励。批发零售企业上年度营业收入2000万元以上、增长10%以上的，营业收入每增加1000万元奖励2万元，最高30万元。',
      '第二条 外贸出口奖励。上年度出口额500万元以上的企业，按出口额的1%给予奖励，最高50万元。',
    ],
  },
  {
    key: 'digital',
    title: '市南区加快数字经济发展若干政策',
    docNumber: '青南政发〔2026〕2号',
    issuer: DISTRICT,
    level: 'district',
    topics: ['digital_economy', 'tech_innovation'],
    issuedOn: '2026-01-15',
    effectiveOn: '2026-01-15',
    expiresOn: '2028-12-31',
    summary: '支持软件和信息技术服务企业做大做强，对中小企业数字化转型给予补贴。',
    body: [
      '第一条 软件企业营收增长奖励。软件和信息技术服务企业上年度营业收入1000万元以上且增长20%以上的，按营业收入规模分档奖励，最高50万元。',
      '第二条 数字化转型补贴。中小企业实施数字化改造项目并通过验收的，给予10万元补贴。',
    ],
  },
  {
    key: 'specialized',
    title: '市南区专精特新中小企业梯度培育实施方案',
    docNumber: '青南工信发〔2025〕7号',
    issuer: '青岛市市南区工业和信息化局',
    level: 'district',
    topics: ['specialized', 'growth'],
    issuedOn: '2025-03-12',
    effectiveOn: '2025-03-12',
    expiresOn: '2027-12-31',
    summary:
      '构建创新型中小企业、专精特新中小企业、专精特新“小巨人”企业梯度培育体系，对新认定企业免申即享奖励。',
    body: [
      '一、创新型中小企业。对新认定的创新型中小企业奖励5万元。',
      '二、专精特新中小企业。对新认定的省级专精特新中小企业一次性奖励10万元。',
      '三、专精特新“小巨人”企业。对新认定的国家级专精特新“小巨人”企业奖励50万元，与市级奖励合计不超过80万元。',
      '四、以上奖励实行免申即享，由区工业和信息化局根据认定名单直接兑现，企业在线确认即可。',
    ],
  },
  {
    key: 'marine',
    title: '市南区支持海洋经济和文化旅游融合发展若干措施',
    docNumber: '青南政发〔2026〕5号',
    issuer: DISTRICT,
    level: 'district',
    topics: ['marine', 'culture_tourism'],
    issuedOn: '2026-02-20',
    effectiveOn: '2026-03-01',
    expiresOn: '2028-02-29',
    summary: '支持海洋科技企业研发，推动星级酒店提质升级，对文化企业贷款给予贴息。',
    body: [
      '第一条 海洋科技企业研发补助。海洋领域高新技术企业上年度研发投入200万元以上的，按研发投入的5%给予补助，最高100万元。',
      '第二条 星级酒店提质奖励。上年度营业收入1000万元以上、获评四星级以上旅游饭店的，奖励10万元。',
      '第三条 文化企业贷款贴息。文化、体育和娱乐业企业按期还本付息的，按已付利息的50%给予贴息，最高30万元。',
    ],
  },
  {
    key: 'finance',
    title: '市南区中小企业融资支持办法',
    docNumber: '青南金融发〔2025〕2号',
    issuer: '青岛市市南区金融服务中心',
    level: 'district',
    topics: ['finance'],
    issuedOn: '2025-09-01',
    effectiveOn: '2025-09-01',
    expiresOn: '2027-08-31',
    summary: '对纳税信用A级的中小企业银行贷款给予贴息，缓解融资难、融资贵。',
    body: ['第一条 对纳税信用等级为A级、按期还本付息的中小企业，按已付贷款利息的30%给予贴息，最高10万元。'],
  },
  {
    key: 'city_private',
    title: '青岛市关于促进民营经济高质量发展的若干措施',
    docNumber: '青政发〔2025〕8号',
    issuer: '青岛市人民政府',
    level: 'municipal',
    topics: ['finance', 'growth'],
    issuedOn: '2025-05-06',
    effectiveOn: '2025-05-06',
    expiresOn: '2027-12-31',
    summary: '从市场准入、要素保障、融资支持、权益保护等方面支持民营经济发展壮大。',
    body: [
      '一、持续破除市场准入壁垒，清理妨碍公平竞争的规定和做法。',
      '二、加大融资支持力度，扩大首贷、信用贷、续贷规模。',
      '三、完善涉企政策兑现机制，推行“免申即享”“直达快享”。',
    ],
  },
  {
    key: 'national_rd',
    title: '关于进一步完善研发费用税前加计扣除政策的公告',
    docNumber: '财税〔2023〕7号',
    issuer: '财政部 税务总局',
    level: 'national',
    topics: ['tax_relief', 'tech_innovation'],
    issuedOn: '2023-03-26',
    effectiveOn: '2023-01-01',
    expiresOn: null,
    summary:
      '企业开展研发活动中实际发生的研发费用，未形成无形资产的，在按规定据实扣除的基础上，再按实际发生额的100%在税前加计扣除。',
    body: [
      '一、企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，自2023年1月1日起，再按照实际发生额的100%在税前加计扣除；形成无形资产的，自2023年1月1日起，按照无形资产成本的200%在税前摊销。',
      '二、企业享受研发费用加计扣除政策的其他政策口径和管理要求，按照相关规定执行。',
    ],
  },
];

interface DemoProgram {
  key: string;
  document: string;
  title: string;
  summary: string;
  beneficiaries: string;
  mode: ProgramMode;
  department: string;
  /** 元; null: no cap. */
  budget: number | null;
  window: [string, string] | null;
  materials: { name: string; required: boolean; note?: string }[];
  rules: RuleSet;
}

const fixture = (key: string) => {
  const f = PROGRAM_FIXTURES.find((x) => x.key === key);
  if (!f) throw new Error(`unknown program fixture ${key}`);
  return f;
};

const APPLICATION_FORM = { name: '申请表', required: true };
const FINANCIALS = {
  name: '上年度财务报表',
  required: true,
  note: '经审计的年度财务报告或报送统计部门的财务报表',
};

/** Open on DEMO_AS_OF and through the end of November 2026. */
const OPEN: [string, string] = ['2026-10-15', '2026-12-15'];
const OPEN_LATE: [string, string] = ['2026-11-01', '2026-12-31'];

function fromFixture(
  key: string,
  document: string,
  over: Omit<DemoProgram, 'key' | 'document' | 'title' | 'summary' | 'mode' | 'department' | 'rules'>,
): DemoProgram {
  const f = fixture(key);
  return {
    key,
    document,
    title: f.title,
    summary: f.summary,
    mode: f.mode,
    department: f.department,
    rules: f.rules,
    ...over,
  };
}

export const DEMO_POLICY_PROGRAMS: readonly DemoProgram[] = [
  // 科技创新
  fromFixture('high_tech_award', 'tech', {
    beneficiaries: '奖励年度通过高新技术企业认定（含重新认定）的本区企业，房地产业、金融业除外',
    budget: 600 * WAN,
    window: OPEN,
    materials: [],
  }),
  fromFixture('rd_subsidy', 'tech', {
    beneficiaries: '有效期内的高新技术企业、科技型中小企业，上年度研发投入100万元以上且增长10%以上',
    budget: 2000 * WAN,
    window: OPEN_LATE,
    materials: [APPLICATION_FORM, { name: '研发费用专项审计报告', required: true }, FINANCIALS],
  }),
  {
    key: 'tech_sme_award',
    document: 'tech',
    title: '科技型中小企业入库奖励',
    summary: '对奖励年度首次入库的科技型中小企业一次性奖励2万元，免申即享。',
    beneficiaries: '奖励年度首次通过科技型中小企业评价入库的本区企业',
    mode: 'no_application',
    department: DEPT.science,
    budget: 100 * WAN,
    window: OPEN,
    materials: [],
    rules: rules(
      [
        qual('tsme_first', '奖励年度首次入库科技型中小企业', 'tech_sme', {
          recognizedIn: REWARD,
          recognition: 'first',
        }),
        LAWFUL,
      ],
      fixed(2 * WAN),
    ),
  },
  {
    key: 'gazelle_award',
    document: 'tech',
    title: '瞪羚企业认定奖励',
    summary: '对奖励年度新认定的瞪羚企业奖励20万元。',
    beneficiaries: '奖励年度新认定为瞪羚企业的本区企业',
    mode: 'quick_application',
    department: DEPT.science,
    budget: 200 * WAN,
    window: ['2026-06-01', '2026-07-15'],
    materials: [APPLICATION_FORM],
    rules: rules(
      [qual('gazelle_new', '奖励年度新认定为瞪羚企业', 'gazelle', { recognizedIn: REWARD }), LAWFUL],
      fixed(20 * WAN),
    ),
  },
  {
    key: 'unicorn_award',
    document: 'tech',
    title: '独角兽企业认定奖励',
    summary: '对奖励年度新认定的独角兽企业奖励500万元。',
    beneficiaries: '奖励年度新认定为独角兽企业（含潜在独角兽）的本区企业',
    mode: 'standard_application',
    department: DEPT.science,
    budget: 1000 * WAN,
    window: ['2026-12-15', '2027-01-31'],
    materials: [APPLICATION_FORM, { name: '独角兽企业认定文件', required: true }],
    rules: rules(
      [qual('unicorn_new', '奖励年度新认定为独角兽企业', 'unicorn', { recognizedIn: REWARD }), LAWFUL],
      fixed(500 * WAN),
    ),
  },
  // 高质量发展与总部经济
  fromFixture('above_scale_award', 'growth', {
    beneficiaries: '奖励年度首次纳入规模以上统计、统计关系在本区的企业',
    budget: 300 * WAN,
    window: ['2026-03-01', '2026-04-30'],
    materials: [],
  }),
  fromFixture('revenue_leap_award', 'growth', {
    beneficiaries: '奖励年度营业收入首次突破1亿元或增加1亿元以上、在区纳税100万元以上的企业',
    budget: 500 * WAN,
    window: ['2026-04-15', '2026-05-31'],
    materials: [APPLICATION_FORM, FINANCIALS],
  }),
  {
    key: 'tax_contribution_award',
    document: 'growth',
    title: '纳税贡献奖励',
    summary:
      '上年度在区纳税1000万元以上的企业，按1000万元、3000万元、1亿元三档分别奖励10万元、30万元、100万元。',
    beneficiaries: '上年度在本区纳税1000万元以上的企业',
    mode: 'quick_application',
    department: DEPT.finance,
    budget: 1500 * WAN,
    window: OPEN,
    materials: [APPLICATION_FORM, { name: '完税证明', required: true }],
    rules: rules(
      [cmp('tax_10m', '上年度在区纳税不低于1000万元', yearly('taxPaid'), '>=', 1000 * WAN), LAWFUL],
      {
        kind: 'tiers',
        quantity: yearly('taxPaid'),
        tiers: [
          { atLeast: 1000 * WAN, amount: fixed(10 * WAN), label: '纳税1000万元以上' },
          { atLeast: 3000 * WAN, amount: fixed(30 * WAN), label: '纳税3000万元以上' },
          { atLeast: 10_000 * WAN, amount: fixed(100 * WAN), label: '纳税1亿元以上' },
        ],
      },
    ),
  },
  {
    key: 'headquarters_award',
    document: 'growth',
    title: '总部企业奖励',
    summary: '对认定的总部企业，按上年度营业收入1亿元、5亿元、10亿元三档分别奖励50万元、100万元、200万元。',
    beneficiaries: '经认定的总部企业，上年度营业收入1亿元以上',
    mode: 'standard_application',
    department: DEPT.development,
    budget: 800 * WAN,
    window: ['2026-05-01', '2026-06-30'],
    materials: [APPLICATION_FORM, FINANCIALS, { name: '总部企业认定文件', required: true }],
    rules: rules(
      [
        qual('hq', '经认定的总部企业', 'headquarters'),
        cmp('rev_100m', '上年度营业收入不低于1亿元', yearly('revenue'), '>=', 10_000 * WAN),
        LAWFUL,
      ],
      {
        kind: 'tiers',
        quantity: yearly('revenue'),
        tiers: [
          { atLeast: 10_000 * WAN, amount: fixed(50 * WAN), label: '营业收入1亿元以上' },
          { atLeast: 50_000 * WAN, amount: fixed(100 * WAN), label: '营业收入5亿元以上' },
          { atLeast: 100_000 * WAN, amount: fixed(200 * WAN), label: '营业收入10亿元以上' },
        ],
      },
    ),
  },
  {
    key: 'headquarters_rent',
    document: 'growth',
    title: '总部企业办公用房补贴',
    summary: '总部企业租用自用办公用房1000平方米以上的，按每平方米每月20元补贴，最长12个月，最高200万元。',
    beneficiaries: '经认定的总部企业，租用本区自用办公用房1000平方米以上',
    mode: 'standard_application',
    department: DEPT.investment,
    budget: 600 * WAN,
    window: null,
    materials: [
      APPLICATION_FORM,
      { name: '房屋租赁合同', required: true },
      { name: '租金支付凭证', required: true },
    ],
    rules: rules(
      [
        qual('hq', '经认定的总部企业', 'headquarters'),
        cmp(
          'area',
          '租用自用办公面积不少于1000平方米',
          { of: 'measure', measure: 'rented_area' },
          '>=',
          1000,
        ),
        LAWFUL,
      ],
      {
        kind: 'clamp',
        max: 200 * WAN,
        amount: {
          kind: 'monthly',
          perMonth: {
            kind: 'perUnit',
            quantity: { of: 'measure', measure: 'rented_area' },
            unitSize: 1,
            amountPerUnit: 20,
          },
          months: { of: 'measure', measure: 'lease_months' },
          maxMonths: 12,
        },
      },
    ),
  },
  // 楼宇经济
  fromFixture('building_rent_subsidy', 'building', {
    beneficiaries: '新落户本区重点产业楼宇、租用办公面积300平方米以上的企业',
    budget: 800 * WAN,
    window: OPEN,
    materials: [
      APPLICATION_FORM,
      { name: '房屋租赁合同', required: true },
      { name: '租金支付凭证', required: true },
    ],
  }),
  {
    key: 'building_contribution_award',
    document: 'building',
    title: '楼宇新落户企业经济贡献奖励',
    summary: '上年度新落户本区、在区纳税100万元以上的企业，按纳税额的20%奖励，最高100万元。',
    beneficiaries: '上年度新落户本区，在区纳税100万元以上的企业',
    mode: 'quick_application',
    department: DEPT.investment,
    budget: 500 * WAN,
    window: ['2026-02-01', '2026-03-31'],
    materials: [APPLICATION_FORM, { name: '完税证明', required: true }],
    rules: rules(
      [
        {
          id: 'settled_last_year',
          label: '上年度新落户本区',
          kind: 'date',
          subject: { of: 'event', event: 'settled' },
          test: { op: 'inYear', year: LAST },
        },
        cmp('tax_1m', '上年度在区纳税不低于100万元', yearly('taxPaid'), '>=', 100 * WAN),
        LAWFUL,
      ],
      { kind: 'rate', percent: 20, base: yearly('taxPaid'), cap: 100 * WAN },
    ),
  },
  // 上市
  fromFixture('listing_award', 'listing', {
    beneficiaries: '在境内外证券交易所首发上市的本区企业',
    budget: 1500 * WAN,
    window: null,
    materials: [APPLICATION_FORM, { name: '上市公告书', required: true }],
  }),
  {
    key: 'listing_tutoring_award',
    document: 'listing',
    title: '上市辅导备案奖励',
    summary: '对在证监局完成上市辅导备案的企业奖励50万元。',
    beneficiaries: '在中国证监会派出机构完成上市辅导备案的本区企业',
    mode: 'standard_application',
    department: DEPT.financialServices,
    budget: 300 * WAN,
    window: null,
    materials: [APPLICATION_FORM, { name: '辅导备案确认文件', required: true }],
    rules: rules(
      [
        { id: 'tutoring', label: '已在证监局完成上市辅导备案', kind: 'flag', flag: 'listing_tutoring_filed' },
        LAWFUL,
      ],
      fixed(50 * WAN),
    ),
  },
  // 人才与就业创业
  fromFixture('talent_housing', 'talent', {
    beneficiaries: '本区企业引进的、在本区无自有住房的人才',
    budget: 1000 * WAN,
    window: null,
    materials: [
      APPLICATION_FORM,
      { name: '人才花名册及劳动合同', required: true },
      { name: '无房证明', required: true },
    ],
  }),
  fromFixture('startup_loan_interest', 'talent', {
    beneficiaries: '获得创业担保贷款并按期还本付息的小微企业',
    budget: 200 * WAN,
    window: null,
    materials: [APPLICATION_FORM, { name: '贷款合同及付息凭证', required: true }],
  }),
  {
    key: 'employment_subsidy',
    document: 'talent',
    title: '小微企业吸纳就业补贴',
    summary: '小微企业新招用符合条件人员并缴纳社会保险的，每人补贴1000元，最高10万元。',
    beneficiaries: '新招用高校毕业生、就业困难人员并为其缴纳社会保险的小微企业',
    mode: 'quick_application',
    department: DEPT.hrss,
    budget: 150 * WAN,
    window: ['2026-07-01', '2026-08-31'],
    materials: [APPLICATION_FORM, { name: '新招用人员花名册', required: true }],
    rules: rules(
      [
        sizes(['small', 'micro']),
        cmp('hired', '新招用符合条件人员1人以上', { of: 'measure', measure: 'talent_count' }, '>=', 1),
        LAWFUL,
      ],
      {
        kind: 'perUnit',
        quantity: { of: 'measure', measure: 'talent_count' },
        unitSize: 1,
        amountPerUnit: 1000,
        cap: 10 * WAN,
      },
    ),
  },
  {
    key: 'startup_subsidy',
    document: 'talent',
    title: '初创企业一次性创业补贴',
    summary: '对成立不满3年的小微企业给予一次性创业补贴1万元。',
    beneficiaries: '成立不满3年、正常经营的小微企业',
    mode: 'quick_application',
    department: DEPT.hrss,
    budget: 100 * WAN,
    window: ['2026-08-01', '2026-09-30'],
    materials: [APPLICATION_FORM],
    rules: rules(
      [
        {
          id: 'young',
          label: '成立不满3年',
          kind: 'date',
          subject: { of: 'established' },
          test: { op: 'ageLessThan', years: 3 },
        },
        sizes(['small', 'micro']),
        LAWFUL,
      ],
      fixed(1 * WAN),
    ),
  },
  // 知识产权（区市场监督管理局审核）
  fromFixture('ip_award', 'ip', {
    beneficiaries: '发明专利5件以上（或发明与实用新型合计20件以上）、首次认定满3年的高新技术企业',
    budget: 300 * WAN,
    window: OPEN,
    materials: [APPLICATION_FORM, { name: '专利证书清单', required: true }],
  }),
  {
    key: 'trademark_award',
    document: 'ip',
    title: '商标品牌培育奖励',
    summary: '拥有注册商标10件以上、形成品牌体系的企业奖励2万元。',
    beneficiaries: '拥有有效注册商标10件以上的本区企业',
    mode: 'quick_application',
    department: DEPT.market,
    budget: 60 * WAN,
    window: OPEN,
    materials: [APPLICATION_FORM, { name: '商标注册证清单', required: true }],
    rules: rules(
      [cmp('trademarks', '拥有有效注册商标10件以上', { of: 'ip', kinds: ['trademark'] }, '>=', 10), LAWFUL],
      fixed(2 * WAN),
    ),
  },
  {
    key: 'ip_pledge_interest',
    document: 'ip',
    title: '知识产权质押融资贴息',
    summary: '以专利权、商标权质押获得贷款并按期还款的，按已付利息的50%贴息，最高20万元。',
    beneficiaries: '以知识产权质押方式获得银行贷款并按期还本付息的本区企业',
    mode: 'standard_application',
    department: DEPT.market,
    budget: 200 * WAN,
    window: null,
    materials: [
      APPLICATION_FORM,
      { name: '质押登记通知书', required: true },
      { name: '贷款合同及付息凭证', required: true },
    ],
    rules: rules(
      [
        { id: 'repaid', label: '按期还本付息', kind: 'flag', flag: 'loan_repaid_on_time' },
        cmp('interest', '已支付贷款利息', { of: 'measure', measure: 'loan_interest_paid' }, '>', 0),
        LAWFUL,
      ],
      { kind: 'rate', percent: 50, base: { of: 'measure', measure: 'loan_interest_paid' }, cap: 20 * WAN },
    ),
  },
  // 商贸外贸
  {
    key: 'retail_growth_award',
    document: 'commerce',
    title: '限上商贸企业增长奖励',
    summary: '批发零售企业上年度营业收入2000万元以上、增长10%以上的，每增加1000万元奖励2万元，最高30万元。',
    beneficiaries: '上年度营业收入2000万元以上、增长10%以上的批发和零售业企业',
    mode: 'quick_application',
    department: DEPT.commerce,
    budget: 300 * WAN,
    window: ['2026-09-01', '2026-10-15'],
    materials: [APPLICATION_FORM, FINANCIALS],
    rules: rules(
      [
        industry('trade', '属于批发和零售业', ['F']),
        cmp('rev_20m', '上年度营业收入不低于2000万元', yearly('revenue'), '>=', 2000 * WAN),
        cmp(
          'growth_10',
          '上年度营业收入增长10%以上',
          { of: 'growth', metric: 'revenue', from: PREV, to: LAST },
          '>=',
          10,
        ),
        LAWFUL,
      ],
      {
        kind: 'perUnit',
        quantity: { of: 'increment', metric: 'revenue', from: PREV, to: LAST },
        unitSize: 1000 * WAN,
        amountPerUnit: 2 * WAN,
        cap: 30 * WAN,
      },
    ),
  },
  {
    key: 'export_award',
    document: 'commerce',
    title: '外贸和跨境电商出口奖励',
    summary: '上年度出口额500万元以上的企业，按出口额的1%奖励，最高50万元。',
    beneficiaries: '上年度出口额500万元以上的外贸、跨境电商企业',
    mode: 'quick_application',
    department: DEPT.commerce,
    budget: 400 * WAN,
    window: OPEN,
    materials: [APPLICATION_FORM, { name: '海关出口数据', required: true }],
    rules: rules(
      [cmp('exports_5m', '上年度出口额不低于500万元', yearly('exports'), '>=', 500 * WAN), LAWFUL],
      { kind: 'rate', percent: 1, base: yearly('exports'), cap: 50 * WAN },
    ),
  },
  // 数字经济
  {
    key: 'software_growth_award',
    document: 'digital',
    title: '软件和信息技术服务企业营收增长奖励',
    summary:
      '软件和信息技术服务企业上年度营业收入1000万元以上且增长20%以上的，按规模分档奖励10万、30万、50万元。',
    beneficiaries: '上年度营业收入1000万元以上、增长20%以上的软件和信息技术服务业企业',
    mode: 'quick_application',
    department: DEPT.industry,
    budget: 500 * WAN,
    window: OPEN_LATE,
    materials: [APPLICATION_FORM, FINANCIALS],
    rules: rules(
      [
        industry('software', '属于软件和信息技术服务业', ['65']),
        cmp('rev_10m', '上年度营业收入不低于1000万元', yearly('revenue'), '>=', 1000 * WAN),
        cmp(
          'growth_20',
          '上年度营业收入增长20%以上',
          { of: 'growth', metric: 'revenue', from: PREV, to: LAST },
          '>=',
          20,
        ),
        LAWFUL,
      ],
      {
        kind: 'tiers',
        quantity: yearly('revenue'),
        tiers: [
          { atLeast: 1000 * WAN, amount: fixed(10 * WAN), label: '营业收入1000万元以上' },
          { atLeast: 5000 * WAN, amount: fixed(30 * WAN), label: '营业收入5000万元以上' },
          { atLeast: 10_000 * WAN, amount: fixed(50 * WAN), label: '营业收入1亿元以上' },
        ],
      },
    ),
  },
  {
    key: 'digital_transformation',
    document: 'digital',
    title: '中小企业数字化转型补贴',
    summary: '中小企业实施数字化改造项目并通过验收的，给予10万元补贴。',
    beneficiaries: '实施数字化改造项目并通过验收的本区中小企业',
    mode: 'standard_application',
    department: DEPT.industry,
    budget: 300 * WAN,
    window: ['2026-12-01', '2027-01-31'],
    materials: [
      APPLICATION_FORM,
      { name: '项目验收报告', required: true },
      { name: '投资凭证', required: true },
    ],
    rules: rules(
      [
        sizes(['medium', 'small', 'micro']),
        { id: 'project', label: '数字化改造项目已通过验收', kind: 'manual', hint: '核对验收报告与投资凭证' },
        LAWFUL,
      ],
      fixed(10 * WAN),
    ),
  },
  // 专精特新（免申即享）
  fromFixture('specialized_sme_award', 'specialized', {
    beneficiaries: '奖励年度新认定的省级专精特新中小企业',
    budget: 300 * WAN,
    window: OPEN,
    materials: [],
  }),
  fromFixture('little_giant_award', 'specialized', {
    beneficiaries: '奖励年度新认定的国家级专精特新“小巨人”企业',
    budget: 300 * WAN,
    window: OPEN,
    materials: [],
  }),
  {
    key: 'innovative_sme_award',
    document: 'specialized',
    title: '创新型中小企业认定奖励',
    summary: '对奖励年度新认定的创新型中小企业奖励5万元，免申即享。',
    beneficiaries: '奖励年度新认定的创新型中小企业',
    mode: 'no_application',
    department: DEPT.industry,
    budget: 150 * WAN,
    window: OPEN,
    materials: [],
    rules: rules(
      [
        qual('innovative_new', '奖励年度新认定为创新型中小企业', 'innovative_sme', { recognizedIn: REWARD }),
        sizes(['medium', 'small', 'micro']),
        LAWFUL,
      ],
      fixed(5 * WAN),
    ),
  },
  // 海洋与文旅
  {
    key: 'marine_rd_subsidy',
    document: 'marine',
    title: '海洋科技企业研发投入补助',
    summary: '海洋领域高新技术企业上年度研发投入200万元以上的，按研发投入的5%补助，最高100万元。',
    beneficiaries: '从事海洋工程、海洋生物、海洋仪器等领域研发的高新技术企业',
    mode: 'standard_application',
    department: DEPT.development,
    budget: 400 * WAN,
    window: ['2026-09-15', '2026-10-31'],
    materials: [APPLICATION_FORM, { name: '研发费用专项审计报告', required: true }],
    rules: rules(
      [
        industry('marine', '属于海洋科技相关行业', ['7320', '7452', '2761', '1495', '4023']),
        qual('ht', '高新技术企业（有效期内）', 'high_tech', { validAtEvaluation: true }),
        cmp('rd_2m', '上年度研发投入不低于200万元', yearly('rdSpending'), '>=', 200 * WAN),
        LAWFUL,
      ],
      { kind: 'rate', percent: 5, base: yearly('rdSpending'), cap: 100 * WAN },
    ),
  },
  {
    key: 'hotel_upgrade_award',
    document: 'marine',
    title: '星级酒店提质奖励',
    summary: '上年度营业收入1000万元以上、获评四星级以上旅游饭店的，奖励10万元。',
    beneficiaries: '上年度营业收入1000万元以上的四星级及以上旅游饭店',
    mode: 'standard_application',
    department: DEPT.commerce,
    budget: 100 * WAN,
    window: ['2026-03-15', '2026-04-15'],
    materials: [APPLICATION_FORM, { name: '星级饭店评定证书', required: true }],
    rules: rules(
      [
        industry('hotel', '属于住宿业（旅游饭店）', ['61']),
        cmp('rev_10m', '上年度营业收入不低于1000万元', yearly('revenue'), '>=', 1000 * WAN),
        { id: 'star', label: '获评四星级及以上旅游饭店', kind: 'manual', hint: '核对星级饭店评定证书' },
      ],
      fixed(10 * WAN),
    ),
  },
  {
    key: 'culture_loan_interest',
    document: 'marine',
    title: '文化企业贷款贴息',
    summary: '文化、体育和娱乐业企业按期还本付息的，按已付利息的50%贴息，最高30万元。',
    beneficiaries: '获得银行贷款并按期还本付息的文化、体育和娱乐业企业',
    mode: 'quick_application',
    department: DEPT.commerce,
    budget: 150 * WAN,
    window: ['2026-05-15', '2026-06-30'],
    materials: [APPLICATION_FORM, { name: '贷款合同及付息凭证', required: true }],
    rules: rules(
      [
        industry('culture', '属于文化、体育和娱乐业', ['R']),
        { id: 'repaid', label: '按期还本付息', kind: 'flag', flag: 'loan_repaid_on_time' },
        LAWFUL,
      ],
      { kind: 'rate', percent: 50, base: { of: 'measure', measure: 'loan_interest_paid' }, cap: 30 * WAN },
    ),
  },
  // 融资
  {
    key: 'credit_loan_interest',
    document: 'finance',
    title: '纳税信用A级企业贷款贴息',
    summary: '纳税信用A级、按期还本付息的中小企业，按已付利息的30%贴息，最高10万元。',
    beneficiaries: '纳税信用等级为A级、按期还本付息的本区中小企业',
    mode: 'quick_application',
    department: DEPT.financialServices,
    budget: 200 * WAN,
    window: ['2026-12-10', '2027-02-28'],
    materials: [APPLICATION_FORM, { name: '贷款合同及付息凭证', required: true }],
    rules: rules(
      [
        { id: 'credit_a', label: '纳税信用等级为A级', kind: 'flag', flag: 'tax_credit_a' },
        { id: 'repaid', label: '按期还本付息', kind: 'flag', flag: 'loan_repaid_on_time' },
        sizes(['medium', 'small', 'micro']),
      ],
      { kind: 'rate', percent: 30, base: { of: 'measure', measure: 'loan_interest_paid' }, cap: 10 * WAN },
    ),
  },
];

const INTERPRETATIONS: readonly {
  title: string;
  documents: string[];
  body: string[];
  qa: { question: string; answer: string }[];
}[] = [
  {
    title: '一图读懂：市南区支持科技创新发展若干政策',
    documents: ['tech', 'national_rd'],
    body: [
      '这份政策主要解决三件事：研发投入多了怎么补、认定了高新技术企业怎么奖、科技型中小企业入库怎么奖。',
      '研发投入补助看“增量”：上年度研发投入比前年多出来的部分，按10%补助，最多150万元。比如前年投入800万元、上年投入1000万元，增量200万元，可补助20万元。',
      '高新技术企业奖励实行“免申即享”：区科技局根据认定名单直接比对，企业只需在平台上确认申领。',
    ],
    qa: [
      {
        question: '研发投入补助需要提交哪些材料？',
        answer: '申请表、研发费用专项审计报告和上年度财务报表，全部在线上传，无需跑腿。',
      },
      {
        question: '重新认定的高新技术企业可以拿奖励吗？',
        answer: '可以，重新认定奖励15万元，首次认定奖励30万元。',
      },
      {
        question: '和国家研发费用加计扣除政策冲突吗？',
        answer: '不冲突。加计扣除是税收优惠，本政策是财政补助，可以同时享受。',
      },
    ],
  },
  {
    title: '政策解读：首次入统、营收跃升和纳税贡献奖励怎么算',
    documents: ['growth'],
    body: [
      '首次入统奖励面向奖励年度第一次纳入规模以上统计的企业，由区发展改革局根据统计名单直接兑现。',
      '营收跃升奖励有两种算法：首次突破1亿元奖励20万元；或按增量每1亿元奖励5万元，两者取高的一项。',
      '纳税贡献奖励按上年度在区纳税额分三档：1000万元以上奖励10万元，3000万元以上奖励30万元，1亿元以上奖励100万元。',
    ],
    qa: [
      {
        question: '营收跃升奖励和首次入统奖励可以同时拿吗？',
        answer: '可以，两项奖励条件不同，不属于重复奖励。',
      },
      { question: '纳税额怎么认定？', answer: '以区税务部门提供的企业上年度在区实际缴纳税额为准。' },
    ],
  },
  {
    title: '白话解读：专精特新企业梯度培育奖励“免申即享”',
    documents: ['specialized'],
    body: [
      '创新型中小企业、专精特新中小企业、专精特新“小巨人”企业，是企业成长的三级台阶。新认定一级，奖励一次。',
      '这三项奖励都不用申请：平台根据认定名单和企业档案自动比对，符合条件的企业会收到消息，点“确认申领”即可进入审核兑现。',
    ],
    qa: [
      {
        question: '没收到消息怎么办？',
        answer: '请先在“一企一档”中核对资质认定信息是否完整，或联系企业专员。',
      },
      {
        question: '小巨人企业的市级和区级奖励是什么关系？',
        answer: '区级奖励50万元，与市级奖励合计不超过80万元，市级已拨付的部分会相应扣减。',
      },
    ],
  },
  {
    title: '政策问答：人才住房补贴和创业扶持',
    documents: ['talent'],
    body: [
      '人才住房补贴每人每月2000元，最长36个月，由企业统一申报，按季度拨付。',
      '成立不满3年的小微企业可以申请一次性创业补贴1万元；获得创业担保贷款的，还可以申请贴息。',
    ],
    qa: [
      { question: '人才在本区有住房还能申请吗？', answer: '不能。住房补贴面向在本区无自有住房的人才。' },
      { question: '创业补贴需要缴纳社保吗？', answer: '需要企业正常经营并按规定为员工缴纳社会保险。' },
    ],
  },
  {
    title: '解读：研发费用税前加计扣除比例统一提高到100%',
    documents: ['national_rd'],
    body: [
      '自2023年1月1日起，所有符合条件的行业企业，研发费用都可以按实际发生额的100%在税前加计扣除；形成无形资产的，按成本的200%摊销。',
      '企业可以在预缴申报时享受，也可以在年度汇算清缴时统一享受。',
    ],
    qa: [
      {
        question: '哪些行业不能享受？',
        answer:
          '烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业等负面清单行业不适用。',
      },
    ],
  },
];

/** Claims of demo enterprises, in every state; amounts in 元 (null: the engine's estimate). */
interface DemoClaim {
  program: string;
  enterprise: string;
  status: Exclude<ClaimStatus, 'candidate' | 'withdrawn'>;
  submittedOn: string;
  amount?: number;
  note?: string;
  /** Facts answered on the claim form (what the profile does not hold). */
  answers?: Pick<EnterpriseFacts, 'flags' | 'measures' | 'events' | 'otherPayments'>;
}

const DEMO_CLAIMS: readonly DemoClaim[] = [
  // Closed windows earlier in 2026: reviewed and paid (公示).
  {
    program: 'above_scale_award',
    enterprise: '青岛远东电子商务有限公司',
    status: 'paid',
    submittedOn: '2026-03-12',
  },
  {
    program: 'above_scale_award',
    enterprise: '青岛汇通供应链管理有限公司',
    status: 'paid',
    submittedOn: '2026-03-15',
  },
  {
    program: 'gazelle_award',
    enterprise: '青岛启明星信息技术有限公司',
    status: 'paid',
    submittedOn: '2026-06-10',
  },
  {
    program: 'gazelle_award',
    enterprise: '青岛海藻源生物制品有限公司',
    status: 'paid',
    submittedOn: '2026-06-18',
  },
  {
    program: 'headquarters_award',
    enterprise: '青岛琴岛家电进出口有限公司',
    status: 'paid',
    submittedOn: '2026-05-20',
  },
  {
    program: 'headquarters_award',
    enterprise: '青岛海建城市建设集团有限公司',
    status: 'rejected',
    submittedOn: '2026-06-02',
    note: '总部企业认定文件已过有效期，请重新申请认定后于下一年度申报',
  },
  {
    program: 'hotel_upgrade_award',
    enterprise: '青岛太平湾海景酒店有限公司',
    status: 'paid',
    submittedOn: '2026-03-28',
    amount: 10 * WAN,
  },
  {
    program: 'employment_subsidy',
    enterprise: '青岛英才人力资源服务有限公司',
    status: 'paid',
    submittedOn: '2026-07-16',
    answers: { measures: { talent_count: 12 } },
  },
  {
    program: 'employment_subsidy',
    enterprise: DEMO_PRIMARY_ENTERPRISE,
    status: 'paid',
    submittedOn: '2026-07-21',
    answers: { measures: { talent_count: 8 } },
  },
  {
    program: 'startup_subsidy',
    enterprise: '青岛湛山咖啡有限公司',
    status: 'paid',
    submittedOn: '2026-08-09',
  },
  {
    program: 'marine_rd_subsidy',
    enterprise: '青岛海洋工程技术研究院有限公司',
    status: 'approved',
    submittedOn: '2026-09-22',
  },
  // Open now: the review queues (区科学技术局, 区市场监督管理局, 区财政局).
  {
    program: 'rd_subsidy',
    enterprise: DEMO_PRIMARY_ENTERPRISE,
    status: 'approved',
    submittedOn: '2026-11-03',
  },
  {
    program: 'rd_subsidy',
    enterprise: '青岛海图地理信息科技有限公司',
    status: 'submitted',
    submittedOn: '2026-11-05',
  },
  {
    program: 'rd_subsidy',
    enterprise: '青岛启明星信息技术有限公司',
    status: 'returned',
    submittedOn: '2026-11-04',
    note: '研发费用专项审计报告缺少审计机构盖章页，请补充后重新提交',
  },
  {
    program: 'ip_award',
    enterprise: '青岛鑫芯光电科技有限公司',
    status: 'rejected',
    submittedOn: '2026-10-28',
    note: '首次认定高新技术企业未满3年，且发明专利数量不足5件，不符合第一条规定',
  },
  {
    program: 'trademark_award',
    enterprise: '青岛启明星信息技术有限公司',
    status: 'submitted',
    submittedOn: '2026-10-29',
  },
  {
    program: 'trademark_award',
    enterprise: '青岛观海云计算有限公司',
    status: 'submitted',
    submittedOn: '2026-10-31',
  },
  {
    program: 'trademark_award',
    enterprise: '青岛琴岛家电进出口有限公司',
    status: 'approved',
    submittedOn: '2026-10-20',
  },
  {
    program: 'tax_contribution_award',
    enterprise: '青岛远航国际船务有限公司',
    status: 'submitted',
    submittedOn: '2026-10-26',
  },
];

export interface PolicySeedSummary {
  policyDocuments: number;
  policyInterpretations: number;
  policyPrograms: number;
  policyClaims: number;
  notifications: number;
}

export interface PolicySeedContext {
  dialect: Dialect;
  clock: Clock;
  id: () => string;
  /** Department ids by code. */
  departments: ReadonlyMap<string, string>;
  /** Enterprise ids by name. */
  enterprises: ReadonlyMap<string, string>;
  /** The policy editor who "wrote" the demo policies. */
  editorId: string;
}

const at = (date: string, hour = 2) => `${date}T${String(hour).padStart(2, '0')}:30:00.000Z`;

/** The catalogue the demo rules are written against (and validated with). */
export function demoCatalogue(): FactCatalogue {
  const qualifications = [...POLICY_QUALIFICATION_KINDS];
  for (const k of DEMO_QUALIFICATION_KINDS)
    if (!qualifications.some((q) => q.code === k.code)) qualifications.push(k);
  return {
    ...DEFAULT_FACT_CATALOGUE,
    qualifications,
    streets: DEMO_STREETS.map((s) => ({ code: s.code, name: s.name })),
  };
}

async function insertRows<T extends keyof Database & string>(
  trx: DB,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const size = 200;
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/** Insert the demo policies (documents, interpretations, programs, claims, notifications) and index them. */
export async function seedPolicies(trx: DB, c: PolicySeedContext): Promise<PolicySeedSummary> {
  const catalogue = demoCatalogue();
  const index = indexCatalogue(catalogue);
  for (const p of DEMO_POLICY_PROGRAMS) {
    const r = validateRuleSet(p.rules, catalogue);
    if (!r.ok) throw new Error(`demo program ${p.key}: invalid rules ${JSON.stringify(r.errors)}`);
  }
  const search = new SearchIndex(trx, c.dialect, c.clock);
  const indexer = new PolicyIndexer({ search, today: () => DEMO_AS_OF });

  // ——— documents ———
  const docs = new Map<string, DocumentRow>();
  for (const d of DEMO_POLICY_DOCUMENTS) {
    const published = at(d.issuedOn, 3);
    const row: DocumentRow = {
      id: c.id(),
      title: d.title,
      docNumber: d.docNumber,
      issuer: d.issuer,
      level: d.level,
      topics: d.topics,
      issuedOn: d.issuedOn,
      effectiveOn: d.effectiveOn,
      expiresOn: d.expiresOn,
      summary: d.summary,
      bodyHtml: sanitizeRichText(d.body.map((p) => `<p>${p}</p>`).join('')),
      attachmentIds: [],
      status: 'published',
      version: 1,
      revision: 2,
      publishedAt: published,
      createdBy: c.editorId,
      createdAt: published,
      updatedAt: published,
    };
    docs.set(d.key, row);
    await trx
      .insertInto('policyDocuments')
      .values({ ...row, topics: toJson(row.topics), attachmentIds: toJson(row.attachmentIds) })
      .execute();
    await trx
      .insertInto('policyDocumentVersions')
      .values({
        documentId: row.id,
        version: 1,
        title: row.title,
        docNumber: row.docNumber,
        issuer: row.issuer,
        level: row.level,
        topics: toJson(row.topics),
        issuedOn: row.issuedOn,
        effectiveOn: row.effectiveOn,
        expiresOn: row.expiresOn,
        summary: row.summary,
        bodyHtml: row.bodyHtml,
        attachmentIds: toJson([]),
        changeNote: null,
        createdBy: c.editorId,
        createdAt: published,
      })
      .execute();
    if (row.topics.length)
      await insertRows(
        trx,
        'policyDocumentTopics',
        row.topics.map((topic) => ({ documentId: row.id, topic })),
      );
    await indexer.document(trx, row);
  }

  // ——— interpretations ———
  for (const i of INTERPRETATIONS) {
    const linked = i.documents.map((k) => docs.get(k)!);
    const when = at(linked[0]!.issuedOn > '2025-01-01' ? addDays(linked[0]!.issuedOn, 7) : '2025-01-10', 4);
    const row: InterpretationRow = {
      id: c.id(),
      title: i.title,
      bodyHtml: sanitizeRichText(i.body.map((p) => `<p>${p}</p>`).join('')),
      qa: i.qa,
      imageFileId: null,
      status: 'published',
      revision: 2,
      publishedAt: when,
      createdBy: c.editorId,
      createdAt: when,
      updatedAt: when,
    };
    await trx
      .insertInto('policyInterpretations')
      .values({ ...row, qa: toJson(row.qa) })
      .execute();
    await insertRows(
      trx,
      'policyInterpretationDocuments',
      linked.map((d) => ({ interpretationId: row.id, documentId: d.id })),
    );
    await indexer.interpretation(trx, row, linked);
  }

  // ——— programs ———
  const programs = new Map<string, ProgramRow>();
  for (const p of DEMO_POLICY_PROGRAMS) {
    const doc = docs.get(p.document)!;
    const departmentId = c.departments.get(p.department);
    if (!departmentId) throw new Error(`demo program ${p.key}: unknown department ${p.department}`);
    // Published ten days before its window opens, but never after the demo's today.
    const planned = p.window ? addDays(p.window[0], -10) : addDays(doc.issuedOn, 14);
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as strings (Math.min would give NaN)
    const published = at(planned > DEMO_AS_OF ? DEMO_AS_OF : planned, 5);
    const row: ProgramRow = {
      id: c.id(),
      documentId: doc.id,
      title: p.title,
      summary: p.summary,
      beneficiaries: p.beneficiaries,
      mode: p.mode,
      departmentId,
      budget: p.budget,
      budgetUsed: 0,
      budgetPaid: 0,
      windowStart: p.window?.[0] ?? null,
      windowEnd: p.window?.[1] ?? null,
      materials: p.materials.map((m) => ({ name: m.name, required: m.required, note: m.note ?? null })),
      rules: p.rules,
      rulesVersion: 1,
      status: 'published',
      revision: 2,
      publishedAt: published,
      createdBy: c.editorId,
      createdAt: published,
      updatedAt: published,
      docTitle: doc.title,
      docNumber: doc.docNumber,
      docIssuer: doc.issuer,
      docLevel: doc.level,
      docStatus: doc.status,
      docTopics: doc.topics,
      departmentName: null,
    };
    programs.set(p.key, row);
  }

  // ——— claims: the listed ones, and 免申即享 candidates for every eligible enterprise ———
  const facts = await loadEnterpriseFacts(trx, ALL_FACTS, {
    asOf: DEMO_AS_OF,
    qualificationKinds: catalogue.qualifications.map((q) => q.code),
  });
  const claims: PolicyClaimTable[] = [];
  const events: PolicyClaimEventTable[] = [];
  const used = new Map<string, { used: number; paid: number }>();
  const deliveries: {
    at: string;
    /** The handlers of this department (when not an enterprise's members). */
    department?: string;
    enterpriseId?: string;
    kind: NotificationKind;
    title: string;
    body: string;
    link: string;
  }[] = [];

  const assess = (
    programKey: string,
    enterpriseId: string,
    asOf: string,
    answers: DemoClaim['answers'] = {},
  ) => {
    const program = programs.get(programKey)!;
    const rule = compileRule(program.rules as RuleSet, { catalogue });
    const f: EnterpriseFacts = { ...(facts.get(enterpriseId) ?? {}), ...answers };
    const e = rule.evaluate(prepareFacts(f, { asOf }));
    return {
      program,
      e,
      year: (program.rules as RuleSet).rewardYear ?? Number(asOf.slice(0, 4)) - 1,
      facts: factSnapshot(f, ruleFactKeys(rule, asOf)),
    };
  };

  for (const spec of DEMO_CLAIMS) {
    const enterpriseId = c.enterprises.get(spec.enterprise);
    if (!enterpriseId) throw new Error(`demo claim: no demo enterprise named ${spec.enterprise}`);
    const {
      program,
      e,
      year,
      facts: snapshot,
    } = assess(spec.program, enterpriseId, spec.submittedOn, spec.answers);
    const estimate = e.amount;
    const amount = spec.amount ?? estimate?.max ?? estimate?.min ?? 5 * WAN;
    const id = c.id();
    const submitted = at(spec.submittedOn, 1);
    const steps: {
      action: string;
      from: string | null;
      to: string;
      days: number;
      note?: string;
      amount?: number;
    }[] = [{ action: 'submit', from: null, to: 'submitted', days: 0 }];
    if (spec.status === 'returned')
      steps.push({ action: 'return', from: 'submitted', to: 'returned', days: 4, note: spec.note! });
    if (spec.status === 'rejected')
      steps.push({ action: 'reject', from: 'submitted', to: 'rejected', days: 9, note: spec.note! });
    if (spec.status === 'approved' || spec.status === 'paid')
      steps.push({
        action: 'approve',
        from: 'submitted',
        to: 'approved',
        days: 8,
        note: '材料齐全，符合条件，同意兑现',
        amount,
      });
    if (spec.status === 'paid') steps.push({ action: 'pay', from: 'approved', to: 'paid', days: 25, amount });
    const last = steps[steps.length - 1]!;
    const decided = ['approved', 'paid', 'rejected'].includes(spec.status);
    const approveStep = steps.find((s) => s.action === 'approve' || s.action === 'reject');
    claims.push({
      id,
      programId: program.id,
      enterpriseId,
      year,
      status: spec.status,
      rulesVersion: 1,
      eligibility: e.status,
      estimate,
      facts: snapshot,
      answers: spec.answers ?? {},
      evaluation: {
        asOf: spec.submittedOn,
        conditions: e.conditions,
        manualConditions: e.manualConditions,
        amountExplanation: e.amountExplanation,
      },
      attachments: [],
      contactName: '企业联系人',
      contactPhone: null,
      statement: `申请${program.title}`,
      requestedAmount: null,
      approvedAmount: spec.status === 'approved' || spec.status === 'paid' ? amount : null,
      paidAmount: spec.status === 'paid' ? amount : null,
      paidOn: spec.status === 'paid' ? addDays(spec.submittedOn, 25) : null,
      reviewNote: spec.note ?? (decided ? '材料齐全，符合条件，同意兑现' : null),
      revision: steps.length,
      createdBy: null,
      submittedAt: submitted,
      decidedAt: decided && approveStep ? at(addDays(spec.submittedOn, approveStep.days), 6) : null,
      decidedBy: null,
      createdAt: submitted,
      updatedAt: at(addDays(spec.submittedOn, last.days), 6),
    });
    steps.forEach((s, i) => {
      events.push({
        id: c.id(),
        claimId: id,
        revision: i + 1,
        at: i === 0 ? submitted : at(addDays(spec.submittedOn, s.days), 6),
        actorId: null,
        action: s.action,
        fromStatus: s.from,
        toStatus: s.to,
        note: s.note ?? null,
        amount: s.amount ?? null,
      });
    });
    if (spec.status === 'approved' || spec.status === 'paid') {
      const b = used.get(spec.program) ?? { used: 0, paid: 0 };
      b.used += amount;
      if (spec.status === 'paid') b.paid += amount;
      used.set(spec.program, b);
    }
    const title =
      spec.status === 'paid'
        ? `“${program.title}”资金已拨付`
        : spec.status === 'approved'
          ? `“${program.title}”申请审核通过`
          : spec.status === 'returned'
            ? `“${program.title}”申请需补正材料`
            : spec.status === 'rejected'
              ? `“${program.title}”申请未通过`
              : `已收到“${program.title}”兑现申请`;
    const body =
      spec.status === 'paid' || spec.status === 'approved'
        ? `核定金额 ${formatYuan(amount)}。`
        : spec.note
          ? `说明：${spec.note}`
          : '申请已提交审核，可在申请记录中查看进度。';
    deliveries.push({
      at: at(addDays(spec.submittedOn, last.days), 6),
      enterpriseId,
      kind: `claim_${spec.status}`,
      title,
      body,
      link: `/policies/claims/${id}`,
    });
    if (spec.status === 'submitted') {
      deliveries.push({
        at: submitted,
        department: program.departmentId,
        kind: 'claim_submitted',
        title: `待审核：${spec.enterprise}“${program.title}”`,
        body: `${spec.enterprise}提交了“${program.title}”兑现申请${estimate ? `，测算金额 ${formatAmountEstimate(estimate)}` : ''}。`,
        link: `/workbench/policies/claims/${id}`,
      });
    }
  }

  // 免申即享 with an open window: the platform's candidate list on DEMO_AS_OF.
  for (const p of DEMO_POLICY_PROGRAMS) {
    if (p.mode !== 'no_application' || !p.window || p.window[1] < DEMO_AS_OF) continue;
    for (const [name, enterpriseId] of c.enterprises) {
      if (claims.some((x) => x.programId === programs.get(p.key)!.id && x.enterpriseId === enterpriseId))
        continue;
      const { program, e, year, facts: snapshot } = assess(p.key, enterpriseId, DEMO_AS_OF);
      if (e.status !== 'eligible') continue;
      const id = c.id();
      const when = at(p.window[0], 1);
      claims.push({
        id,
        programId: program.id,
        enterpriseId,
        year,
        status: 'candidate',
        rulesVersion: 1,
        eligibility: e.status,
        estimate: e.amount,
        facts: snapshot,
        answers: {},
        evaluation: {
          asOf: DEMO_AS_OF,
          conditions: e.conditions,
          manualConditions: e.manualConditions,
          amountExplanation: e.amountExplanation,
        },
        attachments: [],
        contactName: null,
        contactPhone: null,
        statement: null,
        requestedAmount: null,
        approvedAmount: null,
        paidAmount: null,
        paidOn: null,
        reviewNote: null,
        revision: 1,
        createdBy: null,
        submittedAt: null,
        decidedAt: null,
        decidedBy: null,
        createdAt: when,
        updatedAt: when,
      });
      events.push({
        id: c.id(),
        claimId: id,
        revision: 1,
        at: when,
        actorId: null,
        action: 'candidate',
        fromStatus: null,
        toStatus: 'candidate',
        note: '按规则第 1 版自动比对生成',
        amount: null,
      });
      const amount = e.amount ? `，预计可获 ${formatAmountEstimate(e.amount)}` : '';
      deliveries.push({
        at: when,
        enterpriseId,
        kind: 'claim_candidate',
        title: `免申即享：贵企业已列入“${program.title}”兑现名单`,
        body: `根据企业档案比对，${name}符合“${program.title}”的条件${amount}。无需提交申请，请确认申领（意愿确认）。申报截止日期：${p.window[1]}。`,
        link: `/policies/claims/${id}`,
      });
    }
  }

  // Programs with their budget counters, then indexed.
  for (const [key, row] of programs) {
    const b = used.get(key) ?? { used: 0, paid: 0 };
    row.budgetUsed = b.used;
    row.budgetPaid = b.paid;
    await trx
      .insertInto('policyPrograms')
      .values({
        id: row.id,
        documentId: row.documentId,
        title: row.title,
        summary: row.summary,
        beneficiaries: row.beneficiaries,
        mode: row.mode,
        departmentId: row.departmentId,
        budget: row.budget,
        budgetUsed: row.budgetUsed,
        budgetPaid: row.budgetPaid,
        windowStart: row.windowStart,
        windowEnd: row.windowEnd,
        materials: toJson(row.materials),
        rules: toJson(row.rules),
        rulesVersion: 1,
        status: row.status,
        revision: row.revision,
        publishedAt: row.publishedAt,
        createdBy: row.createdBy,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      })
      .execute();
    await trx
      .insertInto('programRuleVersions')
      .values({
        programId: row.id,
        version: 1,
        rules: toJson(row.rules),
        changeNote: null,
        createdBy: c.editorId,
        createdAt: row.createdAt,
        publishedAt: row.publishedAt,
      })
      .execute();
    await indexer.program(trx, row, amountTextOf(row.rules as RuleSet, index));
  }

  await insertRows(
    trx,
    'policyClaims',
    claims.map((r) => ({
      ...r,
      estimate: r.estimate == null ? null : toJson(r.estimate),
      facts: toJson(r.facts),
      answers: toJson(r.answers),
      evaluation: toJson(r.evaluation),
      attachments: toJson(r.attachments),
    })),
  );
  await insertRows(trx, 'policyClaimEvents', events);

  // ——— the inbox of the demo users ———
  const members = await trx
    .selectFrom('enterpriseBindings')
    .select(['enterpriseId', 'userId'])
    .where('status', '=', 'confirmed')
    .execute();
  const handlers = await trx
    .selectFrom('users as u')
    .innerJoin('userRoles as r', 'r.userId', 'u.id')
    .select(['u.id', 'u.departmentId'])
    .where('r.role', '=', 'handler')
    .execute();
  const channel = new InAppChannel();
  let notifications = 0;
  for (const d of deliveries) {
    const userIds = d.enterpriseId
      ? members.filter((m) => m.enterpriseId === d.enterpriseId).map((m) => m.userId)
      : handlers.filter((h) => h.departmentId === d.department).map((h) => h.id);
    if (!userIds.length) continue;
    await channel.deliver(
      trx,
      userIds.map((userId) => ({
        userId,
        enterpriseId: d.enterpriseId ?? null,
        kind: d.kind,
        title: d.title,
        body: d.body,
        link: d.link,
      })),
      d.at,
    );
    notifications += userIds.length;
  }

  return {
    policyDocuments: docs.size,
    policyInterpretations: INTERPRETATIONS.length,
    policyPrograms: programs.size,
    policyClaims: claims.length,
    notifications,
  };
}
