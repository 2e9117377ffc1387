/**
 * Routes of the Pocket Employment Museum, its media and the Career Reflection Room, under the `/api` prefix.
 * Kept beside ApiRoute rather than inside it so features that land in parallel do not edit one object.
 */
export const MuseumRoute = {
  halls: 'museum/halls',
  hall: 'museum/halls/:id',
  hallFollow: 'museum/halls/:id/follow',
  exhibit: 'museum/exhibits/:id',
  exhibitLike: 'museum/exhibits/:id/like',
  exhibitFavourite: 'museum/exhibits/:id/favourite',
  search: 'museum/search',
  tags: 'museum/tags',
  continueTour: 'museum/continue',
  myFavourites: 'me/museum/favourites',
  admin: {
    halls: 'admin/museum/halls',
    hall: 'admin/museum/halls/:id',
    hallsOrder: 'admin/museum/halls-order',
    hallPublish: 'admin/museum/halls/:id/publish',
    hallUnpublish: 'admin/museum/halls/:id/unpublish',
    hallExhibits: 'admin/museum/halls/:id/exhibits',
    hallExhibitsOrder: 'admin/museum/halls/:id/exhibits-order',
    exhibits: 'admin/museum/exhibits',
    exhibit: 'admin/museum/exhibits/:id',
    exhibitPublish: 'admin/museum/exhibits/:id/publish',
    exhibitUnpublish: 'admin/museum/exhibits/:id/unpublish',
    preview: 'admin/museum/preview',
  },
} as const;

export const MediaRoute = {
  /** Public, cached for a year: `:key` is `<sha256>[-variant].<ext>`. */
  file: 'media/:key',
  upload: 'admin/media',
} as const;

export const ReflectionRoute = {
  rooms: 'reflection/rooms',
  room: 'reflection/halls/:id',
  reflections: 'reflections',
  reflection: 'reflections/:id',
  mine: 'me/reflections',
  sharedByStudent: 'counselor/students/:id/reflections',
  admin: {
    prompts: 'admin/museum/halls/:id/prompts',
    prompt: 'admin/reflection/prompts/:id',
  },
} as const;

/** Mini-program pages of the museum, as notifications and share cards name them (no leading slash). */
export const MuseumPage = {
  halls: 'pages/museum/index',
  hall: 'subpackages/museum/pages/hall/index',
  exhibit: 'subpackages/museum/pages/exhibit/index',
  search: 'subpackages/museum/pages/search/index',
  favourites: 'subpackages/museum/pages/favourites/index',
  reflectionRooms: 'subpackages/museum/pages/reflection/index',
  reflectionRoom: 'subpackages/museum/pages/reflection-room/index',
} as const;
