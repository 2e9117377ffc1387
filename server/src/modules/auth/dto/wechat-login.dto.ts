import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { WechatLoginRequest } from '@careerside/shared';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({
    description: 'The code from wx.login: valid for five minutes, usable once',
    example: '0a3Xyz000abcDE1Fgh2ij3Kl4m0Xyz0g',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'code must be the code returned by wx.login' })
  code: string;
}
