import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type {
  AppealKbEntry,
  AppealKbHit,
  AppealKbList,
  AppealKbSearch,
  AppealKbStatus,
  appealKbInputSchema,
  appealKbManageQuerySchema,
  appealKbPatchSchema,
  appealKbSearchQuerySchema,
} from '../../../shared/appeals-api';
import type { Role } from '../../../shared/roles';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { type Dialect, likeEscape, likePattern } from '../../db/dialect';
import type { AppealKbTable } from '../../db/schema';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { SearchIndex } from '../../platform/text/search-index';

/**
 * The knowledge base (知识库, SPEC §2.4): question + answer pairs curated by dispatchers and content editors, most
 * of them from closed 咨询 appeals. Drafts and archived entries are seen by curators only; a published entry is in
 * the platform's search index (scope `kb`, filter `topic`) and found by everyone, on the KB page and before an
 * enterprise submits an appeal (GET /appeals/similar).
 */

export const KB_SCOPE = 'kb';
/** Who curates the knowledge base. */
export const KB_CURATORS: readonly Role[] = ['dispatcher', 'content_editor'];

type KbRow = Selectable<AppealKbTable>;

export function isCurator(ctx: RequestContext): boolean {
  return !!ctx.principal && KB_CURATORS.some((r) => ctx.principal!.roles.includes(r));
}

/** Put a published entry into the index, or take any other out of it (inside the transaction that changed it). */
export async function indexKbEntry(
  search: SearchIndex,
  trx: DB,
  row: KbRow,
  topicName: string | null,
): Promise<void> {
  if (row.status !== 'published') return search.remove(trx, KB_SCOPE, row.id);
  await search.upsert(trx, {
    scope: KB_SCOPE,
    id: row.id,
    title: row.question,
    summary: topicName,
    body: row.answer,
    filters: { topic: row.topicCode },
    publishedOn: row.publishedAt ? shanghaiDate(new Date(row.publishedAt)) : null,
  });
}

