import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import type { Config } from '../src/server/config';
import type { DatabaseHandle } from '../src/server/db/database';
import { fromJson, toJson } from '../src/server/db/dialect';
import { addDays, SeededRandom } from '../src/server/db/seed/random';
import { seedReferenceData } from '../src/server/modules/enterprises/test-fixtures';
import {
  amountTextOf,
  type DocumentRow,
  type InterpretationRow,
  indexCatalogue,
  PolicyIndexer,
  PROGRAM_FIXTURES,
  sanitizeRichText,
  validateRuleSet,
} from '../src/server/modules/policies';
import { PoliciesRepository } from '../src/server/modules/policies/repository';
import { shanghaiToday } from '../src/server/platform/calendar/workdays';
import { systemClock } from '../src/server/platform/clock';
import { newId } from '../src/server/platform/ids';
import { SearchIndex } from '../src/server/platform/text/search-index';
import { makeDepartment, makeStaff } from '../src/server/test/factories';
import { login } from '../src/server/test/support';
import {
  type DocumentInput,
  documentInputSchema,
  type InterpretationInput,
  interpretationInputSchema,
  POLICY_TOPICS,
  type PolicyLevel,
  type PolicyTopic,
  type ProgramInput,
  type ProgramMode,
  programInputSchema,
} from '../src/shared/policies';
import type { FactCatalogue, RuleSet } from '../src/shared/policy-rules';
import {
  appServerEnv,
  BENCH_DIR,
  type BenchReport,
  envNumber,
  errorRow,
  type Latency,
  log,
  measureSearchServer,
  openBenchDatabase,
  runOnEachDatabase,
  type SummaryRow,
  searchBenchMain,
  searchSummaryRows,
} from './support';

/**
 * Policy search through the real API route, `GET /api/v1/policies/search`, as the issue states it: 20,000 published
 * policy documents (plus programs and interpretations), 10 concurrent HTTP clients, p95 ≤ 30 ms, two-character
 * queries included.
 *
 * The corpus goes in the way the app puts it in: a sample of documents, programs and interpretations is created and
 * published through the HTTP API (editor session, audit, versions, the module's indexer); the rest is inserted in
 * bulk with the module's repository and indexed with the same `PolicyIndexer` the services call, so the search rows
 * are the app's own. A check compares, for one document, program and interpretation published through the API, the
 * search row a bulk-inserted twin of it gets (in a transaction rolled back afterwards): they must be equal.
 *
 * The server is the real app (`buildApp`, as main.ts starts it: logger at warn, rate limit raised out of the way)
 * in a child process on a free loopback port, so autocannon does not share its event loop. Reference: GET
 * /api/health on the same server in the same run (HTTP, hooks and serialisation without any search).
 * SQLite always; PostgreSQL when reachable, in a throwaway database (`createdb qifu_bench_<random>`, dropped after).
 *
 * `npx tsx bench/policy-search.ts`. Shorter trials: BENCH_POLICY_DOCS, BENCH_POLICY_PROGRAMS,
 * BENCH_POLICY_INTERPRETATIONS, BENCH_POLICY_API_DOCS (how many go through the API), BENCH_DURATION_S (mixed run),
 * BENCH_CLASS_DURATION_S (each query class), BENCH_WARMUP_S; BENCH_POLICY_SKIP_PG=1 skips PostgreSQL;
 * BENCH_POLICY_SKIP_SQLITE=1 skips SQLite. For profiling, BENCH_POLICY_DATA_DIR keeps the SQLite database in that folder
 * and BENCH_POLICY_PG_KEEP=qifu_bench_<name> keeps that PostgreSQL database; the next run measures them again as
 * they are (drop the database with `dropdb` when done).
 */

const DOCS = envNumber('BENCH_POLICY_DOCS', 20_000);
const PROGRAMS = envNumber('BENCH_POLICY_PROGRAMS', 1_500);
const INTERPRETATIONS = envNumber('BENCH_POLICY_INTERPRETATIONS', 1_000);
const API_DOCS = Math.min(DOCS, envNumber('BENCH_POLICY_API_DOCS', 200));
const API_PROGRAMS = Math.min(PROGRAMS, envNumber('BENCH_POLICY_API_PROGRAMS', 40));
const API_INTERPRETATIONS = Math.min(INTERPRETATIONS, envNumber('BENCH_POLICY_API_INTERPRETATIONS', 40));
const CONNECTIONS = 10;
const DURATION_S = envNumber('BENCH_DURATION_S', 10);
const CLASS_DURATION_S = envNumber('BENCH_CLASS_DURATION_S', 5);
const WARMUP_S = envNumber('BENCH_WARMUP_S', 2);
const TARGET_P95_MS = 30;
const PG_HOST = '127.0.0.1';
const PG_USER = 'postgres';
const ROLE_ENV = 'QIFU_BENCH_POLICY_SEARCH_ROLE';
const BULK_BATCH = 250;
const SEARCH_PATH = '/api/v1/policies/search';

/** The queries, by class; the mixed run draws from all of them at random. `&…` adds filters to the URL. */
const QUERIES: Record<string, string[]> = {
  'two-character': ['补贴', '税收', '人才', '租金', '研发'],
  'partial word': ['研发费', '专精特'],
  'multi-word': ['研发 补贴', '高新技术企业 奖励'],
  'domain term': ['免申即享', '小巨人'],
  filtered: [
    '补贴&level=district',
    '人才&openNow=true',
    '研发 补贴&level=district&openNow=true',
    '租金&scope=policy_program&openNow=true',
  ],
  'no hit': ['量子纠缠', '火星移民'],
};

const searchPath = (q: string) => {
  const [text, ...rest] = q.split('&');
  return `${SEARCH_PATH}?q=${encodeURIComponent(text!)}${rest.length ? `&${rest.join('&')}` : ''}`;
};

// --- the corpus ----------------------------------------------------------------------------------------------
// Titles, 文号, issuers and bodies modelled on real district, city, provincial and national policy documents;
// the same seed gives the same corpus on both databases.

