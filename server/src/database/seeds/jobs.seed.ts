import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AlertFrequency,
  ApplyMethod,
  type CreateJobRequest,
  JobSource,
  JobStatus,
  SubmissionStatus,
  type UpdateJobAlertsRequest,
} from '@careerside/shared';
import { zonedDate } from '../../common/time/zoned-time';
import { nextDigestAt, parseWallTime } from '../../modules/job-alerts/digest-schedule';
import { JobAlertSettingsEntity } from '../../modules/job-alerts/job-alert-settings.entity';
import {
  JobAlertIndustryEntity,
  JobAlertKeySectorEntity,
  JobAlertKeywordEntity,
  JobAlertLocationEntity,
} from '../../modules/job-alerts/job-alert-values.entity';
import { EmployerSubmissionEntity } from '../../modules/jobs/employer-submission.entity';
import { postingColumns } from '../../modules/jobs/job-lifecycle.service';
import { JobKeySectorEntity, JobLocationEntity } from '../../modules/jobs/job-facets.entity';
import { JobEntity } from '../../modules/jobs/job.entity';
import { parseDeadline } from '../../modules/jobs/postings/deadline';
import { normalizeLocations } from '../../modules/jobs/postings/locations';
import { toPosting } from '../../modules/jobs/postings/posting';
import { normalizeSearchText } from '../../modules/jobs/search/search-text';
import { UserEntity } from '../../modules/users/user.entity';

// Employers and postings written for this demo: the names are invented, any likeness is chance.

type DemoPosting = Omit<CreateJobRequest, 'deadline'> & {
  id: string;
  /** Days from now. */
  deadlineInDays: number;
  /** Days ago; absent for a draft. */
  publishedDaysAgo?: number;
};

const DAY = 86_400_000;

