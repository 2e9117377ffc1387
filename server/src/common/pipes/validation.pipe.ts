import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@careerside/shared';
import { RequestValidationException } from '../errors/common.exceptions';

const CACHED_QUERIES_PER_TYPE = 1000;
const PLAIN_TYPES: unknown[] = [String, Boolean, Number, Array, Object];

/**
 * A query string that passed validation passes again: the same query (a popular advisor's slot listing) is
 * checked once and its result copied after that. Bodies, params and failures go through validation each time.
 */
class ValidationPipeRememberingQueries extends ValidationPipe {
  private readonly validQueries = new Map<unknown, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    if (
      type !== 'query' ||
      !metatype ||
      PLAIN_TYPES.includes(metatype) ||
      typeof value !== 'object' ||
      !value
    )
      return super.transform(value, metadata);
    const key = JSON.stringify(value);
    let known = this.validQueries.get(metatype);
    const hit = known?.get(key);
    if (hit) return copy(hit);
    const result: unknown = await super.transform(value, metadata);
    if (typeof result !== 'object' || result === null) return result;
    if (!known) this.validQueries.set(metatype, (known = new Map<string, object>()));
    if (known.size >= CACHED_QUERIES_PER_TYPE) known.clear();
    known.set(key, result);
    return copy(result);
  }
}

/** A handler may change its query object; the remembered one must stay as validated. */
function copy(query: object): object {
  return Object.assign(Object.create(Object.getPrototypeOf(query) as object | null) as object, query);
}

/** The one global pipe: strips nothing silently (unknown fields are errors) and names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipeRememberingQueries({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}

/** One detail per failed constraint, with a dotted path for nested fields (`profile.graduationYear`). */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = error.property
      ? parentPath
        ? `${parentPath}.${error.property}`
        : error.property
      : parentPath;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      field
        ? { field, constraint, message: describeConstraint(constraint, field, message) }
        : { constraint, message: 'The request body must be a JSON object' },
    );
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function describeConstraint(constraint: string, field: string, message: string): string {
  if (constraint === 'whitelistValidation') return `${field} is not a known field`;
  // class-validator starts messages with the last segment of a nested property; show the full path instead.
  const property = field.split('.').at(-1) ?? field;
  return message.startsWith(property) ? `${field}${message.slice(property.length)}` : message;
}
