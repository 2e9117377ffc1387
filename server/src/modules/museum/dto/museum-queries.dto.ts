import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  type HallExhibitsQuery,
  KEY_SECTORS,
  type KeySector,
  MUSEUM_LIMITS,
  type MuseumSearchQuery,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

function booleanQuery({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export class HallExhibitsQueryDto implements HallExhibitsQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MUSEUM_LIMITS.pageSize, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MUSEUM_LIMITS.pageSize)
  limit?: number;

  @ApiPropertyOptional({ description: 'Staff only: list draft exhibits too (ignored for students)' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  preview?: boolean;
}

export class MuseumSearchQueryDto implements MuseumSearchQuery {
  @ApiPropertyOptional({
    description: 'Matches exhibit titles and tags',
    maxLength: MUSEUM_LIMITS.searchQuery,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MUSEUM_LIMITS.searchQuery)
  q?: string;

  @ApiPropertyOptional({ description: 'Exactly this tag', maxLength: MUSEUM_LIMITS.tagLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MUSEUM_LIMITS.tagLength)
  tag?: string;

  @ApiPropertyOptional({ enum: taxonomyCodes(KEY_SECTORS) })
  @IsOptional()
  @IsIn(taxonomyCodes(KEY_SECTORS))
  keySector?: KeySector;

  @ApiPropertyOptional({ minimum: 1, maximum: MUSEUM_LIMITS.pageSize, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MUSEUM_LIMITS.pageSize)
  limit?: number;
}
