import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  type CreateReflectionPromptRequest,
  type CreateReflectionRequest,
  MUSEUM_LIMITS,
  type ReflectionDto,
  type UpdateReflectionRequest,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

export class CreateReflectionDto implements CreateReflectionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  promptId: string;

  @ApiProperty({ maxLength: MUSEUM_LIMITS.reflectionText })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.reflectionText)
  text: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((object: CreateReflectionDto) => object.exhibitId !== null)
  @IsUUID()
  exhibitId?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Private unless true' })
  @IsOptional()
  @IsBoolean()
  sharedWithCounselor?: boolean;
}

export class UpdateReflectionDto implements UpdateReflectionRequest {
  @ApiPropertyOptional({ maxLength: MUSEUM_LIMITS.reflectionText })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.reflectionText)
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  sharedWithCounselor?: boolean;
}

export class ReflectionPromptTextDto implements CreateReflectionPromptRequest {
  @ApiProperty({ maxLength: MUSEUM_LIMITS.reflectionPrompt })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.reflectionPrompt)
  text: string;
}

export class ReflectionPromptResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) hallId: string;
  @ApiProperty() text: string;
  @ApiProperty() position: number;
}

export class ReflectionPromptListResponseDto {
  @ApiProperty({ type: [ReflectionPromptResponseDto] }) items: ReflectionPromptResponseDto[];
}

export class ReflectionResponseDto implements ReflectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) promptId: string;
  @ApiProperty() promptText: string;
  @ApiProperty({ format: 'uuid' }) hallId: string;
  @ApiProperty() hallTitle: string;
  @ApiProperty({ type: String, nullable: true }) exhibitId: string | null;
  @ApiProperty() text: string;
  @ApiProperty() sharedWithCounselor: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sharedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReflectionListResponseDto {
  @ApiProperty({ type: [ReflectionResponseDto] }) items: ReflectionResponseDto[];
}

class ReflectionRoomResponseDto {
  @ApiProperty({ format: 'uuid' }) hallId: string;
  @ApiProperty() hallTitle: string;
  @ApiProperty({ type: String, nullable: true }) hallSubtitle: string | null;
  @ApiProperty({ type: String, nullable: true }) coverUrl: string | null;
  @ApiProperty() promptCount: number;
  @ApiProperty() answeredCount: number;
}

export class ReflectionRoomListResponseDto {
  @ApiProperty({ type: [ReflectionRoomResponseDto] }) items: ReflectionRoomResponseDto[];
}

class PromptWithReflectionsDto extends ReflectionPromptResponseDto {
  @ApiProperty({ type: [ReflectionResponseDto] }) reflections: ReflectionResponseDto[];
}

export class ReflectionRoomDetailResponseDto {
  @ApiProperty({ format: 'uuid' }) hallId: string;
  @ApiProperty() hallTitle: string;
  @ApiProperty({ type: [PromptWithReflectionsDto] }) prompts: PromptWithReflectionsDto[];
}

class SharedStudentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class SharedReflectionsResponseDto {
  @ApiProperty({ type: SharedStudentDto }) student: SharedStudentDto;
  @ApiProperty({ type: [ReflectionResponseDto] }) items: ReflectionResponseDto[];
}