interface TopicText {
  subjects: string[];
  sentences: string[];
}

const TOPIC_TEXT: Record<PolicyTopic, TopicText> = {
  tech_innovation: {
    subjects: ['科技创新', '高新技术企业培育', '研发投入', '科技型中小企业', '创新平台建设', '科技成果转化'],
    sentences: [
      '对首次认定的高新技术企业给予一次性奖励{amt}万元。',
      '企业研发费用按实际发生额的{pct}%给予补贴，最高不超过{amt}万元。',
      '落实研发费用加计扣除政策，科技型中小企业研发费用加计扣除比例提高到100%。',
      '鼓励企业加大研发投入，对研发投入增长超过{pct}%的企业给予奖励。',
      '支持企业建设重点实验室、技术创新中心等研发平台，给予最高{amt}万元建设补助。',
      '支持高校、科研院所与企业共建新型研发机构，推动科技成果转化。',
      '对通过重新认定的高新技术企业给予{amt}万元奖励。',
    ],
  },
  specialized: {
    subjects: ['专精特新企业', '专精特新小巨人企业', '中小企业梯度培育', '单项冠军企业'],
    sentences: [
      '对新认定的国家级专精特新小巨人企业给予{amt}万元奖励。',
      '对新认定的省级专精特新中小企业给予一次性奖励{amt}万元。',
      '建立专精特新企业培育库，实行一企一策精准服务。',
      '对首次认定的制造业单项冠军企业给予{amt}万元奖励。',
      '支持专精特新企业开展技术改造，按设备投资额的{pct}%给予补助。',
    ],
  },
  digital_economy: {
    subjects: ['数字经济', '数字化转型', '智能化改造', '软件和信息服务业', '工业互联网'],
    sentences: [
      '对企业实施智能化改造、数字化转型项目的，按设备投资额的{pct}%给予补助，最高{amt}万元。',
      '对新认定的工业互联网平台给予{amt}万元奖励。',
      '对软件和信息服务业企业年营业收入首次突破{amt}亿元的给予奖励。',
      '支持企业上云用云，按云服务费用的{pct}%给予补贴。',
      '培育数字经济核心产业，打造数字经济发展高地。',
    ],
  },
  talent: {
    subjects: ['高层次人才引进', '青年人才', '人才住房', '人才公寓', '博士后工作站', '技能人才'],
    sentences: [
      '对引进的高层次人才给予最高{amt}万元安家补贴。',
      '符合条件的青年人才可申请人才住房，租金按市场价的{pct}%收取。',
      '对新设立的博士后工作站给予{amt}万元建站资助。',
      '人才公寓实行申请制，每年{month}月集中受理。',
      '对企业新引进的全日制博士研究生给予每月{amt2}元生活补贴。',
      '对获评技能大师工作室的给予{amt}万元经费支持。',
      '人才住房补贴与购房补贴不重复享受。',
    ],
  },
  employment: {
    subjects: ['稳岗就业', '以工代训', '就业见习', '社保补贴', '创业担保贷款', '高校毕业生就业'],
    sentences: [
      '对不裁员或少裁员的参保企业，按规定返还失业保险费。',
      '对吸纳高校毕业生就业的企业，给予每人{amt2}元一次性扩岗补助。',
      '对开展以工代训的企业给予职业培训补贴。',
      '个人创业担保贷款最高额度{amt}万元，财政给予全额贴息。',
      '对招用就业困难人员的企业给予社会保险补贴。',
      '对吸纳就业见习人员的单位给予见习补贴。',
    ],
  },
  finance: {
    subjects: ['金融服务', '贷款贴息', '融资担保', '应急转贷', '首贷培植', '普惠金融'],
    sentences: [
      '对企业获得银行贷款的，按贷款市场报价利率的{pct}%给予贴息，单户最高{amt}万元。',
      '设立应急转贷资金，为企业提供短期过桥资金支持。',
      '对融资担保机构为小微企业提供担保的，给予担保费补贴。',
      '对首次获得银行贷款的企业给予首贷贴息。',
      '支持金融机构在本区设立区域总部，给予落户奖励{amt}万元。',
    ],
  },
  listing: {
    subjects: ['企业上市', '上市挂牌', '直接融资', '上市后备企业'],
    sentences: [
      '对企业在境内外证券交易所首发上市的，分阶段给予总额{amt}万元奖励。',
      '对在区域性股权市场挂牌的企业给予{amt}万元奖励。',
      '建立上市后备企业库，对入库企业给予上市辅导费用补贴。',
      '对上市企业通过再融资募集资金投资本区项目的给予奖励。',
    ],
  },
  building_economy: {
    subjects: ['楼宇经济', '亿元楼', '千万元楼', '特色楼宇', '办公用房', '产业园区'],
    sentences: [
      '对新引进的企业租用办公用房的，按实际租金的{pct}%给予租金补贴，期限不超过三年。',
      '对年纳税额首次突破1亿元的楼宇，认定为亿元楼，给予楼宇运营方{amt}万元奖励。',
      '对年纳税额首次突破1000万元的楼宇，认定为千万元楼，给予{amt}万元奖励。',
      '支持老旧楼宇改造提升，按改造投资额的{pct}%给予补助。',
      '楼宇招商引进企业注册地与实际经营地一致的，给予楼宇运营方奖励。',
      '建立楼宇经济统计监测制度，按季度发布楼宇税收排行。',
    ],
  },
  headquarters: {
    subjects: ['总部经济', '总部企业', '区域总部', '功能性机构'],
    sentences: [
      '对新认定的总部企业给予最高{amt}万元落户奖励。',
      '对总部企业购置自用办公用房的，按购房价格的{pct}%给予补贴。',
      '对总部企业年地方财力贡献首次超过{amt}万元的给予经营贡献奖励。',
      '对总部企业高级管理人员给予人才奖励。',
    ],
  },
  commerce: {
    subjects: ['商贸消费', '首店经济', '夜间经济', '消费促进', '限上商贸企业'],
    sentences: [
      '对新引进的品牌首店给予最高{amt}万元一次性奖励。',
      '发放消费券，促进餐饮、零售等行业消费回暖。',
      '支持打造夜间经济集聚区，对街区运营主体给予补助。',
      '对首次纳入限额以上统计的商贸企业给予{amt}万元奖励。',
      '对商业综合体开展促消费活动的，按活动费用的{pct}%给予补贴。',
    ],
  },
  foreign_trade: {
    subjects: ['外贸进出口', '跨境电商', '服务贸易', '境外展会', '外资利用'],
    sentences: [
      '对企业参加境外展会的，按展位费的{pct}%给予补贴。',
      '对跨境电商企业年进出口额首次超过{amt}万美元的，给予奖励。',
      '对新设立的外商投资企业实际到账外资超过{amt}万美元的给予奖励。',
      '支持企业开拓国际市场，对出口信用保险保费给予{pct}%补贴。',
    ],
  },
  marine: {
    subjects: ['海洋经济', '蓝色经济', '海洋科技', '邮轮游艇经济'],
    sentences: [
      '支持海洋科技企业开展关键技术攻关，给予最高{amt}万元资助。',
      '对新引进的海洋经济领域总部企业给予落户奖励。',
      '培育邮轮游艇经济，对游艇俱乐部运营给予补助。',
      '推动海洋经济高质量发展，打造现代海洋城市。',
    ],
  },
  culture_tourism: {
    subjects: ['文旅融合', '文化产业', '旅游消费', '影视产业', '会展经济'],
    sentences: [
      '对文旅融合项目给予贷款贴息支持。',
      '对新评为国家级旅游休闲街区的给予{amt}万元奖励。',
      '对在本区举办的国际性展会，按场地租金的{pct}%给予补贴。',
      '对在本区拍摄制作的影视作品给予最高{amt}万元扶持。',
    ],
  },
  ip: {
    subjects: ['知识产权', '专利', '商标品牌', '知识产权质押融资'],
    sentences: [
      '对企业获得发明专利授权的，每件给予{amt2}元资助。',
      '对新获评中国驰名商标的企业给予{amt}万元奖励。',
      '对开展知识产权质押融资的企业，按评估费用的{pct}%给予补贴。',
      '对获得中国专利金奖的给予{amt}万元奖励。',
    ],
  },
  growth: {
    subjects: ['企业升级', '小升规', '规上企业培育', '企业做大做强'],
    sentences: [
      '对首次入统的规上企业给予{amt}万元奖励。',
      '对小升规企业给予一次性奖励{amt}万元。',
      '对营业收入首次突破{amt}亿元的企业给予跨越发展奖励。',
      '对年营业收入增速超过{pct}%的企业给予奖励。',
    ],
  },
  green: {
    subjects: ['绿色低碳', '节能降碳', '清洁生产', '绿色建筑'],
    sentences: [
      '支持企业开展节能降碳改造，按项目投资额的{pct}%给予补助，最高{amt}万元。',
      '对新认定的绿色工厂给予{amt}万元奖励。',
      '推动绿色低碳发展，对获得绿色建筑标识的项目给予奖励。',
      '对企业实施清洁生产审核的给予审核费用补贴。',
    ],
  },
  tax_relief: {
    subjects: ['减税降费', '税收优惠', '留抵退税', '小微企业税费减免'],
    sentences: [
      '对符合条件的小微企业，按规定享受增值税减免等税收优惠政策。',
      '落实留抵退税政策，确保退税资金及时足额到位。',
      '对小型微利企业年应纳税所得额不超过300万元的部分，减按{pct}%计入应纳税所得额。',
      '落实阶段性降低失业保险费率政策，减轻企业负担。',
      '税收优惠政策实行免申即享，符合条件的企业无需申请即可享受。',
    ],
  },
  investment: {
    subjects: ['招商引资', '重点项目', '产业链招商', '营商环境'],
    sentences: [
      '对引进重点产业项目的给予招商引资奖励。',
      '对新落户企业实缴注册资本超过{amt}万元的给予落户奖励。',
      '全面推行免申即享、快申快享，符合条件的企业无需申请即可享受政策。',
      '建立企业诉求接诉即办机制，企业诉求在{days}个工作日内办结。',
      '为重点企业配备企业专员，建立一企一档。',
      '持续优化营商环境，打造市场化法治化国际化一流营商环境。',
    ],
  },
};

