import type { Insertable } from 'kysely';
import type { VisitForm, VisitProblemStatus, VisitTopic } from '../../../shared/visits-api';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import type { DB } from '../database';
import { toJson } from '../dialect';
import type { EnterpriseVisitNoteTable, EnterpriseVisitProblemTable, EnterpriseVisitTable } from '../schema';
import { addDays, SeededRandom } from './random';

/**
 * Demo 走访记录: about 60 visits over the twelve months before now by the seeded liaisons to their own enterprises.
 * The appeals the demo liaison submitted on an enterprise's behalf (channel `liaison` in the appeals seed) each come
 * from a visit on the day they were submitted, whose problem links the appeal; other problems are answered on the
 * spot, followed or solved. A few enterprises were last visited more than 90 days ago (走访覆盖 shows them).
 * Needs the enterprises and the appeals of the demo seed.
 */
export interface VisitSeedContext {
  clock: Clock;
  id: () => string;
}

export interface VisitSeedSummary {
  visits: number;
  visitProblems: number;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '于',
  '曲',
  '姜',
  '隋',
];
const GIVEN = [
  '建国',
  '海涛',
  '晓燕',
  '志强',
  '丽娟',
  '文博',
  '春梅',
  '国栋',
  '雪莲',
  '振华',
  '晨',
  '磊',
  '静',
  '鹏飞',
];
const POSTS = [
  '总经理',
  '董事长',
  '副总经理',
  '财务总监',
  '人力资源经理',
  '行政主管',
  '技术总监',
  '办公室主任',
];
const MARKETS = ['华东', '京津冀', '粤港澳大湾区', '日韩', '东南亚', '“一带一路”沿线'];
const BANKS = ['青岛银行', '农商银行', '建设银行', '工商银行', '招商银行'];

/** What was discussed, per topic; {n} {p} {m} {b} are filled in. */
const DISCUSSION: Record<Exclude<VisitTopic, 'other'>, readonly string[]> = {
  operations: [
    '企业今年以来营业收入同比增长约{p}%，订单主要来自{m}市场，目前生产经营总体平稳。',
    '受行业下行影响，企业上半年营收同比下降约{p}%，正在调整产品结构、压降成本。',
    '企业在手订单可排产至年底，产能利用率约{p}%，计划明年新上一条生产线。',
  ],
  employment: [
    '企业计划年内新招技术人员{n}名，反映中高级工程师招聘难，希望对接区人社局专场招聘会。',
    '企业一线员工流动性较大，咨询以工代训和稳岗返还政策。',
  ],
  financing: [
    '企业有约{n}00 万元流动资金需求，已与{b}初步接洽，希望了解“政银担”贴息和知识产权质押融资。',
    '企业计划明年启动股改，咨询区里对拟上市企业的辅导和奖励政策。',
  ],
  premises: [
    '现有办公面积已接近饱和，计划扩租约{n}00㎡，希望了解区内楼宇空置房源和租金水平。',
    '企业反映厂区周边道路施工影响物流车辆进出，希望协调施工时段。',
  ],
  policy: [
    '重点询问了高新技术企业认定、研发费用加计扣除和“专精特新”中小企业申报条件。',
    '专员介绍了今年区级产业扶持政策和“免申即享”事项，企业表示将对照条件准备材料。',
  ],
  tax: [
    '企业咨询增值税留抵退税办理进度和小微企业“六税两费”减免政策。',
    '企业反映跨区经营涉及的税收分配问题，专员已向区税务局了解口径。',
  ],
  innovation: [
    '企业今年新申请发明专利{n}件，正在筹建市级企业技术中心，希望对接驻青高校开展产学研合作。',
    '企业研发投入占营收比重约{p}%，拟申报市科技型中小企业创新项目。',
  ],
  market: [
    '企业正在开拓{m}市场，希望参加区里组织的展会和产业链供需对接活动。',
    '企业希望进入政府采购和国企供应商名录，咨询相关条件。',
  ],
  approval: [
    '企业拟新增经营范围，咨询营业执照变更和相关许可办理流程，专员已告知可全程网办。',
    '企业新建项目正在办理施工许可，咨询联合审图和并联审批的办理时限。',
  ],
};

