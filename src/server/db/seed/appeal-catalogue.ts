import type { SlaDurations } from '../../modules/appeals/sla';
import type { DB } from '../database';
import { toJson } from '../dialect';
import { DEPT } from './reference';

/**
 * The dispatch catalogue (派单目录) of the demo district's enterprise appeal desk (SPEC §2.4), modelled on a
 * 12345 / 接诉即办 desk for enterprises in Qingdao 市南区: topic → category → default lead department (a DEPT code or
 * another department code of reference.ts) → optional SLA overrides. The classifier (modules/appeals/classifier.ts)
 * learns from the names, descriptions and keywords, so keywords are the words enterprises actually write.
 *
 * Codes are stable (`area_topic`, lower snake case as the catalogue editor requires): labelled appeals, the knowledge base and tests refer to them.
 * Where the demo district has no unit of the real-life owner, the nearest existing unit leads and the description
 * says so: 医保 → 人社 (no 医疗保障局), 消防安全隐患 → 公安分局 (派出所 fire supervision of small venues; no
 * 消防救援大队), 法律服务 → 区政府办公室 (no 司法局), 住房公积金 → 市级有关部门 (the fund is run by the city).
 */

/** Per-field SLA overrides of one topic (sla.ts, `SlaSettings.topics[code]`). */
export type TopicSla = Partial<SlaDurations>;

export interface CatalogueTopic {
  code: string;
  name: string;
  /** Group shown in pickers. */
  category: string;
  description: string;
  /** Department code (reference.ts DEMO_DEPARTMENTS). */
  leadDepartment: string;
  /** Words that point to this topic (the classifier and the intake form read them). */
  keywords: readonly string[];
  sla?: TopicSla;
  sortOrder: number;
}

/** Category names in display order. */
export const APPEAL_CATEGORIES = [
  '市场监管',
  '知识产权',
  '税务',
  '人社/用工',
  '社保医保',
  '企业开办与审批',
  '政策兑现',
  '融资',
  '科技创新',
  '人才',
  '招商/楼宇',
  '商务/外贸',
  '城市管理/市容',
  '交通/停车',
  '住建/物业',
  '水电气热',
  '生态环境',
  '消防安全',
  '法律服务',
  '其他',
] as const;

type TopicSpec = Omit<CatalogueTopic, 'sortOrder'>;

