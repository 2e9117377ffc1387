import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorBody, resolveLocale } from '@careerside/shared';
import { DomainException } from '../errors/domain.exception';
import { toErrorResponse } from '../errors/error-response';
import { localizeErrorBody } from '../errors/localize-error';
import { redactUrl } from '../http/redact-url';

/** The one place an error becomes a response: every error body has the shared ErrorBody shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const {
      body,
      headers,
      unexpected,
      params: responseParams,
    } = toErrorResponse(exception, request.method, request.url);
    const requestId = String(request.id);

    if (unexpected) {
      // nestjs-pino binds the request id to every line logged while handling the request.
      this.logger.error(
        { err: exception, method: request.method, url: redactUrl(request.url) },
        'Unhandled error while handling a request',
      );
    }
    if (reply.sent) return;

    const locale = resolveLocale(request.headers['accept-language']);
    const params = exception instanceof DomainException ? exception.params : responseParams;
    const errorBody: ErrorBody = { ...localizeErrorBody(body, locale, params), requestId };
    if (errorBody.statusCode === 401) void reply.header('www-authenticate', 'Bearer realm="careerside"');
    void reply.headers(headers).status(errorBody.statusCode).send(errorBody);
  }
}