/** Problems raised, with what usually became of them on the spot. */
const PROBLEMS: readonly { text: string; topic: VisitTopic; settled: VisitProblemStatus }[] = [
  { text: '新招员工社保参保登记流程不清楚', topic: 'employment', settled: 'answered' },
  { text: '申请的稳岗返还资金尚未到账', topic: 'employment', settled: 'resolved' },
  { text: '希望区里协助对接高校应届毕业生招聘', topic: 'employment', settled: 'resolved' },
  { text: '咨询高新技术企业认定的申报时间和材料', topic: 'policy', settled: 'answered' },
  { text: '希望了解“专精特新”中小企业申报条件', topic: 'policy', settled: 'answered' },
  { text: '企业园区周边停车位不足，员工停车困难', topic: 'premises', settled: 'resolved' },
  { text: '厂区门前道路破损，雨天积水严重', topic: 'premises', settled: 'resolved' },
  { text: '扩租需要 500㎡ 左右的办公场地', topic: 'premises', settled: 'resolved' },
  { text: '希望推荐对接科技型中小企业信用贷款产品', topic: 'financing', settled: 'resolved' },
  { text: '知识产权质押融资评估费用较高', topic: 'financing', settled: 'answered' },
  { text: '咨询留抵退税的办理进度', topic: 'tax', settled: 'answered' },
  { text: '希望参加区里组织的跨境电商培训', topic: 'market', settled: 'resolved' },
  { text: '食品经营许可证延续需要准备哪些材料', topic: 'approval', settled: 'answered' },
  { text: '研发费用加计扣除归集口径不清楚', topic: 'tax', settled: 'answered' },
];

const NOTES = [
  '企业负责人对区里的服务评价较好，配合度高。',
  '企业经营稳定，建议纳入重点培育企业名单持续跟踪。',
  '企业对政策了解不多，下次走访带上政策汇编。',
  '企业有扩产意向，需关注用地需求，及时与投促局对接。',
  '',
  '',
];

const FORMS: readonly VisitForm[] = ['onsite', 'onsite', 'onsite', 'phone', 'phone', 'meeting', 'online'];

