import { keywordType, type TemplateConfig } from '../../../config/notification-templates';
import { type FieldValue, fitValue } from '../../wechat/value-fitting';

export interface TemplateSource {
  title: string;
  body: string;
  fields: Readonly<Record<string, FieldValue>>;
}

export type TemplateData = Record<string, { value: string }>;

/** The `data` of a subscribe message: each keyword of the template filled from its field and fitted to its type. */
export function buildTemplateData(
  template: TemplateConfig,
  source: TemplateSource,
  timeZone: string,
): TemplateData {
  const data: TemplateData = {};
  for (const [keyword, field] of Object.entries(template.fields)) {
    const type = keywordType(keyword);
    if (type === null) continue;
    const value = field === 'title' ? source.title : field === 'body' ? source.body : source.fields[field];
    data[keyword] = { value: fitValue(type, value, timeZone) };
  }
  return data;
}
