import type { Insertable } from 'kysely';
import type { AppealActorRole, AppealRating, AppealState, AppealType } from '../../../shared/appeals';
import { submittedAppeal } from '../../modules/appeals/repository';
import {
  acceptanceDeadline,
  DEFAULT_SLA_SETTINGS,
  deadlineAfter,
  extendDeadline,
  replyDeadline,
  type SlaContext,
  type SlaSettings,
  workingMinutesBetween,
} from '../../modules/appeals/sla';
import { OFFICIAL_CALENDAR } from '../../platform/calendar/official-holidays';
import { shanghaiDate, WorkdayCalendar } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import type { DB } from '../database';
import { type Dialect, toJson } from '../dialect';
import type { AppealDepartmentTable, AppealEventTable, AppealTable, Database } from '../schema';
import { DEMO_PRIMARY_ENTERPRISE, DEMO_SECONDARY_ENTERPRISE } from './accounts';
import { APPEAL_CATALOGUE, type CatalogueTopic } from './appeal-catalogue';
import { SeededRandom } from './random';
import { DEPT } from './reference';

/**
 * The demo appeals (诉求, SPEC §2.4): ~340 appeals of the demo enterprises over the 12 months before the seed
 * clock's now, so that the workbench shows live queues on the day the demo starts — appeals waiting for the desk
 * (some past the acceptance deadline), dispatched and signed ones due soon or overdue, replies waiting for a rating —
 * and a year of closed appeals for the statistics. Every state of the workflow is present, with side paths: asking
 * for information, returns (退单) and re-dispatch or insistence, extensions, 催办/督办, reopens (重办), merges (并单),
 * automatic closure with the default rating. Deadlines come from sla.ts over the official working-day calendar;
 * milestones, appeal_departments and the timeline (appeal_events) follow the path, with the demo dispatcher,
 * handler (区市场监督管理局) and leader as actors. Staff of departments without a demo account act with no user id
 * (the timeline shows the department). Texts are invented for the demo.
 *
 * Needs the dispatch catalogue (seedAppealCatalogue) and the departments, users and enterprises of the demo seed.
 */

export interface AppealSeedUsers {
  dispatcher: string;
  /** The market-regulation handler (区市场监督管理局). */
  handler: string;
  leader: string;
  liaison: string;
  /** 13800000001 (admin) and 13800000002 (member) of DEMO_PRIMARY_ENTERPRISE. */
  enterpriseAdmin: string;
  enterpriseMember: string;
  /** 13800000003, admin of DEMO_SECONDARY_ENTERPRISE. */
  secondaryAdmin: string;
}

export interface AppealSeedContext {
  dialect: Dialect;
  /** The seed's now: the window ends there (the demo runs at real time). */
  clock: Clock;
  id: () => string;
  /** Department ids by code. */
  departments: ReadonlyMap<string, string>;
  /** Enterprise ids by name. */
  enterprises: ReadonlyMap<string, string>;
  users: AppealSeedUsers;
}

export interface AppealSeedSummary {
  appeals: number;
  appealEvents: number;
  appealDepartments: number;
}

// ——— texts ———

interface Scenario {
  type: AppealType;
  title: string;
  content: string;
  reply: string;
  /** Why a reply may say the problem is not solved (otherwise a generic reason). */
  unsolved?: string;
}

const S = (type: AppealType, title: string, content: string, reply: string, unsolved?: string): Scenario => ({
  type,
  title,
  content,
  reply,
  ...(unsolved ? { unsolved } : {}),
});

