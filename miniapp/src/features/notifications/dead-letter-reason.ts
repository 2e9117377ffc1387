import { format } from '@/utils/format';

/** The words a dead letter's reason is told in (`t.notifications.deliveries.reasons`). */
export interface DeadLetterReasonWords {
  /** Explanations of WeChat errcodes, by code. */
  errcodes: Readonly<Record<string, string>>;
  /** An errcode without an explanation here: `{code}` */
  errcodeOther: string;
  /** An explained errcode: `{reason}`, `{code}` */
  withCode: string;
  /** WeChat answered with an HTTP error: `{status}` */
  http: string;
  timeout: string;
  unreachable: string;
  notConfigured: string;
}

/**
 * What a dead letter's reason means, for staff who do not read WeChat's errcodes. The server stores WeChat's
 * own words (`errcode 43101: user refuse to accept the msg`) or the transport failure; the explanation comes
 * first and the code stays visible for anyone who looks it up.
 */
export function deadLetterReason(lastError: string | null, words: DeadLetterReasonWords): string {
  if (!lastError) return '';
  const errcode = /errcode (-?\d+)/.exec(lastError)?.[1];
  if (errcode !== undefined) {
    const explained = words.errcodes[errcode];
    return explained === undefined
      ? format(words.errcodeOther, { code: errcode })
      : format(words.withCode, { reason: explained, code: errcode });
  }
  const status = /\bHTTP (\d{3})\b/.exec(lastError)?.[1];
  if (status !== undefined) return format(words.http, { status });
  if (/timed out/.test(lastError)) return words.timeout;
  if (/WECHAT_APPID|not set/.test(lastError)) return words.notConfigured;
  return words.unreachable;
}
