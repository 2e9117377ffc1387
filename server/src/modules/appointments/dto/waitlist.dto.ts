import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ADVISING_TOPICS,
  type AdvisingTopic,
  type JoinWaitlistRequest,
  type WaitlistEntryDto,
  type WaitlistListResponse,
  type WaitlistStatus,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';
import { SlotResponseDto } from '../../advisors/dto/availability.dto';

const TOPIC_CODES = taxonomyCodes(ADVISING_TOPICS);

export class JoinWaitlistDto implements JoinWaitlistRequest {
  @ApiProperty({ enum: TOPIC_CODES })
  @IsIn(TOPIC_CODES)
  topic: AdvisingTopic;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  note?: string;
}

class WaitlistAdvisorDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty() location: string;
}

export class WaitlistEntryResponseDto implements WaitlistEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['waiting', 'offered', 'accepted', 'expired', 'declined', 'left', 'closed'] })
  status: WaitlistStatus;
  @ApiProperty({ type: SlotResponseDto }) slot: SlotResponseDto;
  @ApiProperty({ type: WaitlistAdvisorDto }) advisor: WaitlistAdvisorDto;
  @ApiProperty({ enum: TOPIC_CODES }) topic: AdvisingTopic;
  @ApiProperty({ nullable: true, type: Number, description: '1 = next in line' }) position: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) holdExpiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) appointmentId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WaitlistListResponseDto implements WaitlistListResponse {
  @ApiProperty({ type: [WaitlistEntryResponseDto] }) items: WaitlistEntryResponseDto[];
}