const GENERAL = [
  '本措施由区财政局会同有关部门负责解释。',
  '本措施自发布之日起施行，有效期{years}年。',
  '申报单位应当在规定时间内通过企服平台提交申报材料。',
  '同一企业同一事项符合多项扶持政策的，按照就高不重复原则执行。',
  '企业应当对申报材料的真实性负责，弄虚作假的，取消享受资格并追回资金。',
  '各街道、各部门要加强组织领导，确保政策落地见效。',
  '申报时间为每年{month}月{day}日至{month2}月{day2}日。',
  '享受政策的企业注册地、税收户管地和统计关系均应在本区。',
  '为深入贯彻落实党中央、国务院决策部署，结合本区实际，制定本措施。',
  '所需资金由区级财政承担，纳入年度预算。',
  '对政策执行情况开展绩效评价，评价结果作为资金安排的重要依据。',
  '企业有严重失信行为的，不得享受本措施。',
  '咨询电话：0532-{phone}。',
];

const LEVELS: { level: PolicyLevel; weight: number; prefix: string; issuers: [string, string][] }[] = [
  {
    level: 'district',
    weight: 50,
    prefix: '市南区',
    issuers: [
      ['青岛市市南区人民政府', '青南政发'],
      ['青岛市市南区人民政府办公室', '青南政办发'],
      ['市南区科学技术局', '青南科发'],
      ['市南区商务局', '青南商发'],
      ['市南区财政局', '青南财发'],
      ['市南区人力资源和社会保障局', '青南人社发'],
      ['市南区工业和信息化局', '青南工信发'],
    ],
  },
  {
    level: 'municipal',
    weight: 25,
    prefix: '青岛市',
    issuers: [
      ['青岛市人民政府', '青政发'],
      ['青岛市人民政府办公厅', '青政办发'],
      ['青岛市科学技术局', '青科发'],
      ['青岛市商务局', '青商发'],
    ],
  },
  {
    level: 'provincial',
    weight: 15,
    prefix: '山东省',
    issuers: [
      ['山东省人民政府', '鲁政发'],
      ['山东省人民政府办公厅', '鲁政办发'],
      ['山东省科学技术厅', '鲁科字'],
    ],
  },
  {
    level: 'national',
    weight: 10,
    prefix: '',
    issuers: [
      ['国务院', '国发'],
      ['国务院办公厅', '国办发'],
      ['财政部 税务总局', '财税'],
      ['工业和信息化部', '工信部企业'],
    ],
  },
];

