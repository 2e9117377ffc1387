import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { REQUEST_ID_HEADER } from '../common/http/request-id';
import type { WebApp } from './web-app';

type HelmetMiddleware = ReturnType<typeof helmet>;

/**
 * The headers a helmet middleware sets, found by running it once against a response that only records them.
 * Every one of helmet's headers is the same on every request, given its options; setting the recorded list
 * costs a fraction of running helmet's dozen middlewares per request (measured: bench:slots in server/README).
 * Helmet also removes X-Powered-By, which neither Fastify nor Nest sets.
 */
export function helmetHeaders(middleware: HelmetMiddleware): ReadonlyArray<readonly [string, string]> {
  const record = (): Array<[string, string]> => {
    const headers = new Map<string, string>();
    const recorder = {
      setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
      removeHeader: (name: string) => headers.delete(name),
      getHeader: (name: string) => headers.get(name),
    };
    let failure: unknown;
    middleware(
      { headers: {}, method: 'GET', url: '/' } as IncomingMessage,
      recorder as unknown as ServerResponse,
      (error?: unknown) => {
        failure = error;
      },
    );
    if (failure instanceof Error) throw failure;
    if (failure) throw new Error('helmet refused its options');
    return [...headers.entries()];
  };
  const headers = record();
  // A directive given as a function (a nonce, say) would differ per request and cannot be recorded.
  if (JSON.stringify(record()) !== JSON.stringify(headers))
    throw new Error('helmet options that vary per request cannot be recorded once');
  return headers;
}

/** Security headers with a CSP that the H5 app and Swagger UI both work under, and CORS for CORS_ORIGINS. */
export async function registerSecurity(
  app: NestFastifyApplication,
  config: AppConfig,
  webApp: WebApp,
): Promise<void> {
  const https = config.http.publicUrl.startsWith('https:');
  // Built once per version of the H5 app's index.html: with every directive a plain list, helmet writes the CSP
  // string once instead of on each request (and @fastify/helmet would build the middleware for each request).
  const build = (inlineScriptHashes: readonly string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'self'"],
          formAction: ["'self'"],
          // Swagger UI and the H5 bundle load scripts from this origin; Taro's index.html adds one inline script.
          scriptSrc: ["'self'", ...inlineScriptHashes],
          // React and Swagger UI set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          mediaSrc: ["'self'", 'blob:', 'https:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          manifestSrc: ["'self'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      crossOriginEmbedderPolicy: false,
      // The Taro dev server (another port on the same host) may load images from here.
      crossOriginResourcePolicy: { policy: 'same-site' },
      // HSTS only makes sense when the public address is HTTPS.
      strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    });
  // WebApp answers the same array until index.html changes (it looks at most once a second).
  let hashes = webApp.inlineScriptHashes();
  let securityHeaders = helmetHeaders(build(hashes));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      const current = webApp.inlineScriptHashes();
      if (current !== hashes) {
        hashes = current;
        securityHeaders = helmetHeaders(build(current));
      }
      // Into Fastify's header list, written once with the status line: node's setHeader validates and
      // stores each header again. No route here writes to the raw response past Fastify.
      for (const [name, value] of securityHeaders) void reply.header(name, value);
      done();
    });

  const allowed = config.http.corsOrigins;
  await app.register(fastifyCors, {
    origin: allowed === '*' ? true : allowed,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
    maxAge: 600,
  });
}
