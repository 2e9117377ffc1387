import { ApiProperty } from '@nestjs/swagger';
import { IsObject, ValidateBy, type ValidationOptions } from 'class-validator';
import {
  MAX_TEMPLATES_PER_SUBSCRIBE_REQUEST,
  NOTIFICATION_KINDS,
  type NotificationKind,
  SUBSCRIBE_RESULTS,
  SUBSCRIPTION_MODES,
  type SubscribeResult,
  type SubscriptionDto,
  type SubscriptionListResponse,
  type SubscriptionMode,
  type UpdateSubscriptionsRequest,
} from '@careerside/shared';

const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** 1-3 entries of template id -> accept | reject | ban | filter, as wx.requestSubscribeMessage answers. */
function IsSubscribeResults(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSubscribeResults',
      validator: {
        validate: (value: unknown) => {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length >= 1 &&
            entries.length <= MAX_TEMPLATES_PER_SUBSCRIBE_REQUEST &&
            entries.every(
              ([templateId, result]) =>
                TEMPLATE_ID.test(templateId) &&
                typeof result === 'string' &&
                (SUBSCRIBE_RESULTS as readonly string[]).includes(result),
            )
          );
        },
        defaultMessage: () =>
          `results must map 1 to ${MAX_TEMPLATES_PER_SUBSCRIBE_REQUEST} template ids to one of ${SUBSCRIBE_RESULTS.join(', ')}`,
      },
    },
    options,
  );
}

export class UpdateSubscriptionsDto implements UpdateSubscriptionsRequest {
  @ApiProperty({
    description: 'What wx.requestSubscribeMessage answered, by template id (leave out its errMsg)',
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SUBSCRIBE_RESULTS] },
    example: { 'DEMO-appointment-reminder': 'accept', 'DEMO-appointment-cancelled': 'reject' },
  })
  @IsObject()
  @IsSubscribeResults()
  results: Record<string, SubscribeResult>;
}

export class SubscriptionResponseDto implements SubscriptionDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ example: 'DEMO-appointment-reminder' })
  templateId: string;

  @ApiProperty({ enum: SUBSCRIPTION_MODES })
  mode: SubscriptionMode;

  @ApiProperty({
    description: "One-time: messages left from this user's accepts. Long-term: 1 while granted, 0 otherwise",
    example: 1,
  })
  remaining: number;

  @ApiProperty({ description: 'True when the next message of this kind can be pushed' })
  granted: boolean;

  @ApiProperty({ enum: SUBSCRIBE_RESULTS, nullable: true })
  lastResult: SubscribeResult | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}

export class SubscriptionListResponseDto implements SubscriptionListResponse {
  @ApiProperty({ type: [SubscriptionResponseDto] })
  items: SubscriptionResponseDto[];

  @ApiProperty({
    description: 'False when this server has no WeChat credentials: pushes are off, the inbox works',
  })
  wechatPushEnabled: boolean;
}
