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

/**
 * Checks a parsed body against the limits without recursion (a body nested 100,000 deep must not overflow the
 * stack here either), stopping at the first value over a limit. `null` when the body passes, otherwise the
 * exception naming the field (`name`, `rules.3.startTime`, or `body` for the whole).
 */
export function checkJsonLimits(value: unknown, limits: JsonBodyLimits): BodyTooComplexException | null {
  type Entry = { value: unknown; depth: number; parent: Entry | null; key: string };
  const pathOf = (entry: Entry): string => {
    const keys: string[] = [];
    for (let at: Entry | null = entry; at?.parent; at = at.parent) keys.push(at.key);
    return keys.length > 0 ? keys.reverse().join('.') : 'body';
  };
  const stack: Entry[] = [{ value, depth: 1, parent: null, key: '' }];
  let items = 0;
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    items += 1;
    if (items > limits.maxItems) {
      return new BodyTooComplexException(
        'body',
        'bodyMaxItems',
        `body must hold at most ${limits.maxItems} values in all`,
      );
    }
    const current = entry.value;
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) {
        return new BodyTooComplexException(
          pathOf(entry),
          'bodyMaxStringLength',
          `${pathOf(entry)} must be text of at most ${limits.maxStringLength} characters`,
        );
      }
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (entry.depth > limits.maxDepth) {
      return new BodyTooComplexException(
        pathOf(entry),
        'bodyMaxDepth',
        `${pathOf(entry)} must not nest deeper than ${limits.maxDepth} levels`,
      );
    }
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayLength) {
        return new BodyTooComplexException(
          pathOf(entry),
          'bodyMaxArrayLength',
          `${pathOf(entry)} must be a list of at most ${limits.maxArrayLength} items`,
        );
      }
      for (let i = current.length - 1; i >= 0; i -= 1) {
        stack.push({ value: current[i] as unknown, depth: entry.depth + 1, parent: entry, key: String(i) });
      }
      continue;
    }
    // Pushed last to first so that fields are checked in the order they were written.
    const fields = Object.entries(current);
    for (let i = fields.length - 1; i >= 0; i -= 1) {
      const [key, child] = fields[i] as [string, unknown];
      if (key.length > limits.maxStringLength) {
        return new BodyTooComplexException(
          pathOf(entry),
          'bodyMaxStringLength',
          `${pathOf(entry)} has a key longer than ${limits.maxStringLength} characters`,
        );
      }
      stack.push({ value: child, depth: entry.depth + 1, parent: entry, key });
    }
  }
  return null;
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
    const config = route.config as { largeJsonBody?: boolean } | undefined;
    if (config?.largeJsonBody) route.bodyLimit = options.largeBodyLimit;
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
      parseJson(request, body, (error: Error | null, value?: unknown) => {
        if (error) return done(error);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return done(new BodyNotObjectException());
        }
        const large = (request.routeOptions.config as { largeJsonBody?: boolean }).largeJsonBody === true;
        const refused = checkJsonLimits(value, large ? unlimitedStrings : options);
        if (refused) return done(refused);
        done(null, value);
      });
    },
  );
}
