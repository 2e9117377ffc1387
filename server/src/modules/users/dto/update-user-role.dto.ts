import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ROLES, type Role, type UpdateUserRoleRequest } from '@careerside/shared';

export class UpdateUserRoleDto implements UpdateUserRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'For counselors: the advisor profile; null unbinds',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,36}$/, { message: 'advisorId must be an advisor id' })
  advisorId?: string | null;
}
