import type { MuseumReaction, PublicationStatus, RichTextTag } from '../enums/museum.enum';
import type { AdvisingTopic, KeySector } from '../enums/taxonomy.enum';
import type { Collection, IsoDateTime } from './common.contract';
import type { MediaDto } from './media.contract';

/** A mini-program rich-text element node (`<rich-text nodes>` / Taro `<RichText nodes>`). */
export interface RichTextElement {
  type?: 'node';
  name: RichTextTag;
  attrs?: Record<string, string>;
  children?: RichTextNode[];
}

/** A text node: plain characters, never markup. */
export interface RichTextText {
  type: 'text';
  text: string;
}

export type RichTextNode = RichTextElement | RichTextText;

/** A graduate whose story an exhibit tells (fictional in the demo content). */
export interface AlumnusDto {
  name: string;
  /** The year they graduated, e.g. 2016. */
  classYear: number;
  employer: string;
  role: string;
}

export interface GalleryItemDto {
  media: MediaDto;
  caption: string | null;
}

export interface AudioGuideDto {
  media: MediaDto;
  transcript: string | null;
}

export interface HallDto {
  id: string;
  title: string;
  subtitle: string | null;
  cover: MediaDto | null;
  position: number;
  status: PublicationStatus;
  publishedAt: IsoDateTime | null;
  /** Published exhibits (staff listings count drafts too, see `draftCount`). */
  exhibitCount: number;
  followerCount: number;
  /** Whether the signed-in user follows this hall. */
  following: boolean;
}

/** An exhibit as a card in a hall, a search result or a list of favourites. */
export interface ExhibitCardDto {
  id: string;
  hallId: string;
  hallTitle: string;
  title: string;
  summary: string;
  cover: MediaDto | null;
  keySector: KeySector | null;
  tags: string[];
  /** Names of the featured graduates, for the card's byline. */
  alumniNames: string[];
  hasAudio: boolean;
  position: number;
  status: PublicationStatus;
  publishedAt: IsoDateTime | null;
  viewCount: number;
  likeCount: number;
}

/** `GET /api/museum/halls/:id?cursor=&limit=`: the hall with a page of its published exhibits, in order. */
export interface HallDetailResponse extends HallDto {
  exhibits: ExhibitCardDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface HallExhibitsQuery {
  cursor?: string;
  /** 1-50, default 20. */
  limit?: number;
}

export interface ExhibitLinkDto {
  id: string;
  title: string;
}

/** `GET /api/museum/exhibits/:id`: everything the exhibit page shows. */
export interface ExhibitDto extends ExhibitCardDto {
  /** The Markdown body as allow-listed rich-text nodes. */
  body: RichTextNode[];
  gallery: GalleryItemDto[];
  audioGuide: AudioGuideDto | null;
  /** An https link to a video elsewhere (opened outside the app). */
  videoUrl: string | null;
  alumni: AlumnusDto[];
  /** The advising topic "book an advisor on this topic" opens. */
  advisingTopic: AdvisingTopic;
  favouriteCount: number;
  liked: boolean;
  favourited: boolean;
  /** Neighbours in the hall, for "next exhibit" (published ones only for students). */
  previous: ExhibitLinkDto | null;
  next: ExhibitLinkDto | null;
}

/** `PUT|DELETE /api/museum/exhibits/:id/like|favourite`: the state after the call. */
export interface ReactionResponse {
  reaction: MuseumReaction;
  active: boolean;
  count: number;
}

/** `PUT|DELETE /api/museum/halls/:id/follow`. */
export interface FollowResponse {
  following: boolean;
  followerCount: number;
}

/** `GET /api/museum/continue`: the exhibit the student last looked at, to pick the tour up again. */
export interface ContinueTourResponse {
  exhibit: ExhibitCardDto | null;
  visitedAt: IsoDateTime | null;
}

/** `GET /api/museum/search?q=&tag=&keySector=`: published exhibits whose title or a tag matches. */
export interface MuseumSearchQuery {
  q?: string;
  tag?: string;
  keySector?: KeySector;
  limit?: number;
}

export type ExhibitListResponse = Collection<ExhibitCardDto>;
export type HallListResponse = Collection<HallDto>;

/** `GET /api/museum/tags`: tags of published exhibits, most used first. */
export interface TagListResponse {
  items: { tag: string; count: number }[];
}

// Staff

export interface CreateHallRequest {
  title: string;
  subtitle?: string | null;
  coverMediaId?: string | null;
}

export type UpdateHallRequest = Partial<CreateHallRequest>;

/** `PUT .../order`: every id of the list, in the new order. */
export interface ReorderRequest {
  ids: string[];
}

export interface GalleryItemInput {
  mediaId: string;
  caption?: string | null;
}

export interface CreateExhibitRequest {
  hallId: string;
  title: string;
  summary: string;
  /** Markdown; raw HTML in it is shown as text, never rendered. */
  body: string;
  coverMediaId?: string | null;
  gallery?: GalleryItemInput[];
  audioMediaId?: string | null;
  transcript?: string | null;
  videoUrl?: string | null;
  tags?: string[];
  keySector?: KeySector | null;
  /** Defaults from the key sector: grassroots service opens `grassroots`, any other sector `key_sectors`. */
  advisingTopic?: AdvisingTopic | null;
  alumni?: AlumnusDto[];
}

/** Any field of an exhibit, hall included (moving it to another hall puts it last there). */
export type UpdateExhibitRequest = Partial<CreateExhibitRequest>;

/** What the staff editor loads: the student view plus the Markdown source and edit metadata. */
export interface AdminExhibitDto extends ExhibitDto {
  markdown: string;
  coverMediaId: string | null;
  audioMediaId: string | null;
  firstPublishedAt: IsoDateTime | null;
  updatedAt: IsoDateTime;
}

export interface AdminHallDto extends HallDto {
  draftCount: number;
  updatedAt: IsoDateTime;
}

/** `POST /api/admin/museum/preview`: what a Markdown body will look like, before it is saved. */
export interface PreviewMarkdownRequest {
  markdown: string;
}

export interface PreviewMarkdownResponse {
  body: RichTextNode[];
}

/** `POST /api/admin/museum/exhibits/:id/publish`. */
export interface PublishExhibitResponse extends AdminExhibitDto {
  /** Followers told of this exhibit by this call (only the first publication notifies). */
  notifiedFollowers: number;
}