export const DEMO_JOBS: readonly DemoPosting[] = [
  {
    id: 'demo-job-01',
    title: '液体火箭发动机设计工程师',
    employer: '长缨航天动力研究院',
    employerType: 'research_institute',
    industry: 'aerospace',
    keySectors: ['aerospace', 'defence'],
    locations: ['西安'],
    degree: 'master',
    majors: ['航空宇航推进理论与工程', '动力工程及工程热物理', '工程力学'],
    salaryMin: 12_000,
    salaryMax: 20_000,
    headcount: 8,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/changying',
    description:
      '岗位职责：\n1. 参与液体火箭发动机总体方案论证与部组件设计；\n2. 开展推力室、涡轮泵等关键组件的结构与热力分析；\n3. 参与地面试车试验方案制定与数据分析。\n任职要求：\n硕士及以上学历，热能、推进或力学相关专业；熟悉 CAD/CAE 软件，能吃苦、肯钻研，服从单位在西安及试验基地的工作安排。\n单位提供人才公寓、落户支持与科研启动经费。',
    deadlineInDays: 45,
    publishedDaysAgo: 1,
  },
  {
    id: 'demo-job-02',
    title: '卫星热控分系统设计师',
    employer: '穹宇卫星总体设计部',
    employerType: 'research_institute',
    industry: 'aerospace',
    keySectors: ['aerospace'],
    locations: ['北京'],
    degree: 'master',
    majors: ['飞行器设计与工程', '工程热物理', '制冷及低温工程'],
    salaryMin: 13_000,
    salaryMax: 19_000,
    headcount: 4,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/qiongyu',
    description:
      '负责遥感卫星热控方案设计、热分析建模与热试验验证，参与型号研制全过程。\n要求：硕士及以上，熟悉 Thermal Desktop 或同类软件者优先；具备良好的团队协作与文档撰写能力。',
    deadlineInDays: 30,
    publishedDaysAgo: 3,
  },
  {
    id: 'demo-job-03',
    title: '商业运载火箭控制系统工程师',
    employer: '星航商业航天科技有限公司',
    employerType: 'private',
    industry: 'aerospace',
    keySectors: ['aerospace'],
    locations: ['西安', '酒泉'],
    degree: 'bachelor',
    majors: ['自动化', '控制科学与工程', '电子信息工程'],
    salaryMin: 15_000,
    salaryMax: 25_000,
    headcount: 6,
    applyMethod: ApplyMethod.Email,
    applyEmail: 'hr@xinghang.example.cn',
    description:
      '参与运载火箭飞行控制软件与导航制导算法的开发和仿真验证，配合发射场测试。\n投递邮件标题请注明：姓名-学校-专业-控制系统工程师。',
    deadlineInDays: 25,
    publishedDaysAgo: 2,
  },
  {
    id: 'demo-job-04',
    title: '变电运维工程师（2026 届校园招聘）',
    employer: '蜀能电网有限公司',
    employerType: 'soe',
    industry: 'energy',
    keySectors: ['energy'],
    locations: ['成都', '绵阳', '乐山'],
    degree: 'bachelor',
    majors: ['电气工程及其自动化', '能源与动力工程'],
    salaryMin: 8000,
    salaryMax: 12_000,
    headcount: 60,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/shuneng',
    description:
      '负责变电站设备巡视、倒闸操作、缺陷处理与运维数据分析，参与智能变电站建设。\n福利：五险二金、带薪年假、单身公寓、专项技能培训。\n笔试内容：电工类专业知识与综合能力测验。',
    deadlineInDays: 20,
    publishedDaysAgo: 4,
  },
  {
    id: 'demo-job-05',
    title: '核电厂运行值班员',
    employer: '北辰核电运营有限公司',
    employerType: 'soe',
    industry: 'energy',
    keySectors: ['energy'],
    locations: ['大连'],
    degree: 'bachelor',
    majors: ['核工程与核技术', '热能与动力工程', '电气工程及其自动化'],
    salaryMin: 10_000,
    salaryMax: 16_000,
    headcount: 30,
    applyMethod: ApplyMethod.OnSite,
    applyAddress: '11 月 28 日 14:00 大学生活动中心二楼宣讲厅，宣讲后现场收取简历并笔试',
    description:
      '经过系统培训取得操纵员执照后，负责核电机组主控室运行操作与监视。培训期间提供全额薪酬，工作地在海滨核电基地，提供倒班宿舍与交通车。',
    deadlineInDays: 12,
    publishedDaysAgo: 5,
  },
  {
    id: 'demo-job-06',
    title: '工艺整合工程师（12 英寸晶圆）',
    employer: '芯岳集成电路制造有限公司',
    employerType: 'soe',
    industry: 'semiconductors',
    keySectors: ['integrated_circuits'],
    locations: ['合肥'],
    degree: 'master',
    majors: ['微电子科学与工程', '材料科学与工程', '物理学'],
    salaryMin: 15_000,
    salaryMax: 24_000,
    headcount: 20,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/xinyue',
    description:
      '负责 28nm 及以下逻辑工艺平台的流程整合与良率提升，协调光刻、刻蚀、薄膜等模块解决工艺问题。\n要求：硕士及以上，熟悉半导体器件物理与工艺流程；英文读写良好。',
    deadlineInDays: 35,
    publishedDaysAgo: 1,
  },
  {
    id: 'demo-job-07',
    title: '数字 IC 验证工程师',
    employer: '澜芯微电子科技有限公司',
    employerType: 'private',
    industry: 'semiconductors',
    keySectors: ['integrated_circuits'],
    locations: ['上海'],
    degree: 'bachelor',
    majors: ['集成电路设计与集成系统', '电子科学与技术', '计算机科学与技术'],
    salaryMin: 18_000,
    salaryMax: 30_000,
    headcount: 10,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/lanxin',
    description:
      '基于 SystemVerilog/UVM 搭建验证环境，完成模块级与系统级验证、覆盖率收敛。熟悉 Python 或 Perl 脚本者优先，有流片项目经历者优先。',
    deadlineInDays: 40,
    publishedDaysAgo: 6,
  },
  {
    id: 'demo-job-08',
    title: '船体结构设计工程师',
    employer: '江海船舶设计研究所',
    employerType: 'research_institute',
    industry: 'manufacturing',
    keySectors: ['shipbuilding_ocean', 'advanced_manufacturing'],
    locations: ['上海', '舟山'],
    degree: 'bachelor',
    majors: ['船舶与海洋工程', '工程力学'],
    salaryMin: 9000,
    salaryMax: 15_000,
    headcount: 12,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/jianghai',
    description: '参与大型船舶与海洋平台的结构设计、强度校核及详细设计图纸审核，可参与实船建造现场技术支持。',
    deadlineInDays: 28,
    publishedDaysAgo: 7,
  },
  {
    id: 'demo-job-09',
    title: '牵引变流系统研发工程师',
    employer: '中原轨道交通装备有限公司',
    employerType: 'soe',
    industry: 'manufacturing',
    keySectors: ['rail_transport', 'advanced_manufacturing'],
    locations: ['株洲'],
    degree: 'master',
    majors: ['电气工程', '电力电子与电力传动', '控制工程'],
    salaryMin: 11_000,
    salaryMax: 18_000,
    headcount: 15,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/zhongyuan-rail',
    description: '负责轨道交通牵引变流器的硬件设计、控制算法开发与系统联调，参与新一代永磁牵引系统研制。',
    deadlineInDays: 33,
    publishedDaysAgo: 2,
  },
  {
    id: 'demo-job-10',
    title: '高性能复合材料研发工程师',
    employer: '砺金新材料研究院',
    employerType: 'research_institute',
    industry: 'research',
    keySectors: ['new_materials'],
    locations: ['宁波'],
    degree: 'doctorate',
    majors: ['材料科学与工程', '高分子化学与物理'],
    salaryMin: 20_000,
    salaryMax: 35_000,
    headcount: 3,
    applyMethod: ApplyMethod.Email,
    applyEmail: 'talent@lijin.example.cn',
    description:
      '从事碳纤维复合材料成型工艺与性能表征研究，承担省部级科研项目。提供博士后工作站岗位与安家补贴。',
    deadlineInDays: 60,
    publishedDaysAgo: 8,
  },
  {
    id: 'demo-job-11',
    title: '智慧农业产品经理',
    employer: '禾丰现代农业科技有限公司',
    employerType: 'private',
    industry: 'agriculture',
    keySectors: ['agriculture'],
    locations: ['杨凌', '西安'],
    degree: 'bachelor',
    majors: ['农业工程', '农学', '计算机科学与技术'],
    salaryMin: 8000,
    salaryMax: 13_000,
    headcount: 5,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/hefeng',
    description:
      '负责设施农业物联网平台的需求调研与产品规划，深入农业示范园区与种植户沟通，推动数字化种植方案落地。',
    deadlineInDays: 22,
    publishedDaysAgo: 3,
  },
  {
    id: 'demo-job-12',
    title: '抗体药物研发助理',
    employer: '华康生物医药有限公司',
    employerType: 'private',
    industry: 'healthcare',
    keySectors: ['biomedicine'],
    locations: ['苏州'],
    degree: 'master',
    majors: ['生物化学与分子生物学', '药学', '生物工程'],
    salaryMin: 10_000,
    salaryMax: 15_000,
    headcount: 6,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/huakang',
    description: '协助开展抗体筛选、细胞实验与数据整理，参与新药临床前研究，熟悉 ELISA、流式细胞术者优先。',
    deadlineInDays: 26,
    publishedDaysAgo: 9,
  },
  {
    id: 'demo-job-13',
    title: '乡村学校数学教师（西部计划）',
    employer: '甘南州教育局',
    employerType: 'government',
    industry: 'education',
    keySectors: ['education_grassroots_west'],
    locations: ['甘南'],
    degree: 'bachelor',
    majors: ['数学与应用数学', '统计学'],
    salaryMin: 5000,
    salaryMax: 7000,
    headcount: 20,
    applyMethod: ApplyMethod.OnSite,
    applyAddress: '就业指导中心 102 室现场报名，请携带身份证、学生证及成绩单复印件',
    description:
      '服务期两年，承担初中数学教学与班级管理工作，服务期满考核合格者可按政策享受考研加分与定向招录。',
    deadlineInDays: 18,
    publishedDaysAgo: 4,
  },
  {
    id: 'demo-job-14',
    title: '嵌入式软件工程师',
    employer: '某国防科技研究所',
    employerType: 'research_institute',
    industry: 'defence',
    keySectors: ['defence'],
    locations: ['绵阳'],
    degree: 'master',
    majors: ['计算机科学与技术', '电子信息', '软件工程'],
    salaryMin: 12_000,
    salaryMax: 18_000,
    headcount: 10,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/defence-institute',
    description:
      '负责嵌入式实时系统软件设计与测试，熟悉 C/C++、RTOS。需通过政治审查，仅招收中国籍应届毕业生。',
    deadlineInDays: 30,
    publishedDaysAgo: 0,
  },
  {
    id: 'demo-job-15',
    title: '后端开发工程师',
    employer: '云栈信息技术有限公司',
    employerType: 'private',
    industry: 'it',
    keySectors: [],
    locations: ['杭州'],
    degree: 'bachelor',
    majors: ['计算机科学与技术', '软件工程'],
    salaryMin: 16_000,
    salaryMax: 26_000,
    headcount: 15,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/yunzhan',
    description: '使用 Go/Java 开发高并发服务，参与分布式存储与消息平台建设。欢迎有开源贡献的同学。',
    deadlineInDays: 21,
    publishedDaysAgo: 5,
  },
  {
    id: 'demo-job-16',
    title: '管理培训生',
    employer: '恒信商业银行',
    employerType: 'soe',
    industry: 'finance',
    keySectors: [],
    locations: [],
    degree: 'bachelor',
    majors: [],
    salaryMin: 9000,
    salaryMax: 14_000,
    headcount: 50,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/hengxin',
    description: '全国各分行招聘，入职后轮岗培养一年，定岗方向包括公司金融、金融科技与风险管理。专业不限。',
    deadlineInDays: 15,
    publishedDaysAgo: 10,
  },
  {
    id: 'demo-job-17',
    title: '风电场运维工程师',
    employer: '北疆新能源发电有限公司',
    employerType: 'soe',
    industry: 'energy',
    keySectors: ['energy'],
    locations: ['乌鲁木齐', '哈密'],
    degree: 'associate',
    majors: ['风能与动力工程', '电气工程及其自动化'],
    salaryMin: 7000,
    salaryMax: 11_000,
    headcount: 25,
    applyMethod: ApplyMethod.Link,
    applyUrl: 'https://careers.example.edu.cn/demo/beijiang',
    description: '草稿：待补充福利待遇后发布。负责风电机组日常巡检、故障处理与发电数据分析。',
    deadlineInDays: 40,
  },
];