/** What enterprises write, per catalogue topic; topics without an entry use the general ones. */
const SCENARIOS: Record<string, Scenario[]> = {
  market_food_safety: [
    S(
      'consult',
      '食品经营许可证经营场所变更需要哪些材料',
      '我单位餐厅因商场调整铺位需要搬到同楼层另一个位置，请问食品经营许可证地址变更需要提交哪些材料？是否需要现场核查？办理时限是多久？',
      '经营场所变更属于许可事项变更，请通过山东省政务服务网提交变更申请，材料包括变更申请书、新场所平面布局图及设备布局图。我局将在受理后5个工作日内组织现场核查，核查合格后当场换发许可证。',
    ),
    S(
      'report',
      '反映周边餐饮店后厨卫生条件差',
      '我公司楼下一家快餐店后厨油污严重、垃圾桶敞口放置，员工未佩戴口罩帽子操作，多名同事就餐后出现肠胃不适，请监管部门核查。',
      '接到反映后，我局执法人员于次日对该快餐店进行了现场检查，发现后厨卫生不达标、从业人员健康证过期等问题，已责令立即整改并立案调查，后续将开展复查。',
    ),
  ],
  market_price_fees: [
    S(
      'complaint',
      '物业公司以“能耗费”名义额外收费',
      '我公司租用写字楼办公，物业公司在物业费之外每月另收“公共能耗费”，未公示收费依据和标准，多次询问未得到答复，请核查是否合规。',
      '经核查，该物业公司收取的公共能耗费未按规定明码标价并公示依据，我局已责令其限期公示收费项目、标准和依据，并对多收费用予以清退，已退还贵公司多收费用。',
      '物业公司对部分收费依据提出异议，正在进一步调查取证。',
    ),
    S(
      'complaint',
      '停车场收费标准与公示不一致',
      '员工在写字楼地下停车场停车，实际收费高于入口公示的收费标准，且不提供发票。',
      '经现场检查，该停车场存在未按公示标准收费的情况，我局已依法责令改正，对多收费用予以退还，并督促其规范开具发票。',
    ),
  ],
  market_product_quality: [
    S(
      'complaint',
      '采购的办公设备存在质量问题，商家拒绝退换',
      '我公司在本区某商城采购的20台打印机一个月内有6台出现卡纸、无法联网等故障，商家以“人为损坏”为由拒绝退换，请协调处理。',
      '经调解，商家同意对故障打印机予以更换，并延长保修期一年。如后续仍有质量问题，可申请产品质量检验。',
    ),
  ],
  market_credit_repair: [
    S(
      'help',
      '企业被列入经营异常名录，如何申请移出',
      '我公司因注册地址变更后未及时办理登记，被列入经营异常名录，影响投标，请问如何尽快移出？',
      '请先办理住所变更登记，再通过国家企业信用信息公示系统提交移出经营异常名录申请。我局收到申请后5个工作日内作出决定，贵公司材料齐全，已于今日完成移出。',
    ),
    S(
      'help',
      '年报漏报导致信用受损，申请信用修复',
      '我公司上一年度年报因财务人员离职漏报，已补报，但信用记录仍显示异常，影响申请政府补贴。',
      '贵公司补报年报后已符合信用修复条件，我局已完成信用修复审核，相关记录将在公示系统中更新。',
    ),
  ],
  ip_services: [
    S(
      'consult',
      '商标被他人抢注怎么办',
      '我公司使用多年的品牌名称近期被外地一家公司申请注册商标，请问我们可以通过什么途径维权？',
      '可在商标初审公告期内向国家知识产权局提出异议，也可在注册后申请宣告无效。区知识产权服务工作站可免费提供咨询和代理机构对接，联系电话0532-88901109。',
    ),
    S(
      'consult',
      '专利申请资助政策咨询',
      '我公司今年获得两项发明专利授权，请问区里有没有专利资助或奖励，如何申请？',
      '对本区企业新获授权的发明专利，按每件给予资助，申报时间为每年第三季度，具体条件和材料见区市场监督管理局官网通知。',
    ),
  ],
  tax_filing_invoice: [
    S(
      'help',
      '电子发票开具额度不足影响业务',
      '我公司业务量增长较快，数电发票授信额度已用完，月底还有大额合同需要开票，请协助调整额度。',
      '经评估贵公司纳税信用和经营情况，已为贵公司临时调增发票开具额度，后续系统将根据开票和申报情况动态调整。',
    ),
    S(
      'consult',
      '跨区迁移税务登记流程',
      '我公司计划将注册地从外区迁入市南区，请问税务迁移需要办理哪些手续，是否有未结事项要求？',
      '迁入前需在原主管税务机关结清税款、缴销发票，办理迁出手续后，到我局办理迁入信息确认即可，全程可网上办理。',
    ),
  ],
  tax_incentives: [
    S(
      'consult',
      '研发费用加计扣除政策适用范围',
      '我公司为软件企业，请问委托外部机构开发的费用能否享受研发费用加计扣除？比例是多少？',
      '委托境内外部机构研发的费用，按实际发生额的80%计入委托方研发费用并按规定加计扣除，加计扣除比例为100%。请注意留存委托研发合同及登记备案资料。',
    ),
    S(
      'consult',
      '小型微利企业所得税优惠如何享受',
      '我公司去年应纳税所得额约200万元，员工80人，请问能否享受小型微利企业优惠，是否需要备案？',
      '符合条件的小型微利企业在申报时直接享受优惠，无需备案。贵公司各项指标符合条件，可在年度汇算清缴时自行填报享受。',
    ),
  ],
  hr_labor_relations: [
    S(
      'help',
      '离职员工要求支付经济补偿，如何处理',
      '一名员工合同到期我公司未续签，员工要求支付经济补偿，双方对计算基数有分歧，希望劳动部门给予指导。',
      '已安排劳动关系指导员与贵公司和员工沟通，明确经济补偿按离职前十二个月平均工资计算，双方已达成一致。',
    ),
  ],
  hr_employment: [
    S(
      'consult',
      '招用高校毕业生的补贴政策',
      '我公司今年招聘了12名应届高校毕业生，请问可以申请哪些就业补贴，怎么申请？',
      '招用毕业年度高校毕业生并签订一年以上劳动合同、缴纳社保的，可申请一次性扩岗补助，每人1500元，请登录“青岛人社”网上办理。',
    ),
    S(
      'help',
      '企业急需招聘技术工人',
      '我公司承接了新的项目，急需招聘30名设备安装技术工人，希望人社部门帮助对接招聘渠道。',
      '已将贵公司岗位信息纳入本月专场招聘会，并推送至区公共就业服务平台，同时对接两所技工院校开展校企合作。',
    ),
  ],
  social_insurance: [
    S(
      'consult',
      '新员工社保增员办理时限',
      '新入职员工在月底入职，请问社保增员最晚什么时候办理？当月能否缴纳？',
      '单位应自用工之日起30日内为职工办理社保登记，当月25日前网上申报增员的可当月缴费。',
    ),
    S(
      'help',
      '社保缴费基数申报出错需要更正',
      '我公司年度缴费基数申报时误将两名员工工资填错，导致缴费偏高，请问如何更正？',
      '已指导贵公司通过单位网厅提交缴费基数更正申请，经审核后已完成更正，多缴部分将在下月冲抵。',
    ),
  ],
  social_medical: [
    S(
      'consult',
      '员工异地就医备案流程',
      '我公司有外派员工长期在上海工作，请问医保异地就医备案怎么办理，报销比例是否有变化？',
      '可通过国家医保服务平台App办理异地长期居住备案，备案后在就医地直接结算，报销政策执行参保地标准。',
    ),
  ],
  social_housing_fund: [
    S(
      'consult',
      '单位住房公积金缴存比例调整',
      '我公司想将公积金缴存比例从12%调整为8%，请问需要什么程序？',
      '调整缴存比例需经职工代表大会或工会讨论通过，在每年缴存基数调整期内向市住房公积金管理中心申请办理。',
    ),
  ],
  approval_business_license: [
    S(
      'help',
      '分公司设立登记材料被退回',
      '我公司在市南区设立分公司，网上提交材料两次被退回，提示经营场所证明不符合要求，请指导。',
      '经核实，退回原因是租赁合同未附产权证明。已安排帮办代办人员一对一指导，补充材料后已于当日核准登记并发放营业执照。',
    ),
    S(
      'consult',
      '经营范围增加需要办理哪些手续',
      '我公司计划增加“第二类医疗器械销售”经营范围，请问除了变更登记还需要备案吗？',
      '增加经营范围需办理变更登记，第二类医疗器械经营还需向我局办理经营备案，可在政务服务网一次提交、并联办理。',
    ),
  ],
  approval_permits: [
    S(
      'help',
      '户外广告设置许可办理进度慢',
      '我公司申请在办公楼外立面设置企业标识，材料提交已超过10个工作日仍未有结果，请帮助催办。',
      '经协调，相关部门已完成联合审查，许可决定已作出，请登录政务服务网下载电子许可证。',
    ),
  ],
  approval_construction: [
    S(
      'consult',
      '办公楼内部装修是否需要办理施工许可',
      '我公司租赁写字楼整层进行内部装修，工程投资约150万元，请问是否需要办理施工许可证？',
      '工程投资额在100万元以上的装饰装修工程需办理施工许可，可通过工程建设项目审批管理系统在线申请，3个工作日内办结。',
    ),
  ],
  policy_consult: [
    S(
      'consult',
      '专精特新企业认定奖励何时发放',
      '我公司今年被认定为省级专精特新中小企业，请问区里的奖励什么时候申报，资金多久能到账？',
      '区级奖励采取“免申即享”方式，无需企业申报，经核实贵公司已列入本批奖励名单，资金预计于本季度末前拨付。',
    ),
    S(
      'consult',
      '企业上云补贴申报条件',
      '我公司今年采购了云服务和工业软件，请问是否符合数字化转型补贴条件？',
      '符合条件的企业可按云服务费用的一定比例申请补贴，申报窗口见企服平台“政策兑现”栏目，系统已根据企业档案为贵公司标注可申报。',
    ),
  ],
  policy_fund_payment: [
    S(
      'help',
      '政策奖励资金迟迟未到账',
      '我公司去年申报的总部企业落户奖励已公示结束三个月，资金仍未到账，请帮助查询进度。',
      '经查询，该笔资金已完成财政审核，因贵公司银行账户信息变更导致首次支付失败，已更正账户信息并重新支付，预计3个工作日内到账。',
    ),
  ],
  policy_specialized: [
    S(
      'consult',
      '专精特新“小巨人”申报辅导',
      '我公司计划申报国家级专精特新“小巨人”企业，希望了解申报条件和辅导安排。',
      '区工信局每年组织申报辅导会，已将贵公司纳入重点培育库，将安排专家一对一指导申报材料编制。',
    ),
  ],
  finance_loans: [
    S(
      'help',
      '小微企业申请贷款遇到困难',
      '我公司为科技型小微企业，有两项发明专利，申请银行贷款因缺少抵押物被拒，希望政府帮助对接融资渠道。',
      '已将贵公司推荐至知识产权质押融资“白名单”，对接两家合作银行，目前一家银行已完成尽调，授信300万元。',
      '合作银行评估后认为企业现金流不足，暂未授信，已推荐参加下期政银企对接会。',
    ),
    S(
      'consult',
      '贷款贴息政策申请条件',
      '我公司获得银行流动资金贷款500万元，请问是否可以申请区里的贷款贴息？',
      '符合条件的企业可按贷款市场报价利率的50%申请贴息，单户每年最高50万元，申报材料见区金融服务中心通知。',
    ),
  ],
  tech_innovation: [
    S(
      'consult',
      '高新技术企业认定申报时间',
      '我公司计划今年申报高新技术企业认定，请问申报时间和需要准备的材料？',
      '本年度高企认定申报已于6月启动，分两批受理，请关注区科技局通知，我局可提供免费的申报辅导。',
    ),
    S(
      'help',
      '科技型中小企业评价信息填报问题',
      '我公司在科技型中小企业评价系统填报时，研发人员数量与社保数据比对不一致，无法提交。',
      '经核实，系统比对口径为上年度社保缴纳人数，已指导贵公司按口径更正，评价信息已提交成功。',
    ),
  ],
  talent_services: [
    S(
      'consult',
      '引进博士人才的安家补贴申请',
      '我公司今年引进两名博士研究生，请问安家补贴和生活补贴如何申请？',
      '符合条件的博士人才可申请安家补贴和生活补贴，请在入职一年内通过“青岛人才”平台申报，企业需提供劳动合同和社保缴纳证明。',
    ),
    S(
      'help',
      '人才公寓申请进度查询',
      '我公司为引进的技术骨干申请了人才公寓，提交材料已近两个月，请帮助查询审核进度。',
      '经查询，申请已通过资格审核，目前进入配租排队环节，预计下月可安排选房。',
    ),
  ],
  invest_office_space: [
    S(
      'help',
      '寻找300平方米左右的办公场地',
      '我公司计划扩大规模，需要在香港中路附近寻找300平方米左右的写字楼，能否推荐并享受租金补贴？',
      '已推荐3处符合条件的楼宇房源，并协调安排看房。新引进企业租用办公用房可按规定申请租金补贴。',
    ),
  ],
  commerce_trade: [
    S(
      'help',
      '出口退税进度慢影响资金周转',
      '我公司外贸业务出口退税申报后一个多月未到账，资金周转困难，希望协调加快办理。',
      '经协调，贵公司退税申报已完成审核，退税款已于今日退库。',
    ),
    S(
      'consult',
      '参加境外展会的补贴政策',
      '我公司计划参加明年的广交会和德国汉诺威展，请问展位费是否有补贴？',
      '对企业参加境外重点展会的，按展位费给予一定比例补贴，请在展会结束后三个月内申报。',
    ),
  ],
  city_signboard: [
    S(
      'consult',
      '门头招牌更换需要审批吗',
      '我公司临街店铺计划更换门头招牌，尺寸与原来基本相同，请问是否需要办理审批？',
      '招牌设置实行告知承诺制，按照本区招牌设置导则设计后在线备案即可，无需审批。',
    ),
  ],
  city_sanitation: [
    S(
      'complaint',
      '办公楼周边垃圾清运不及时',
      '我公司所在写字楼东侧垃圾投放点近一周未及时清运，异味较大，影响员工和来访客户。',
      '已责成环卫作业单位增加清运频次至每日两次，并对投放点进行清洗消毒，街道将加强日常巡查。',
    ),
    S(
      'complaint',
      '夜间施工噪音扰民影响员工休息',
      '我公司员工宿舍附近工地连续多日夜间施工至凌晨，噪音很大，请有关部门处理。',
      '经查，该工地未办理夜间施工许可，已依法责令停止夜间施工并立案处罚，后续将加强夜间巡查。',
    ),
  ],
  traffic_parking: [
    S(
      'suggestion',
      '建议在写字楼周边增设临时停车位',
      '我公司所在区域写字楼集中，访客停车非常困难，建议在周边道路增设限时停车泊位。',
      '经交通部门现场勘查，已在相邻道路施划限时停车泊位20个，并在早晚高峰外开放。',
      '该路段为消防通道，不具备施划条件，已协调周边楼宇错时共享停车位。',
    ),
  ],
  traffic_road: [
    S(
      'complaint',
      '企业门前道路破损积水',
      '我公司门前人行道多处破损，雨后积水严重，员工和客户出入不便。',
      '已安排市政维修队对破损路面进行修复，并疏通排水设施，目前已完成修复。',
    ),
  ],
  housing_property: [
    S(
      'complaint',
      '写字楼电梯频繁故障物业处理不力',
      '我公司所在写字楼电梯近一个月多次困人，物业维修不及时，存在安全隐患。',
      '已约谈物业服务企业，责令对电梯进行全面检修并更换老化部件，特种设备检验机构已完成复检。',
    ),
  ],
  housing_construction: [
    S(
      'consult',
      '老旧办公楼加装电梯政策',
      '我公司自有的老旧办公楼无电梯，请问是否有加装电梯的补助政策？',
      '既有建筑加装电梯可申请财政补助，需业主共同申请并编制方案，具体标准见区住建局通知。',
    ),
  ],
  housing_fire_acceptance: [
    S(
      'help',
      '装修工程消防验收备案被抽中检查',
      '我公司办公室装修完工后申请消防验收备案，被抽中现场检查，请问检查需要准备什么？',
      '已告知需准备的竣工图纸、消防产品合格证明等资料，现场检查已于约定日期完成，检查合格。',
    ),
  ],
  utility_power: [
    S(
      'help',
      '企业用电扩容报装周期长',
      '我公司新增数据机房，需要将用电容量从200千伏安扩容到630千伏安，报装后一直未安排勘查。',
      '已开辟绿色通道，现场勘查和方案答复已完成，配套工程预计两周内完工送电。',
    ),
    S(
      'complaint',
      '园区频繁停电影响生产',
      '近一个月园区内已发生三次非计划停电，每次持续一到两小时，严重影响我公司生产。',
      '经排查，停电原因为园区配电线路老化，已完成线路更换，并对园区配电设备开展全面巡检。',
    ),
  ],
  utility_water: [
    S(
      'complaint',
      '写字楼供水水压不足',
      '我公司位于写字楼高层，近期用水水压明显不足，卫生间经常无法正常使用。',
      '经检查为二次供水设备故障，已督促物业完成水泵维修，水压已恢复正常。',
    ),
  ],
  utility_gas: [
    S(
      'help',
      '餐饮店燃气开户办理',
      '我公司新开设一家餐饮门店，需要办理商业燃气开户，请问流程和时限？',
      '已安排客户经理上门服务，完成现场勘查和安全检查后5个工作日内通气。',
    ),
  ],
  utility_heating: [
    S(
      'complaint',
      '办公楼冬季供暖温度不达标',
      '入冬后我公司办公室室温长期低于16度，多次向物业反映未解决。',
      '经测温确认室温不达标，已督促供热单位调整管网平衡，目前室温已达标。',
    ),
  ],
  utility_telecom: [
    S(
      'help',
      '企业宽带专线开通慢',
      '我公司新办公室需要开通千兆专线，运营商称楼内无资源，需要等待较长时间。',
      '已协调运营商完成楼内管线改造，专线已开通。',
    ),
  ],
  eco_environment: [
    S(
      'consult',
      '餐饮油烟排放设施要求',
      '我公司计划开设一家中餐厅，请问油烟净化设施有什么标准要求？是否需要环评？',
      '餐饮项目实行环评登记表备案，油烟净化设施去除效率应符合标准，排放口应高于周边建筑，具体可咨询区生态环境分局。',
    ),
  ],
  safety_fire: [
    S(
      'report',
      '反映商业楼内消防通道被堆放杂物',
      '我公司所在商业楼内部分消防通道长期堆放货物，安全出口被锁闭，存在严重隐患。',
      '经现场检查属实，已责令物业立即清理通道、开启安全出口，并依法予以处罚。',
    ),
  ],
  legal_services: [
    S(
      'consult',
      '企业合同纠纷法律咨询',
      '我公司与一家供应商发生合同纠纷，对方拖欠货款40万元，请问可以通过哪些途径解决？',
      '已安排公共法律服务中心律师提供免费咨询，建议先行发送催款函，协商不成可申请商事调解或提起诉讼。',
    ),
  ],
  legal_enforcement: [
    S(
      'complaint',
      '同一事项多部门重复检查',
      '我公司一个月内接受了三个部门的现场检查，内容重复，影响正常经营，建议统筹安排。',
      '已将贵公司纳入“综合查一次”联合检查名单，后续检查由牵头部门统筹，同一事项原则上一年内不重复检查。',
    ),
  ],
  general_other: [
    S(
      'suggestion',
      '建议企服平台增加政策到期提醒功能',
      '建议平台在企业已申报政策的下一年度申报窗口开启时，主动发送提醒。',
      '感谢建议，平台已在“政策兑现”中增加申报窗口提醒功能，企业可在消息中心查看。',
    ),
  ],
};

