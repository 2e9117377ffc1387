import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { DEGREES, type Degree, taxonomyCodes, type UpdateProfileRequest } from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

const DEGREE_CODES = taxonomyCodes(DEGREES);

/** Every field is optional; null clears it. */
export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: '李同学' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  name?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 32,
    pattern: '^[A-Za-z0-9]+$',
    example: '2022010123',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,32}$/, { message: 'studentNumber must be 1-32 letters or digits' })
  studentNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: '计算机科学与技术学院' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  college?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: '软件工程' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  major?: string | null;

  @ApiPropertyOptional({ enum: DEGREE_CODES, nullable: true })
  @IsOptional()
  @IsIn(DEGREE_CODES, { message: `degree must be one of ${DEGREE_CODES.join(', ')}` })
  degree?: Degree | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 2000, maximum: 2100, example: 2026 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  graduationYear?: number | null;
}