const VERBS = ['支持', '促进', '加快', '推动', '鼓励', '进一步加强', '加快推进'];
const DOC_KINDS = ['若干政策措施', '实施细则', '管理办法', '实施意见', '行动方案', '若干措施', '扶持办法'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
const TOPIC_CODES = POLICY_TOPICS.map((t) => t.code);

function fill(r: SeededRandom, template: string): string {
  return template
    .replace(/\{amt\}/g, () => String(r.pick([5, 10, 20, 30, 50, 100, 200, 300, 500])))
    .replace(/\{amt2\}/g, () => String(r.pick([1000, 2000, 3000, 5000])))
    .replace(/\{pct\}/g, () => String(r.pick([10, 20, 30, 50])))
    .replace(/\{days\}/g, () => String(r.pick([3, 5, 10, 15])))
    .replace(/\{years\}/g, () => String(r.int(2, 5)))
    .replace(/\{month2?\}/g, () => String(r.int(1, 12)))
    .replace(/\{day2?\}/g, () => String(r.int(1, 28)))
    .replace(/\{phone\}/g, () => String(r.int(80000000, 89999999)));
}

function pickLevel(r: SeededRandom) {
  let n = r.int(1, 100);
  for (const l of LEVELS) {
    n -= l.weight;
    if (n <= 0) return l;
  }
  return LEVELS[0]!;
}

const isoDate = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** One policy document as an editor would submit it (POST /policies/documents). */
function makeDocument(r: SeededRandom, n: number, today: string): DocumentInput {
  const topics = r.sample(TOPIC_CODES, r.pick([1, 1, 2, 2, 3]));
  const main = TOPIC_TEXT[topics[0]!];
  const subject = r.pick(main.subjects);
  const level = pickLevel(r);
  const [issuer, prefix] = r.pick(level.issuers);
  const year = r.int(2015, Number(today.slice(0, 4)));
  const issuedOn = isoDate(year, r.int(1, 12), r.int(1, 28));
  const issued = issuedOn > today ? today : issuedOn;
  const kind = r.pick(DOC_KINDS);
  const title = r.chance(0.3)
    ? `关于印发《${level.prefix}${r.pick(VERBS)}${subject}发展${kind}》的通知`
    : `${level.prefix}关于${r.pick(VERBS)}${subject}${r.pick(['发展', '工作', '高质量发展', ''])}的${kind}`;

  const sentence = () => {
    const t = TOPIC_TEXT[r.pick(topics)];
    return fill(r, r.chance(0.75) ? r.pick(t.sentences) : r.pick(GENERAL));
  };
  // Lengths of real documents: mostly 1,000–3,000 characters, a few long ones.
  const length = Math.round(600 + r.next() ** 2 * 4400);
  const html: string[] = [`<p>${fill(r, GENERAL[8]!)}</p>`];
  let chars = 0;
  let chapter = 0;
  for (let article = 0; chars < length; article++) {
    if (article % 5 === 0 && r.chance(0.5))
      html.push(
        `<h2>第${NUMERALS[chapter++ % NUMERALS.length]}章　${r.pick(TOPIC_TEXT[r.pick(topics)].subjects)}</h2>`,
      );
    const parts: string[] = [];
    for (let k = r.int(1, 4); k > 0; k--) parts.push(sentence());
    const text = `第${NUMERALS[article % NUMERALS.length]}条　${parts.join('')}`;
    chars += text.length;
    html.push(r.chance(0.1) ? `<p><strong>${text}</strong></p>` : `<p>${text}</p>`);
  }
  html.push(`<p>${fill(r, r.pick(GENERAL.slice(0, 2)))}</p>`);
  const expires = r.chance(0.5) ? addDays(issued, r.int(2, 5) * 365) : null;
  return {
    title,
    docNumber: `${prefix}〔${year}〕${r.int(1, 200) + (n % 7)}号`,
    issuer,
    level: level.level,
    topics,
    issuedOn: issued,
    effectiveOn: issued,
    expiresOn: expires,
    summary: r.chance(0.8) ? `${sentence()}${sentence()}`.slice(0, 300) : null,
    bodyHtml: html.join(''),
    attachmentIds: [],
  };
}

const MODES: ProgramMode[] = [
  'no_application',
  'quick_application',
  'standard_application',
  'standard_application',
];
const PROGRAM_KINDS = ['奖励', '补贴', '资助', '贴息', '补助'];

/** One program under a published document (POST /policies/programs). */
function makeProgram(
  r: SeededRandom,
  doc: { id: string; topics: string[] },
  departments: string[],
  rules: RuleSet[],
  today: string,
): Omit<ProgramInput, 'documentId'> & { documentId: string } {
  const t = TOPIC_TEXT[(doc.topics[0] ?? 'tech_innovation') as PolicyTopic];
  const subject = r.pick(t.subjects);
  const year = Number(today.slice(0, 4)) - r.int(0, 2);
  // Windows: open today, closed, upcoming, or none (常年受理).
  const kind = r.int(1, 20);
  let windowStart: string | null = null;
  let windowEnd: string | null = null;
  if (kind <= 8) {
    windowStart = addDays(today, -r.int(1, 60));
    windowEnd = addDays(today, r.int(1, 60));
  } else if (kind <= 14) {
    windowStart = addDays(today, -r.int(120, 700));
    windowEnd = addDays(windowStart, r.int(15, 90));
  } else if (kind <= 17) {
    windowStart = addDays(today, r.int(5, 90));
    windowEnd = addDays(windowStart, r.int(15, 60));
  }
  const mode = r.pick(MODES);
  return {
    documentId: doc.id,
    title: `${year}年度${subject}${r.pick(PROGRAM_KINDS)}${mode === 'no_application' ? '（免申即享）' : '申报'}`,
    summary: fill(r, r.pick(t.sentences)),
    beneficiaries: `注册地、税收户管地和统计关系均在市南区，${fill(r, r.pick(t.sentences))}`,
    mode,
    departmentId: r.pick(departments),
    budget: r.pick([null, 500_000, 2_000_000, 10_000_000]),
    windowStart,
    windowEnd,
    materials: [
      { name: '申报表', required: true, note: null },
      { name: '营业执照复印件', required: true, note: null },
      ...(r.chance(0.5)
        ? [{ name: '上年度财务审计报告', required: false, note: '或经税务机关确认的财务报表' }]
        : []),
    ],
    rules: r.pick(rules),
  };
}

/** One interpretation of one or two documents (POST /policies/interpretations). */
function makeInterpretation(
  r: SeededRandom,
  docs: { id: string; title: string; topics: string[] }[],
): InterpretationInput {
  const t = TOPIC_TEXT[(docs[0]!.topics[0] ?? 'tech_innovation') as PolicyTopic];
  const paragraphs: string[] = [];
  const length = r.int(500, 2000);
  for (let chars = 0; chars < length; ) {
    const p = Array.from({ length: r.int(2, 4) }, () => fill(r, r.pick(t.sentences))).join('');
    paragraphs.push(`<p>${p}</p>`);
    chars += p.length;
  }
  return {
    title: r.chance(0.5) ? `一图读懂《${docs[0]!.title}》` : `《${docs[0]!.title}》政策解读`,
    bodyHtml: paragraphs.join(''),
    qa: Array.from({ length: r.int(2, 5) }, () => ({
      question: r.pick([
        `哪些企业可以申请${r.pick(t.subjects)}相关支持？`,
        '申报时间和方式是什么？',
        '政策资金什么时候拨付？',
        `${r.pick(t.subjects)}奖励能否与其他政策重复享受？`,
      ]),
      answer: `${fill(r, r.pick(t.sentences))}${fill(r, r.pick(GENERAL))}`,
    })),
    imageFileId: null,
    documentIds: docs.map((d) => d.id),
  };
}

// --- loading the corpus ----------------------------------------------------------------------------------------

interface LoadStats {
  apiMs: number;
  apiOps: number;
  bulkMs: number;
  optimizeMs: number;
  entries: number;
  bodyChars: number;
  twinCheck: string;
}

/** The policies module's way of writing a published document, interpretation or program, batched in transactions. */
class BulkWriter {
  readonly repo: PoliciesRepository;
  readonly indexer: PolicyIndexer;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly editorId: string,
    private readonly catalogue: FactCatalogue,
    search: SearchIndex,
  ) {
    this.repo = new PoliciesRepository(handle.db, handle.dialect);
    this.indexer = new PolicyIndexer({ search, today: () => shanghaiToday(systemClock.now()) });
  }

  /** As DocumentsService.create then publish: the parsed input, sanitised, published as version 1, indexed. */
  async document(trx: DatabaseHandle['db'], input: DocumentInput): Promise<DocumentRow> {
    const parsed = documentInputSchema.parse(input);
    const now = systemClock.now().toISOString();
    const row: DocumentRow = {
      id: newId(),
      ...parsed,
      bodyHtml: sanitizeRichText(parsed.bodyHtml),
      status: 'published',
      version: 1,
      revision: 2,
      publishedAt: now,
      createdBy: this.editorId,
      createdAt: now,
      updatedAt: now,
    };
    await this.repo.insertDocument(trx, row);
    await this.repo.insertDocumentVersion(trx, {
      documentId: row.id,
      version: 1,
      title: row.title,
      docNumber: row.docNumber,
      issuer: row.issuer,
      level: row.level,
      topics: row.topics,
      issuedOn: row.issuedOn,
      effectiveOn: row.effectiveOn,
      expiresOn: row.expiresOn,
      summary: row.summary,
      bodyHtml: row.bodyHtml,
      attachmentIds: row.attachmentIds,
      changeNote: null,
      createdBy: this.editorId,
      createdAt: now,
    });
    await this.indexer.document(trx, row);
    return row;
  }

  /** As ProgramsService.create then publish (no enterprises, so the push has nobody to evaluate). */
  async program(trx: DatabaseHandle['db'], input: ProgramInput): Promise<string> {
    const parsed = programInputSchema.parse(input);
    const checked = validateRuleSet(parsed.rules, this.catalogue);
    if (!checked.ok) throw new Error(`invalid rules: ${JSON.stringify(checked.errors)}`);
    const rules = checked.rules;
    const now = systemClock.now().toISOString();
    const id = newId();
    await this.repo.insertProgram(trx, {
      id,
      documentId: parsed.documentId,
      title: parsed.title,
      summary: parsed.summary,
      beneficiaries: parsed.beneficiaries,
      mode: parsed.mode,
      departmentId: parsed.departmentId,
      budget: parsed.budget,
      budgetUsed: 0,
      budgetPaid: 0,
      windowStart: parsed.windowStart,
      windowEnd: parsed.windowEnd,
      materials: toJson(parsed.materials),
      rules: toJson(rules),
      rulesVersion: 1,
      status: 'published',
      revision: 2,
      publishedAt: now,
      createdBy: this.editorId,
      createdAt: now,
      updatedAt: now,
    });
    await this.repo.insertRuleVersion(trx, {
      programId: id,
      version: 1,
      rules,
      changeNote: null,
      createdBy: this.editorId,
      createdAt: now,
      publishedAt: now,
    });
    const after = (await this.repo.program(id, trx))!;
    await this.indexer.program(trx, after, amountTextOf(rules, indexCatalogue(this.catalogue)));
    return id;
  }

  /** As DocumentsService.createInterpretation then publishInterpretation. */
  async interpretation(trx: DatabaseHandle['db'], input: InterpretationInput): Promise<string> {
    const parsed = interpretationInputSchema.parse(input);
    const docs = await this.repo.documents(parsed.documentIds, trx);
    const now = systemClock.now().toISOString();
    const row: InterpretationRow = {
      id: newId(),
      title: parsed.title,
      bodyHtml: sanitizeRichText(parsed.bodyHtml),
      qa: parsed.qa,
      imageFileId: parsed.imageFileId,
      status: 'published',
      revision: 2,
      publishedAt: now,
      createdBy: this.editorId,
      createdAt: now,
      updatedAt: now,
    };
    await this.repo.insertInterpretation(trx, row, parsed.documentIds);
    await this.indexer.interpretation(trx, row, docs);
    return row.id;
  }

  /** Run `fn` in batches of transactions. */
  async batched<T>(items: readonly T[], fn: (trx: DatabaseHandle['db'], item: T) => Promise<void>) {
    for (let from = 0; from < items.length; from += BULK_BATCH) {
      await this.handle.db.transaction().execute(async (trx) => {
        for (const item of items.slice(from, from + BULK_BATCH)) await fn(trx, item);
      });
    }
  }
}

