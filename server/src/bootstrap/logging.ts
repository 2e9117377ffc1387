import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { type Params, PinoLogger } from 'nestjs-pino';
import { type DestinationStream, stdSerializers } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { redactUrl } from '../common/http/redact-url';

const QUIET_PATHS = new Set(['/api/health']);

/**
 * pino's isoTime, formatted once per millisecond: under load many lines share a millisecond, and formatting
 * the date was a tenth of the cost of a request line.
 */
export function isoTimeOncePerMillisecond(now: () => number = Date.now): () => string {
  let formattedAt = Number.NaN;
  let formatted = '';
  return () => {
    const time = now();
    if (time !== formattedAt) {
      formattedAt = time;
      formatted = `,"time":"${new Date(time).toISOString()}"`;
    }
    return formatted;
  };
}

/**
 * Structured JSON logs: one line per request with its id; credentials never reach the log. The pino options
 * are pino-http's, which nestjs-pino builds the root logger from; the request line itself is written by
 * registerRequestLog's Fastify hooks, not by pino-http's middleware (see there).
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: Options = {
    level: config.logLevel,
    base: { service: 'careerside', env: config.nodeEnv },
    timestamp: isoTimeOncePerMillisecond(),
    mixin: requestIdMixin,
    // The serializers get the raw request and response: pino-http's wrappers would first copy each into
    // pino's standard shape (headers included), only for these to pick four fields.
    wrapSerializers: false,
    serializers: {
      req: (request: IncomingMessage) => ({
        method: request.method,
        // Calendar-feed and employer-status URLs carry their secret token.
        url: redactUrl(request.url ?? ''),
        remoteAddress: request.socket?.remoteAddress,
        userAgent: request.headers['user-agent'],
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
      err: stdSerializers.err,
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
  };
  // No routes: nestjs-pino would mount pino-http as Nest middleware (through @fastify/middie), which builds
  // two child loggers per request and serializes the request into one of them, and run each request in its
  // own context; registerRequestLog writes the line and keeps the request id with less.
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: [] };
}

// The id of the request being handled, for every line logged while handling it (pino's mixin below reads
// it). One AsyncLocalStorage run per request; nestjs-pino's own context would also build a child logger each.
const requestIds = new AsyncLocalStorage<string>();

/** pino's mixin: the current request's id on every line logged while handling it. */
export function requestIdMixin(): { requestId?: string } {
  const requestId = requestIds.getStore();
  return requestId === undefined ? {} : { requestId };
}

// Set once the request's line is written, or up front for the health check, which is not logged.
const LOGGED = Symbol('logged');
type LoggedRequest = FastifyRequest & { [LOGGED]?: boolean };

/**
 * The request log, as Fastify hooks: every request runs with its id in `requestIds` (so every line logged
 * while handling it carries `requestId`), and when its response has gone, one line `request completed`
 * (`request errored` from 500 on, with `err`) with `requestId`, `req` (through the `req` serializer above),
 * `res.statusCode` and `responseTime` in milliseconds, at info, warn from 400 and error from 500; `request
 * aborted` when the client left first. /api/health is not logged. Registered before any other hook that
 * should run inside the context.
 */
export async function registerRequestLog(app: NestFastifyApplication): Promise<void> {
  // Outside nestjs-pino's own context its PinoLogger answers the root logger.
  const context = await app.resolve(PinoLogger);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: LoggedRequest, _reply, done) => {
    request[LOGGED] = QUIET_PATHS.has(request.url.split('?')[0] ?? '');
    requestIds.run(request.id, done);
  });
  fastify.addHook('onResponse', (request: LoggedRequest, reply, done) => {
    if (request[LOGGED] === false) {
      request[LOGGED] = true;
      const { statusCode } = reply;
      // The serializers above pick what the line keeps from the raw request and response.
      const line = {
        requestId: request.id,
        req: request.raw,
        res: reply.raw,
        responseTime: Math.round(reply.elapsedTime),
      };
      const logger = context.logger;
      if (statusCode >= 500)
        logger.error({ ...line, err: new Error(`failed with status code ${statusCode}`) }, 'request errored');
      else if (statusCode >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request: LoggedRequest, done) => {
    if (request[LOGGED] === false) {
      request[LOGGED] = true;
      context.logger.info({ requestId: request.id, req: request.raw }, 'request aborted');
    }
    done();
  });
}
