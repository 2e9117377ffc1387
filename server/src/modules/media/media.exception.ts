import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@careerside/shared';
import { DomainException } from '../../common/errors/domain.exception';

export class MediaFileMissingException extends DomainException {
  constructor() {
    super(
      ErrorCode.MediaFileMissing,
      HttpStatus.BAD_REQUEST,
      'Attach the file as a multipart part named "file"',
      [{ field: 'file', message: 'file is required' }],
    );
  }
}

export class MediaTypeNotAllowedException extends DomainException {
  constructor(detected: string | null) {
    super(
      ErrorCode.MediaTypeNotAllowed,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      `The file's content is ${detected ?? 'not a recognised image or audio format'}; accepted: JPEG, PNG, WebP, MP3, M4A, AAC, WAV`,
      [{ field: 'file', message: `detected type: ${detected ?? 'unknown'}` }],
    );
  }
}

export class MediaTooLargeException extends DomainException {
  constructor(limitBytes: number) {
    const limit = `${Math.round(limitBytes / 1024 / 1024)} MB`;
    super(
      ErrorCode.MediaTooLarge,
      HttpStatus.PAYLOAD_TOO_LARGE,
      `The file is larger than ${limit}`,
      [{ field: 'file', message: `at most ${limit}` }],
      { params: { limit } },
    );
  }
}

export class MediaUnreadableException extends DomainException {
  constructor(reason: string) {
    super(ErrorCode.MediaUnreadable, HttpStatus.UNPROCESSABLE_ENTITY, `The file cannot be read: ${reason}`, [
      { field: 'file', message: reason },
    ]);
  }
}

export class MultipartRequiredException extends DomainException {
  constructor() {
    super(
      ErrorCode.MediaFileMissing,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'Send the file as multipart/form-data with a part named "file"',
    );
  }
}
