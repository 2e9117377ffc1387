/** Halls and exhibits are drafts until staff publish them; students never see a draft. */
export const PublicationStatus = {
  Draft: 'draft',
  Published: 'published',
} as const;
export type PublicationStatus = (typeof PublicationStatus)[keyof typeof PublicationStatus];
export const PUBLICATION_STATUSES: readonly PublicationStatus[] = Object.values(PublicationStatus);

/** What a student can leave on an exhibit; each is on or off per student, so setting it twice is harmless. */
export const MuseumReaction = {
  Like: 'like',
  Favourite: 'favourite',
} as const;
export type MuseumReaction = (typeof MuseumReaction)[keyof typeof MuseumReaction];
export const MUSEUM_REACTIONS: readonly MuseumReaction[] = Object.values(MuseumReaction);

export const MediaKind = {
  Image: 'image',
  Audio: 'audio',
} as const;
export type MediaKind = (typeof MediaKind)[keyof typeof MediaKind];
export const MEDIA_KINDS: readonly MediaKind[] = Object.values(MediaKind);

/** Content types an upload may really be (checked from its bytes, not from its name or header). */
export const MEDIA_TYPES: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  audio: ['audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/wav'],
};

/** Field limits shared by the server's validation and the staff editor's counters. */
export const MUSEUM_LIMITS = {
  hallTitle: 40,
  hallSubtitle: 120,
  exhibitTitle: 60,
  exhibitSummary: 200,
  exhibitBody: 16_000,
  transcript: 10_000,
  tags: 8,
  tagLength: 16,
  alumni: 6,
  alumnusName: 30,
  alumnusEmployer: 60,
  alumnusRole: 40,
  gallery: 12,
  caption: 80,
  videoUrl: 500,
  searchQuery: 40,
  pageSize: 50,
  reflectionPrompt: 200,
  reflectionText: 2000,
  promptsPerHall: 10,
} as const;

/**
 * The rich-text allow-list: the only tags and attributes exhibit bodies are made of. The server builds nodes
 * from nothing else, and the app drops anything outside it before rendering (defence in depth). Every tag here
 * is one the WeChat `rich-text` component renders, so weapp and H5 show the same thing.
 */
export const RICH_TEXT_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'hr',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'span',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;
export type RichTextTag = (typeof RICH_TEXT_TAGS)[number];

/** Per-tag attributes beyond `class` and `style` (which every tag may carry, set by the server only). */
export const RICH_TEXT_ATTRIBUTES: Readonly<Partial<Record<RichTextTag, readonly string[]>>> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  ol: ['start'],
  th: ['align'],
  td: ['align'],
};
