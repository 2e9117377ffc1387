import { ApiProperty } from '@nestjs/swagger';
import type { AuthResponse } from '@careerside/shared';
import { UserResponseDto } from '../../users/dto/user-response.dto';

export class AuthResponseDto implements AuthResponse {
  @ApiProperty({ description: 'Send as Authorization: Bearer <token>' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;
}
