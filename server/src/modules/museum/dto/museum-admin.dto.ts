import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ADVISING_TOPICS,
  type AdvisingTopic,
  type AlumnusDto,
  type CreateExhibitRequest,
  type CreateHallRequest,
  type GalleryItemInput,
  KEY_SECTORS,
  type KeySector,
  MUSEUM_LIMITS,
  type PreviewMarkdownRequest,
  type ReorderRequest,
  taxonomyCodes,
} from '@careerside/shared';
import { trim } from '../../../common/decorators/trim.transform';

const notNull = (field: string) => ValidateIf((object: Record<string, unknown>) => object[field] !== null);

function trimEach({ value }: { value: unknown }): unknown {
  return Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;
}

export class CreateHallDto implements CreateHallRequest {
  @ApiProperty({ maxLength: MUSEUM_LIMITS.hallTitle, example: '星辰大海厅' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.hallTitle)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MUSEUM_LIMITS.hallSubtitle })
  @IsOptional()
  @notNull('subtitle')
  @Transform(trim)
  @IsString()
  @MaxLength(MUSEUM_LIMITS.hallSubtitle)
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'An uploaded image' })
  @IsOptional()
  @notNull('coverMediaId')
  @IsUUID()
  coverMediaId?: string | null;
}

export class UpdateHallDto extends PartialType(CreateHallDto) {}

export class ReorderDto implements ReorderRequest {
  @ApiProperty({ type: [String], description: 'Every id, each once, in the new order' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  ids: string[];
}

export class AlumnusInputDto implements AlumnusDto {
  @ApiProperty({ maxLength: MUSEUM_LIMITS.alumnusName, example: '林远舟' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.alumnusName)
  name: string;

  @ApiProperty({ minimum: 1950, maximum: 2100, example: 2014 })
  @IsInt()
  @Min(1950)
  @Max(2100)
  classYear: number;

  @ApiProperty({ maxLength: MUSEUM_LIMITS.alumnusEmployer })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.alumnusEmployer)
  employer: string;

  @ApiProperty({ maxLength: MUSEUM_LIMITS.alumnusRole })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.alumnusRole)
  role: string;
}

export class GalleryItemInputDto implements GalleryItemInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mediaId: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MUSEUM_LIMITS.caption })
  @IsOptional()
  @notNull('caption')
  @Transform(trim)
  @IsString()
  @MaxLength(MUSEUM_LIMITS.caption)
  caption?: string | null;
}

export class CreateExhibitDto implements CreateExhibitRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  hallId: string;

  @ApiProperty({ maxLength: MUSEUM_LIMITS.exhibitTitle })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.exhibitTitle)
  title: string;

  @ApiProperty({ maxLength: MUSEUM_LIMITS.exhibitSummary })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.exhibitSummary)
  summary: string;

  @ApiProperty({ maxLength: MUSEUM_LIMITS.exhibitBody, description: 'Markdown; raw HTML is shown as text' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUSEUM_LIMITS.exhibitBody)
  body: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @notNull('coverMediaId')
  @IsUUID()
  coverMediaId?: string | null;

  @ApiPropertyOptional({ type: [GalleryItemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MUSEUM_LIMITS.gallery)
  @ValidateNested({ each: true })
  @Type(() => GalleryItemInputDto)
  gallery?: GalleryItemInputDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'An uploaded audio file',
  })
  @IsOptional()
  @notNull('audioMediaId')
  @IsUUID()
  audioMediaId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MUSEUM_LIMITS.transcript })
  @IsOptional()
  @notNull('transcript')
  @IsString()
  @MaxLength(MUSEUM_LIMITS.transcript)
  transcript?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MUSEUM_LIMITS.videoUrl,
    description: 'https only',
  })
  @IsOptional()
  @notNull('videoUrl')
  @Transform(trim)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true })
  @MaxLength(MUSEUM_LIMITS.videoUrl)
  videoUrl?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: MUSEUM_LIMITS.tags })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(MUSEUM_LIMITS.tags)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MUSEUM_LIMITS.tagLength, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: taxonomyCodes(KEY_SECTORS), nullable: true })
  @IsOptional()
  @notNull('keySector')
  @IsIn(taxonomyCodes(KEY_SECTORS))
  keySector?: KeySector | null;

  @ApiPropertyOptional({ enum: taxonomyCodes(ADVISING_TOPICS), nullable: true })
  @IsOptional()
  @notNull('advisingTopic')
  @IsIn(taxonomyCodes(ADVISING_TOPICS))
  advisingTopic?: AdvisingTopic | null;

  @ApiPropertyOptional({ type: [AlumnusInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MUSEUM_LIMITS.alumni)
  @ValidateNested({ each: true })
  @Type(() => AlumnusInputDto)
  alumni?: AlumnusInputDto[];
}

export class UpdateExhibitDto extends PartialType(CreateExhibitDto) {}

export class PreviewMarkdownDto implements PreviewMarkdownRequest {
  @ApiProperty({ maxLength: MUSEUM_LIMITS.exhibitBody })
  @IsString()
  @MaxLength(MUSEUM_LIMITS.exhibitBody)
  markdown: string;
}