async function topicNames(db: DB, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('appealTopics')
    .select(['code', 'name'])
    .where('code', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export class AppealKbService {
  constructor(private readonly p: Platform) {}

  private get db(): DB {
    return this.p.database.db;
  }

  /** Public search over published entries (Chinese full text, highlighted). */
  async search(q: z.output<typeof appealKbSearchQuerySchema>): Promise<AppealKbSearch> {
    const r = await this.p.search.search({
      query: q.q,
      scopes: [KB_SCOPE],
      filters: { topic: q.topicCode },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      ...(await this.hits(r.items)),
      total: r.total,
      page: q.page,
      pageSize: q.pageSize,
      terms: r.terms,
    };
  }

  /** Index hits → KB hits (only entries still published: the index and the table agree, this is a guard). */
  async hits(
    items: readonly {
      id: string;
      titleHtml: string;
      snippet: string;
      publishedOn: string | null;
      score: number;
    }[],
  ) {
    if (!items.length) return { items: [] as AppealKbHit[] };
    const rows = await this.db
      .selectFrom('appealKb as k')
      .leftJoin('appealTopics as t', 't.code', 'k.topicCode')
      .select(['k.id', 'k.question', 'k.topicCode', 't.name as topicName'])
      .where(
        'k.id',
        'in',
        items.map((h) => h.id),
      )
      .where('k.status', '=', 'published')
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: AppealKbHit[] = [];
    for (const h of items) {
      const r = byId.get(h.id);
      if (!r) continue;
      out.push({
        id: r.id,
        question: r.question,
        questionHtml: h.titleHtml,
        snippet: h.snippet,
        topicCode: r.topicCode,
        topicName: r.topicName ?? null,
        publishedOn: h.publishedOn,
        score: h.score,
      });
    }
    return { items: out };
  }

  /** One entry: published ones for everyone (counted as a view), any for curators. */
  async get(ctx: RequestContext, id: string): Promise<AppealKbEntry> {
    const curator = isCurator(ctx);
    const row = await this.db.selectFrom('appealKb').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (!curator && row.status !== 'published')) throw notFound('知识库条目');
    if (!curator) {
      await this.db
        .updateTable('appealKb')
        .set((eb) => ({ views: eb('views', '+', 1) }))
        .where('id', '=', id)
        .execute();
      row.views += 1;
    }
    return this.present(this.db, row, curator);
  }

  /** The curators' list, drafts and archived entries included, newest change first. */
  async manage(q: z.output<typeof appealKbManageQuerySchema>): Promise<AppealKbList> {
    let base = this.db.selectFrom('appealKb');
    if (q.status) base = base.where('status', '=', q.status);
    if (q.topicCode) base = base.where('topicCode', '=', q.topicCode);
    if (q.q) {
      const pattern = sql<string>`${likePattern(q.q)} escape ${likeEscape}`;
      const like = this.p.database.dialect.likeOperator;
      base = base.where((eb) => eb.or([eb('question', like, pattern), eb('answer', like, pattern)]));
    }
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const items = await this.presentMany(this.db, rows, true);
    return { items, total: Number(counted.n), page: q.page, pageSize: q.pageSize };
  }

  /** A draft, from a closed 咨询 appeal or written freely. */
  async create(ctx: RequestContext, input: z.output<typeof appealKbInputSchema>): Promise<AppealKbEntry> {
    return this.db.transaction().execute(async (trx) => {
      let question = input.question;
      let answer = input.answer;
      let topicCode = input.topicCode;
      let sourceAppealId: string | null = null;
      if (input.sourceAppealId) {
        const a = await trx
          .selectFrom('appeals')
          .select(['id', 'code', 'type', 'state', 'title', 'replyContent', 'topicCode'])
          .where('id', '=', input.sourceAppealId)
          .executeTakeFirst();
        if (!a) throw fieldError('sourceAppealId', 'VALIDATION_FAILED', '来源诉求不存在');
        if (a.type !== 'consult')
          throw new AppError('CONFLICT', `只有咨询类诉求可以转为知识库条目（诉求 ${a.code} 不是咨询）`);
        if (a.state !== 'closed')
          throw new AppError('CONFLICT', `只有已办结的诉求可以转为知识库条目（诉求 ${a.code} 尚未办结）`);
        sourceAppealId = a.id;
        question ??= a.title.trim().slice(0, 300);
        answer ??= a.replyContent?.trim() || undefined;
        if (topicCode === undefined) topicCode = a.topicCode;
        if (!answer) throw fieldError('answer', 'VALIDATION_FAILED', '来源诉求没有答复内容，请填写答案');
        if (question.length < 2) throw fieldError('question', 'VALIDATION_FAILED', '问题至少 2 个字');
      }
      if (!question || !answer) throw fieldError(question ? 'answer' : 'question', 'VALIDATION_FAILED');
      await this.checkTopic(trx, topicCode ?? null);
      const now = this.p.clock.now().toISOString();
      const row: KbRow = {
        id: newId(),
        question,
        answer,
        topicCode: topicCode ?? null,
        sourceAppealId,
        status: 'draft',
        views: 0,
        createdBy: ctx.principal?.userId ?? null,
        updatedBy: ctx.principal?.userId ?? null,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
      };
      await trx.insertInto('appealKb').values(row).execute();
      await this.p.audit.write(trx, ctx, {
        action: 'appeal_kb.create',
        objectType: 'appeal_kb',
        objectId: row.id,
        details: { question: row.question, topicCode: row.topicCode, sourceAppealId },
      });
      return this.present(trx, row, true);
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    patch: z.output<typeof appealKbPatchSchema>,
  ): Promise<AppealKbEntry> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.load(trx, id);
      if (patch.topicCode !== undefined) await this.checkTopic(trx, patch.topicCode);
      const next: KbRow = {
        ...row,
        question: patch.question ?? row.question,
        answer: patch.answer ?? row.answer,
        topicCode: patch.topicCode === undefined ? row.topicCode : patch.topicCode,
        updatedBy: ctx.principal?.userId ?? null,
        updatedAt: this.p.clock.now().toISOString(),
      };
      await this.write(trx, row, next);
      await this.p.audit.write(trx, ctx, {
        action: 'appeal_kb.update',
        objectType: 'appeal_kb',
        objectId: id,
        details: { fields: Object.keys(patch) },
      });
      return this.present(trx, next, true);
    });
  }

  /** Publish (a draft, or an archived entry again): into the search index. */
  async publish(ctx: RequestContext, id: string): Promise<AppealKbEntry> {
    return this.transition(ctx, id, 'published', ['draft', 'archived'], '该条目已发布');
  }

  /** Archive: out of the search index and the public pages. */
  async archive(ctx: RequestContext, id: string): Promise<AppealKbEntry> {
    return this.transition(ctx, id, 'archived', ['draft', 'published'], '该条目已归档');
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    to: AppealKbStatus,
    from: readonly AppealKbStatus[],
    already: string,
  ): Promise<AppealKbEntry> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.load(trx, id);
      if (!from.includes(row.status as AppealKbStatus)) throw new AppError('INVALID_TRANSITION', already);
      const now = this.p.clock.now().toISOString();
      const next: KbRow = {
        ...row,
        status: to,
        publishedAt: to === 'published' ? (row.publishedAt ?? now) : row.publishedAt,
        updatedBy: ctx.principal?.userId ?? null,
        updatedAt: now,
      };
      await this.write(trx, row, next);
      await this.p.audit.write(trx, ctx, {
        action: to === 'published' ? 'appeal_kb.publish' : 'appeal_kb.archive',
        objectType: 'appeal_kb',
        objectId: id,
        details: { from: row.status, to },
      });
      return this.present(trx, next, true);
    });
  }

  private async load(trx: DB, id: string): Promise<KbRow> {
    const row = await trx.selectFrom('appealKb').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('知识库条目');
    return row;
  }

  /** Store the change (only if nobody changed the row meanwhile) and bring the index in line. */
  private async write(trx: DB, before: KbRow, next: KbRow): Promise<void> {
    const r = await trx
      .updateTable('appealKb')
      .set({
        question: next.question,
        answer: next.answer,
        topicCode: next.topicCode,
        status: next.status,
        publishedAt: next.publishedAt,
        updatedBy: next.updatedBy,
        updatedAt: next.updatedAt,
      })
      .where('id', '=', before.id)
      .where('updatedAt', '=', before.updatedAt)
      .where('status', '=', before.status)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION');
    const names = await topicNames(trx, [next.topicCode]);
    await indexKbEntry(this.p.search, trx, next, next.topicCode ? (names.get(next.topicCode) ?? null) : null);
  }

  private async checkTopic(trx: DB, code: string | null): Promise<void> {
    if (code === null) return;
    const t = await trx.selectFrom('appealTopics').select('code').where('code', '=', code).executeTakeFirst();
    if (!t) throw fieldError('topicCode', 'APPEAL_UNKNOWN_TOPIC');
  }

  private async present(db: DB, row: KbRow, curator: boolean): Promise<AppealKbEntry> {
    return (await this.presentMany(db, [row], curator))[0]!;
  }

  private async presentMany(db: DB, rows: readonly KbRow[], curator: boolean): Promise<AppealKbEntry[]> {
    const names = await topicNames(
      db,
      rows.map((r) => r.topicCode),
    );
    const sourceIds = curator ? rows.map((r) => r.sourceAppealId).filter((x): x is string => !!x) : [];
    const sources = new Map<string, string>();
    if (sourceIds.length) {
      const found = await db
        .selectFrom('appeals')
        .select(['id', 'code'])
        .where('id', 'in', sourceIds)
        .execute();
      for (const s of found) sources.set(s.id, s.code);
    }
    return rows.map((r) => ({
      id: r.id,
      question: r.question,
      answer: r.answer,
      topicCode: r.topicCode,
      topicName: r.topicCode ? (names.get(r.topicCode) ?? null) : null,
      status: r.status as AppealKbStatus,
      views: Number(r.views),
      source:
        curator && r.sourceAppealId
          ? { id: r.sourceAppealId, code: sources.get(r.sourceAppealId) ?? r.sourceAppealId }
          : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      publishedAt: r.publishedAt,
    }));
  }
}

