import fastifyCors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { REQUEST_ID_HEADER } from '../common/http/request-id';
import type { WebApp } from './web-app';

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
  let securityHeaders = build(hashes);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const current = webApp.inlineScriptHashes();
      if (current !== hashes) {
        hashes = current;
        securityHeaders = build(current);
      }
      securityHeaders(request.raw, reply.raw, (error?: unknown) =>
        done(error instanceof Error ? error : undefined),
      );
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
