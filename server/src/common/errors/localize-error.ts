import {
  ErrorCode,
  type ErrorBody,
  type ErrorDetail,
  Locale,
  VALIDATION_MESSAGES,
  errorMessage,
  fillTemplate,
} from '@careerside/shared';

type Body = Omit<ErrorBody, 'requestId'>;

/**
 * Puts the message a person reads into the request's language. Codes with an entry in the shared
 * ERROR_MESSAGES get that text (placeholders from the exception's params); validation details get the
 * constraint's text. Anything else keeps its English developer message.
 */
export function localizeErrorBody(
  body: Body,
  locale: Locale,
  params: Record<string, string | number> = {},
): Body {
  const details = body.details?.map((detail) => localizeDetail(detail, locale));
  const fields = [...new Set((details ?? []).map((detail) => detail.field).filter(Boolean))].join(', ');
  // A body that is not an object at all has no fields to name.
  const code = body.code === ErrorCode.ValidationFailed && !fields ? ErrorCode.BadRequest : body.code;
  const message = errorMessage(code, locale, { fields, ...params }) ?? body.message;
  return details ? { ...body, message, details } : { ...body, message };
}

function localizeDetail(detail: ErrorDetail, locale: Locale): ErrorDetail {
  const text = detail.constraint ? VALIDATION_MESSAGES[detail.constraint] : undefined;
  if (!text || !detail.field) return detail;
  const localized = fillTemplate(
    text[locale],
    constraintArguments(withoutField(detail.message, detail.field)),
  );
  // English keeps the field's name in front, as class-validator writes it; Chinese is shown beside the field.
  return { ...detail, message: locale === Locale.EnUS ? `${detail.field} ${localized}` : localized };
}

/** The numbers of a message are its arguments, not those of a path in front (`rules.3.slots`). */
function withoutField(message: string, field: string): string {
  return message.startsWith(field) ? message.slice(field.length) : message;
}

/** class-validator does not expose a constraint's arguments on the error, only its English message. */
function constraintArguments(message: string): Record<string, string> {
  const values = /following values: (.+)$/.exec(message)?.[1];
  const n = /(-?\d+(?:\.\d+)?)/.exec(message)?.[1];
  const years = /from year (\d+) to (\d+)/.exec(message);
  return {
    ...(n === undefined ? {} : { n }),
    ...(values === undefined ? {} : { values }),
    ...(years ? { min: years[1], max: years[2] } : {}),
  };
}