// ——— demo content ———

export interface DemoKbEntry {
  topicCode: string;
  question: string;
  answer: string;
  /** Day it was published (YYYY-MM-DD), before the demo's "today". */
  publishedOn: string;
}

/**
 * Knowledge-base answers of the demo district: the questions enterprises ask most, answered the way the handling
 * units answer them (procedure, where, how long, what to bring), without phone numbers or promises a real office
 * would not make. Topic codes are those of seed/appeal-catalogue.ts.
 */
export const DEMO_KB: readonly DemoKbEntry[] = [
  {
    topicCode: 'approval_business_license',
    question: '新办企业营业执照需要哪些材料？多久能拿到？',
    answer:
      '有限责任公司设立登记一般需要：公司登记（备案）申请书、公司章程、股东主体资格证明、法定代表人和董事监事经理的任职文件及身份证明、住所使用证明。通过“山东省企业开办一网通办”平台在线申报，材料齐全、符合法定形式的，营业执照、公章刻制、银行预约开户、社保和公积金登记可以一次办结，一般 1 个工作日内办完；选择邮寄的，电子营业执照可同时在手机上领取。',
    publishedOn: '2026-03-02',
  },
  {
    topicCode: 'approval_business_license',
    question: '公司变更注册地址（住所）要怎么办理？跨区迁移要跑几个地方？',
    answer:
      '在本区范围内变更住所，在一网通办平台提交变更登记申请和新住所使用证明即可，不需要到现场。从其他区迁入市南区的，在迁入地（市南区行政审批服务局）一处申请，迁出手续由登记机关内部流转，统一社会信用代码不变。迁移前请先在税务部门结清应申报事项，否则会影响迁移。',
    publishedOn: '2026-03-09',
  },
  {
    topicCode: 'approval_business_license',
    question: '没有经营过的公司可以简易注销吗？',
    answer:
      '未发生债权债务或已将债权债务清偿完结、未发生或已结清清偿费用、职工工资、社会保险费用、法定补偿金和应缴税款，且没有被列入经营异常名录或严重违法失信名单的企业，可以申请简易注销。在国家企业信用信息公示系统公告 20 天，公告期满无异议即可申请注销登记。税务方面，未办理过涉税事宜或无欠税的纳税人可以免予办理清税证明。',
    publishedOn: '2026-04-15',
  },
  {
    topicCode: 'social_insurance',
    question: '新成立的公司怎么办理单位社保开户？',
    answer:
      '通过企业开办一网通办申报时勾选“社保登记”的，营业执照办好后单位社保账户自动开立。未勾选的，可以在山东省人力资源和社会保障网上服务平台“单位参保登记”办理，需要营业执照、法定代表人身份证件和银行账户信息。开户后在 30 日内为员工办理增员参保，缴费通过税务部门征收，每月按核定金额扣缴。',
    publishedOn: '2026-02-20',
  },
  {
    topicCode: 'social_insurance',
    question: '员工入职晚交了几个月社保，单位能补缴吗？',
    answer:
      '用人单位未按时为职工参保缴费的，可以向社保经办机构申请补缴，需提供劳动合同、工资发放记录等证明劳动关系存续的材料；补缴的同时按规定加收滞纳金。跨年度补缴需要经办机构审核。建议员工入职当月即办理增员，避免补缴和断缴影响职工待遇。',
    publishedOn: '2026-05-11',
  },
  {
    topicCode: 'tax_incentives',
    question: '研发费用加计扣除现在是什么比例？什么时候可以享受？',
    answer:
      '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，再按照实际发生额的 100% 在税前加计扣除；形成无形资产的，按照无形资产成本的 200% 在税前摊销。企业可以在 7 月预缴和 10 月预缴时就前三季度（或上半年）的研发费用自主选择享受，也可以在次年汇算清缴时统一享受。烟草制造、住宿餐饮、批发零售、房地产、租赁和商务服务、娱乐业等负面清单行业不适用。',
    publishedOn: '2026-03-18',
  },
  {
    topicCode: 'tax_incentives',
    question: '小型微利企业所得税优惠的条件是什么？',
    answer:
      '从事国家非限制和禁止行业，且同时符合年度应纳税所得额不超过 300 万元、从业人数不超过 300 人、资产总额不超过 5000 万元三个条件的企业，为小型微利企业，减按 25% 计算应纳税所得额，按 20% 的税率缴纳企业所得税（实际税负 5%）。预缴时即可享受，通过电子税务局申报表自动判断，无需另行备案。',
    publishedOn: '2026-04-02',
  },
  {
    topicCode: 'tax_filing_invoice',
    question: '数电发票的开票额度不够用了，怎么调整？',
    answer:
      '数电票实行开具金额总额度管理，系统按纳税人的信用等级、经营情况等动态调整。额度不够时，可以在电子税务局“开票业务—发票额度调整申请”提交临时调增申请，说明原因并附合同等证明材料，税务机关审核后调整。纳税信用良好、经营稳定的企业额度会随开票和申报情况自动提升。',
    publishedOn: '2026-05-20',
  },
  {
    topicCode: 'tech_innovation',
    question: '申请高新技术企业认定需要满足哪些条件？',
    answer:
      '主要条件包括：申请时注册成立一年以上；通过自主研发、受让、并购等方式获得对主要产品（服务）在技术上起核心支持作用的知识产权所有权；主要产品技术属于《国家重点支持的高新技术领域》；科技人员占职工总数比例不低于 10%；近三个会计年度研发费用占销售收入比例符合要求（最近一年销售收入小于 5000 万元的不低于 5%）；近一年高新技术产品（服务）收入占总收入比例不低于 60%；创新能力评价达到要求；申请前一年内未发生重大安全、质量事故或严重环境违法行为。每年集中受理，具体时间以当年通知为准，区科技局可提供申报辅导。',
    publishedOn: '2026-03-25',
  },
  {
    topicCode: 'tech_innovation',
    question: '科技型中小企业评价入库有什么好处？怎么申请？',
    answer:
      '科技型中小企业在全国科技型中小企业信息服务平台自主填报、自我评价，经省市科技部门审核公示后入库并取得登记编号。入库企业可以享受研发费用加计扣除等政策，也是申报多项科技计划和金融支持的基础条件。评价每年开展，需在当年汇算清缴前完成入库才能在汇算时享受相关优惠。',
    publishedOn: '2026-04-08',
  },
  {
    topicCode: 'finance_loans',
    question: '创业担保贷款的申请条件和额度是多少？',
    answer:
      '符合条件的个人创业者最高可申请 30 万元创业担保贷款，合伙创业的可适当提高额度；符合条件的小微企业最高可申请 400 万元（以当年政策为准）。贷款由政府性融资担保机构担保，按规定给予贴息，个人贷款一般免除反担保。申请人向区人社部门或合作银行提出申请，提交身份证明、营业执照、经营场所证明、创业计划等材料，经审核、担保、银行审批后放款。',
    publishedOn: '2026-03-30',
  },
  {
    topicCode: 'finance_loans',
    question: '贷款快到期了资金周转不开，有没有应急转贷？',
    answer:
      '区内生产经营正常、银行已同意续贷的企业，可以申请使用应急转贷资金用于归还到期贷款，银行续贷放款后归还转贷资金，使用期限一般不超过 15 天，按日收取较低的资金使用费。请在贷款到期前与贷款银行确认续贷意向，并向区金融服务中心提出申请。',
    publishedOn: '2026-06-12',
  },
  {
    topicCode: 'policy_specialized',
    question: '专精特新中小企业怎么申报？需要满足哪些指标？',
    answer:
      '先通过创新型中小企业评价，再申报省级专精特新中小企业。认定条件包括：从事特定细分市场时间 2 年以上；上年度研发费用总额不低于 100 万元且占营业收入总额比重不低于 3%；上年度营业收入不低于 1000 万元（或近两年新增股权融资达到一定金额）；并在专业化、精细化、特色化、创新能力等方面满足评分或特色指标要求。申报通过优质中小企业梯度培育平台进行，区工信部门负责初审推荐。',
    publishedOn: '2026-04-20',
  },
  {
    topicCode: 'policy_specialized',
    question: '“小升规”企业有奖励吗？',
    answer:
      '首次纳入规模以上统计的工业、服务业等企业，可以按区里当年的扶持政策申请一次性奖励，奖励标准和申报时间以当年发布的申报指南为准；部分奖励已实行“免申即享”，名单由统计和工信部门核对后直接兑付。请关注平台“政策”栏目的申报通知，或在“政策匹配”里查看本企业是否符合。',
    publishedOn: '2026-05-06',
  },
  {
    topicCode: 'talent_services',
    question: '人才公寓的申请条件是什么？怎么申请？',
    answer:
      '人才公寓面向在本区企业全职工作、缴纳社保的各类人才，优先保障高层次人才、博士和重点企业急需人才；本人及配偶在本市无自有住房。由用人单位统一申请，提交人才身份证明（学历、职称或人才认定证书）、劳动合同、社保缴纳记录和无房证明，经审核后按轮候顺序配租。租金低于同地段市场租金，租期一般不超过 3 年，期满经审核可续租。',
    publishedOn: '2026-03-12',
  },
  {
    topicCode: 'talent_services',
    question: '新引进的硕士、博士有哪些安家费或生活补贴？',
    answer:
      '全日制博士、硕士研究生和“双一流”高校本科毕业生首次来青工作的，可按市级政策申请一次性安家费或生活补贴，并可申请青年人才租房补贴。申请一般由本人通过“青岛人才”平台在线提交，用人单位确认劳动关系和社保缴纳情况。具体标准和年龄等条件以当年政策文件为准。',
    publishedOn: '2026-04-28',
  },
  {
    topicCode: 'housing_fire_acceptance',
    question: '写字楼装修后要办消防验收还是消防备案？',
    answer:
      '按照建设工程消防设计审查验收管理规定，特殊建设工程（如建筑面积大于 1000 平方米的写字楼办公场所、大于 500 平方米的餐饮场所等人员密集场所）实行消防验收；其他建设工程实行竣工验收消防备案，住建部门按比例抽查。办理前需完成消防设施检测，向区住房和城乡建设局在线申报，提交竣工验收报告、消防设施检测报告等材料。',
    publishedOn: '2026-03-16',
  },
  {
    topicCode: 'housing_fire_acceptance',
    question: '消防验收没有通过，整改后多久可以复验？',
    answer:
      '验收不合格的，住建部门会出具不合格意见并列明问题。建设单位组织整改、完成复测后重新申请验收，受理后按规定时限组织现场评定。建议整改前与施工、设计单位逐条核对意见，避免复验时再次出现同类问题。',
    publishedOn: '2026-07-03',
  },
  {
    topicCode: 'city_signboard',
    question: '新店门头牌匾需要审批吗？有什么要求？',
    answer:
      '临街店铺设置门头牌匾应当符合市南区户外招牌设置规范，一店一牌，与建筑立面协调，不得遮挡窗户和消防设施。设置前向区综合行政执法局申请（可在政务服务网在线办理），提交营业执照、设计效果图、尺寸和安装方式说明；位于历史文化街区和重点街道的，还需符合该区域的风貌要求。',
    publishedOn: '2026-03-05',
  },
  {
    topicCode: 'city_signboard',
    question: '开业想在门口挂横幅、摆拱门，需要申请吗？',
    answer:
      '在户外设置临时性的条幅、拱门、气模等属于临时户外广告，需要提前向综合行政执法部门申请，说明设置地点、规格和期限，一般期限不超过 15 天，到期自行拆除。未经批准擅自设置的，执法人员会要求限期拆除。',
    publishedOn: '2026-06-01',
  },
  {
    topicCode: 'traffic_parking',
    question: '员工停车难，企业能不能申请周边停车资源？',
    answer:
      '区里推动机关单位、商业楼宇停车场错峰共享，企业可以通过街道或楼宇服务专员提出需求，由城市管理部门协调周边共享车位、月租车位。路内泊位实行分时段收费，长时间停车建议使用路外停车场。企业自有停车场愿意对外共享的，也可以申请纳入共享停车名单。',
    publishedOn: '2026-05-14',
  },
  {
    topicCode: 'traffic_parking',
    question: '送货车辆在门店前临时卸货总被贴条，能设置装卸货泊位吗？',
    answer:
      '商户集中的路段可以由街道、商户联名提出设置临时装卸货泊位的申请，城市管理和交警部门现场勘查后，在不影响通行的前提下施划限时泊位（一般限停 15–30 分钟）。设置前请合理安排配送时间，避开早晚高峰。',
    publishedOn: '2026-06-18',
  },
  {
    topicCode: 'hr_employment',
    question: '稳岗返还怎么申请？什么时候发放？',
    answer:
      '失业保险稳岗返还一般实行“免申即享”：人社部门根据社保缴费和裁员率数据筛选符合条件的企业，经公示后直接把资金返还到企业的社保缴费账户或对公账户，企业不需要提出申请。返还比例、裁员率标准和发放时间以当年政策为准，可以在人社网上服务平台查询。',
    publishedOn: '2026-04-10',
  },
  {
    topicCode: 'hr_employment',
    question: '招用应届高校毕业生有什么补贴？',
    answer:
      '企业招用毕业年度或离校 2 年内未就业的高校毕业生，签订 1 年以上劳动合同并按规定缴纳社会保险的，可以申请一次性吸纳就业补贴和社会保险补贴。通过人社网上服务平台申请，提交劳动合同、社保缴费记录和发放工资的银行流水。具体标准以当年政策为准。',
    publishedOn: '2026-05-27',
  },
  {
    topicCode: 'market_credit_repair',
    question: '被列入经营异常名录了，补报年报后怎么移出？',
    answer:
      '因未按时公示年度报告被列入经营异常名录的，补报并公示年报后，通过国家企业信用信息公示系统申请移出，市场监管部门自收到申请之日起 5 个工作日内作出移出决定，不需要到现场。因通过登记的住所无法联系被列入的，需先办理住所变更登记或提供新的联系地址，再申请移出。',
    publishedOn: '2026-03-20',
  },
  {
    topicCode: 'market_credit_repair',
    question: '行政处罚信息可以申请信用修复吗？',
    answer:
      '受到较轻行政处罚且已履行处罚决定、完成整改的企业，公示满规定期限后可以申请信用修复，提前停止公示。申请在国家企业信用信息公示系统或“信用中国”网站提交，附履行处罚决定的证明和信用承诺书。严重违法失信的情形修复条件更严格，修复后仍保留处罚记录备查。',
    publishedOn: '2026-06-24',
  },
  {
    topicCode: 'approval_permits',
    question: '只卖咖啡和预包装食品，也要办食品经营许可证吗？',
    answer:
      '现场制售咖啡等饮品属于食品经营活动，需要办理食品经营许可。仅销售预包装食品的，实行备案管理，不需要许可，在经营前向市场监管部门备案即可。新开店铺可以通过一网通办同时申请营业执照和食品经营许可，符合条件的适用告知承诺制当场发证。',
    publishedOn: '2026-04-23',
  },
  {
    topicCode: 'utility_power',
    question: '新店铺用电报装怎么办？要多长时间？',
    answer:
      '低压小微企业用电报装可以通过“网上国网”APP 或供电营业厅申请，提供用电人身份证明、营业执照和房屋产权或租赁证明即可。低压非居民用户无外线工程的，一般在 5 个工作日内装表接电；需要外线工程的时间相应延长，供电企业会告知进度。160 千瓦及以下的小微企业报装一般由供电企业投资到红线，企业无需承担外线费用。',
    publishedOn: '2026-05-08',
  },
  {
    topicCode: 'legal_services',
    question: '企业遇到合同纠纷，有没有免费的法律咨询和调解？',
    answer:
      '区里组织律师团队为中小企业提供公益法律咨询和“法治体检”，可以通过企业专员或本平台预约；商事纠纷可以申请商会人民调解委员会或商事调解组织调解，调解不收费，达成的调解协议可以申请司法确认。涉及金额较大或需要诉讼的，建议委托律师代理。',
    publishedOn: '2026-06-05',
  },
  {
    topicCode: 'safety_fire',
    question: '小餐馆需要配备哪些消防器材？',
    answer:
      '餐饮场所应按营业面积配置灭火器（一般每 50 平方米不少于 2 具 ABC 干粉灭火器，厨房另配灭火毯），使用燃气的厨房应安装可燃气体报警和自动切断装置，保持安全出口和疏散通道畅通，不得在店内给电动自行车充电。派出所和社区网格员会开展日常消防检查，发现隐患会要求限期整改。',
    publishedOn: '2026-07-15',
  },
];

