import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type ImportJobsRequest, JOB_LIMITS } from '@careerside/shared';

export class ImportJobsDto implements ImportJobsRequest {
  @ApiProperty({
    description: 'CSV text (a BOM is fine): a header row naming the columns, then one posting per row',
    example:
      '岗位名称,单位名称,行业,截止日期,投递链接,岗位描述\n结构设计师,某研究院,航空航天,2026-12-31,https://hr.example.cn,负责结构设计',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000_000)
  csv: string;

  @ApiPropertyOptional({ default: false, description: 'Check only; write nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Publish the imported postings at once (alerting students)',
  })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    description: 'Import in parts: the first data row (0-based) to write; the whole file is still checked',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(JOB_LIMITS.importRowsMax)
  offset?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: JOB_LIMITS.importRowsMax,
    description: 'Import in parts: at most this many rows from offset (default: all the rest)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(JOB_LIMITS.importRowsMax)
  limit?: number;
}
