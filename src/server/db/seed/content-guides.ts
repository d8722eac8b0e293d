/**
 * Demo service guides (办事指南), written "零咨询": steps, materials, time limit, fees, place, hours, phone and the
 * online channel, so a reader needs no call. Places are in the district's service centre; phone numbers are the
 * fictional 0532-8890xxxx block of reference.ts.
 */

export interface DemoGuide {
  category: 'startup' | 'policy' | 'tax' | 'talent' | 'construction' | 'property' | 'other';
  title: string;
  summary: string;
  timeLimit: string;
  fees: string;
  steps: { title: string; detail: string }[];
  materials: { name: string; copies: string; note: string }[];
  place: string;
  hours: string;
  phone: string;
  onlineUrl: string | null;
  basis: string;
  daysAgo: number;
}

const CENTRE = '市南区政务服务中心';
const HOURS =
  '周一至周五 9:00—12:00、13:30—17:00；周六 9:00—12:00（企业开办、不动产登记、社保窗口）；法定节假日除外';

export const DEMO_GUIDES: readonly DemoGuide[] = [
  {
    category: 'startup',
    title: '企业开办“一窗通办”（设立登记、印章、发票、社保、公积金）',
    summary: '有限责任公司设立登记及印章刻制、发票申领、社保医保登记、公积金开户一次申请、一窗领取。',
    timeLimit: '材料齐全的，1 个工作日内办结',
    fees: '免费（首套印章由区财政承担费用；税控设备免费发放）',
    steps: [
      {
        title: '网上填报',
        detail:
          '登录山东省企业开办“一窗通”平台，选择“企业设立登记”，填写企业名称、住所、经营范围、股东和出资信息，勾选印章刻制、发票申领、社保医保登记、公积金开户。',
      },
      { title: '电子签名', detail: '全体股东、法定代表人、监事等通过“爱山东”App 完成实名认证和电子签名。' },
      {
        title: '审核',
        detail: '登记机关审核，材料有问题的，平台一次性告知需修改的内容；审核通过后短信通知。',
      },
      {
        title: '领取',
        detail: '凭法定代表人身份证到企业开办专区一次领取营业执照、印章、税控设备和发票；也可选择免费邮寄。',
      },
    ],
    materials: [
      { name: '公司登记（备案）申请书', copies: '1 份', note: '平台在线生成，电子签名即可，无需打印' },
      { name: '公司章程', copies: '1 份', note: '可使用平台章程模板' },
      { name: '股东主体资格证明', copies: '1 份', note: '自然人股东为身份证；企业股东为营业执照' },
      { name: '住所使用证明', copies: '1 份', note: '房产证明或租赁合同；在平台楼宇资源库的楼宇可免于提交' },
    ],
    place: `${CENTRE}一楼企业开办专区（1—6 号窗口）`,
    hours: HOURS,
    phone: '0532-88901110',
    onlineUrl: 'https://www.shandong.gov.cn/',
    basis: '《中华人民共和国公司法》《中华人民共和国市场主体登记管理条例》',
    daysAgo: 300,
  },
  {
    category: 'startup',
    title: '企业简易注销登记',
    summary: '未开业或无债权债务的企业，公示 20 日无异议后申请简易注销。',
    timeLimit: '公示期满无异议的，申请当日办结',
    fees: '免费',
    steps: [
      { title: '清税', detail: '通过电子税务局申请清税，符合条件的“即办”出具清税信息。' },
      { title: '公示', detail: '在国家企业信用信息公示系统填报简易注销公告，公示期 20 日。' },
      {
        title: '申请注销',
        detail: '公示期满无异议的，20 日内在平台提交简易注销登记申请，全体投资人电子签名。',
      },
      { title: '办结', detail: '登记机关当日作出准予注销决定，结果短信通知，无需到现场。' },
    ],
    materials: [
      { name: '简易注销登记申请书', copies: '1 份', note: '平台在线生成' },
      { name: '全体投资人承诺书', copies: '1 份', note: '电子签名' },
      { name: '营业执照正、副本', copies: '各 1 份', note: '遗失的可在承诺书中声明作废' },
    ],
    place: `${CENTRE}一楼综合受理窗口（7 号窗口）`,
    hours: HOURS,
    phone: '0532-88901109',
    onlineUrl: 'https://www.gsxt.gov.cn/',
    basis: '《中华人民共和国市场主体登记管理条例》第三十三条',
    daysAgo: 280,
  },
  {
    category: 'policy',
    title: '区级惠企政策兑现网上申报',
    summary: '在企服平台申报区级奖补政策：查看条件、在线填报、上传材料、跟踪进度、收款确认。',
    timeLimit: '受理后 15 个工作日内完成审核；审核通过且公示无异议的，30 日内拨付资金',
    fees: '免费',
    steps: [
      { title: '绑定企业', detail: '用手机号注册企服平台，在“企业中心”申请绑定企业，由企业专员确认。' },
      {
        title: '查看是否符合条件',
        detail: '在“政策匹配”中查看本企业可申报的事项，每一条条件都标明是否满足及依据的数据。',
      },
      {
        title: '在线申报',
        detail:
          '在申报期内进入事项页面，填写申报信息，上传材料（PDF、JPG、PNG、Word、Excel，单个不超过 10 MB）。',
      },
      { title: '审核与补正', detail: '部门审核中如需补正，平台消息和短信通知，一次性列明需补充的材料。' },
      {
        title: '公示与拨付',
        detail: '审核通过的名单在“结果公示”中公示 5 个工作日，无异议后拨付到企业基本户。',
      },
    ],
    materials: [
      { name: '申报表', copies: '1 份', note: '平台在线填写，无需盖章' },
      {
        name: '事项规定的证明材料',
        copies: '按事项要求',
        note: '事项页面逐项列明；已在平台填报的数据无需重复提交',
      },
    ],
    place: `网上办理；如需现场帮办：${CENTRE}二楼惠企政策服务窗口（21 号窗口）`,
    hours: '网上申报全天 24 小时；现场帮办：周一至周五 9:00—12:00、13:30—17:00',
    phone: '0532-88901101',
    onlineUrl: null,
    basis: '市南区现行各项惠企政策文件（见“政策文件”栏目）',
    daysAgo: 240,
  },
  {
    category: 'policy',
    title: '“免申即享”政策资金确认',
    summary: '平台自动匹配符合条件的企业，企业收到通知后在线确认收款账户即可兑现，无需申报。',
    timeLimit: '企业确认后 30 日内拨付',
    fees: '免费',
    steps: [
      { title: '接收通知', detail: '符合条件的企业会收到平台消息和短信，提示事项名称、金额和确认期限。' },
      { title: '在线确认', detail: '企业管理员登录企服平台，在“我的申报”中核对信息并确认收款账户。' },
      { title: '拨付', detail: '确认后进入拨付流程，进度可在“我的申报”中查看。' },
    ],
    materials: [
      { name: '无需提交材料', copies: '—', note: '收款账户默认为企业基本户，如有变更请在确认时说明' },
    ],
    place: '网上办理',
    hours: '全天 24 小时',
    phone: '0532-88901101',
    onlineUrl: null,
    basis: '《市南区专精特新中小企业梯度培育实施方案》《市南区促进经济高质量发展若干政策》等',
    daysAgo: 160,
  },
  {
    category: 'tax',
    title: '新办纳税人“套餐式”服务',
    summary: '新办企业一次办理信息确认、税费种认定、发票票种核定、发票领用等涉税事项。',
    timeLimit: '即时办结',
    fees: '免费（税务 UKey 免费发放）',
    steps: [
      {
        title: '登录电子税务局',
        detail: '法定代表人或办税人员实名登录山东省电子税务局，选择“新办纳税人套餐”。',
      },
      { title: '确认信息', detail: '核对登记信息、财务会计制度、银行账户等，选择需要的发票种类和数量。' },
      { title: '领取发票', detail: '选择邮寄或到窗口领取税务 UKey 和纸质发票；全面数字化电子发票无需领取。' },
    ],
    materials: [
      { name: '经办人身份证件', copies: '1 份', note: '网上办理时在线实名认证即可' },
      { name: '委托书', copies: '1 份', note: '仅委托他人办理时提供' },
    ],
    place: `${CENTRE}二楼税务综合窗口（31—38 号窗口）`,
    hours: HOURS,
    phone: '0532-88901114',
    onlineUrl: 'https://etax.shandong.chinatax.gov.cn/',
    basis: '《中华人民共和国税收征收管理法》《中华人民共和国发票管理办法》',
    daysAgo: 260,
  },
  {
    category: 'tax',
    title: '增值税期末留抵退税申请',
    summary: '符合条件的纳税人申请退还增量留抵税额或存量留抵税额。',
    timeLimit: '受理后 5 个工作日内办结',
    fees: '免费',
    steps: [
      {
        title: '自查条件',
        detail: '纳税信用等级为 A 级或 B 级，申请退税前 36 个月未发生骗取留抵退税、虚开发票等情形。',
      },
      { title: '申报', detail: '在电子税务局完成当期增值税申报后，填报《退（抵）税申请表》。' },
      { title: '审核', detail: '税务机关审核，需补正的一次性告知。' },
      { title: '退库', detail: '审核通过后出具税务事项通知书，退税款直接退至企业账户。' },
    ],
    materials: [{ name: '退（抵）税申请表', copies: '1 份', note: '电子税务局在线填写' }],
    place: `${CENTRE}二楼税务综合窗口（31—38 号窗口）`,
    hours: HOURS,
    phone: '0532-88901114',
    onlineUrl: 'https://etax.shandong.chinatax.gov.cn/',
    basis: '《财政部 税务总局关于进一步加大增值税期末留抵退税政策实施力度的公告》（2022 年第 14 号）',
    daysAgo: 200,
  },
  {
    category: 'tax',
    title: '研发费用税前加计扣除',
    summary: '企业研发费用在按规定据实扣除的基础上，再按实际发生额的 100% 在税前加计扣除。',
    timeLimit: '年度汇算清缴时办理，自行判别、申报享受',
    fees: '免费',
    steps: [
      {
        title: '归集研发费用',
        detail: '按研发项目设置辅助账，归集人员人工、直接投入、折旧、无形资产摊销等费用。',
      },
      { title: '申报享受', detail: '预缴申报或年度汇算清缴时，在申报表中填写研发费用加计扣除优惠明细。' },
      { title: '留存备查', detail: '研发项目立项文件、研发费用辅助账等资料留存备查，无需报送。' },
    ],
    materials: [
      { name: '研发项目立项决议文件', copies: '留存备查', note: '无需报送' },
      { name: '研发费用辅助账及汇总表', copies: '留存备查', note: '无需报送' },
    ],
    place: `网上办理；咨询：${CENTRE}二楼税务综合窗口`,
    hours: HOURS,
    phone: '0532-88901114',
    onlineUrl: 'https://etax.shandong.chinatax.gov.cn/',
    basis: '《关于进一步完善研发费用税前加计扣除政策的公告》（财政部 税务总局公告 2023 年第 7 号）',
    daysAgo: 150,
  },
  {
    category: 'talent',
    title: '就业见习补贴申领',
    summary: '见习单位吸纳离校 2 年内未就业高校毕业生和 16—24 岁失业青年参加就业见习，按月申领见习补贴。',
    timeLimit: '受理后 10 个工作日内审核，审核通过后 15 个工作日内拨付',
    fees: '免费',
    steps: [
      { title: '认定见习单位', detail: '向区人力资源和社会保障局申请认定为就业见习基地，发布见习岗位。' },
      { title: '签订见习协议', detail: '与见习人员签订见习协议，见习期 3—12 个月，购买人身意外伤害保险。' },
      { title: '申领补贴', detail: '见习期满或每季度末，在山东省公共就业人才服务网上服务平台提交申请。' },
    ],
    materials: [
      { name: '见习人员花名册', copies: '1 份', note: '平台在线填写' },
      { name: '见习协议', copies: '1 份', note: '扫描件上传' },
      { name: '生活费发放凭证', copies: '1 份', note: '银行代发明细' },
    ],
    place: `${CENTRE}二楼社保医保和就业窗口（41—46 号窗口）`,
    hours: HOURS,
    phone: '0532-88901105',
    onlineUrl: null,
    basis: '《市南区人才引进与就业创业扶持办法》',
    daysAgo: 230,
  },
  {
    category: 'talent',
    title: '人才住房补贴申请',
    summary: '在区内重点企业就业的全日制本科及以上人才，未在本市拥有住房的，可申请住房补贴或人才公寓。',
    timeLimit: '受理后 20 个工作日内完成审核；公示 5 个工作日',
    fees: '免费',
    steps: [
      { title: '企业推荐', detail: '由用人单位在企服平台提交推荐名单。' },
      { title: '个人申请', detail: '人才本人在线填写申请表，授权查询住房、社保信息。' },
      { title: '审核公示', detail: '人社、住建部门联合审核，结果在平台公示。' },
      { title: '发放', detail: '补贴按月发放至本人社保卡金融账户；选择人才公寓的，按通知办理入住。' },
    ],
    materials: [
      { name: '学历学位证书', copies: '1 份', note: '已在学信网认证的，在线核验，无需上传' },
      { name: '劳动合同', copies: '1 份', note: '扫描件上传' },
    ],
    place: `${CENTRE}二楼人才服务窗口（47 号窗口）`,
    hours: HOURS,
    phone: '0532-88901105',
    onlineUrl: null,
    basis: '《市南区人才引进与就业创业扶持办法》',
    daysAgo: 190,
  },
  {
    category: 'construction',
    title: '社会投资小型低风险项目施工许可',
    summary: '建筑面积不超过 2000 平方米、功能单一的社会投资项目，施工许可与工程规划许可合并办理。',
    timeLimit: '5 个工作日',
    fees: '免费',
    steps: [
      { title: '一张表申请', detail: '在工程建设项目审批管理系统填写“一张表”，一次提交规划和施工许可材料。' },
      { title: '并联审批', detail: '自然资源、住建等部门并联审查，不再分阶段办理。' },
      { title: '领证', detail: '审批通过后核发电子证照，可在线下载打印。' },
    ],
    materials: [
      { name: '建设工程规划许可申请表', copies: '1 份', note: '系统在线填写' },
      { name: '设计方案总平面图', copies: '1 份', note: 'PDF 格式上传' },
      { name: '施工合同', copies: '1 份', note: '扫描件上传' },
    ],
    place: `${CENTRE}三楼工程建设项目审批窗口（61—64 号窗口）`,
    hours: HOURS,
    phone: '0532-88901110',
    onlineUrl: null,
    basis: '《工程建设项目审批制度改革实施方案》',
    daysAgo: 270,
  },
  {
    category: 'construction',
    title: '工程建设项目竣工联合验收',
    summary: '规划、消防、人防、档案等专项验收一次申请、联合现场验收、统一出具意见。',
    timeLimit: '10 个工作日（小型低风险项目 5 个工作日）',
    fees: '免费',
    steps: [
      { title: '申请', detail: '建设单位在审批管理系统提交联合验收申请和竣工资料。' },
      { title: '现场验收', detail: '牵头部门组织各专项验收部门一次性现场踏勘。' },
      { title: '出具意见', detail: '统一出具联合验收意见书，需整改的一次性告知。' },
    ],
    materials: [
      { name: '联合验收申请表', copies: '1 份', note: '系统在线填写' },
      { name: '竣工图', copies: '1 套', note: 'PDF 格式上传' },
      { name: '工程质量竣工验收报告', copies: '1 份', note: '建设单位组织五方责任主体出具' },
    ],
    place: `${CENTRE}三楼工程建设项目审批窗口（61—64 号窗口）`,
    hours: HOURS,
    phone: '0532-88901106',
    onlineUrl: null,
    basis: '《建设工程质量管理条例》',
    daysAgo: 220,
  },
  {
    category: 'property',
    title: '企业间不动产转移登记',
    summary: '企业之间买卖商务楼宇、办公用房的不动产转移登记，交易、缴税、登记一窗办理。',
    timeLimit: '1 个工作日',
    fees: '登记费 550 元/件（小微企业免收）；证书工本费免收',
    steps: [
      { title: '预约', detail: '在“不动产登记网上服务”预约办理时间，或直接到窗口取号。' },
      { title: '一窗受理', detail: '买卖双方到综合窗口一次提交交易、纳税和登记材料。' },
      { title: '缴税缴费', detail: '窗口核定税费后，通过扫码缴纳。' },
      { title: '领证', detail: '领取不动产权证书，或选择电子证照。' },
    ],
    materials: [
      { name: '不动产登记申请书', copies: '1 份', note: '窗口现场打印' },
      { name: '双方营业执照和法定代表人身份证', copies: '各 1 份', note: '委托办理的另附授权委托书' },
      { name: '不动产买卖合同', copies: '1 份', note: '' },
      { name: '原不动产权证书', copies: '1 份', note: '' },
    ],
    place: `${CENTRE}三楼不动产登记窗口（51—58 号窗口）`,
    hours: HOURS,
    phone: '0532-88901113',
    onlineUrl: null,
    basis: '《不动产登记暂行条例》',
    daysAgo: 180,
  },
  {
    category: 'property',
    title: '房屋租赁登记备案',
    summary: '企业租赁商务楼宇办公用房，出租人或承租人办理租赁登记备案，可用于企业住所登记。',
    timeLimit: '即时办结',
    fees: '免费',
    steps: [
      { title: '网上申请', detail: '在住房租赁服务平台填写租赁合同信息并上传合同。' },
      { title: '审核', detail: '系统比对不动产登记信息后自动审核。' },
      { title: '取得备案证明', detail: '在线下载房屋租赁登记备案证明。' },
    ],
    materials: [
      { name: '房屋租赁合同', copies: '1 份', note: '扫描件上传' },
      { name: '出租人不动产权证书', copies: '1 份', note: '平台可在线核验的无需上传' },
    ],
    place: `网上办理；现场办理：${CENTRE}三楼住房租赁窗口（59 号窗口）`,
    hours: HOURS,
    phone: '0532-88901106',
    onlineUrl: null,
    basis: '《商品房屋租赁管理办法》',
    daysAgo: 140,
  },
];
