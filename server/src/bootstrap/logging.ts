import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { type Params, PinoLogger } from 'nestjs-pino';
import { type DestinationStream, type Logger, stdSerializers } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

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
    // The serializers get the raw request and response: pino-http's wrappers would first copy each into
    // pino's standard shape (headers included), only for these to pick four fields.
    wrapSerializers: false,
    serializers: {
      req: (request: IncomingMessage) => ({
        method: request.method,
        url: request.url,
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
  // two child loggers per request and serializes the request into one of them; registerRequestLog does the
  // same work once.
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: [] };
}

const REQUEST_LOGGER = Symbol('requestLogger');
type LoggedRequest = FastifyRequest & { [REQUEST_LOGGER]?: Logger<string> };

/**
 * The request log, as Fastify hooks: every request runs in nestjs-pino's logging context with a child logger
 * that carries `requestId` (so every line logged while handling it has the id), and when its response has
 * gone, one line `request completed` (`request errored` from 500 on, with `err`) with `req` (through the `req`
 * serializer above), `res.statusCode` and `responseTime` in milliseconds, at info, warn from 400 and error
 * from 500; `request aborted` when the client left first. /api/health is not logged. Registered before any
 * other hook that should run inside the context.
 */
export async function registerRequestLog(app: NestFastifyApplication): Promise<void> {
  const context = await app.resolve(PinoLogger);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: LoggedRequest, _reply, done) => {
    context.runInContext(
      () => {
        if (!QUIET_PATHS.has(request.url.split('?')[0] ?? '')) request[REQUEST_LOGGER] = context.logger;
        done();
      },
      { bindings: { requestId: request.id } },
    );
  });
  fastify.addHook('onResponse', (request: LoggedRequest, reply, done) => {
    const logger = request[REQUEST_LOGGER];
    if (logger) {
      delete request[REQUEST_LOGGER];
      const { statusCode } = reply;
      // The serializers above pick what the line keeps from the raw request and response.
      const line = { req: request.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) };
      if (statusCode >= 500)
        logger.error({ ...line, err: new Error(`failed with status code ${statusCode}`) }, 'request errored');
      else if (statusCode >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request: LoggedRequest, done) => {
    const logger = request[REQUEST_LOGGER];
    if (logger) {
      delete request[REQUEST_LOGGER];
      logger.info({ req: request.raw }, 'request aborted');
    }
    done();
  });
}
