import { HttpException } from '@nestjs/common';
import type { ErrorCode, ErrorDetail } from '@careerside/shared';

/**
 * What services throw: an HTTP status plus a stable code from the shared package that clients switch on.
 * Feature modules subclass it (`WechatCodeInvalidException`) so rules read as domain language.
 */
export class DomainException extends HttpException {
  readonly headers: Record<string, string>;
  /** Values for the `{name}` placeholders of the code's localized message (shared ERROR_MESSAGES). */
  readonly params: Record<string, string | number>;

  constructor(
    readonly code: ErrorCode,
    status: number,
    message: string,
    readonly details?: ErrorDetail[],
    options: {
      cause?: unknown;
      headers?: Record<string, string>;
      params?: Record<string, string | number>;
    } = {},
  ) {
    super({ code, message, details }, status, { cause: options.cause });
    this.headers = options.headers ?? {};
    this.params = options.params ?? {};
  }
}
