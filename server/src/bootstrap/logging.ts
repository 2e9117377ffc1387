import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { type DestinationStream, stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { redactUrl } from '../common/http/redact-url';

const QUIET_PATHS = new Set(['/api/health']);

// @fastify/middie hands middleware the raw request with Fastify's id, and a url relative to the mount point.
type MiddlewareRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
  headers: Record<string, string | undefined>;
  raw: MiddlewareRequest;
}

/** Structured JSON logs: one line per request with its id; credentials never reach the log. */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: Options = {
    level: config.logLevel,
    base: { service: 'careerside', env: config.nodeEnv },
    timestamp: stdTimeFunctions.isoTime,
    genReqId: (request: MiddlewareRequest) => (typeof request.id === 'string' ? request.id : randomUUID()),
    // Every line logged while handling a request, ours included, carries `requestId`.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (request: SerializedRequest) => ({
        method: request.method,
        // Calendar-feed and employer-status URLs carry their secret token.
        url: redactUrl(request.raw.originalUrl ?? request.url),
        remoteAddress: request.remoteAddress,
        userAgent: request.headers['user-agent'],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    // Defence in depth: nothing above logs headers, but a future serializer or log call might.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: {
      ignore: (request: MiddlewareRequest) =>
        QUIET_PATHS.has((request.originalUrl ?? request.url ?? '').split('?')[0] ?? ''),
    },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
