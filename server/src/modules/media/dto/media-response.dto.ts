import { ApiProperty } from '@nestjs/swagger';
import { MEDIA_KINDS, type MediaDto, type MediaKind, type UploadMediaResponse } from '@careerside/shared';

export class MediaResponseDto implements MediaDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MEDIA_KINDS })
  kind: MediaKind;

  @ApiProperty({ example: 'image/jpeg', description: 'The real type, sniffed from the bytes' })
  mime: string;

  @ApiProperty({ example: 183402 })
  bytes: number;

  @ApiProperty({
    example: '/api/media/3f2a…e9.jpg',
    description: 'Root-relative unless a CDN base is configured',
  })
  url: string;

  @ApiProperty({ type: String, nullable: true, description: 'Images: WebP no wider than 1600 px' })
  webpUrl: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Images: WebP thumbnail no wider than 480 px' })
  thumbUrl: string | null;

  @ApiProperty({ type: Number, nullable: true })
  width: number | null;

  @ApiProperty({ type: Number, nullable: true })
  height: number | null;

  @ApiProperty({ type: Number, nullable: true })
  durationMs: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class UploadMediaResponseDto extends MediaResponseDto implements UploadMediaResponse {
  @ApiProperty({ description: 'The same bytes were uploaded before; the earlier record is answered' })
  duplicate: boolean;
}