type Call = (
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) => Promise<{ status: number; body: unknown }>;

/** What a create answers that publishing needs. */
interface Created {
  id: string;
  revision: number;
}

function apiCaller(app: FastifyInstance, cookie: string): Call {
  return async (method, url, payload) => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    const body = res.body ? JSON.parse(res.body) : null;
    if (res.statusCode >= 300)
      throw new Error(`${method} ${url} answered ${res.statusCode} ${res.body.slice(0, 500)}`);
    return { status: res.statusCode, body };
  };
}

/** The search row of an entity, as comparable data (no row id, entity id or write time). */
async function searchRow(handle: DatabaseHandle, db: DatabaseHandle['db'], scope: string, id: string) {
  const row = await db
    .selectFrom('searchEntries')
    .select(['title', 'summary', 'body', 'publishedOn', 'windowStart', 'windowEnd', 'boost', 'filters'])
    .where('scope', '=', scope)
    .where('entityId', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const out: Record<string, unknown> = { ...row, filters: fromJson(row.filters, {}) };
  if (handle.dialect.name === 'postgres') {
    const r = await db
      .selectFrom('searchEntries')
      .select(sql<string>`array_to_string(tsvector_to_array(tsv), ' ')`.as('tokens'))
      .where('scope', '=', scope)
      .where('entityId', '=', id)
      .executeTakeFirstOrThrow();
    // PostgreSQL keeps the tokens in the row: compare them too (sorted, the order is the vector's).
    out.tokens = String(r.tokens).split(' ').sort().join(' ');
  }
  return out;
}

class Rollback extends Error {}

/**
 * The bulk path must index exactly as the services do: a twin of an entity published through the API, written by
 * the bulk path in a transaction that is then rolled back, must get the same search row.
 */
async function checkTwins(
  handle: DatabaseHandle,
  writer: BulkWriter,
  sample: {
    document: { id: string; input: DocumentInput };
    program: { id: string; input: ProgramInput };
    interpretation: { id: string; input: InterpretationInput };
  },
): Promise<string> {
  const mismatches: string[] = [];
  try {
    await handle.db.transaction().execute(async (trx) => {
      const twins: [string, string, string][] = [
        ['policy_document', sample.document.id, (await writer.document(trx, sample.document.input)).id],
        ['policy_program', sample.program.id, await writer.program(trx, sample.program.input)],
        [
          'policy_interpretation',
          sample.interpretation.id,
          await writer.interpretation(trx, sample.interpretation.input),
        ],
      ];
      for (const [scope, apiId, bulkId] of twins) {
        const a = await searchRow(handle, trx, scope, apiId);
        const b = await searchRow(handle, trx, scope, bulkId);
        if (!a || !b) mismatches.push(`${scope}: missing row (api ${!!a}, bulk ${!!b})`);
        else
          for (const k of Object.keys(a))
            if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) mismatches.push(`${scope}.${k}`);
      }
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  if (mismatches.length)
    throw new Error(`bulk-indexed entries differ from API-indexed ones: ${mismatches.join(', ')}`);
  return 'bulk rows equal API rows (document, program, interpretation)';
}

const REUSED: LoadStats = {
  apiMs: 0,
  apiOps: 0,
  bulkMs: 0,
  optimizeMs: 0,
  entries: 0,
  bodyChars: 0,
  twinCheck: 'database reused from an earlier run',
};

async function loadCorpus(handle: DatabaseHandle, config: Config): Promise<LoadStats> {
  const db = handle.db;
  await seedReferenceData(db);
  const departments: string[] = [];
  for (const name of [
    '区科学技术局',
    '区商务局',
    '区工业和信息化局',
    '区人力资源和社会保障局',
    '区财政局',
    '区发展和改革局',
  ])
    departments.push(await makeDepartment(handle, { name }));
  const editor = await makeStaff(handle, ['policy_editor']);

  // The API part: the real app in this process, driven through inject with an editor's session.
  const app = await buildApp({ config, database: handle, logger: false, webRoot: null });
  await app.ready();
  const today = shanghaiToday(systemClock.now());
  const r = new SeededRandom(20_261_126);
  let entries = 0;
  let bodyChars = 0;
  let apiOps = 0;
  const docs: { id: string; title: string; topics: string[] }[] = [];
  const search = new SearchIndex(db, handle.dialect, systemClock);
  let writer: BulkWriter;
  let sample: Parameters<typeof checkTwins>[2];
  const apiStarted = performance.now();
  try {
    const call = apiCaller(app, await login(app, editor.username, editor.password));
    const catalogue = (await call('GET', '/policies/rules/catalogue')).body as FactCatalogue;
    writer = new BulkWriter(handle, editor.id, catalogue, search);
    const rules = PROGRAM_FIXTURES.map((f) => f.rules).filter((x) => validateRuleSet(x, catalogue).ok);
    if (!rules.length) throw new Error('no program fixture validates against the catalogue');

    const docInputs: DocumentInput[] = [];
    for (let n = 0; n < DOCS; n++) docInputs.push(makeDocument(r, n, today));
    for (const d of docInputs) bodyChars += d.bodyHtml?.length ?? 0;

    let firstDoc: { id: string; input: DocumentInput } | undefined;
    for (const input of docInputs.slice(0, API_DOCS)) {
      const created = (await call('POST', '/policies/documents', input)).body as Created;
      await call('POST', `/policies/documents/${created.id}/publish`, { revision: created.revision });
      apiOps += 2;
      docs.push({ id: created.id, title: input.title, topics: input.topics ?? [] });
      firstDoc ??= { id: created.id, input };
    }
    const programInputs = () =>
      makeProgram(r, r.pick(docs.slice(0, Math.max(API_DOCS, 1))), departments, rules, today);
    let firstProgram: { id: string; input: ProgramInput } | undefined;
    for (let n = 0; n < API_PROGRAMS; n++) {
      const input = programInputs();
      const created = (await call('POST', '/policies/programs', input)).body as Created;
      await call('POST', `/policies/programs/${created.id}/publish`, { revision: created.revision });
      apiOps += 2;
      firstProgram ??= { id: created.id, input };
    }
    let firstInterpretation: { id: string; input: InterpretationInput } | undefined;
    for (let n = 0; n < API_INTERPRETATIONS; n++) {
      const input = makeInterpretation(r, r.sample(docs, r.pick([1, 1, 2])));
      const created = (await call('POST', '/policies/interpretations', input)).body as Created;
      await call('POST', `/policies/interpretations/${created.id}/publish`, { revision: created.revision });
      apiOps += 2;
      firstInterpretation ??= { id: created.id, input };
    }
    entries += API_DOCS + API_PROGRAMS + API_INTERPRETATIONS;
    if (!firstDoc || !firstProgram || !firstInterpretation)
      throw new Error('the API sample needs at least one document, program and interpretation');
    sample = { document: firstDoc, program: firstProgram, interpretation: firstInterpretation };

    const apiMs = performance.now() - apiStarted;
    log(
      `   through the API: ${API_DOCS} documents, ${API_PROGRAMS} programs, ${API_INTERPRETATIONS} interpretations ` +
        `(${apiOps} create/publish calls) in ${(apiMs / 1000).toFixed(1)} s`,
    );

    // The bulk part: the module's repository and indexer, in transactions of BULK_BATCH.
    const bulkStarted = performance.now();
    const rest = docInputs.slice(API_DOCS);
    await writer.batched(rest, async (trx, input) => {
      const row = await writer.document(trx, input);
      docs.push({ id: row.id, title: row.title, topics: row.topics });
    });
    log(`   bulk: ${rest.length} documents in ${((performance.now() - bulkStarted) / 1000).toFixed(1)} s`);
    const programs: ProgramInput[] = [];
    for (let n = API_PROGRAMS; n < PROGRAMS; n++)
      programs.push(makeProgram(r, r.pick(docs), departments, rules, today));
    await writer.batched(programs, async (trx, input) => {
      await writer.program(trx, input);
    });
    const interpretations: InterpretationInput[] = [];
    for (let n = API_INTERPRETATIONS; n < INTERPRETATIONS; n++)
      interpretations.push(makeInterpretation(r, r.sample(docs, r.pick([1, 1, 2]))));
    await writer.batched(interpretations, async (trx, input) => {
      await writer.interpretation(trx, input);
    });
    entries += rest.length + programs.length + interpretations.length;
    const bulkMs = performance.now() - bulkStarted;
    log(
      `   bulk: ${rest.length} documents, ${programs.length} programs, ${interpretations.length} interpretations ` +
        `in ${(bulkMs / 1000).toFixed(1)} s`,
    );
    const twinCheck = await checkTwins(handle, writer, sample);
    log(`   check: ${twinCheck}`);
    const counted = await db
      .selectFrom('searchEntries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(counted.n) !== entries)
      throw new Error(`expected ${entries} search entries, the index holds ${counted.n}`);
    // What an import or a rebuild does after a bulk load (FTS5 segment merge; VACUUM ANALYZE on PostgreSQL). An
    // index grown one publish at a time gets the same from FTS5's automerge and from autovacuum.
    const optimizeStarted = performance.now();
    await search.optimize();
    const optimizeMs = performance.now() - optimizeStarted;
    return { apiMs, apiOps, bulkMs, optimizeMs, entries, bodyChars, twinCheck };
  } finally {
    await app.close();
  }
}

// --- load ----------------------------------------------------------------------------------------------------

interface DatabaseRun {
  database: string;
  load: LoadStats;
  totals: Record<string, number>;
  reference: Latency;
  mixed: Latency;
  classes: Latency[];
  loadAverage: { before: number[]; after: number[] };
}

async function loadTest(database: string, env: NodeJS.ProcessEnv, load: LoadStats): Promise<DatabaseRun> {
  const { totals, reference, mixed, classes, loadAverage } = await measureSearchServer({
    entry: path.join(BENCH_DIR, 'policy-search.ts'),
    roleEnv: ROLE_ENV,
    env,
    queries: QUERIES,
    pathOf: searchPath,
    checkTotals: (totals) => {
      for (const q of QUERIES['no hit']!)
        if (totals[q]) throw new Error(`the no-hit query ${q} found ${totals[q]}`);
      for (const q of Object.entries(QUERIES).flatMap(([c, qs]) => (c === 'no hit' ? [] : qs)))
        if (!totals[q]) throw new Error(`the query ${q} found nothing: the corpus does not exercise it`);
    },
    durationS: DURATION_S,
    classDurationS: CLASS_DURATION_S,
    shape: { connections: CONNECTIONS, warmupS: WARMUP_S },
    heading: `${database}: GET ${SEARCH_PATH}, ${CONNECTIONS} connections`,
    targetP95Ms: TARGET_P95_MS,
  });
  log(
    `  load average before ${loadAverage.before.join(' / ')}, after ${loadAverage.after.join(' / ')} (1 / 5 / 15 min, ${os.cpus().length} CPUs)`,
  );
  return { database, load, totals, reference, mixed, classes, loadAverage };
}

const rowsFor = (run: DatabaseRun): SummaryRow[] =>
  searchSummaryRows(
    `policy search ${run.database} (${run.load.entries} entries, ${CONNECTIONS} conn)`,
    run,
    TARGET_P95_MS,
  );

const failedRow = (database: string): SummaryRow =>
  errorRow(`policy search ${database}`, `p95 ≤ ${TARGET_P95_MS} ms`);

async function pgDatabaseExists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: `postgres://${PG_USER}@${PG_HOST}:5432/postgres` });
  await c.connect();
  try {
    return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

async function runOn(
  database: 'SQLite' | 'PostgreSQL',
  baseEnv: NodeJS.ProcessEnv,
  dataDir: string,
  databaseUrl?: string,
): Promise<DatabaseRun> {
  const env = appServerEnv(baseEnv, dataDir, databaseUrl);
  const { config, handle, held } = await openBenchDatabase(env, 'searchEntries');
  let load: LoadStats;
  try {
    if (held > 0) {
      // BENCH_POLICY_DATA_DIR pointed at a database an earlier run prepared: measure it again as it is.
      log(`  ${database}: reusing the ${held} search entries in ${dataDir}`);
      load = { ...REUSED, entries: held };
    } else {
      log(
        `  ${database}: loading ${DOCS} documents, ${PROGRAMS} programs, ${INTERPRETATIONS} interpretations …`,
      );
      load = await loadCorpus(handle, config);
    }
  } finally {
    await handle.close();
  }
  return loadTest(database, env, load);
}

export async function run(): Promise<BenchReport> {
  const name = 'policy-search';
  log(
    `\n== ${name}: GET ${SEARCH_PATH} on the real app, ${DOCS} documents + ${PROGRAMS} programs + ` +
      `${INTERPRETATIONS} interpretations, ${CONNECTIONS} connections, target p95 ≤ ${TARGET_P95_MS} ms ==`,
  );
  const rows: SummaryRow[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {
    docs: DOCS,
    programs: PROGRAMS,
    interpretations: INTERPRETATIONS,
    throughApi: { documents: API_DOCS, programs: API_PROGRAMS, interpretations: API_INTERPRETATIONS },
    connections: CONNECTIONS,
    durationS: DURATION_S,
    classDurationS: CLASS_DURATION_S,
    queries: QUERIES,
  };
  const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
  const note = (run: DatabaseRun) =>
    `${run.database}: ${run.load.entries} search entries (${(run.load.bodyChars / 1e6).toFixed(1)} M characters of ` +
    `HTML); API ${run.load.apiOps} calls in ${(run.load.apiMs / 1000).toFixed(1)} s, bulk ${(run.load.bulkMs / 1000).toFixed(1)} s, ` +
    `optimize ${(run.load.optimizeMs / 1000).toFixed(1)} s; ${run.load.twinCheck}; load average ` +
    `${run.loadAverage.before.join('/')} → ${run.loadAverage.after.join('/')}`;

  // SQLite (in BENCH_POLICY_DATA_DIR when given: kept afterwards, and reused by the next run); PostgreSQL, when
  // reachable: a database of its own, dropped afterwards.
  await runOnEachDatabase(
    { rows, notes, details },
    {
      tmpPrefix: 'qifu-bench-policy-search',
      skipSqliteEnv: 'BENCH_POLICY_SKIP_SQLITE',
      skipPgEnv: 'BENCH_POLICY_SKIP_PG',
      keepDir: process.env.BENCH_POLICY_DATA_DIR,
      // BENCH_POLICY_PG_KEEP=qifu_bench_<name>: that database, created when missing, kept, reused when populated.
      keepDb: () => {
        const keepDb = process.env.BENCH_POLICY_PG_KEEP;
        if (keepDb && !/^qifu_bench_[a-z0-9_]+$/.test(keepDb))
          throw new Error('BENCH_POLICY_PG_KEEP must look like qifu_bench_<name>');
        return keepDb;
      },
      pgHost: PG_HOST,
      pgUser: PG_USER,
      createDb: async (dbName) => {
        if (!process.env.BENCH_POLICY_PG_KEEP || !(await pgDatabaseExists(dbName)))
          execFileSync('createdb', ['-h', PG_HOST, '-U', PG_USER, dbName], { stdio: 'pipe' });
      },
      measure: (database, dir, databaseUrl) => runOn(database, baseEnv, dir, databaseUrl),
      rowsFor,
      noteFor: (database, result) =>
        database === 'PostgreSQL'
          ? `${note(result)}; server pool 10 connections (main.ts default)`
          : note(result),
      failedRow,
    },
  );
  notes.push(
    `${os.cpus().length} CPU(s) shared by autocannon and the server (and whatever else runs on the machine); the ` +
      'server is the whole app (buildApp: security headers, rate limiter, access control, zod validation and serialisation)',
  );
  return { name, rows, notes, details };
}

await searchBenchMain(import.meta.url, ROLE_ENV, run);