const TOPICS: readonly TopicSpec[] = [
  // ——— 市场监管 ———
  {
    code: 'market_food_safety',
    name: '食品安全',
    category: '市场监管',
    description: '食品生产经营环节的安全问题、过期变质食品、餐饮后厨卫生、食品标签与添加剂等投诉举报和咨询。',
    leadDepartment: DEPT.market,
    keywords: [
      '食品安全',
      '过期食品',
      '变质',
      '后厨',
      '餐饮卫生',
      '食品标签',
      '添加剂',
      '食物中毒',
      '冷链',
      '保质期',
    ],
  },
  {
    code: 'market_price_fees',
    name: '价格收费与涉企乱收费',
    category: '市场监管',
    description: '商品和服务明码标价、价格欺诈，以及中介机构、行业协会、转供电主体等向企业违规收费、摊派。',
    leadDepartment: DEPT.market,
    keywords: [
      '乱收费',
      '收费',
      '明码标价',
      '价格欺诈',
      '摊派',
      '中介收费',
      '行业协会',
      '转供电',
      '加价',
      '涨价',
      '会费',
    ],
  },
  {
    code: 'market_product_quality',
    name: '产品质量、计量与特种设备',
    category: '市场监管',
    description: '产品质量、假冒伪劣、计量器具检定、电梯锅炉等特种设备的登记检验与安全问题。',
    leadDepartment: DEPT.market,
    keywords: [
      '产品质量',
      '假冒伪劣',
      '计量',
      '检定',
      '电子秤',
      '特种设备',
      '电梯',
      '锅炉',
      '压力容器',
      '年检',
      '质量认证',
      '标准',
    ],
  },
  {
    code: 'market_credit_repair',
    name: '经营异常与信用修复',
    category: '市场监管',
    description: '企业年报、列入或移出经营异常名录、严重违法失信名单、行政处罚信息公示与信用修复。',
    leadDepartment: DEPT.market,
    keywords: [
      '经营异常',
      '异常名录',
      '年报',
      '信用修复',
      '失信',
      '移出',
      '公示系统',
      '行政处罚公示',
      '信用中国',
      '黑名单',
    ],
  },
  // ——— 知识产权 ———
  {
    code: 'ip_services',
    name: '知识产权申请、资助与保护',
    category: '知识产权',
    description: '专利、商标、著作权的申请与资助，知识产权质押融资，侵权假冒与维权援助。',
    leadDepartment: DEPT.market,
    keywords: [
      '知识产权',
      '专利',
      '商标',
      '著作权',
      '软著',
      '侵权',
      '维权',
      '专利资助',
      '质押',
      '抢注',
      '仿冒',
    ],
  },
  // ——— 税务 ———
  {
    code: 'tax_filing_invoice',
    name: '纳税申报与发票',
    category: '税务',
    description:
      '税务登记、纳税申报、电子发票（数电票）领用与开具、开票额度、纳税信用评价、电子税务局使用问题。',
    leadDepartment: DEPT.tax,
    keywords: [
      '发票',
      '数电票',
      '开票',
      '开票额度',
      '纳税申报',
      '电子税务局',
      '纳税信用',
      '税务登记',
      '税控',
      '个税',
      '申报',
    ],
  },
  {
    code: 'tax_incentives',
    name: '税收优惠与退税',
    category: '税务',
    description:
      '小微企业和个体户税收优惠、研发费用加计扣除、高企所得税优惠、留抵退税、出口退税等的咨询和办理。',
    leadDepartment: DEPT.tax,
    keywords: [
      '税收优惠',
      '减免',
      '加计扣除',
      '研发费用',
      '留抵退税',
      '出口退税',
      '退税',
      '六税两费',
      '小微企业',
      '减税',
      '所得税',
    ],
  },
  // ——— 人社/用工 ———
  {
    code: 'hr_labor_relations',
    name: '劳动关系与劳动保障监察',
    category: '人社/用工',
    description: '劳动合同、工资支付与欠薪、工时休假、劳动争议调解仲裁、工伤认定、劳务派遣等劳动关系问题。',
    leadDepartment: DEPT.hrss,
    keywords: [
      '劳动合同',
      '欠薪',
      '工资',
      '拖欠',
      '劳动仲裁',
      '劳动争议',
      '工伤',
      '辞退',
      '加班',
      '劳务派遣',
      '经济补偿',
      '试用期',
    ],
    sla: { replyWorkdays: 5 },
  },
  {
    code: 'hr_employment',
    name: '招聘用工与职业培训',
    category: '人社/用工',
    description: '招聘会、用工缺口对接、稳岗返还、吸纳就业补贴、以工代训与职业技能培训补贴、就业见习基地。',
    leadDepartment: DEPT.hrss,
    keywords: [
      '招聘',
      '招工',
      '用工',
      '招聘会',
      '稳岗',
      '稳岗返还',
      '就业补贴',
      '职业培训',
      '技能培训',
      '见习',
      '高校毕业生',
      '缺工',
    ],
  },
  // ——— 社保医保 ———
  {
    code: 'social_insurance',
    name: '社保登记与缴费',
    category: '社保医保',
    description: '单位社保开户登记、增减员、缴费基数、补缴、社保转移、养老失业工伤保险待遇。',
    leadDepartment: DEPT.hrss,
    keywords: [
      '社保',
      '社保开户',
      '增员',
      '减员',
      '缴费基数',
      '补缴',
      '养老保险',
      '失业保险',
      '工伤保险',
      '社保卡',
      '参保',
    ],
  },
  {
    code: 'social_medical',
    name: '医保参保与报销',
    category: '社保医保',
    description:
      '单位职工医保参保、医保缴费、门诊和住院报销、生育津贴、定点医药机构（由人社部门牵头，医保业务协调办理）。',
    leadDepartment: DEPT.hrss,
    keywords: [
      '医保',
      '医疗保险',
      '报销',
      '生育津贴',
      '生育保险',
      '定点药店',
      '门诊',
      '住院',
      '医保卡',
      '异地就医',
      '长护险',
    ],
  },
  {
    code: 'social_housing_fund',
    name: '住房公积金',
    category: '社保医保',
    description:
      '单位公积金开户、缴存基数与比例、缓缴、补缴、提取与贷款（市住房公积金管理中心办理，区级转办）。',
    leadDepartment: 'city_departments',
    keywords: ['公积金', '住房公积金', '缴存', '缓缴', '公积金提取', '公积金贷款', '缴存比例', '公积金开户'],
  },
  // ——— 企业开办与审批 ———
  {
    code: 'approval_business_license',
    name: '企业开办与登记变更',
    category: '企业开办与审批',
    description:
      '营业执照设立、变更（名称、地址、法人、经营范围）、注销、迁移，企业开办一网通办、刻章与银行开户联办。',
    leadDepartment: DEPT.approval,
    keywords: [
      '营业执照',
      '注册',
      '设立',
      '变更',
      '注销',
      '迁移',
      '法人变更',
      '经营范围',
      '住所',
      '核名',
      '刻章',
      '企业开办',
      '简易注销',
    ],
  },
  {
    code: 'approval_permits',
    name: '经营许可审批',
    category: '企业开办与审批',
    description:
      '食品经营许可、公共场所卫生许可、酒类、娱乐场所、人力资源服务、道路运输等行政许可的办理与延续。',
    leadDepartment: DEPT.approval,
    keywords: [
      '许可证',
      '食品经营许可',
      '卫生许可',
      '行政许可',
      '审批',
      '延续',
      '告知承诺制',
      '一业一证',
      '办证',
      '窗口',
    ],
  },
  {
    code: 'approval_construction',
    name: '工程建设项目审批',
    category: '企业开办与审批',
    description: '工程建设项目立项、规划许可、施工许可、装修工程备案、联合验收等审批流程问题。',
    leadDepartment: DEPT.approval,
    keywords: [
      '施工许可',
      '规划许可',
      '工程建设',
      '立项',
      '备案',
      '装修备案',
      '联合验收',
      '图审',
      '项目审批',
      '竣工',
    ],
  },
  // ——— 政策兑现 ———
  {
    code: 'policy_consult',
    name: '惠企政策咨询',
    category: '政策兑现',
    description: '惠企政策的适用条件、申报时间、材料要求和解读，免申即享名单，政策找不到、看不懂等问题。',
    leadDepartment: DEPT.development,
    keywords: [
      '政策',
      '惠企政策',
      '申报条件',
      '申报时间',
      '政策解读',
      '免申即享',
      '扶持',
      '奖励',
      '补贴',
      '申报',
    ],
  },
  {
    code: 'policy_fund_payment',
    name: '政策资金兑现拨付',
    category: '政策兑现',
    description: '已获批的奖励、补贴、扶持资金迟迟未到账，兑现进度查询，拨付金额与公示不一致。',
    leadDepartment: DEPT.finance,
    keywords: ['资金拨付', '兑现', '未到账', '到账', '拨付', '奖励资金', '补贴资金', '公示', '兑付', '财政'],
  },
  {
    code: 'policy_specialized',
    name: '专精特新与中小企业培育',
    category: '政策兑现',
    description: '专精特新中小企业、小巨人、创新型中小企业的认定申报，规上企业培育（小升规），中小企业服务。',
    leadDepartment: DEPT.industry,
    keywords: [
      '专精特新',
      '小巨人',
      '创新型中小企业',
      '小升规',
      '规上企业',
      '梯度培育',
      '单项冠军',
      '数字化转型',
      '工信',
    ],
  },
  // ——— 融资 ———
  {
    code: 'finance_loans',
    name: '融资贷款与上市服务',
    category: '融资',
    description: '银行贷款、创业担保贷款、政银担融资、贴息、续贷、应急转贷，企业上市挂牌辅导。',
    leadDepartment: DEPT.financialServices,
    keywords: [
      '贷款',
      '融资',
      '创业担保贷款',
      '贴息',
      '担保',
      '续贷',
      '转贷',
      '银行',
      '授信',
      '抵押',
      '上市',
      '挂牌',
      '股权融资',
    ],
  },
  // ——— 科技创新 ———
  {
    code: 'tech_innovation',
    name: '科技创新与高企认定',
    category: '科技创新',
    description: '高新技术企业认定、科技型中小企业评价、研发平台、科技成果转化、产学研合作、科技项目申报。',
    leadDepartment: DEPT.science,
    keywords: [
      '高新技术企业',
      '高企',
      '高企认定',
      '科技型中小企业',
      '研发平台',
      '成果转化',
      '产学研',
      '科技项目',
      '孵化器',
      '众创空间',
      '技术合同',
    ],
  },
  // ——— 人才 ———
  {
    code: 'talent_services',
    name: '人才引进与人才服务',
    category: '人才',
    description: '人才引进、人才补贴与安家费、人才公寓、落户、子女入学等人才服务。',
    leadDepartment: DEPT.hrss,
    keywords: [
      '人才',
      '人才公寓',
      '人才补贴',
      '安家费',
      '落户',
      '引进',
      '博士',
      '硕士',
      '子女入学',
      '人才认定',
      '人才住房',
      '租房补贴',
    ],
  },
  // ——— 招商/楼宇 ———
  {
    code: 'invest_office_space',
    name: '楼宇招商与项目落地',
    category: '招商/楼宇',
    description: '办公楼宇选址、入驻优惠、总部企业认定、招商引资政策兑现、重点项目落地服务。',
    leadDepartment: DEPT.investment,
    keywords: [
      '楼宇',
      '写字楼',
      '办公选址',
      '入驻',
      '租金',
      '招商',
      '总部企业',
      '项目落地',
      '空置',
      '园区',
      '招商引资',
    ],
  },
  // ——— 商务/外贸 ———
  {
    code: 'commerce_trade',
    name: '外贸进出口与商贸流通',
    category: '商务/外贸',
    description: '进出口经营、通关、跨境电商、外资企业服务、展会补贴、商贸流通与促消费活动。',
    leadDepartment: DEPT.commerce,
    keywords: [
      '外贸',
      '进出口',
      '出口',
      '通关',
      '海关',
      '跨境电商',
      '外资',
      '展会',
      '订单',
      '商贸',
      '促消费',
      '报关',
    ],
  },
  // ——— 城市管理/市容 ———
  {
    code: 'city_signboard',
    name: '门头牌匾与户外广告',
    category: '城市管理/市容',
    description: '门头牌匾设置审批与规范、户外广告、店招更换、亮化设施。',
    leadDepartment: DEPT.enforcement,
    keywords: ['门头', '牌匾', '招牌', '店招', '户外广告', '广告牌', '灯箱', '亮化', '横幅'],
  },
  {
    code: 'city_sanitation',
    name: '市容环境与占道经营',
    category: '城市管理/市容',
    description: '占道经营、垃圾清运、垃圾分类、违规搭建、沿街环境卫生、共享单车乱停放等市容问题。',
    leadDepartment: DEPT.enforcement,
    keywords: [
      '占道经营',
      '垃圾',
      '清运',
      '垃圾分类',
      '违建',
      '私搭乱建',
      '环境卫生',
      '乱堆',
      '共享单车',
      '流动摊贩',
      '市容',
    ],
  },
  // ——— 交通/停车 ———
  {
    code: 'traffic_parking',
    name: '停车泊位与停车收费',
    category: '交通/停车',
    description: '路内停车泊位、停车收费、员工和客户停车难、装卸货临时停车、停车场建设。',
    leadDepartment: DEPT.enforcement,
    keywords: ['停车', '停车位', '泊位', '停车难', '停车费', '停车场', '装卸货', '车位', '贴条'],
  },
  {
    code: 'traffic_road',
    name: '道路交通与交通设施',
    category: '交通/停车',
    description: '交通信号灯、标志标线、交通拥堵、道路通行、货车通行证、公交站点设置。',
    leadDepartment: DEPT.police,
    keywords: [
      '交通',
      '信号灯',
      '红绿灯',
      '标线',
      '拥堵',
      '通行证',
      '货车',
      '交警',
      '限行',
      '公交',
      '路口',
      '掉头',
    ],
  },
  // ——— 住建/物业 ———
  {
    code: 'housing_property',
    name: '物业服务与楼宇设施',
    category: '住建/物业',
    description: '写字楼和商业物业的物业服务、物业费、公共设施维修、电梯停运、房屋漏水等。',
    leadDepartment: DEPT.housing,
    keywords: ['物业', '物业费', '物业公司', '漏水', '维修', '公共设施', '业主', '电梯停运', '门禁', '保洁'],
  },
  {
    code: 'housing_construction',
    name: '建筑施工与工地管理',
    category: '住建/物业',
    description: '建筑工地扬尘、夜间施工、施工围挡、建筑质量、装修施工影响周边经营。',
    leadDepartment: DEPT.housing,
    keywords: ['施工', '工地', '夜间施工', '扬尘', '围挡', '装修', '施工噪音', '建筑质量', '渣土', '拆迁'],
  },
  {
    code: 'housing_fire_acceptance',
    name: '消防设计审查与消防验收',
    category: '住建/物业',
    description: '建设工程消防设计审查、消防验收与备案抽查（住建部门负责），装修工程消防手续。',
    leadDepartment: DEPT.housing,
    keywords: ['消防验收', '消防备案', '消防设计审查', '消防手续', '竣工验收', '消防审验', '备案抽查'],
  },
  // ——— 水电气热 ———
  {
    code: 'utility_power',
    name: '供电',
    category: '水电气热',
    description: '停电、电压不稳、用电报装与增容、电费、转供电加价（价格问题转市场监管协办）。',
    leadDepartment: 'power_supply',
    keywords: ['停电', '供电', '电压', '跳闸', '用电报装', '增容', '电费', '电表', '电力', '变压器', '断电'],
    sla: { replyWorkdays: 3 },
  },
  {
    code: 'utility_water',
    name: '供水排水',
    category: '水电气热',
    description: '停水、水压低、水质、供水报装、水费，排水管道堵塞与污水外溢。',
    leadDepartment: 'water_supply',
    keywords: ['停水', '供水', '水压', '水质', '水费', '自来水', '排水', '下水道', '管道', '污水', '水表'],
    sla: { replyWorkdays: 3 },
  },
  {
    code: 'utility_gas',
    name: '燃气',
    category: '水电气热',
    description: '燃气报装、停气、燃气泄漏隐患、燃气费、餐饮企业燃气安全检查。',
    leadDepartment: 'gas_supply',
    keywords: [
      '燃气',
      '天然气',
      '煤气',
      '停气',
      '燃气报装',
      '燃气泄漏',
      '燃气费',
      '燃气表',
      '液化气',
      '气瓶',
    ],
    sla: { replyWorkdays: 2, extensionWorkdays: 2 },
  },
  {
    code: 'utility_heating',
    name: '供热',
    category: '水电气热',
    description: '写字楼和商铺供暖温度不达标、供热报装、暖气费、停暖（由住建部门协调供热企业）。',
    leadDepartment: DEPT.housing,
    keywords: ['供热', '供暖', '暖气', '室温', '暖气费', '采暖', '不热', '取暖', '热力'],
    sla: { replyWorkdays: 3 },
  },
  {
    code: 'utility_telecom',
    name: '通信与网络',
    category: '水电气热',
    description: '宽带和专线报装、网络中断、信号差、5G基站、光纤入楼。',
    leadDepartment: 'telecom',
    keywords: ['宽带', '网络', '断网', '信号', '专线', '光纤', '5g', '基站', '网速', '通信'],
  },
  // ——— 生态环境 ———
  {
    code: 'eco_environment',
    name: '生态环境与环评',
    category: '生态环境',
    description: '噪声、油烟、废气、污水排放等环境污染投诉，环评审批、排污许可与环保手续咨询。',
    leadDepartment: DEPT.ecology,
    keywords: ['环保', '环评', '排污许可', '油烟', '噪声', '噪音', '废气', '异味', '污染', '危废', '排放'],
  },
  // ——— 消防安全 ———
  {
    code: 'safety_fire',
    name: '消防与安全生产隐患',
    category: '消防安全',
    description: '消防通道堵塞、消防设施损坏、电动车违规充电、安全生产隐患（由公安分局派出所消防监督牵头）。',
    leadDepartment: DEPT.police,
    keywords: [
      '消防',
      '消防通道',
      '灭火器',
      '消防栓',
      '安全隐患',
      '安全出口',
      '电动车充电',
      '火灾',
      '安全生产',
      '应急',
      '易燃',
    ],
    sla: { acceptWorkdays: 1, replyWorkdays: 2, extensionWorkdays: 2 },
  },
  // ——— 法律服务 ———
  {
    code: 'legal_services',
    name: '法律咨询与纠纷调解',
    category: '法律服务',
    description: '企业法律咨询、合同纠纷、商事调解、公证和法律援助的转介（区政府办公室协调法律服务资源）。',
    leadDepartment: DEPT.govOffice,
    keywords: [
      '法律',
      '律师',
      '合同纠纷',
      '调解',
      '法律咨询',
      '起诉',
      '公证',
      '法律援助',
      '债务',
      '违约',
      '欠款',
    ],
  },
  {
    code: 'legal_enforcement',
    name: '涉企执法检查监督',
    category: '法律服务',
    description: '多头检查、重复检查、随意处罚、执法不规范、首违不罚等涉企行政执法问题的监督。',
    leadDepartment: DEPT.supervision,
    keywords: [
      '检查',
      '重复检查',
      '多头检查',
      '罚款',
      '处罚',
      '执法',
      '首违不罚',
      '执法人员',
      '整改',
      '营商环境',
    ],
  },
  // ——— 其他 ———
  {
    code: 'general_other',
    name: '其他涉企诉求',
    category: '其他',
    description: '不属于以上分类的企业诉求，由区政府办公室分析后转办。',
    leadDepartment: DEPT.govOffice,
    keywords: ['其他', '建议', '营商环境', '服务'],
  },
];