/** Insert the demo visits; returns their counts. */
export async function seedVisits(trx: DB, c: VisitSeedContext): Promise<VisitSeedSummary> {
  const rng = new SeededRandom(20_261_127);
  const now = c.clock.now();
  const today = shanghaiDate(now);
  const enterprises = await trx
    .selectFrom('enterprises')
    .select(['id', 'name', 'liaisonUserId'])
    .where('liaisonUserId', 'is not', null)
    .orderBy('name')
    .execute();
  // Appeals a liaison submitted for his own enterprise: each is a problem raised during a visit on that day.
  const appeals = await trx
    .selectFrom('appeals as a')
    .innerJoin('appealEvents as ev', (j) => j.onRef('ev.appealId', '=', 'a.id').on('ev.seq', '=', 1))
    .innerJoin('enterprises as e', 'e.id', 'a.enterpriseId')
    .select(['a.id', 'a.enterpriseId', 'a.submittedBy', 'a.title', 'a.topicCode', 'ev.at'])
    .where('a.channel', '=', 'liaison')
    .whereRef('a.submittedBy', '=', 'e.liaisonUserId')
    .orderBy('ev.at')
    .orderBy('a.id')
    .execute();

  const visits: Insertable<EnterpriseVisitTable>[] = [];
  const problems: Insertable<EnterpriseVisitProblemTable>[] = [];
  const notes: Insertable<EnterpriseVisitNoteTable>[] = [];
  const fill = (s: string) =>
    s
      .replaceAll('{n}', String(rng.int(2, 30)))
      .replaceAll('{p}', String(rng.int(8, 35)))
      .replaceAll('{m}', rng.pick(MARKETS))
      .replaceAll('{b}', rng.pick(BANKS));

  const addVisit = (
    enterpriseId: string,
    liaisonId: string,
    visitedOn: string,
    linked?: { appealId: string; title: string },
  ) => {
    const id = c.id();
    const ageDays = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${visitedOn}T00:00:00Z`)) / 86_400_000,
    );
    const topics = rng.sample(Object.keys(DISCUSSION) as Exclude<VisitTopic, 'other'>[], rng.int(1, 3));
    const form = linked ? 'onsite' : rng.pick(FORMS);
    const discussion = topics.map((t) => fill(rng.pick(DISCUSSION[t]))).join('');
    const people = Array.from({ length: form === 'meeting' ? rng.int(2, 4) : rng.int(1, 2) }, () => ({
      name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
      post: rng.pick(POSTS),
    }));
    // Written up the same evening or the next day, never after now.
    const written = new Date(
      Math.min(
        Date.parse(
          `${addDays(visitedOn, rng.chance(0.7) ? 0 : 1)}T10:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`,
        ),
        now.getTime() - 3_600_000,
      ),
    ).toISOString();
    visits.push({
      id,
      enterpriseId,
      liaisonId,
      visitedOn,
      form,
      people: toJson(people),
      topics: toJson(topics),
      topicNote: '',
      discussion,
      note: rng.pick(NOTES),
      nextVisitOn: rng.chance(0.6) ? addDays(visitedOn, rng.pick([60, 90, 90, 120])) : null,
      version: 1,
      createdAt: written,
      updatedAt: written,
    });
    let seq = 0;
    if (linked) {
      problems.push({
        id: c.id(),
        visitId: id,
        seq: ++seq,
        text: linked.title,
        status: 'appeal',
        appealId: linked.appealId,
        updatedAt: written,
      });
    }
    for (const pr of rng.sample(PROBLEMS, rng.int(0, linked ? 1 : 2))) {
      // Recent problems are still being followed; older ones were settled.
      const status: VisitProblemStatus =
        pr.settled === 'answered' ? 'answered' : ageDays < 45 || rng.chance(0.15) ? 'following' : 'resolved';
      problems.push({
        id: c.id(),
        visitId: id,
        seq: ++seq,
        text: pr.text,
        status,
        appealId: null,
        updatedAt: written,
      });
    }
    // Now and then a correction appended after the edit window.
    if (ageDays > 30 && rng.chance(0.08)) {
      notes.push({
        id: c.id(),
        visitId: id,
        authorId: liaisonId,
        text: rng.pick([
          '更正：座谈人员职务有误，应为副总经理。',
          '补充：企业已于走访后一周提交相关申报材料。',
          '更正：走访形式应为上门走访。',
        ]),
        createdAt: new Date(
          Math.min(Date.parse(written) + 9 * 86_400_000, now.getTime() - 60_000),
        ).toISOString(),
      });
    }
  };

  // Ten of the liaisons' appeals spread over the year, each from a visit on its submission day.
  const step = Math.max(1, Math.floor(appeals.length / 10));
  const linkedAppeals = appeals.filter((_, i) => i % step === step - 1).slice(-10);
  for (const a of linkedAppeals) {
    const day = shanghaiDate(new Date(a.at));
    if (day > today) continue;
    addVisit(a.enterpriseId!, a.submittedBy!, day, { appealId: a.id, title: a.title });
  }

  // Regular visits: about quarterly per enterprise; three enterprises last visited more than 90 days ago.
  const recentlyLinked = new Set(
    visits.filter((v) => v.visitedOn >= addDays(today, -100)).map((v) => v.enterpriseId),
  );
  const stale = new Set(
    rng.sample(
      enterprises.filter((e) => !recentlyLinked.has(e.id)).map((e) => e.id),
      3,
    ),
  );
  const target = 60 - visits.length;
  const perEnterprise = Math.max(1, Math.ceil(target / Math.max(1, enterprises.length)));
  for (const e of enterprises) {
    const latest = stale.has(e.id) ? rng.int(100, 200) : rng.int(3, 80);
    let ago = latest;
    for (let i = 0; i < perEnterprise + rng.int(-1, 1) && ago <= 360; i++) {
      addVisit(e.id, e.liaisonUserId!, addDays(today, -ago));
      ago += rng.int(60, 110);
    }
  }
  // One visit written up yesterday, still open for changes in the demo.
  const fresh = enterprises.find((e) => !stale.has(e.id));
  if (fresh) addVisit(fresh.id, fresh.liaisonUserId!, addDays(today, -1));

  for (let i = 0; i < visits.length; i += 200)
    await trx
      .insertInto('enterpriseVisits')
      .values(visits.slice(i, i + 200))
      .execute();
  for (let i = 0; i < problems.length; i += 200)
    await trx
      .insertInto('enterpriseVisitProblems')
      .values(problems.slice(i, i + 200))
      .execute();
  if (notes.length) await trx.insertInto('enterpriseVisitNotes').values(notes).execute();
  return { visits: visits.length, visitProblems: problems.length };
}
