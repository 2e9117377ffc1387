import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, type ErrorBody, type ErrorDetail } from '@careerside/shared';

export class ErrorDetailDto implements ErrorDetail {
  @ApiPropertyOptional({ description: 'Dotted path of the request field', example: 'graduationYear' })
  field?: string;

  @ApiProperty({ example: 'graduationYear must not be greater than 2100' })
  message: string;

  @ApiPropertyOptional({ example: 'max' })
  constraint?: string;
}

export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ enum: Object.values(ErrorCode), example: ErrorCode.ValidationFailed })
  code: ErrorCode;

  @ApiProperty({ example: 'Invalid request: check graduationYear' })
  message: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];

  @ApiProperty({
    description: 'Also sent as the X-Request-Id header',
    example: '9b2f4c1e-7d0a-4c59-9a0e-5e8f0d3c2b11',
  })
  requestId: string;
}
