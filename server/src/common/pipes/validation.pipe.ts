import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@careerside/shared';
import { RequestValidationException } from '../errors/common.exceptions';

/** The one global pipe: strips nothing silently (unknown fields are errors) and names every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
