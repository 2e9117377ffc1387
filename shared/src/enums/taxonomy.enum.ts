/**
 * The taxonomies behind `GET /api/meta`, defined once here. Each entry has a stable code
 * (stored in the database and sent on the wire) and a label per locale.
 */
export interface TaxonomyEntry<C extends string = string> {
  readonly code: C;
  readonly label: { readonly 'zh-CN': string; readonly 'en-US': string };
}

function taxonomy<const T extends readonly TaxonomyEntry[]>(entries: T): T {
  return entries;
}

export const ADVISING_TOPICS = taxonomy([
  { code: 'career_planning', label: { 'zh-CN': '生涯规划', 'en-US': 'Career planning' } },
  { code: 'resume', label: { 'zh-CN': '简历修改', 'en-US': 'Resume review' } },
  { code: 'interview', label: { 'zh-CN': '模拟面试', 'en-US': 'Mock interview' } },
  { code: 'job_search', label: { 'zh-CN': '求职策略', 'en-US': 'Job search strategy' } },
  { code: 'key_sectors', label: { 'zh-CN': '重点领域就业', 'en-US': 'Careers in key sectors' } },
  { code: 'grassroots', label: { 'zh-CN': '基层与西部项目', 'en-US': 'Grassroots and western programmes' } },
  { code: 'civil_service', label: { 'zh-CN': '考公考编', 'en-US': 'Civil service exams' } },
  { code: 'further_study', label: { 'zh-CN': '升学深造', 'en-US': 'Graduate study' } },
  { code: 'study_abroad', label: { 'zh-CN': '出国留学', 'en-US': 'Study abroad' } },
  { code: 'entrepreneurship', label: { 'zh-CN': '创新创业', 'en-US': 'Entrepreneurship' } },
  { code: 'offer_choice', label: { 'zh-CN': 'Offer 选择与签约', 'en-US': 'Choosing offers and contracts' } },
  { code: 'wellbeing', label: { 'zh-CN': '求职心理调适', 'en-US': 'Job-search wellbeing' } },
]);

export const INDUSTRIES = taxonomy([
  { code: 'aerospace', label: { 'zh-CN': '航空航天', 'en-US': 'Aerospace' } },
  { code: 'defence', label: { 'zh-CN': '国防军工', 'en-US': 'Defence' } },
  { code: 'energy', label: { 'zh-CN': '能源电力', 'en-US': 'Energy and power' } },
  { code: 'semiconductors', label: { 'zh-CN': '集成电路与电子', 'en-US': 'Semiconductors and electronics' } },
  { code: 'manufacturing', label: { 'zh-CN': '装备制造', 'en-US': 'Equipment manufacturing' } },
  { code: 'it', label: { 'zh-CN': '信息技术与互联网', 'en-US': 'IT and internet' } },
  { code: 'telecom', label: { 'zh-CN': '通信', 'en-US': 'Telecommunications' } },
  { code: 'transport', label: { 'zh-CN': '交通运输', 'en-US': 'Transport' } },
  { code: 'construction', label: { 'zh-CN': '建筑与基建', 'en-US': 'Construction and infrastructure' } },
  { code: 'finance', label: { 'zh-CN': '金融', 'en-US': 'Finance' } },
  { code: 'education', label: { 'zh-CN': '教育', 'en-US': 'Education' } },
  { code: 'healthcare', label: { 'zh-CN': '医疗卫生', 'en-US': 'Healthcare' } },
  { code: 'agriculture', label: { 'zh-CN': '农业与食品', 'en-US': 'Agriculture and food' } },
  {
    code: 'public_sector',
    label: { 'zh-CN': '党政机关与事业单位', 'en-US': 'Government and public institutions' },
  },
  { code: 'research', label: { 'zh-CN': '科研院所', 'en-US': 'Research institutes' } },
  { code: 'other', label: { 'zh-CN': '其他', 'en-US': 'Other' } },
]);

