import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type CreateAnnouncementRequest,
  type CreateAnnouncementResponse,
  DELIVERY_STATUSES,
  type DeliveryCounts,
  type DeliveryDto,
  type DeliveryListResponse,
  type DeliveryStatsQuery,
  type DeliveryStatsResponse,
  type DeliveryStatsRow,
  type DeliveryStatus,
  type ListDeliveriesQuery,
  NOTIFICATION_KINDS,
  type NotificationKind,
  ROLES,
  type RetryDeliveriesRequest,
  type RetryDeliveriesResponse,
  type Role,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';
import { IsDateTimeInRange } from '../../../common/time/calendar-date';

export class DeliveryStatsQueryDto implements DeliveryStatsQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 30 days ago' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsDateTimeInRange()
  since?: string;
}

const countsSchema: ApiPropertyOptions = {
  type: 'object',
  properties: Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, { type: 'integer' }])),
  description: 'Deliveries per status',
};

export class DeliveryStatsRowDto implements DeliveryStatsRow {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty()
  total: number;

  @ApiProperty(countsSchema)
  counts: DeliveryCounts;
}

export class DeliveryTotalsDto {
  @ApiProperty()
  total: number;

  @ApiProperty(countsSchema)
  counts: DeliveryCounts;
}

export class DeliveryStatsResponseDto implements DeliveryStatsResponse {
  @ApiProperty({ format: 'date-time' })
  since: string;

  @ApiProperty({ type: [DeliveryStatsRowDto] })
  items: DeliveryStatsRowDto[];

  @ApiProperty({ type: DeliveryTotalsDto })
  totals: DeliveryTotalsDto;
}

export class ListDeliveriesQueryDto implements ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class DeliveryResponseDto implements DeliveryDto {
  @ApiProperty()
  notificationId: string;

  @ApiProperty({ enum: ['wechat'] })
  channel: 'wechat';

  @ApiProperty()
  userId: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty()
  title: string;

  @ApiProperty()
  templateId: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class DeliveryListResponseDto implements DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponseDto] })
  items: DeliveryResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class RetryDeliveriesDto implements RetryDeliveriesRequest {
  @ApiPropertyOptional({ enum: ['dead', 'unconfirmed'], default: 'dead' })
  @IsOptional()
  @IsIn(['dead', 'unconfirmed'])
  status?: 'dead' | 'unconfirmed';

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;
}

export class RetryDeliveriesResponseDto implements RetryDeliveriesResponse {
  @ApiProperty()
  retried: number;
}

export class CreateAnnouncementDto implements CreateAnnouncementRequest {
  @ApiProperty({ maxLength: 100, example: '春季双选会报名开始' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  title: string;

  @ApiProperty({ maxLength: 1000, example: '3 月 15 日在体育馆举行，欢迎参加。' })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  body: string;

  @ApiPropertyOptional({ description: 'Mini-program page to open, no leading slash', maxLength: 512 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_\-/]+(\?[A-Za-z0-9_\-=&%.]*)?$/, { message: 'page must be a mini-program page path' })
  @MaxLength(512)
  page?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['student'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class CreateAnnouncementResponseDto implements CreateAnnouncementResponse {
  @ApiProperty({ description: 'Inbox entries written' })
  notified: number;
}
