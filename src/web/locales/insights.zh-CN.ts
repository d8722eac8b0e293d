import { INDUSTRY_SECTIONS } from '../../shared/industries';
import { SEARCH_TERM_SCOPE_LABELS } from '../../shared/insights-api';

/** 简体中文 copy of the insights pages (spliced into zh-CN.ts as `insights`). */
export const insightsZh = {
  publicTitle: '数据赋能',
  publicIntro:
    '辖区企业、诉求办理、政策兑现和楼宇资源的公开统计。诉求与政策兑现为近 12 个月数据，企业与楼宇为当前数据；少于 5 的数据不单独公布，表中显示为“<5”。',
  dashboardTitle: '数据看板',
  dashboardIntro:
    '按统计区间查看企业增长、各部门诉求四率、各申报事项兑现情况、各街道楼宇和各检索范围的热门搜索词。诉求按提交时间所在自然月统计，企业分布和楼宇为当前数据。',
  presetLast12: '近 12 个月',
  presetYear: (y: number) => `${y} 年`,
  presetYears: (n: number) => `近 ${n} 年`,
  scopeCount: (scope: string, n: number) => `${scope}（${n}）`,
  period: '统计区间',
  periodShort: (from: string, to: string) => `${from} 至 ${to}`,
  asOf: (time: string) => `数据时间：${time}（北京时间）`,
  export: '导出 Excel',
  exportLabel: (table: string) => `导出 Excel：${table}`,
  suppressedNote:
    '“<5”表示该项少于 5，为保护企业信息不单独公布；空白或“—”表示无数据或样本不足 5 件不计算比率。',
  notFilled: '未填写',
  unclassified: '暂未划型',
  notDispatched: '尚未派单',
  /** GB/T 4754-2017 门类 names (the server sends the Chinese ones; this map serves the English page). */
  industrySections: Object.fromEntries(INDUSTRY_SECTIONS.map((s) => [s.code, s.name])) as Record<
    string,
    string
  >,
  noData: '暂无数据',
  total: '合计',
  sections: {
    enterprises: '企业',
    appeals: '诉求办理',
    claims: '政策兑现',
    buildings: '楼宇资源',
    searchTerms: '热门搜索',
  },
  tiles: {
    enterprises: '企业总数（户）',
    appeals: '诉求量（件）',
    paidWan: '兑现金额（万元）',
    benefited: '受益企业（户）',
    applications: '申报数（件）',
    approved: '审核通过（件）',
    buildings: '楼宇数（栋）',
    vacancy: '整体空置率',
    yiYuan: '亿元楼（栋）',
    qianWanYuan: '千万元楼（栋）',
  },
  tables: {
    enterprisesStreet: '企业按街道分布',
    enterprisesIndustry: '企业按行业门类分布',
    enterprisesSize: '企业按规模分布',
    enterprisesGrowth: '企业新增（按成立年份）',
    enterprisesGrowthMonth: '企业新增（按成立月份）',
    appealsMonth: '诉求办理指标（按月）',
    appealsDepartment: '诉求办理指标（按主办部门）',
    claimsProgram: '政策兑现（按申报事项）',
    buildingsStreet: '楼宇（按街道）',
    buildingsHot: '热门楼宇排行',
    searchTerms: '热门搜索词',
    searchTermsPublic: '热门搜索词（近 90 天）',
  },
  columns: {
    street: '街道',
    industry: '行业门类',
    size: '企业规模',
    year: '年份',
    month: '月份',
    department: '主办部门',
    enterprises: '企业数（户）',
    submitted: '诉求量（件）',
    program: '申报事项',
    reviewer: '审核部门',
    applications: '申报数',
    approved: '审核通过',
    paidWan: '兑现金额（万元）',
    benefited: '受益企业（户）',
    buildings: '楼宇数',
    leasable: '可租面积（㎡）',
    vacant: '空置面积（㎡）',
    vacancy: '空置率',
    yiYuan: '亿元楼',
    qianWanYuan: '千万元楼',
    rank: '排名',
    building: '楼宇',
    term: '搜索词',
    count: '搜索次数',
    days: '搜索天数',
    scope: '检索范围',
  },
  rateFraction: (num: number, den: number) => `${num} / ${den}`,
  formulasTitle: '诉求指标口径',
  /** The definitions as the appeal statistics state them (APPEAL_STATS_FORMULAS, modules/appeals/statistics.ts). */
  formulas: {
    responseRate:
      '响应率 = 在受理时限内作出首次响应的件数 ÷ 已作出首次响应的件数；首次响应指受理或不予受理，时间取受理时间（不予受理的取办结时间），不晚于受理时限（提交后第 1 个工作日 17:30，可按主题配置）即为按时；待补充材料期间不计',
    onTimeReplyRate:
      '按期办结率 = 在办理时限内答复的件数 ÷ 已答复件数；办理时限自派单起算（延期批准后以延长后的时限为准），重办的以最近一次答复为准',
    solvedRate:
      '解决率 = 企业评价“问题已解决”的件数 ÷ 参评件数；参评件数为企业实际作出评价的件数，自动办结的默认评价不计入',
    satisfactionRate: '满意率 = （满意 + 基本满意）÷ 参评件数；自动办结的默认评价不计入',
  } as Record<string, string>,
  searchTermsNote:
    '仅统计在 3 天以上被搜索、累计 5 次以上的词；查询中的手机号、身份证号、统一社会信用代码等个人信息不计入统计。',
  scopes: { ...SEARCH_TERM_SCOPE_LABELS } as Record<string, string>,
  hotNote: '热度按浏览、收藏、预约看房加权并随时间衰减计算。',
  toDashboard: '进入数据看板',
  toPublic: '公开统计页',
  chartOf: (title: string) => `${title}（图表）`,
};
