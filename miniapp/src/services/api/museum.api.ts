import {
  type AdminExhibitDto,
  type AdminHallDto,
  type ContinueTourResponse,
  type CreateExhibitRequest,
  type CreateHallRequest,
  type ExhibitCardDto,
  type ExhibitDto,
  type ExhibitListResponse,
  type FollowResponse,
  type HallDetailResponse,
  type HallListResponse,
  MediaRoute,
  type MuseumReaction,
  MuseumRoute,
  type MuseumSearchQuery,
  type PreviewMarkdownResponse,
  type PublishExhibitResponse,
  type ReactionResponse,
  type TagListResponse,
  type UpdateExhibitRequest,
  type UpdateHallRequest,
  type UploadMediaResponse,
  routePath,
} from '@careerside/shared';
import { request } from '@/services/http/request';
import { uploadFile } from '@/services/http/upload';
import type { PickedFile } from '@/platform/media-files.types';

const reactionRoute = (reaction: MuseumReaction) =>
  reaction === 'like' ? MuseumRoute.exhibitLike : MuseumRoute.exhibitFavourite;

export const museumApi = {
  halls: () => request<HallListResponse>({ path: MuseumRoute.halls }),
  hall: (id: string, query: { cursor?: string; limit?: number; preview?: boolean } = {}) =>
    request<HallDetailResponse>({ path: routePath(MuseumRoute.hall, { id }), query }),
  exhibit: (id: string) => request<ExhibitDto>({ path: routePath(MuseumRoute.exhibit, { id }) }),
  react: (id: string, reaction: MuseumReaction, active: boolean) =>
    request<ReactionResponse>({
      method: active ? 'PUT' : 'DELETE',
      path: routePath(reactionRoute(reaction), { id }),
    }),
  follow: (id: string, following: boolean) =>
    request<FollowResponse>({
      method: following ? 'PUT' : 'DELETE',
      path: routePath(MuseumRoute.hallFollow, { id }),
    }),
  search: (query: MuseumSearchQuery) =>
    request<ExhibitListResponse>({ path: MuseumRoute.search, query: { ...query } }),
  tags: () => request<TagListResponse>({ path: MuseumRoute.tags }),
  continueTour: () => request<ContinueTourResponse>({ path: MuseumRoute.continueTour }),
  favourites: () => request<ExhibitListResponse>({ path: MuseumRoute.myFavourites }),
};

export const museumAdminApi = {
  halls: () => request<{ items: AdminHallDto[] }>({ path: MuseumRoute.admin.halls }),
  hall: (id: string) => request<AdminHallDto>({ path: routePath(MuseumRoute.admin.hall, { id }) }),
  createHall: (body: CreateHallRequest) =>
    request<AdminHallDto>({ method: 'POST', path: MuseumRoute.admin.halls, body }),
  updateHall: (id: string, body: UpdateHallRequest) =>
    request<AdminHallDto>({ method: 'PATCH', path: routePath(MuseumRoute.admin.hall, { id }), body }),
  publishHall: (id: string, published: boolean) =>
    request<AdminHallDto>({
      method: 'POST',
      path: routePath(published ? MuseumRoute.admin.hallPublish : MuseumRoute.admin.hallUnpublish, { id }),
    }),
  reorderHalls: (ids: string[]) =>
    request<{ items: AdminHallDto[] }>({ method: 'PUT', path: MuseumRoute.admin.hallsOrder, body: { ids } }),
  hallExhibits: (id: string) =>
    request<{ items: ExhibitCardDto[] }>({ path: routePath(MuseumRoute.admin.hallExhibits, { id }) }),
  reorderExhibits: (hallId: string, ids: string[]) =>
    request<{ items: ExhibitCardDto[] }>({
      method: 'PUT',
      path: routePath(MuseumRoute.admin.hallExhibitsOrder, { id: hallId }),
      body: { ids },
    }),
  exhibit: (id: string) => request<AdminExhibitDto>({ path: routePath(MuseumRoute.admin.exhibit, { id }) }),
  createExhibit: (body: CreateExhibitRequest) =>
    request<AdminExhibitDto>({ method: 'POST', path: MuseumRoute.admin.exhibits, body }),
  updateExhibit: (id: string, body: UpdateExhibitRequest) =>
    request<AdminExhibitDto>({ method: 'PATCH', path: routePath(MuseumRoute.admin.exhibit, { id }), body }),
  publishExhibit: (id: string) =>
    request<PublishExhibitResponse>({
      method: 'POST',
      path: routePath(MuseumRoute.admin.exhibitPublish, { id }),
    }),
  unpublishExhibit: (id: string) =>
    request<AdminExhibitDto>({ method: 'POST', path: routePath(MuseumRoute.admin.exhibitUnpublish, { id }) }),
  preview: (markdown: string) =>
    request<PreviewMarkdownResponse>({ method: 'POST', path: MuseumRoute.admin.preview, body: { markdown } }),
  upload: (file: PickedFile) => uploadFile<UploadMediaResponse>(MediaRoute.upload, file),
};
