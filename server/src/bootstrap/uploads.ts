import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, MediaRoute } from '@careerside/shared';
import type { AppConfig } from '../config/app-config';

// The only routes that take multipart bodies; everywhere else stays JSON only (415 for anything else).
const MULTIPART_ROUTES = new Set([`/${API_PREFIX}/${MediaRoute.upload}`]);

/** Multipart parsing for media uploads; the upload handler reads the file part itself, with its own limit. */
export async function registerUploads(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: Math.max(config.media.maxImageBytes, config.media.maxAudioBytes),
      files: 1,
      fields: 4,
      parts: 5,
      fieldSize: 1024,
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request, _reply, done) => {
      if (request.isMultipart() && !MULTIPART_ROUTES.has(request.routeOptions.url ?? '')) {
        done(
          Object.assign(new Error('Send the request body as application/json'), {
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
            statusCode: 415,
          }),
        );
        return;
      }
      done();
    });
}