/** Key national sectors (重点领域): tagged on jobs, alerts, museum stories and statistics. */
export const KEY_SECTORS = taxonomy([
  { code: 'aerospace', label: { 'zh-CN': '航空航天', 'en-US': 'Aerospace' } },
  { code: 'defence', label: { 'zh-CN': '国防军工', 'en-US': 'Defence' } },
  { code: 'energy', label: { 'zh-CN': '能源', 'en-US': 'Energy' } },
  { code: 'integrated_circuits', label: { 'zh-CN': '集成电路', 'en-US': 'Integrated circuits' } },
  { code: 'advanced_manufacturing', label: { 'zh-CN': '先进制造', 'en-US': 'Advanced manufacturing' } },
  { code: 'agriculture', label: { 'zh-CN': '现代农业', 'en-US': 'Agriculture' } },
  {
    code: 'shipbuilding_ocean',
    label: { 'zh-CN': '船舶与海洋', 'en-US': 'Shipbuilding and ocean engineering' },
  },
  { code: 'rail_transport', label: { 'zh-CN': '轨道交通', 'en-US': 'Rail transport' } },
  { code: 'new_materials', label: { 'zh-CN': '新材料', 'en-US': 'New materials' } },
  { code: 'biomedicine', label: { 'zh-CN': '生物医药', 'en-US': 'Biomedicine' } },
  {
    code: 'education_grassroots_west',
    label: {
      'zh-CN': '中西部教育与基层服务',
      'en-US': 'Education and grassroots service in central and western regions',
    },
  },
]);

export const DEGREES = taxonomy([
  { code: 'associate', label: { 'zh-CN': '专科', 'en-US': 'Associate' } },
  { code: 'bachelor', label: { 'zh-CN': '本科', 'en-US': "Bachelor's" } },
  { code: 'master', label: { 'zh-CN': '硕士', 'en-US': "Master's" } },
  { code: 'doctorate', label: { 'zh-CN': '博士', 'en-US': 'Doctorate' } },
]);

export const EMPLOYER_TYPES = taxonomy([
  { code: 'soe', label: { 'zh-CN': '国有企业', 'en-US': 'State-owned enterprise' } },
  { code: 'government', label: { 'zh-CN': '党政机关', 'en-US': 'Government' } },
  { code: 'public_institution', label: { 'zh-CN': '事业单位', 'en-US': 'Public institution' } },
  { code: 'research_institute', label: { 'zh-CN': '科研院所', 'en-US': 'Research institute' } },
  { code: 'private', label: { 'zh-CN': '民营企业', 'en-US': 'Private company' } },
  { code: 'foreign', label: { 'zh-CN': '外资企业', 'en-US': 'Foreign company' } },
  { code: 'other', label: { 'zh-CN': '其他', 'en-US': 'Other' } },
]);

export const APPOINTMENT_MODES = taxonomy([
  { code: 'in_person', label: { 'zh-CN': '线下面谈', 'en-US': 'In person' } },
  { code: 'online', label: { 'zh-CN': '线上视频', 'en-US': 'Online' } },
  { code: 'phone', label: { 'zh-CN': '电话咨询', 'en-US': 'Phone' } },
]);

type CodeOf<T extends readonly TaxonomyEntry[]> = T[number]['code'];
export type AdvisingTopic = CodeOf<typeof ADVISING_TOPICS>;
export type Industry = CodeOf<typeof INDUSTRIES>;
export type KeySector = CodeOf<typeof KEY_SECTORS>;
export type Degree = CodeOf<typeof DEGREES>;
export type EmployerType = CodeOf<typeof EMPLOYER_TYPES>;
export type AppointmentMode = CodeOf<typeof APPOINTMENT_MODES>;

export const TAXONOMIES = {
  topics: ADVISING_TOPICS,
  industries: INDUSTRIES,
  keySectors: KEY_SECTORS,
  degrees: DEGREES,
  employerTypes: EMPLOYER_TYPES,
  appointmentModes: APPOINTMENT_MODES,
} as const;
export type TaxonomyName = keyof typeof TAXONOMIES;

export function taxonomyCodes<T extends readonly TaxonomyEntry[]>(entries: T): CodeOf<T>[] {
  return entries.map((entry) => entry.code);
}

export function isTaxonomyCode<T extends readonly TaxonomyEntry[]>(
  entries: T,
  value: unknown,
): value is CodeOf<T> {
  return typeof value === 'string' && entries.some((entry) => entry.code === value);
}