const ASK_INFO = [
  '请补充企业所在楼宇门牌号及具体位置，以便派单核查。',
  '请补充相关合同或票据照片，并说明已与对方沟通的情况。',
  '请补充联系人及可联系的时间段，承办单位需要电话核实情况。',
  '诉求描述不够具体，请补充发生时间、涉及金额等信息。',
];
const SUPPLY = [
  '已补充：位于香港中路相关写字楼，具体门牌号已在附件中注明。',
  '已上传合同及付款凭证照片，对方至今未予回复。',
  '联系人为行政经理，工作日9:00—17:00可电话联系。',
  '已补充发生时间和涉及金额，详见补充说明。',
];
const REJECT = [
  '该事项属于民事合同纠纷，已告知可通过协商、调解或诉讼途径解决，不属于本平台受理范围。',
  '该事项已进入司法程序，依法不予受理。',
  '诉求内容与企业经营无关，已告知可通过12345热线反映。',
  '经补充材料后仍无法确定具体事项，不予受理，企业可补充完整信息后重新提交。',
];
const RETURN_BASIS = [
  '该事项不属于本单位职责，依据区政府部门职责清单应由其他部门主办。',
  '涉及的楼宇属于其他街道辖区，建议改派属地街道办事处。',
  '该事项属于市级部门事权，建议改派市级有关部门。',
];
const INSIST = ['经核对派单目录，该事项由原单位主办，维持原派单。'];
const EXTENSION = [
  '需要会同有关部门现场核查并调取资料，申请延期办理。',
  '涉及多方协调，当事方尚未到场，申请延期。',
  '需要委托专业机构出具检测报告，申请延期。',
];
const URGE = ['该诉求临近办理时限，请抓紧办理并按时答复。', '企业再次来电询问进度，请加快办理。'];
const SUPERVISE = ['该诉求已超期，请主要负责同志督促办理，三日内报送办理结果。'];
const OPINION = [
  '经核查，本单位职责范围内的事项已配合处理完毕，相关情况已提供给主办单位。',
  '同意主办单位的处理意见，本单位将配合做好后续监管。',
  '已提供相关政策依据和办理流程，供主办单位答复时参考。',
];
const REOPEN = [
  '答复内容与实际情况不符，问题仍未解决，申请重办。',
  '承办单位未与我公司联系核实，答复过于笼统，申请重办。',
];
const COMMENTS: Record<AppealRating, string[]> = {
  satisfied: [
    '答复及时，问题已解决，感谢！',
    '工作人员态度很好，办理效率高。',
    '非常满意，为企业办实事。',
    '',
  ],
  basically_satisfied: ['问题基本解决，但办理时间稍长。', '答复清楚，希望后续加强监管。', ''],
  dissatisfied: ['问题没有实际解决，答复流于形式。', '办理时间过长，影响企业经营。'],
};
const UNSOLVED = '受客观条件限制，目前暂不具备解决条件，已向企业说明情况并提出替代方案。';
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
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '建华',
];

