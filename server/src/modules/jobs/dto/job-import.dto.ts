import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ImportJobsRequest } from '@careerside/shared';

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
}