/** The dispatch catalogue, in display order (sortOrder 10, 20, …). */
export const APPEAL_CATALOGUE: readonly CatalogueTopic[] = TOPICS.map((t, i) => ({
  ...t,
  sortOrder: (i + 1) * 10,
}));

/** Topic codes of the catalogue. */
export const APPEAL_TOPIC_CODES: readonly string[] = APPEAL_CATALOGUE.map((t) => t.code);

export interface AppealCatalogueSeedContext {
  /** Department ids by code. */
  departments: ReadonlyMap<string, string>;
  /** ISO timestamp written to created_at / updated_at. */
  now: string;
}

/** Insert the catalogue into appeal_topics; returns the number of topics. */
export async function seedAppealCatalogue(trx: DB, c: AppealCatalogueSeedContext): Promise<number> {
  const rows = APPEAL_CATALOGUE.map((t) => {
    const leadDepartmentId = c.departments.get(t.leadDepartment);
    if (!leadDepartmentId) throw new Error(`appeal topic ${t.code}: unknown department ${t.leadDepartment}`);
    return {
      code: t.code,
      name: t.name,
      category: t.category,
      description: t.description,
      leadDepartmentId,
      keywords: toJson(t.keywords),
      sla: toJson(t.sla ?? {}),
      active: 1,
      sortOrder: t.sortOrder,
      createdAt: c.now,
      updatedAt: c.now,
    };
  });
  await trx.insertInto('appealTopics').values(rows).execute();
  return rows.length;
}
