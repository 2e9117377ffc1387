import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../errors/domain.exception';

/** The limits a JSON body is held to before anything walks it; see InputLimitsConfig. */
export interface JsonBodyLimits {
  maxDepth: number;
  maxArrayLength: number;
  maxItems: number;
  maxStringLength: number;
}

export interface JsonBodyOptions extends JsonBodyLimits {
  /** Ordinary JSON routes. */
  jsonBodyLimit: number;
  /** Routes marked @LargeJsonBody(): the CSV import; they take long strings too. */
  largeBodyLimit: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Bytes of the JSON body as received (0 without one); the large-body rate limit counts on it. */
    jsonBodyBytes?: number;
  }
  interface FastifyContextConfig {
    largeJsonBody?: boolean;
  }
}

/**
 * A route whose JSON body may reach BODY_LIMIT (1 MiB by default) instead of JSON_BODY_LIMIT, with strings of
 * any length within it: CSV text sent as one field. Read from the route's Fastify config when it registers.
 */
export const LargeJsonBody = (): MethodDecorator => RouteConfig({ largeJsonBody: true });

export class BodyTooComplexException extends DomainException {
  constructor(field: string, constraint: string, message: string) {
    super(ErrorCode.BodyTooComplex, HttpStatus.BAD_REQUEST, `The request body is too complex: ${message}`, [
      { field, constraint, message },
    ]);
  }
}

export class BodyNotObjectException extends DomainException {
  constructor() {
    super(ErrorCode.BodyNotObject, HttpStatus.BAD_REQUEST, 'The request body must be a JSON object', [
      { field: 'body', constraint: 'isObject', message: 'body must be an object' },
    ]);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Checks the body's text against the limits before it is parsed, in one pass that stops at the first value over
 * a limit: a list of 100,000 numbers is refused after its 1,001st, without JSON.parse building it (which alone
 * took several milliseconds). No recursion, so nesting 100,000 deep costs as little. `null` when the text
 * passes (it may still be malformed: JSON.parse says so next), otherwise the exception naming the field
 * (`name`, `rules.3.startTime`, or `body` for the whole).
 */
export function checkJsonLimits(text: string, limits: JsonBodyLimits): BodyTooComplexException | null {
  // One frame per open object or list: whether it is a list, values in it so far, the last key read.
  const isList: boolean[] = [];
  const counts: number[] = [];
  const keys: string[] = [];
  let expectKey = false;
  let items = 0;

  /** The path of the value being read: `upTo` frames deep (all of them by default). */
  const pathOf = (upTo = isList.length): string => {
    const names: string[] = [];
    for (let k = 0; k < upTo; k += 1) names.push(isList[k] ? String(counts[k] - 1) : keys[k]);
    return names.length > 0 ? names.join('.') : 'body';
  };
  /** A value starts: it counts against the whole body and against the list it is in. */
  const onValue = (): BodyTooComplexException | null => {
    items += 1;
    if (items > limits.maxItems) {
      return new BodyTooComplexException(
        'body',
        'bodyMaxItems',
        `body must hold at most ${limits.maxItems} values in all`,
      );
    }
    const top = isList.length - 1;
    if (top >= 0 && isList[top]) {
      counts[top] += 1;
      if (counts[top] > limits.maxArrayLength) {
        const field = pathOf(top);
        return new BodyTooComplexException(
          field,
          'bodyMaxArrayLength',
          `${field} must be a list of at most ${limits.maxArrayLength} items`,
        );
      }
    }
    return null;
  };

  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      const rawLength = end - i - 1;
      const isKey = expectKey;
      if (!isKey) {
        const refused = onValue();
        if (refused) return refused;
      }
      // Escapes make the text longer than the string; decode only when the text alone is over the limit.
      const tooLong =
        rawLength > limits.maxStringLength && decodedLength(text, i, end) > limits.maxStringLength;
      if (isKey) {
        if (tooLong) {
          const field = pathOf(isList.length - 1);
          return new BodyTooComplexException(
            field,
            'bodyMaxStringLength',
            `${field} has a key longer than ${limits.maxStringLength} characters`,
          );
        }
        keys[isList.length - 1] = decodeKey(text, i, end);
        expectKey = false;
      } else if (tooLong) {
        const field = pathOf();
        return new BodyTooComplexException(
          field,
          'bodyMaxStringLength',
          `${field} must be text of at most ${limits.maxStringLength} characters`,
        );
      }
      i = end + 1;
      continue;
    }
    switch (c) {
      case 0x7b: // {
      case 0x5b: {
        // [
        const refused = onValue();
        if (refused) return refused;
        if (isList.length + 1 > limits.maxDepth) {
          const field = pathOf();
          return new BodyTooComplexException(
            field,
            'bodyMaxDepth',
            `${field} must not nest deeper than ${limits.maxDepth} levels`,
          );
        }
        isList.push(c === 0x5b);
        counts.push(0);
        keys.push('');
        expectKey = c === 0x7b;
        i += 1;
        break;
      }
      case 0x7d: // }
      case 0x5d: // ]
        isList.pop();
        counts.pop();
        keys.pop();
        expectKey = false;
        i += 1;
        break;
      case 0x2c: // ,
        expectKey = isList.length > 0 && !isList[isList.length - 1];
        i += 1;
        break;
      case 0x3a: // :
        expectKey = false;
        i += 1;
        break;
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        i += 1;
        break;
      default: {
        // A number, true, false or null: one value, up to the next delimiter.
        const refused = onValue();
        if (refused) return refused;
        i += 1;
        while (i < length && !isDelimiter(text.charCodeAt(i))) i += 1;
      }
    }
  }
  return null;
}

/** The index of the quote that closes the string opening at `start` (the text's length when there is none). */
function closingQuote(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function decodedLength(text: string, start: number, end: number): number {
  try {
    return (JSON.parse(text.slice(start, end + 1)) as string).length;
  } catch {
    return end - start - 1;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw;
  }
}

function isDelimiter(c: number): boolean {
  return (
    c === 0x2c ||
    c === 0x5d ||
    c === 0x7d ||
    c === 0x3a ||
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === QUOTE
  );
}

/**
 * The one JSON body parser: Fastify's own (it refuses `__proto__` and `constructor.prototype` keys), then the
 * limits, then "an object or nothing". An empty body is no body, so `POST .../cancel` sent with
 * `Content-Type: application/json` and nothing else works; a route that needs fields names them as missing.
 * Every refusal is an error body before class-transformer sees the value.
 */
export function registerJsonBody(fastify: FastifyInstance, options: JsonBodyOptions): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const unlimitedStrings = { ...options, maxStringLength: Number.MAX_SAFE_INTEGER };

  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.largeJsonBody) route.bodyLimit = options.largeBodyLimit;
  });

  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, text: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
      const body = typeof text === 'string' ? text : text.toString('utf8');
      request.jsonBodyBytes = Buffer.byteLength(body);
      if (body.trim().length === 0) {
        done(null, undefined);
        return;
      }
      const large = request.routeOptions.config.largeJsonBody === true;
      const refused = checkJsonLimits(body, large ? unlimitedStrings : options);
      if (refused) return done(refused);
      void parseJson(request, body, (error: Error | null, value?: unknown) => {
        if (error) return done(error);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return done(new BodyNotObjectException());
        }
        done(null, value);
      });
    },
  );
}
