import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { type DevLoginRequest, ROLES, type Role } from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ description: 'Any stable id; the same openid is the same user', example: 'demo-student' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'openid must be 1-64 letters, digits, _ or -' })
  openid: string;

  @ApiProperty({ enum: ROLES, example: 'student' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ maxLength: 50, example: '李同学' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({ description: 'Binds a counselor to an advisor profile', maxLength: 36 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,36}$/, { message: 'advisorId must be an advisor id' })
  advisorId?: string;
}
