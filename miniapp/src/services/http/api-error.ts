import { ErrorCode, type ErrorBody, type ErrorDetail } from '@careerside/shared';

export type ApiErrorKind = 'http' | 'network';

/**
 * Every failed request rejects with this. `kind: 'network'` means no answer arrived (offline, DNS, timeout);
 * `kind: 'http'` carries the server's error body, or one made up from the status when the body was not ours.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly code: ErrorCode | null;
  readonly details: ErrorDetail[];
  readonly body: ErrorBody | null;

  private constructor(kind: ApiErrorKind, message: string, status: number, body: ErrorBody | null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.code = body?.code ?? null;
    this.details = body?.details ?? [];
  }

  static fromResponse(status: number, body: ErrorBody | null): ApiError {
    return new ApiError('http', body?.message ?? `HTTP ${status}`, status, body);
  }

  static network(cause: string): ApiError {
    return new ApiError('network', cause, 0, null);
  }

  get isUnauthorized(): boolean {
    return this.kind === 'http' && this.status === 401;
  }

  get isValidation(): boolean {
    return this.kind === 'http' && this.code === ErrorCode.ValidationFailed;
  }

  /** Validation messages by request field; a dotted path also answers to its last segment. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const detail of this.details) {
      if (!detail.field) continue;
      const leaf = detail.field.split('.').pop() ?? detail.field;
      errors[detail.field] ??= detail.message;
      errors[leaf] ??= detail.message;
    }
    return errors;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
