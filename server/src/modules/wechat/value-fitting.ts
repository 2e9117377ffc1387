import type { WechatValueType } from '../../config/notification-templates';
import { pad, wallTime } from '../../common/time/zoned-time';

/** What a notification field may hold before it is fitted to a template keyword. */
export type FieldValue = string | number | Date | null | undefined;

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ASCII_ONLY = /^[\x20-\x7e]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Length as WeChat counts characters: code points, so an emoji is one and a surrogate pair never two. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Cuts text to at most `max` code points, never inside a grapheme cluster (an emoji with its modifiers, a
 * flag, a letter with combining marks), and marks the cut with an ellipsis when one is given.
 */
export function truncate(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (characterCount(text) <= max) return text;
  const budget = max - characterCount(ellipsis);
  let kept = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = characterCount(segment);
    if (used + size > budget) break;
    kept += segment;
    used += size;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}

/** One line of well-formed text: lone surrogates replaced, control characters and runs of space collapsed. */
export function normalizeText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `YYYY年MM月DD日 HH:mm` in the center's time zone, the form WeChat's time keyword shows. */
export function formatWechatTime(at: Date, timeZone: string): string {
  const wall = wallTime(at, timeZone);
  return `${formatWechatDate(at, timeZone)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

export function formatWechatDate(at: Date, timeZone: string): string {
  const wall = wallTime(at, timeZone);
  return `${wall.year}年${pad(wall.month)}月${pad(wall.day)}日`;
}

function asInstant(value: FieldValue): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' && ISO_INSTANT.test(value.trim())) {
    const parsed = new Date(value.trim());
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  return null;
}

const PLACEHOLDER: Partial<Record<WechatValueType, string>> = { phrase: '无', number: '0', letter: 'NA' };

/**
 * Fits a value to the limits WeChat documents for a keyword type, so a long title can never make a send
 * fail with 47003. Text is cut on character boundaries with an ellipsis where the type allows one; times
 * are written in the center's time zone. An empty value becomes a placeholder (WeChat rejects empty ones).
 */
export function fitValue(type: WechatValueType, value: FieldValue, timeZone: string): string {
  const fitted = fit(type, value, timeZone);
  return fitted.length > 0 ? fitted : (PLACEHOLDER[type] ?? '-');
}

function fit(type: WechatValueType, value: FieldValue, timeZone: string): string {
  if (type === 'time' || type === 'date') {
    const instant = asInstant(value);
    if (instant)
      return type === 'time' ? formatWechatTime(instant, timeZone) : formatWechatDate(instant, timeZone);
    const calendar = typeof value === 'string' ? CALENDAR_DATE.exec(value.trim()) : null;
    if (calendar) return `${calendar[1]}年${calendar[2]}月${calendar[3]}日`;
  }
  if (value === null || value === undefined) return '';
  if (type === 'amount' && typeof value === 'number') return `¥${value.toFixed(2)}`;
  const text = normalizeText(value instanceof Date ? value.toISOString() : String(value));

  switch (type) {
    case 'thing':
      return truncate(text, 20);
    case 'name':
      // Ten Chinese characters, or twenty letters and symbols; an ellipsis would break "pure".
      return truncate(text, ASCII_ONLY.test(text) ? 20 : 10, '');
    case 'phrase':
      return truncate(text, 5, '');
    case 'character_string':
      return truncate(text.replace(/[^\x21-\x7e]/g, ''), 32, '');
    case 'number':
      return truncate(text.replace(/[^0-9.-]/g, ''), 32, '');
    case 'letter':
      return truncate(text.replace(/[^A-Za-z]/g, ''), 32, '');
    case 'symbol':
      return truncate(text.replace(/[\p{L}\p{N}\s]/gu, ''), 5, '');
    case 'phone_number':
      return truncate(normalizeText(text.replace(/[^0-9+\-() ]/g, '')), 17, '');
    case 'car_number':
      return truncate(text.replace(/\s/g, ''), 8, '');
    case 'amount':
      return truncate(text, 16, '');
    case 'time':
    case 'date':
      return truncate(text, 40, '');
  }
}