export interface KbSeedContext {
  dialect: Dialect;
  clock: Clock;
  id: () => string;
  /** The curator who "wrote" the entries (a dispatcher or content editor), if any. */
  authorId?: string | null;
}

/** Insert the demo knowledge base (published) and index it through a SearchIndex on the transaction. */
export async function seedAppealKb(trx: DB, c: KbSeedContext): Promise<number> {
  const search = new SearchIndex(trx, c.dialect, c.clock);
  const topics = await topicNames(
    trx,
    DEMO_KB.map((e) => e.topicCode),
  );
  for (const e of DEMO_KB) {
    if (!topics.has(e.topicCode))
      throw new Error(`demo kb entry "${e.question}": unknown topic ${e.topicCode}`);
    const at = `${e.publishedOn}T02:30:00.000Z`;
    const row: KbRow = {
      id: c.id(),
      question: e.question,
      answer: e.answer,
      topicCode: e.topicCode,
      sourceAppealId: null,
      status: 'published',
      views: 0,
      createdBy: c.authorId ?? null,
      updatedBy: c.authorId ?? null,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    };
    await trx.insertInto('appealKb').values(row).execute();
    await indexKbEntry(search, trx, row, topics.get(e.topicCode) ?? null);
  }
  return DEMO_KB.length;
}
