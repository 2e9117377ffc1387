import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { getStorageToken, type ThrottlerStorage } from '@nestjs/throttler';
import { Logger } from 'nestjs-pino';
import { API_PREFIX, type ErrorBody, resolveLocale } from '@careerside/shared';
import { AppModule, type AppModuleOptions } from './app.module';
import { answerClientError } from './bootstrap/client-errors';
import { registerRequestLog } from './bootstrap/logging';
import { setupOpenApi } from './bootstrap/openapi';
import { registerSecurity } from './bootstrap/security';
import { registerUploads } from './bootstrap/uploads';
import { registerWebApp, WebApp } from './bootstrap/web-app';
import { toErrorResponse } from './common/errors/error-response';
import { localizeErrorBody } from './common/errors/localize-error';
import { registerJsonBody } from './common/http/json-body';
import { registerLargeBodyLimit } from './common/http/large-body-limit';
import { REQUEST_ID_HEADER, requestIdFor } from './common/http/request-id';
import type { RawEnv } from './config/env-reader';
import { loadConfig } from './config/load-config';

export interface CreateAppOptions extends AppModuleOptions {
  /** The raw environment to validate; process.env by default. */
  env?: RawEnv;
  /** Sees every route Fastify registers (tests compare them with the OpenAPI document). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the configured, initialised application; main.ts and the e2e tests both start it this way. */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const { config, warnings } = loadConfig(options.env);

  const adapter = new FastifyAdapter({
    // JSON routes; the CSV import (@LargeJsonBody) takes BODY_LIMIT, uploads have their own multipart limits.
    bodyLimit: config.inputLimits.jsonBodyLimit,
    trustProxy: trustProxyOption(config.http.trustProxy),
    genReqId: requestIdFor,
    requestIdHeader: false,
    // nestjs-pino logs each request; Fastify's own logger would log them twice.
    logger: false,
    clientErrorHandler: answerClientError,
    // A malformed URL fails in Fastify's router, before Nest's exception filter can see it.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const { body, headers, params } = toErrorResponse(error, request.method, request.url);
      const locale = resolveLocale(request.headers['accept-language']);
      void reply
        .headers({ ...headers, [REQUEST_ID_HEADER]: request.id })
        .status(body.statusCode)
        .send({ ...localizeErrorBody(body, locale, params), requestId: request.id } satisfies ErrorBody);
    },
  });
  const fastify = adapter.getInstance();
  // JSON only: any other request body is 415 UNSUPPORTED_MEDIA_TYPE.
  fastify.removeContentTypeParser('text/plain');
  registerJsonBody(fastify, { ...config.inputLimits, largeBodyLimit: config.http.bodyLimit });
  // The rate-limit counters exist once the modules do; requests arrive only after that.
  let throttlerStorage: ThrottlerStorage | null = null;
  registerLargeBodyLimit(
    fastify,
    { largeBodyBytes: config.inputLimits.largeBodyBytes, limit: config.inputLimits.largeBodyRateLimit },
    () => throttlerStorage,
  );
  if (options.onRoute) fastify.addHook('onRoute', options.onRoute);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  throttlerStorage = app.get<ThrottlerStorage>(getStorageToken());
  const logger = new NestLogger('Bootstrap');
  for (const warning of warnings) logger.warn(warning);

  app.setGlobalPrefix(API_PREFIX);
  // First of the hooks that run per request, so that they run inside the request's logging context.
  await registerRequestLog(app);
  const webApp = new WebApp(config.h5DistDir);
  await registerSecurity(app, config, webApp);
  await registerUploads(app, config);
  setupOpenApi(app, config);
  await registerWebApp(app, webApp);
  await app.init();
  if (!webApp.available)
    logger.log(`No H5 build at ${webApp.distDir} yet; / points to the API docs until there is`);
  return app;
}

/** Fastify trusts "the nth hop" through a function; booleans and address lists pass through. */
function trustProxyOption(
  value: boolean | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
