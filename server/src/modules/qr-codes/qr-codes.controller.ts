import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiRoute, Role } from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { QrCodesService } from './qr-codes.service';

export class QrCodeQueryDto {
  @ApiPropertyOptional({
    minimum: 128,
    maximum: 2048,
    default: 512,
    description: 'Width and height in pixels',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(128)
  @Max(2048)
  size?: number;
}

// Only the success answer is a PNG; errors stay JSON ErrorBody.
const PNG = { content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } as const;
const png = (buffer: Buffer) => new StreamableFile(buffer, { type: 'image/png', length: buffer.length });

@ApiTags('qr-codes')
@Controller()
export class QrCodesController {
  constructor(private readonly codes: QrCodesService) {}

  @Get(ApiRoute.booking.advisorQrCode)
  @Public()
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({
    summary: "A QR code (PNG) of the advisor's booking page link under PUBLIC_URL",
    description:
      'Public: it goes on doors and posters. Scanning it in the app (扫一扫) also checks the student in.',
  })
  @ApiOkResponse(PNG)
  @ApiErrors(400, 404)
  async advisor(@Param('id') id: string, @Query() query: QrCodeQueryDto): Promise<StreamableFile> {
    return png(await this.codes.advisorQr(id, query.size ?? 512));
  }

  @Get(ApiRoute.booking.centerQrCode)
  @Public()
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({ summary: "A QR code (PNG) of the center's booking page (the advisor list)" })
  @ApiOkResponse(PNG)
  @ApiErrors(400)
  async center(@Query() query: QrCodeQueryDto): Promise<StreamableFile> {
    return png(await this.codes.centerQr(query.size ?? 512));
  }

  @Get(ApiRoute.booking.advisorMiniProgramCode)
  @Roles(Role.Admin, Role.Counselor)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The WeChat mini-program code (PNG) that opens the advisor page',
    description:
      'Made by getwxacodeunlimit with scene a=<shortCode>; the app reads the scene at launch. ' +
      "Staff, and the advisor's own counselor (another counselor: 403 NOT_OWN_ADVISOR); each call may spend " +
      "the center's WeChat quota.",
  })
  @ApiOkResponse(PNG)
  @ApiErrors(
    401,
    [403, 'FORBIDDEN (a student), NOT_OWN_ADVISOR (another advisor)'],
    404,
    [503, 'MINI_PROGRAM_CODE_UNAVAILABLE: WeChat not configured or refusing'],
  )
  async miniProgramCode(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<StreamableFile> {
    return png(await this.codes.advisorMiniProgramCode(user, id));
  }

  @Get(ApiRoute.booking.centerMiniProgramCode)
  @Roles(Role.Admin, Role.Counselor)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The center's WeChat mini-program code (PNG) that opens the booking tab",
    description: 'Made by getwxacodeunlimit with scene c=1 and page pages/booking/index.',
  })
  @ApiOkResponse(PNG)
  @ApiErrors(401, 403, [503, 'MINI_PROGRAM_CODE_UNAVAILABLE: WeChat not configured or refusing'])
  async centerMiniProgramCode(): Promise<StreamableFile> {
    return png(await this.codes.centerMiniProgramCode());
  }

  @Get(ApiRoute.booking.advisorPoster)
  @Roles(Role.Admin, Role.Counselor)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A printable A4 door poster (PNG): name, title, room, topics and the QR code',
    description: "Staff, and the advisor's own counselor (another counselor: 403 NOT_OWN_ADVISOR).",
  })
  @ApiOkResponse(PNG)
  @ApiErrors(401, [403, 'FORBIDDEN (a student), NOT_OWN_ADVISOR (another advisor)'], 404)
  async poster(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<StreamableFile> {
    return png(await this.codes.poster(user, id));
  }
}
