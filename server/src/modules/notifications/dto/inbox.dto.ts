import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  type ListNotificationsQuery,
  type MarkAllNotificationsReadResponse,
  type MarkNotificationReadResponse,
  NOTIFICATION_KINDS,
  type NotificationDto,
  type NotificationKind,
  type NotificationListResponse,
  type UnreadCountResponse,
} from '@careerside/shared';

/** Query strings carry booleans as text; anything but true/false stays as it is for the validator to reject. */
export function queryBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export class ListNotificationsQueryDto implements ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only unread entries', type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationResponseDto implements NotificationDto {
  @ApiProperty({ example: '019abf5e-8a3c-7b21-9d4e-2f6a8c0e1b37' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'appointment_booked' })
  kind: NotificationKind;

  @ApiProperty({ example: '预约成功' })
  title: string;

  @ApiProperty({ example: '你已预约王老师 11 月 27 日 09:30 的简历修改咨询。' })
  body: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mini-program page to open on tap, without a leading slash',
    example: 'subpackages/notifications/pages/inbox/index',
  })
  page: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  payload: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the entry appeared in the inbox' })
  createdAt: string;
}

export class NotificationListResponseDto implements NotificationListResponse {
  @ApiProperty({ type: [NotificationResponseDto] })
  items: NotificationResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor: string | null;

  @ApiProperty({ example: 3 })
  unreadCount: number;
}

export class UnreadCountResponseDto implements UnreadCountResponse {
  @ApiProperty({ example: 3 })
  unreadCount: number;
}

export class MarkNotificationReadResponseDto implements MarkNotificationReadResponse {
  @ApiProperty({ type: NotificationResponseDto })
  notification: NotificationResponseDto;

  @ApiProperty({ example: 2 })
  unreadCount: number;
}

export class MarkAllNotificationsReadResponseDto implements MarkAllNotificationsReadResponse {
  @ApiProperty({ example: 3 })
  marked: number;

  @ApiProperty({ example: 0 })
  unreadCount: number;
}
