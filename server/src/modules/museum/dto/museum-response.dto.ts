import { ApiProperty } from '@nestjs/swagger';
import {
  ADVISING_TOPICS,
  type AdvisingTopic,
  KEY_SECTORS,
  type KeySector,
  MUSEUM_REACTIONS,
  type MuseumReaction,
  PUBLICATION_STATUSES,
  type PublicationStatus,
  type RichTextNode,
  taxonomyCodes,
} from '@careerside/shared';
import { MediaResponseDto } from '../../media/dto/media-response.dto';
import { AlumnusInputDto } from './museum-admin.dto';

const RICH_TEXT_NODES = {
  type: 'array',
  description:
    'Mini-program rich-text nodes: { name, attrs, children } elements from a fixed allow-list, and { type: "text", text } text',
  items: { type: 'object', additionalProperties: true },
} as const;

export class HallResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) subtitle: string | null;
  @ApiProperty({ type: MediaResponseDto, nullable: true }) cover: MediaResponseDto | null;
  @ApiProperty() position: number;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status: PublicationStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ description: 'Published exhibits' }) exhibitCount: number;
  @ApiProperty() followerCount: number;
  @ApiProperty() following: boolean;
}

export class AdminHallResponseDto extends HallResponseDto {
  @ApiProperty() draftCount: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class HallListResponseDto {
  @ApiProperty({ type: [HallResponseDto] }) items: HallResponseDto[];
}

export class AdminHallListResponseDto {
  @ApiProperty({ type: [AdminHallResponseDto] }) items: AdminHallResponseDto[];
}

export class ExhibitCardResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) hallId: string;
  @ApiProperty() hallTitle: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: MediaResponseDto, nullable: true }) cover: MediaResponseDto | null;
  @ApiProperty({ enum: taxonomyCodes(KEY_SECTORS), nullable: true }) keySector: KeySector | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [String] }) alumniNames: string[];
  @ApiProperty() hasAudio: boolean;
  @ApiProperty() position: number;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status: PublicationStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty() viewCount: number;
  @ApiProperty() likeCount: number;
}

export class ExhibitListResponseDto {
  @ApiProperty({ type: [ExhibitCardResponseDto] }) items: ExhibitCardResponseDto[];
}

export class HallDetailResponseDto extends HallResponseDto {
  @ApiProperty({ type: [ExhibitCardResponseDto] }) exhibits: ExhibitCardResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class GalleryItemResponseDto {
  @ApiProperty({ type: MediaResponseDto }) media: MediaResponseDto;
  @ApiProperty({ type: String, nullable: true }) caption: string | null;
}

class AudioGuideResponseDto {
  @ApiProperty({ type: MediaResponseDto }) media: MediaResponseDto;
  @ApiProperty({ type: String, nullable: true }) transcript: string | null;
}

class ExhibitLinkResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class ExhibitResponseDto extends ExhibitCardResponseDto {
  @ApiProperty(RICH_TEXT_NODES) body: RichTextNode[];
  @ApiProperty({ type: [GalleryItemResponseDto] }) gallery: GalleryItemResponseDto[];
  @ApiProperty({ type: AudioGuideResponseDto, nullable: true }) audioGuide: AudioGuideResponseDto | null;
  @ApiProperty({ type: String, nullable: true }) videoUrl: string | null;
  @ApiProperty({ type: [AlumnusInputDto] }) alumni: AlumnusInputDto[];
  @ApiProperty({ enum: taxonomyCodes(ADVISING_TOPICS) }) advisingTopic: AdvisingTopic;
  @ApiProperty() favouriteCount: number;
  @ApiProperty() liked: boolean;
  @ApiProperty() favourited: boolean;
  @ApiProperty({ type: ExhibitLinkResponseDto, nullable: true }) previous: ExhibitLinkResponseDto | null;
  @ApiProperty({ type: ExhibitLinkResponseDto, nullable: true }) next: ExhibitLinkResponseDto | null;
}

export class AdminExhibitResponseDto extends ExhibitResponseDto {
  @ApiProperty({ description: 'The Markdown source' }) markdown: string;
  @ApiProperty({ type: String, nullable: true }) coverMediaId: string | null;
  @ApiProperty({ type: String, nullable: true }) audioMediaId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstPublishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PublishExhibitResponseDto extends AdminExhibitResponseDto {
  @ApiProperty({ description: 'Followers told by this call (only the first publication notifies)' })
  notifiedFollowers: number;
}

export class ReactionResponseDto {
  @ApiProperty({ enum: MUSEUM_REACTIONS }) reaction: MuseumReaction;
  @ApiProperty() active: boolean;
  @ApiProperty() count: number;
}

export class FollowResponseDto {
  @ApiProperty() following: boolean;
  @ApiProperty() followerCount: number;
}

export class ContinueTourResponseDto {
  @ApiProperty({ type: ExhibitCardResponseDto, nullable: true }) exhibit: ExhibitCardResponseDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) visitedAt: string | null;
}

class TagCountDto {
  @ApiProperty() tag: string;
  @ApiProperty() count: number;
}

export class TagListResponseDto {
  @ApiProperty({ type: [TagCountDto] }) items: TagCountDto[];
}

export class PreviewMarkdownResponseDto {
  @ApiProperty(RICH_TEXT_NODES) body: RichTextNode[];
}
