import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Locale } from '@careerside/shared';

export class MetaQueryDto {
  @ApiPropertyOptional({
    description: 'Overrides Accept-Language; English for en or en-US, Simplified Chinese otherwise',
    example: Locale.EnUS,
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  lang?: string;
}