// ——— time on the office clock (Asia/Shanghai, fixed UTC+8) ———

const OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;

class OfficeClock {
  constructor(
    private readonly ctx: SlaContext,
    private readonly open = ctx.settings.openingMinute,
    private readonly close = ctx.settings.closingMinute,
  ) {}

  at(date: string, minute: number): Date {
    return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minute * MINUTE_MS);
  }

  local(t: Date): { date: string; minute: number } {
    const date = shanghaiDate(t);
    return { date, minute: Math.floor((t.getTime() - this.at(date, 0).getTime()) / MINUTE_MS) };
  }

  /** `minutes` of working time after `from` (from outside office hours: counted from the next opening). */
  add(from: Date, minutes: number): Date {
    let { date, minute } = this.local(from);
    const cal = this.ctx.calendar;
    if (!cal.isWorkday(date) || minute >= this.close) {
      date = cal.addWorkdays(date, 1);
      minute = this.open;
    } else if (minute < this.open) minute = this.open;
    let left = Math.max(1, Math.round(minutes));
    for (;;) {
      const room = this.close - minute;
      if (left <= room) return this.at(date, minute + left);
      left -= room;
      date = cal.addWorkdays(date, 1);
      minute = this.open;
    }
  }

  /** Working minutes per office day. */
  get day(): number {
    return this.close - this.open;
  }
}

// ——— the generator ———

interface EnterpriseInfo {
  id: string;
  name: string;
  industry: string | null;
  liaison: boolean;
}

interface Plan {
  state: AppealState;
  enterprise: EnterpriseInfo;
  topic: CatalogueTopic;
  scenario: Scenario;
  askInfo: boolean;
  returned: 'redispatch' | 'insist' | 'pending' | null;
  extension: 'approved' | 'denied' | 'requested' | null;
  urge: boolean;
  supervise: boolean;
  reopen: boolean;
  autoClose: boolean;
  assisting: number;
  lateAccept: boolean;
  lateReply: boolean;
  solved: boolean;
  rating: AppealRating | null;
  /** Submit channel: the enterprise's user, the liaison, or a phone call recorded by the desk. */
  channel: 'web' | 'liaison' | 'phone';
  submitter: { id: string | null; role: AppealActorRole; name: string; phone: string };
  /** The merged appeal's target (an earlier appeal of the same enterprise). */
  mergeTarget?: Built;
}