interface DemoPreference {
  openid: string;
  preferences: UpdateJobAlertsRequest;
}

/** Alert preferences of the demo students. */
export const DEMO_JOB_ALERTS: readonly DemoPreference[] = [
  {
    openid: 'demo-student',
    preferences: {
      industries: [],
      keySectors: ['integrated_circuits', 'aerospace'],
      locations: ['西安', '上海'],
      keywords: [],
      frequency: AlertFrequency.Instant,
    },
  },
  {
    openid: 'demo-student-aero',
    preferences: {
      industries: [],
      keySectors: ['aerospace', 'defence'],
      locations: [],
      keywords: [],
      frequency: AlertFrequency.Daily,
      digestTime: '08:30',
    },
  },
  {
    openid: 'demo-student-grid',
    preferences: {
      industries: ['energy'],
      keySectors: [],
      locations: ['成都'],
      keywords: ['运维'],
      frequency: AlertFrequency.Weekly,
      digestTime: '19:00',
      digestWeekday: 5,
    },
  },
];

const DEMO_SUBMISSIONS = [
  {
    id: 'demo-submission-1',
    contactName: '周女士',
    contactPhone: '029-8866 1234',
    contactEmail: 'hr@qinchuan.example.cn',
    posting: {
      title: '光伏电站设计工程师',
      employer: '秦川新能源工程设计有限公司',
      employerType: 'private',
      industry: 'energy',
      keySectors: ['energy'],
      locations: ['西安'],
      degree: 'bachelor',
      majors: ['电气工程及其自动化', '新能源科学与工程'],
      salaryMin: 8000,
      salaryMax: 12_000,
      headcount: 5,
      applyMethod: ApplyMethod.Email,
      applyEmail: 'hr@qinchuan.example.cn',
      description: '负责分布式光伏与集中式光伏电站的电气设计、设备选型与施工图审核，需适应短期出差。',
    },
    deadlineInDays: 30,
  },
  {
    id: 'demo-submission-2',
    contactName: '陈先生',
    contactPhone: '13800000000',
    contactEmail: null,
    posting: {
      title: '数控加工工艺员',
      employer: '秦岭精密机械有限公司',
      employerType: 'private',
      industry: 'manufacturing',
      keySectors: ['advanced_manufacturing'],
      locations: ['宝鸡'],
      degree: 'associate',
      majors: ['机械设计制造及其自动化', '数控技术'],
      salaryMin: 6000,
      salaryMax: 9000,
      headcount: 8,
      applyMethod: ApplyMethod.OnSite,
      applyAddress: '每周五上午在公司人力资源部面试',
      description: '编制零件数控加工工艺与程序，参与航空零部件加工质量改进。',
    },
    deadlineInDays: 20,
  },
] as const;

