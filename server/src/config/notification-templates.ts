import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  NOTIFICATION_KINDS,
  NotificationKind,
  SUBSCRIPTION_MODES,
  SubscriptionMode,
} from '@careerside/shared';
import type { EnvReader } from './env-reader';

/**
 * The facts each kind of notification carries for its WeChat subscribe message. A template maps its
 * keywords (`thing1`, `time2`, ...) onto these names, plus `title` and `body`, which every notification has.
 */
export const NOTIFICATION_FIELDS = {
  appointment_booked: ['topic', 'advisorName', 'startsAt', 'location'],
  appointment_reminder: ['topic', 'advisorName', 'startsAt', 'location'],
  appointment_cancelled: ['topic', 'advisorName', 'startsAt', 'reason'],
  waitlist_offer: ['topic', 'advisorName', 'startsAt', 'holdUntil'],
  job_alert: ['jobTitle', 'employer', 'location', 'deadline'],
  job_digest: ['count', 'summary', 'date'],
  counselor_agenda: ['date', 'count', 'firstStartsAt'],
  museum_new_exhibit: ['hallName', 'exhibitTitle', 'publishedAt'],
  digest: ['count', 'date'],
  system: [],
} as const satisfies Record<NotificationKind, readonly string[]>;

export const BUILT_IN_FIELDS = ['title', 'body'] as const;

/** WeChat's keyword types; a keyword is its type followed by a number (`thing1`, `character_string3`). */
export const WECHAT_VALUE_TYPES = [
  'thing',
  'name',
  'phrase',
  'character_string',
  'number',
  'letter',
  'symbol',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
] as const;
export type WechatValueType = (typeof WECHAT_VALUE_TYPES)[number];

const KEYWORD = new RegExp(`^(${WECHAT_VALUE_TYPES.join('|')})(\\d{1,2})$`);
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The value type of a template keyword, or null when it is not a WeChat keyword name. */
export function keywordType(keyword: string): WechatValueType | null {
  return (KEYWORD.exec(keyword)?.[1] as WechatValueType | undefined) ?? null;
}

export interface TemplateConfig {
  templateId: string;
  mode: SubscriptionMode;
  /** Template keyword -> the notification field it shows. */
  fields: Readonly<Record<string, string>>;
}

/** kind -> its subscribe-message template; null means the kind is inbox-only. */
export type TemplateRegistryConfig = Readonly<Record<NotificationKind, TemplateConfig | null>>;

const oneTime = (templateId: string, fields: Record<string, string>): TemplateConfig => ({
  templateId,
  mode: SubscriptionMode.OneTime,
  fields,
});

/**
 * The demo registry: placeholder template ids (WeChat answers 40037 for them) with keywords shaped like the
 * public template library's. A deployment replaces them with its own through NOTIFY_TEMPLATES.
 */
export const DEFAULT_TEMPLATES: TemplateRegistryConfig = {
  [NotificationKind.AppointmentBooked]: oneTime('DEMO-appointment-booked', {
    thing1: 'topic',
    time2: 'startsAt',
    thing3: 'advisorName',
    thing4: 'location',
  }),
  [NotificationKind.AppointmentReminder]: oneTime('DEMO-appointment-reminder', {
    thing1: 'topic',
    time2: 'startsAt',
    thing3: 'location',
    thing4: 'advisorName',
  }),
  [NotificationKind.AppointmentCancelled]: oneTime('DEMO-appointment-cancelled', {
    thing1: 'topic',
    time2: 'startsAt',
    thing3: 'reason',
  }),
  [NotificationKind.WaitlistOffer]: oneTime('DEMO-waitlist-offer', {
    thing1: 'topic',
    time2: 'startsAt',
    time3: 'holdUntil',
    thing4: 'advisorName',
  }),
  [NotificationKind.JobAlert]: oneTime('DEMO-job-alert', {
    thing1: 'jobTitle',
    thing2: 'employer',
    thing3: 'location',
    date4: 'deadline',
  }),
  [NotificationKind.JobDigest]: oneTime('DEMO-job-digest', {
    number1: 'count',
    thing2: 'summary',
    date3: 'date',
  }),
  [NotificationKind.CounselorAgenda]: oneTime('DEMO-counselor-agenda', {
    date1: 'date',
    number2: 'count',
    time3: 'firstStartsAt',
  }),
  [NotificationKind.MuseumNewExhibit]: oneTime('DEMO-museum-new-exhibit', {
    thing1: 'hallName',
    thing2: 'exhibitTitle',
    date3: 'publishedAt',
  }),
  [NotificationKind.Digest]: oneTime('DEMO-digest', {
    number1: 'count',
    thing2: 'body',
    date3: 'date',
  }),
  [NotificationKind.System]: oneTime('DEMO-system', {
    thing1: 'title',
    thing2: 'body',
  }),
};