interface Built {
  row: Insertable<AppealTable>;
  /** For a merged appeal: the appeal it was merged into. */
  target?: Built;
  events: Insertable<AppealEventTable>[];
  departments: Insertable<AppealDepartmentTable>[];
}

/** Final states and how many of each (≈340). */
const STATE_COUNTS: [AppealState, number][] = [
  ['closed', 186],
  ['rated', 12],
  ['replied', 18],
  ['signed', 24],
  ['dispatched', 22],
  ['returned', 6],
  ['accepted', 8],
  ['submitted', 14],
  ['needs_info', 9],
  ['rejected', 18],
  ['merged', 12],
];

const dayMs = 86_400_000;

/** Insert the demo appeals with their departments and timelines. */
export async function seedAppeals(trx: DB, c: AppealSeedContext): Promise<AppealSeedSummary> {
  const rng = new SeededRandom(20_261_126);
  const now = c.clock.now();
  const settings: SlaSettings = {
    ...DEFAULT_SLA_SETTINGS,
    topics: Object.fromEntries(APPEAL_CATALOGUE.filter((t) => t.sla).map((t) => [t.code, t.sla!])),
  };
  const ctx: SlaContext = { calendar: new WorkdayCalendar(OFFICIAL_CALENDAR), settings };
  const office = new OfficeClock(ctx);
  const windowStart = new Date(now.getTime() - 365 * dayMs);
  const dept = (code: string) => {
    const id = c.departments.get(code);
    if (!id) throw new Error(`demo appeals: unknown department ${code}`);
    return id;
  };
  const marketId = dept(DEPT.market);
  const dispatcherDept = dept(DEPT.govOffice);

  // Enterprises (with their liaison assignment) and the demo users' names and phones.
  const enterpriseRows = await trx
    .selectFrom('enterprises')
    .select(['id', 'name', 'industryCode', 'liaisonUserId'])
    .where('id', 'in', [...c.enterprises.values()])
    .execute();
  const enterprises: EnterpriseInfo[] = enterpriseRows
    .map((e) => ({
      id: e.id,
      name: e.name,
      industry: e.industryCode,
      liaison: e.liaisonUserId === c.users.liaison,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const primary = enterprises.find((e) => e.name === DEMO_PRIMARY_ENTERPRISE);
  const secondary = enterprises.find((e) => e.name === DEMO_SECONDARY_ENTERPRISE);
  if (!primary || !secondary) throw new Error('demo appeals: the demo enterprises are missing');
  const userRows = await trx
    .selectFrom('users')
    .select(['id', 'displayName', 'phone'])
    .where('id', 'in', Object.values(c.users))
    .execute();
  const person = (id: string) => {
    const u = userRows.find((x) => x.id === id);
    return { name: u?.displayName ?? '', phone: u?.phone ?? '' };
  };
  const topicByCode = new Map(APPEAL_CATALOGUE.map((t) => [t.code, t]));

  // Topic weights: every topic, market regulation (the demo handler's bureau) and the usual business topics more.
  const weighted: CatalogueTopic[] = [];
  for (const t of APPEAL_CATALOGUE) {
    let w = 2;
    if (t.leadDepartment === DEPT.market) w = 9;
    else if (/^(tax|hr|social|approval|policy|utility_power|city_sanitation)/.test(t.code)) w = 4;
    for (let i = 0; i < w; i++) weighted.push(t);
  }
  const scenarioOf = (t: CatalogueTopic) => rng.pick(SCENARIOS[t.code] ?? SCENARIOS.general_other!);

  const randomPerson = () => ({
    name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
    phone: `1${rng.pick(['35', '37', '39', '58', '86'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
  });

  const planFor = (state: AppealState, e: EnterpriseInfo, topic?: CatalogueTopic): Plan => {
    const t = topic ?? rng.pick(weighted);
    const scenario = scenarioOf(t);
    const dispatchedOrLater = ['dispatched', 'signed', 'replied', 'rated', 'closed', 'returned'].includes(
      state,
    );
    const rating: AppealRating | null = ['rated', 'closed'].includes(state)
      ? rng.chance(0.76)
        ? 'satisfied'
        : rng.chance(0.7)
          ? 'basically_satisfied'
          : 'dissatisfied'
      : null;
    // Channel and submitter.
    let channel: Plan['channel'] = 'web';
    let submitter: Plan['submitter'];
    if (e.id === primary.id) {
      const admin = rng.chance(0.7);
      const uid = admin ? c.users.enterpriseAdmin : c.users.enterpriseMember;
      submitter = { id: uid, role: admin ? 'enterprise_admin' : 'enterprise_member', ...person(uid) };
    } else if (e.id === secondary.id) {
      submitter = { id: c.users.secondaryAdmin, role: 'enterprise_admin', ...person(c.users.secondaryAdmin) };
    } else if (e.liaison && rng.chance(0.5)) {
      channel = 'liaison';
      submitter = { id: c.users.liaison, role: 'liaison', ...randomPerson() };
    } else if (rng.chance(0.35)) {
      channel = 'phone';
      submitter = { id: c.users.dispatcher, role: 'dispatcher', ...randomPerson() };
    } else {
      // An enterprise user without a demo account.
      submitter = { id: null, role: 'enterprise_admin', ...randomPerson() };
    }
    const complex = scenario.type !== 'consult' && scenario.type !== 'help';
    return {
      state,
      enterprise: e,
      topic: t,
      scenario,
      askInfo: state === 'needs_info' || (state !== 'merged' && rng.chance(0.08)),
      returned:
        state === 'returned'
          ? 'pending'
          : dispatchedOrLater && rng.chance(0.06)
            ? rng.chance(0.7)
              ? 'redispatch'
              : 'insist'
            : null,
      extension:
        ['dispatched', 'signed'].includes(state) && complex && rng.chance(0.25)
          ? rng.pick(['requested', 'approved', 'denied'] as const)
          : ['replied', 'rated', 'closed'].includes(state) && complex && rng.chance(0.12)
            ? rng.chance(0.8)
              ? 'approved'
              : 'denied'
            : null,
      urge: dispatchedOrLater && state !== 'returned' && rng.chance(0.14),
      supervise: false,
      reopen: state === 'closed' && rating === 'dissatisfied' && rng.chance(0.6),
      autoClose: state === 'closed' && rng.chance(0.12),
      assisting: dispatchedOrLater && rng.chance(0.2) ? rng.int(1, 2) : 0,
      lateAccept: rng.chance(0.06),
      lateReply: rng.chance(0.1),
      solved: rating === 'dissatisfied' ? rng.chance(0.2) : rng.chance(0.93),
      rating,
      channel,
      submitter,
    };
  };

  // ——— one appeal through its path ———
  const codes = new Map<string, number>();
  const codeFor = (created: Date) => {
    const day = shanghaiDate(created).replace(/-/g, '');
    const n = (codes.get(day) ?? 0) + 1;
    codes.set(day, n);
    return `SQ${day}${String(n).padStart(4, '0')}`;
  };
  const otherDepartments = [...c.departments.entries()].filter(
    ([code]) => !['gov_office', 'gov_supervision', 'city_departments', 'customs'].includes(code),
  );

  /** Try to lay out the plan's path from `created`; null when it would not fit before now. */
  const simulate = (p: Plan, created: Date): Built | null => {
    const type = p.scenario.type;
    const topic = p.topic.code;
    const row: Insertable<AppealTable> = {
      id: c.id(),
      code: '',
      ...submittedAppeal(
        {
          enterpriseId: p.enterprise.id,
          submittedBy: p.submitter.id,
          channel: p.channel,
          idempotencyKey: null,
          contactName: p.submitter.name,
          contactPhone: p.submitter.phone,
          type,
          topicCode: topic,
          title: p.scenario.title,
          content: p.scenario.content,
          isPublic: rng.chance(0.4) ? 1 : 0,
          receivedOn: '',
          acceptDeadline: acceptanceDeadline(created, type, topic, ctx).toISOString(),
        },
        created.toISOString(),
      ),
    };
    const events: Insertable<AppealEventTable>[] = [];
    let t = created;
    let state: AppealState = 'submitted';
    const departments: { id: string; role: 'lead' | 'assisting'; opinion?: { at: Date; text: string } }[] =
      [];
    let assignedAt = created;
    const event = (
      action: string,
      at: Date,
      actor: { id: string | null; role: AppealActorRole; department?: string | null },
      to: AppealState,
      note: string | null = null,
      data: Record<string, unknown> | null = null,
      visible = true,
    ) => {
      events.push({
        id: '',
        appealId: '',
        seq: events.length + 1,
        action,
        actorId: actor.id,
        actorRole: actor.role,
        departmentId: actor.department ?? null,
        fromState: action === 'submit' ? null : state,
        toState: to,
        note,
        data: data ? toJson(data) : null,
        visibleToEnterprise: visible ? 1 : 0,
        at: at.toISOString(),
      });
      state = to;
      row.updatedAt = at.toISOString();
    };
    const dispatcher = { id: c.users.dispatcher, role: 'dispatcher' as const, department: dispatcherDept };
    const leader = { id: c.users.leader, role: 'leader' as const, department: dept(DEPT.supervision) };
    const handlerOf = (deptId: string) => ({
      id: deptId === marketId ? c.users.handler : null,
      role: 'handler' as const,
      department: deptId,
    });
    const enterpriseActor = (): { id: string | null; role: AppealActorRole } =>
      p.submitter.role === 'liaison' || p.submitter.role === 'dispatcher'
        ? p.enterprise.id === primary.id
          ? { id: c.users.enterpriseAdmin, role: 'enterprise_admin' }
          : { id: null, role: 'enterprise_admin' }
        : { id: p.submitter.id, role: p.submitter.role };
    const realLater = (from: Date, minHours: number, maxHours: number) =>
      new Date(from.getTime() + rng.int(minHours * 60, maxHours * 60) * MINUTE_MS);
    const span = (deadline: string, from: Date) =>
      Math.max(60, (Date.parse(deadline) - from.getTime()) / MINUTE_MS);

    event(
      'submit',
      created,
      { ...p.submitter, department: p.channel === 'phone' ? dispatcherDept : null },
      'submitted',
      null,
      {
        channel: p.channel,
        attachments: 0,
      },
    );
    // 补充材料 loop.
    if (p.askInfo) {
      t = office.add(t, rng.int(30, 300));
      event('ask_info', t, dispatcher, 'needs_info', rng.pick(ASK_INFO));
      if (p.state === 'needs_info') return finish();
      t = realLater(t, 2, 40);
      const supplier = p.submitter.role === 'dispatcher' ? enterpriseActor() : p.submitter;
      event('supply_info', t, supplier, 'submitted', rng.pick(SUPPLY));
      row.acceptDeadline = acceptanceDeadline(t, type, topic, ctx).toISOString();
    }
    if (p.state === 'submitted') return finish();
    if (p.state === 'rejected') {
      t = office.add(t, rng.int(30, 420));
      event('reject', t, dispatcher, 'rejected', rng.pick(REJECT));
      row.closedAt = t.toISOString();
      return finish();
    }
    if (p.state === 'merged') {
      const target = p.mergeTarget!;
      t = office.add(t, rng.int(20, 240));
      const targetClosed = target.row.closedAt ? Date.parse(target.row.closedAt) : Number.POSITIVE_INFINITY;
      if (t.getTime() >= targetClosed) return null;
      row.mergedIntoId = target.row.id!;
      // The note names the target's code, known once every appeal is numbered (see the end of seedAppeals).
      event('merge_into', t, dispatcher, 'merged', null, { targetAppealId: target.row.id });
      row.closedAt = t.toISOString();
      const b = finish();
      if (b) b.target = target;
      return b;
    }
    t = office.add(t, p.lateAccept ? rng.int(700, 1100) : rng.int(15, 420));
    event('accept', t, dispatcher, 'accepted');
    row.acceptedAt = t.toISOString();
    if (p.state === 'accepted') return finish();

    // 派单.
    const dispatch = (lead: string, action: 'dispatch' | 'redispatch') => {
      t = office.add(t, rng.int(5, 120));
      departments.length = 0;
      departments.push({ id: lead, role: 'lead' });
      const others = rng
        .sample(
          otherDepartments.filter(([, id]) => id !== lead),
          p.assisting,
        )
        .map(([, id]) => id);
      for (const id of others) departments.push({ id, role: 'assisting' });
      assignedAt = t;
      row.leadDepartmentId = lead;
      row.dispatchedAt = t.toISOString();
      row.replyStartedAt = t.toISOString();
      row.replyDeadline = replyDeadline(t, type, topic, ctx).toISOString();
      row.extensionStatus = 'none';
      event(
        action,
        t,
        dispatcher,
        'dispatched',
        null,
        {
          leadDepartmentId: lead,
          assistingDepartmentIds: others,
          replyDeadline: row.replyDeadline,
        },
        action === 'dispatch',
      );
    };
    const topicLead = dept(p.topic.leadDepartment);
    row.suggestedTopicCode = topic;
    row.suggestedDepartmentId = topicLead;
    if (p.returned === 'redispatch') {
      // Dispatched to the wrong unit first, then returned and re-dispatched to the catalogue's lead.
      const wrong = rng.pick(otherDepartments.filter(([, id]) => id !== topicLead))[1];
      dispatch(wrong, 'dispatch');
      t = office.add(t, rng.int(60, 600));
      event('return', t, handlerOf(wrong), 'returned', rng.pick(RETURN_BASIS), null, false);
      dispatch(topicLead, 'redispatch');
    } else {
      dispatch(topicLead, 'dispatch');
      if (p.returned) {
        t = office.add(t, rng.int(60, 600));
        event('return', t, handlerOf(topicLead), 'returned', rng.pick(RETURN_BASIS), null, false);
        if (p.state === 'returned') return finish();
        t = office.add(t, rng.int(20, 200));
        event(
          'insist',
          t,
          dispatcher,
          'dispatched',
          rng.pick(INSIST),
          { replyDeadline: row.replyDeadline },
          false,
        );
      }
    }
    const lead = row.leadDepartmentId!;

    /** The handling round: 签收, opinions, extension, 催办/督办, reply; returns false when the plan stops before. */
    const handle = (stopAt: AppealState | null): boolean => {
      const deadline = () => row.replyDeadline as string;
      const roundStart = t;
      const total = span(deadline(), roundStart);
      const extend = () => {
        if (!p.extension) return;
        const days = rng.int(3, 10);
        const ask = office.add(t, rng.int(30, 300));
        if (ask.getTime() >= Date.parse(deadline())) return;
        t = ask;
        row.extensionStatus = 'requested';
        row.extensionDays = days;
        row.extensionReason = rng.pick(EXTENSION);
        event('request_extension', t, handlerOf(lead), state, row.extensionReason, { days }, false);
        if (p.extension === 'requested') return;
        t = office.add(t, rng.int(30, 400));
        if (t.getTime() >= Date.parse(deadline())) return;
        if (p.extension === 'approved') {
          row.extensionStatus = 'approved';
          row.replyDeadline = extendDeadline(new Date(deadline()), days, ctx).toISOString();
          event('approve_extension', t, dispatcher, state, null, { days, replyDeadline: row.replyDeadline });
        } else {
          row.extensionStatus = 'denied';
          event('deny_extension', t, dispatcher, state, '理由不充分，请在原时限内办结。', null, false);
        }
      };
      const supervise = () => {
        if (!p.urge) return;
        const at = new Date(roundStart.getTime() + total * 0.75 * MINUTE_MS);
        if (at.getTime() <= t.getTime()) return;
        t = office.add(at, rng.int(0, 60));
        row.supervisionLevel = 'urged';
        event('urge', t, rng.chance(0.7) ? dispatcher : leader, state, rng.pick(URGE), null, false);
        if (p.supervise || t.getTime() > Date.parse(deadline())) {
          t = office.add(new Date(Math.max(t.getTime(), Date.parse(deadline()))), rng.int(30, 300));
          row.supervisionLevel = 'supervised';
          event('supervise', t, leader, state, rng.pick(SUPERVISE), null, false);
        }
      };
      if (stopAt === 'dispatched') {
        if (rng.chance(0.5)) extend();
        supervise();
        return false;
      }
      t = office.add(t, rng.int(20, 900));
      row.signedAt = t.toISOString();
      event('sign', t, handlerOf(lead), 'signed');
      for (const d of departments)
        if (d.role === 'assisting') {
          t = office.add(t, rng.int(60, 900));
          d.opinion = { at: t, text: rng.pick(OPINION) };
          event('opinion', t, handlerOf(d.id), state, d.opinion.text, null, false);
        }
      extend();
      supervise();
      if (stopAt === 'signed') return false;
      // 答复: on time at some point of the span, or late.
      const signedAt = t.getTime();
      const left = span(deadline(), t);
      const workLeft = Math.max(30, Math.floor((left / (24 * 60)) * office.day * 0.6));
      t = p.lateReply
        ? office.add(new Date(Math.max(t.getTime(), Date.parse(deadline()))), rng.int(60, 2000))
        : office.add(t, rng.int(30, workLeft));
      if (!p.lateReply && t.getTime() > Date.parse(deadline()))
        t = new Date(Math.max(Date.parse(deadline()) - 17 * MINUTE_MS, signedAt + MINUTE_MS));
      row.repliedAt = t.toISOString();
      row.repliedLate = t.getTime() > Date.parse(deadline()) ? 1 : 0;
      // As the reply action writes it (statistics: 平均办理工作日).
      row.handlingMinutes = row.dispatchedAt
        ? workingMinutesBetween(new Date(row.dispatchedAt), t, ctx)
        : null;
      row.replyContent = p.scenario.reply;
      row.replySolved = p.solved ? 1 : 0;
      row.replyUnsolvedReason = p.solved ? null : (p.scenario.unsolved ?? UNSOLVED);
      row.replyPublic = row.isPublic;
      event('reply', t, handlerOf(lead), 'replied', row.replyContent, {
        solved: p.solved,
        late: row.repliedLate === 1,
      });
      return true;
    };

    if (!handle(p.state === 'dispatched' || p.state === 'signed' ? p.state : null)) return finish();
    if (p.state === 'replied') return finish();

    // 评价, 重办, 办结.
    const ratingWindowEnd = () =>
      deadlineAfter(new Date(row.repliedAt as string), settings.ratingWindowWorkdays, ctx);
    if (p.autoClose && !p.reopen) {
      t = new Date(ratingWindowEnd().getTime() + rng.int(1, 50) * MINUTE_MS);
      row.rating = 'satisfied';
      row.ratingSolved = row.replySolved ?? 1;
      row.ratingDefault = 1;
      row.ratedAt = t.toISOString();
      row.closedAt = t.toISOString();
      event('auto_close', t, { id: null, role: 'system' }, 'closed', null, {
        rating: 'satisfied',
        default: true,
      });
      return finish();
    }
    const rate = (rating: AppealRating, solved: boolean) => {
      const replied = t.getTime();
      t = realLater(t, 1, 60);
      const end = ratingWindowEnd();
      if (t.getTime() > end.getTime())
        t = new Date(Math.max(end.getTime() - rng.int(10, 300) * MINUTE_MS, replied + MINUTE_MS));
      const comment = rng.pick(COMMENTS[rating]);
      row.rating = rating;
      row.ratingSolved = solved ? 1 : 0;
      row.ratingComment = comment || null;
      row.ratingDefault = 0;
      row.ratedAt = t.toISOString();
      event('rate', t, enterpriseActor(), 'rated', comment || null, { rating, solved });
    };
    if (p.reopen) {
      rate('dissatisfied', false);
      t = realLater(t, 1, 30);
      const reopenBy = rng.chance(0.7) ? enterpriseActor() : dispatcher;
      row.reopenCount = 1;
      row.signedAt = null;
      row.repliedAt = null;
      row.repliedLate = null;
      row.handlingMinutes = null;
      row.rating = null;
      row.ratingSolved = null;
      row.ratingComment = null;
      row.ratedAt = null;
      row.replyStartedAt = t.toISOString();
      row.replyDeadline = replyDeadline(t, type, topic, ctx).toISOString();
      row.extensionStatus = 'none';
      event('reopen', t, reopenBy, 'dispatched', rng.pick(REOPEN), { reopenCount: 1 });
      p.lateReply = false;
      p.solved = true;
      p.extension = null;
      p.urge = rng.chance(0.5);
      p.supervise = p.urge && rng.chance(0.5);
      handle(null);
      p.rating =
        p.rating === 'dissatisfied' ? (rng.chance(0.6) ? 'basically_satisfied' : 'dissatisfied') : p.rating;
    }
    rate(p.rating ?? 'satisfied', p.rating === 'dissatisfied' ? p.solved && rng.chance(0.3) : p.solved);
    if (p.state === 'rated') return finish();
    const reopenEnd = deadlineAfter(new Date(row.ratedAt as string), settings.reopenWindowWorkdays, ctx);
    if (p.rating !== 'dissatisfied' && rng.chance(0.55)) {
      t = office.add(t, rng.int(30, 600));
      event('close', t, dispatcher, 'closed', '企业已评价，办结。');
    } else {
      t = new Date(reopenEnd.getTime() + rng.int(1, 50) * MINUTE_MS);
      event('close', t, { id: null, role: 'system' }, 'closed', null);
    }
    row.closedAt = t.toISOString();
    return finish();

    function finish(): Built | null {
      const last = Date.parse(events[events.length - 1]!.at as string);
      if (last > now.getTime()) return null;
      row.state = state;
      row.receivedOn = receiptDayOf(created);
      row.version = events.length;
      return {
        row,
        events,
        departments: departments.map((d) => ({
          appealId: '',
          departmentId: d.id,
          role: d.role,
          opinion: d.opinion?.text ?? null,
          opinionBy: d.opinion && d.id === marketId ? c.users.handler : null,
          opinionAt: d.opinion?.at.toISOString() ?? null,
          assignedAt: assignedAt.toISOString(),
        })),
      };
    }
  };
  const receiptDayOf = (created: Date) => {
    const date = shanghaiDate(created);
    const { minute } = office.local(created);
    return ctx.calendar.isWorkday(date) && minute < settings.closingMinute
      ? date
      : ctx.calendar.addWorkdays(date, 1);
  };

  /** Whether an open appeal may stay in its state at now (the jobs would otherwise have closed it). */
  const stillOpen = (b: Built): boolean => {
    const s = b.row.state;
    if (s === 'replied')
      return (
        now.getTime() <=
        deadlineAfter(new Date(b.row.repliedAt as string), settings.ratingWindowWorkdays, ctx).getTime()
      );
    if (s === 'rated')
      return (
        now.getTime() <=
        deadlineAfter(new Date(b.row.ratedAt as string), settings.reopenWindowWorkdays, ctx).getTime()
      );
    return true;
  };

  /**
   * When to submit: open appeals recently (so that the queues are live), closed ones over the whole year. Each
   * failed attempt widens the window a little: a plan with a late acceptance or a request for information needs
   * more working time than a weekend before the seed's now may leave.
   */
  const createdFor = (p: Plan, attempt: number): Date => {
    const days: Record<AppealState, [number, number]> = {
      submitted: [0, 3],
      needs_info: [1, 12],
      accepted: [0, 3],
      dispatched: [1, 18],
      signed: [2, 22],
      returned: [1, 6],
      replied: [2, 20],
      rated: [3, 25],
      closed: [p.reopen ? 70 : 25, 360],
      rejected: [2, 360],
      merged: [2, 360],
    };
    const [min, max] = days[p.state];
    const back = rng.real(min, Math.min(360, max + attempt / 4)) * dayMs;
    const base = new Date(now.getTime() - back);
    // Enterprises write any time of the day, mostly during office hours; the desk records calls in office hours.
    const date = shanghaiDate(base);
    const minute =
      p.channel === 'web' && rng.chance(0.3)
        ? rng.pick([rng.int(7 * 60, 9 * 60), rng.int(18 * 60, 23 * 60)])
        : rng.int(9 * 60 + 5, 17 * 60 + 20);
    const at = office.at(date, minute);
    return at.getTime() > now.getTime() ? new Date(now.getTime() - rng.int(5, 90) * MINUTE_MS) : at;
  };

  const build = (p: Plan): Built => {
    for (let attempt = 0; attempt < 60; attempt++) {
      const created = createdFor(p, attempt);
      if (created.getTime() < windowStart.getTime()) continue;
      const b = simulate({ ...p }, created);
      if (b && stillOpen(b)) return b;
    }
    throw new Error(`demo appeals: no room for a ${p.state} appeal of ${p.enterprise.name}`);
  };

  // ——— the plans ———
  const plans: Plan[] = [];
  // The demo enterprise (13800000001): ~8 appeals in varied states.
  const market = APPEAL_CATALOGUE.filter((t) => t.leadDepartment === DEPT.market);
  const primaryStates: [AppealState, string | null][] = [
    ['replied', 'tax_incentives'],
    ['needs_info', 'finance_loans'],
    ['closed', 'talent_services'],
    ['signed', market[0]!.code],
    ['dispatched', 'utility_power'],
    ['submitted', 'invest_office_space'],
    ['closed', 'approval_business_license'],
    ['rated', 'policy_consult'],
  ];
  for (const [state, code] of primaryStates) {
    const p = planFor(state, primary, code ? topicByCode.get(code) : undefined);
    if (state === 'closed' && code === 'talent_services') {
      p.rating = 'satisfied';
      p.autoClose = false;
      p.reopen = false;
      p.solved = true;
    }
    plans.push(p);
  }
  // Everyone else: the remaining counts over the other enterprises (the secondary demo enterprise gets a few).
  const remaining = new Map(STATE_COUNTS);
  for (const p of plans) remaining.set(p.state, (remaining.get(p.state) ?? 0) - 1);
  const others = enterprises.filter((e) => e.id !== primary.id);
  const order: AppealState[] = [];
  for (const [s, n] of remaining) for (let i = 0; i < n; i++) if (s !== 'merged') order.push(s);
  for (const s of rng.sample(order, order.length)) {
    const e = rng.chance(0.03) ? secondary : rng.pick(others);
    plans.push(planFor(s, e));
  }
  // A few urged appeals escalate to 督办.
  for (const p of plans) if (p.urge && rng.chance(0.4)) p.supervise = true;

  const built: Built[] = [];
  for (const p of plans) built.push(build(p));
  // Merges: duplicates of earlier appeals of the same enterprise, merged while the target was still open.
  for (let i = 0; i < (remaining.get('merged') ?? 0); i++) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const target = rng.pick(built);
      if (['merged', 'rejected', 'submitted', 'needs_info'].includes(target.row.state as string)) continue;
      const p = planFor(
        'merged',
        enterprises.find((e) => e.id === target.row.enterpriseId)!,
        topicByCode.get(target.row.topicCode as string),
      );
      p.scenario = {
        ...p.scenario,
        title: target.row.title as string,
        content: `${target.row.content}（再次反映）`,
      };
      const created = new Date(Date.parse(target.row.createdAt as string) + rng.int(30, 600) * MINUTE_MS);
      if (created.getTime() > now.getTime()) continue;
      p.mergeTarget = target;
      const b = simulate(p, created);
      if (b) {
        built.push(b);
        break;
      }
    }
  }

  // Codes in order of submission, as the desk numbers them.
  built.sort((a, b) => (a.row.createdAt as string).localeCompare(b.row.createdAt as string));
  for (const b of built) b.row.code = codeFor(new Date(b.row.createdAt as string));
  for (const b of built) {
    const merge = b.events.find((e) => e.action === 'merge_into');
    if (merge && b.target) merge.note = `与诉求 ${b.target.row.code} 反映的是同一事项，并入该诉求一并办理。`;
  }
  for (const b of built) {
    for (const e of b.events) {
      e.id = c.id();
      e.appealId = b.row.id!;
    }
    for (const d of b.departments) d.appealId = b.row.id!;
  }

  await insertRows(
    trx,
    'appeals',
    built.map((b) => b.row),
  );
  const events = built.flatMap((b) => b.events);
  await insertRows(trx, 'appealEvents', events);
  const departments = built.flatMap((b) => b.departments);
  await insertRows(trx, 'appealDepartments', departments);
  return { appeals: built.length, appealEvents: events.length, appealDepartments: departments.length };
}

async function insertRows<T extends keyof Database & string>(
  trx: DB,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(4000 / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += size)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}
