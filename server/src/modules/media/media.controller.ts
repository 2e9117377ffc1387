import { Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MediaRoute, Role, type UploadMediaResponse } from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { UploadMediaResponseDto } from './dto/media-response.dto';
import { MediaService } from './media.service';
import { receiveUpload } from './media-upload';

@ApiTags('media')
@Controller()
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post(MediaRoute.upload)
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Upload an image (JPEG, PNG, WebP) or audio file (MP3, M4A, AAC, WAV)',
    description:
      'The type is read from the bytes, never from the name or Content-Type. Images are re-encoded without metadata and get WebP renditions (1600 px and a 480 px thumbnail). The same bytes uploaded twice answer the first record.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: UploadMediaResponseDto })
  @ApiErrors(
    [400, 'MEDIA_FILE_MISSING: no part named file'],
    401,
    403,
    [413, 'MEDIA_TOO_LARGE: over the limit for its kind'],
    [415, 'MEDIA_TYPE_NOT_ALLOWED: the bytes are not an accepted type; MEDIA_FILE_MISSING: not multipart'],
    [422, 'MEDIA_UNREADABLE: a damaged image'],
  )
  async upload(
    @CurrentUser() actor: UserEntity,
    @Req() request: FastifyRequest,
  ): Promise<UploadMediaResponse> {
    const file = await receiveUpload(request, this.media.maxUploadBytes);
    return this.media.upload(actor, file);
  }

  @Get(MediaRoute.file)
  @Public()
  @ApiOperation({
    summary: 'A stored media file, cached for a year (names are content-addressed)',
    description:
      'Answers single byte ranges (206) so audio players can seek, and 304 for a matching If-None-Match.',
  })
  @ApiOkResponse({
    description:
      'The file as image/jpeg, image/png, image/webp, audio/mpeg, audio/mp4, audio/aac or audio/wav',
  })
  @ApiErrors(404, [416, 'The byte range is outside the file'])
  async file(
    @Param('key') key: string,
    @Headers('range') range: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const answer = await this.media.open(key, range, ifNoneMatch);
    await reply
      .status(answer.status)
      .headers(answer.headers)
      .send(answer.body ?? undefined);
  }
}