const isKind = (value: string): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value);
const isMode = (value: unknown): value is SubscriptionMode =>
  typeof value === 'string' && (SUBSCRIPTION_MODES as readonly string[]).includes(value);

/**
 * NOTIFY_TEMPLATES: JSON (or the path of a JSON file) that overrides the demo registry per kind, e.g.
 * `{"job_alert":{"templateId":"AbC...","fields":{"thing2":"jobTitle","thing5":"employer"}},"system":null}`.
 * A kind left out keeps its default; `mode` and `fields` left out keep theirs; null makes a kind inbox-only.
 */
export function parseTemplateRegistry(read: EnvReader, cwd: string): TemplateRegistryConfig {
  const name = 'NOTIFY_TEMPLATES';
  const value = read.raw(name);
  if (value === undefined) return DEFAULT_TEMPLATES;

  let text = value;
  if (!value.startsWith('{')) {
    const path = isAbsolute(value) ? value : resolve(cwd, value);
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      read.fail(name, `is neither JSON nor a readable file (${path}: ${(error as Error).message})`);
      return DEFAULT_TEMPLATES;
    }
  }
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch (error) {
    read.fail(name, `is not valid JSON: ${(error as Error).message}`);
    return DEFAULT_TEMPLATES;
  }
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    read.fail(name, 'must be a JSON object keyed by notification kind');
    return DEFAULT_TEMPLATES;
  }

  const registry: Record<NotificationKind, TemplateConfig | null> = { ...DEFAULT_TEMPLATES };
  const problems: string[] = [];
  for (const [kind, entry] of Object.entries(overrides as Record<string, unknown>)) {
    if (!isKind(kind)) {
      problems.push(`"${kind}" is not a notification kind (${NOTIFICATION_KINDS.join(', ')})`);
      continue;
    }
    if (entry === null) {
      registry[kind] = null;
      continue;
    }
    if (typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${kind} must be an object or null`);
      continue;
    }
    const { templateId, mode, fields, ...unknown } = entry as Record<string, unknown>;
    const base = DEFAULT_TEMPLATES[kind];
    for (const key of Object.keys(unknown)) problems.push(`${kind}.${key} is not a template setting`);
    if (typeof templateId !== 'string' || !TEMPLATE_ID.test(templateId)) {
      problems.push(`${kind}.templateId must be a template id (letters, digits, _ and -)`);
      continue;
    }
    if (mode !== undefined && !isMode(mode)) {
      problems.push(`${kind}.mode must be ${SUBSCRIPTION_MODES.join(' or ')}`);
      continue;
    }
    const mapped = fields === undefined ? base?.fields : checkFields(kind, fields, problems);
    if (!mapped) {
      if (fields === undefined)
        problems.push(`${kind}.fields is required (the kind has no default template)`);
      continue;
    }
    registry[kind] = { templateId, mode: mode ?? base?.mode ?? SubscriptionMode.OneTime, fields: mapped };
  }
  if (problems.length > 0) read.fail(name, problems.join('; '));
  return registry;
}

function checkFields(
  kind: NotificationKind,
  fields: unknown,
  problems: string[],
): Record<string, string> | null {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    problems.push(`${kind}.fields must map template keywords to notification fields`);
    return null;
  }
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 20) {
    problems.push(`${kind}.fields must map 1 to 20 keywords`);
    return null;
  }
  const known: readonly string[] = [...NOTIFICATION_FIELDS[kind], ...BUILT_IN_FIELDS];
  let ok = true;
  for (const [keyword, source] of entries) {
    if (keywordType(keyword) === null) {
      problems.push(`${kind}.fields.${keyword} is not a WeChat keyword such as thing1 or time2`);
      ok = false;
    } else if (typeof source !== 'string' || !known.includes(source)) {
      problems.push(`${kind}.fields.${keyword} must be one of ${known.join(', ')}`);
      ok = false;
    }
  }
  return ok ? (Object.fromEntries(entries) as Record<string, string>) : null;
}
