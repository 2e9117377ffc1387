import type { Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC } from '../common/decorators/public.decorator';
import type { AppConfig } from '../config/app-config';

export const OPENAPI_UI_PATH = '/api/docs';
export const OPENAPI_JSON_PATH = '/api/docs-json';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const operationId = (controllerKey: string, methodKey: string): string =>
  `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;

export function buildOpenApiDocument(app: NestFastifyApplication, config: AppConfig): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('careerside API')
    .setDescription(
      'Career Guidance Right by Your Side (随身就业指导). JSON everywhere; times are ISO 8601 with an offset; ' +
        'ids are strings; every error is { statusCode, code, message, details?, requestId }.',
    )
    .setVersion(config.version)
    .addServer(config.http.publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, info, { operationIdFactory: operationId });
  markPublicOperations(document, publicOperationIds(app));
  return document;
}

/**
 * Swagger drops an empty `security` list, so a public route would say nothing about authentication. The
 * document says `security: []` for exactly the handlers the access-token guard lets through (@Public()).
 */
function markPublicOperations(document: OpenAPIObject, publicIds: ReadonlySet<string>): void {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      // A handler on several paths gets `name[index]` as its method key.
      if (operation?.operationId && publicIds.has(operation.operationId.replace(/\[\d+\]$/, ''))) {
        operation.security = [];
      }
    }
  }
}

function publicOperationIds(app: NestFastifyApplication): Set<string> {
  const reflector = app.get(Reflector);
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = name === 'constructor' ? undefined : prototype[name];
        if (typeof handler !== 'function') continue;
        if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller])) {
          ids.add(operationId(controller.name, name));
        }
      }
    }
  }
  return ids;
}

/**
 * Swagger UI at /api/docs and the OpenAPI 3 document at /api/docs-json, unless API_DOCS=false (the default
 * in production).
 */
export function setupOpenApi(app: NestFastifyApplication, config: AppConfig): void {
  if (!config.http.apiDocs) return;
  SwaggerModule.setup(OPENAPI_UI_PATH.slice(1), app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    raw: ['json'],
    customSiteTitle: 'careerside API',
    swaggerOptions: { persistAuthorization: true },
  });
}