/** The end of the center's day this many days from now: deadlines as staff set them. */
function endOfDayIn(days: number, now: Date, timeZone: string): Date {
  const date = zonedDate(new Date(now.getTime() + days * DAY), timeZone);
  return parseDeadline(date, timeZone) ?? new Date(now.getTime() + days * DAY);
}

/**
 * Demo postings (mostly key-sector employers, one draft), two pending employer submissions and the demo
 * students' alert preferences. Idempotent per record; the time zone places day-only deadlines.
 */
export async function seedJobsDemo(
  manager: EntityManager,
  now: Date,
  timeZone = 'Asia/Shanghai',
): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_JOBS) {
    if (await manager.getRepository(JobEntity).existsBy({ id: demo.id })) continue;
    const { id, deadlineInDays, publishedDaysAgo, ...request } = demo;
    const posting = toPosting(request, endOfDayIn(deadlineInDays, now, timeZone));
    const publishedAt =
      publishedDaysAgo === undefined ? null : new Date(now.getTime() - publishedDaysAgo * DAY - 3_600_000);
    await manager.getRepository(JobEntity).insert({
      id,
      ...postingColumns(posting),
      status: publishedAt ? JobStatus.Published : JobStatus.Draft,
      source: JobSource.Staff,
      closeReason: null,
      submissionId: null,
      importKey: null,
      createdBy: null,
      publishedAt,
      closedAt: null,
      createdAt: publishedAt ?? now,
      updatedAt: publishedAt ?? now,
    });
    if (posting.keySectors.length > 0) {
      await manager
        .getRepository(JobKeySectorEntity)
        .insert(posting.keySectors.map((keySector) => ({ jobId: id, keySector })));
    }
    if (posting.locationKeys.length > 0) {
      await manager
        .getRepository(JobLocationEntity)
        .insert(posting.locationKeys.map((location) => ({ jobId: id, location })));
    }
    created.push(id);
  }

  for (const demo of DEMO_SUBMISSIONS) {
    if (await manager.getRepository(EmployerSubmissionEntity).existsBy({ id: demo.id })) continue;
    const deadline = endOfDayIn(demo.deadlineInDays, now, timeZone).toISOString();
    await manager.getRepository(EmployerSubmissionEntity).insert({
      id: demo.id,
      // No one holds the token of a seeded submission: its status page is for real submissions only.
      tokenHash: createHash('sha256').update(`${demo.id}:unguessable`).digest('hex'),
      status: SubmissionStatus.Pending,
      title: demo.posting.title,
      employerName: demo.posting.employer,
      posting: JSON.stringify({ ...demo.posting, deadline }),
      contactName: demo.contactName,
      contactPhone: demo.contactPhone,
      contactEmail: demo.contactEmail,
      declineReason: null,
      jobId: null,
      reviewedBy: null,
      reviewedAt: null,
      clientAddress: null,
      createdAt: now,
      updatedAt: now,
    });
    created.push(demo.id);
  }

  for (const { openid, preferences } of DEMO_JOB_ALERTS) {
    const user = await manager.getRepository(UserEntity).findOneBy({ openid });
    if (!user || (await manager.getRepository(JobAlertSettingsEntity).existsBy({ userId: user.id })))
      continue;
    const digestMinute = parseWallTime(preferences.digestTime ?? '09:00') ?? 540;
    const digestWeekday = preferences.digestWeekday ?? 1;
    const locations = normalizeLocations(preferences.locations).keys;
    const keywords = preferences.keywords.map(normalizeSearchText);
    await manager.getRepository(JobAlertSettingsEntity).insert({
      userId: user.id,
      frequency: preferences.frequency,
      degree: user.degree,
      digestMinute,
      digestWeekday,
      anyIndustry: preferences.industries.length === 0,
      anyKeySector: preferences.keySectors.length === 0,
      anyLocation: locations.length === 0,
      anyKeyword: keywords.length === 0,
      nextDigestAt: nextDigestAt(
        { frequency: preferences.frequency, digestMinute, digestWeekday },
        now,
        timeZone,
      ),
      createdAt: now,
      updatedAt: now,
    });
    const rows = <T>(values: readonly T[], build: (value: T) => object) => values.map(build);
    if (preferences.industries.length > 0) {
      await manager
        .getRepository(JobAlertIndustryEntity)
        .insert(rows(preferences.industries, (industry) => ({ userId: user.id, industry })));
    }
    if (preferences.keySectors.length > 0) {
      await manager
        .getRepository(JobAlertKeySectorEntity)
        .insert(rows(preferences.keySectors, (keySector) => ({ userId: user.id, keySector })));
    }
    if (locations.length > 0) {
      await manager
        .getRepository(JobAlertLocationEntity)
        .insert(rows(locations, (location) => ({ userId: user.id, location })));
    }
    if (keywords.length > 0) {
      await manager
        .getRepository(JobAlertKeywordEntity)
        .insert(rows(keywords, (keyword) => ({ userId: user.id, keyword })));
    }
    created.push(`job-alerts:${openid}`);
  }
  return created;
}
