import {
  type CreateReflectionRequest,
  type ReflectionDto,
  type ReflectionPromptDto,
  type ReflectionRoomDetailResponse,
  type ReflectionRoomDto,
  ReflectionRoute,
  type UpdateReflectionRequest,
  routePath,
} from '@careerside/shared';
import { request } from '@/services/http/request';

export const reflectionApi = {
  rooms: () => request<{ items: ReflectionRoomDto[] }>({ path: ReflectionRoute.rooms }),
  room: (hallId: string) =>
    request<ReflectionRoomDetailResponse>({ path: routePath(ReflectionRoute.room, { id: hallId }) }),
  create: (body: CreateReflectionRequest) =>
    request<ReflectionDto>({ method: 'POST', path: ReflectionRoute.reflections, body }),
  update: (id: string, body: UpdateReflectionRequest) =>
    request<ReflectionDto>({ method: 'PATCH', path: routePath(ReflectionRoute.reflection, { id }), body }),
  remove: (id: string) =>
    request<void>({ method: 'DELETE', path: routePath(ReflectionRoute.reflection, { id }) }),
  prompts: (hallId: string) =>
    request<{ items: ReflectionPromptDto[] }>({
      path: routePath(ReflectionRoute.admin.prompts, { id: hallId }),
    }),
  createPrompt: (hallId: string, text: string) =>
    request<ReflectionPromptDto>({
      method: 'POST',
      path: routePath(ReflectionRoute.admin.prompts, { id: hallId }),
      body: { text },
    }),
  deletePrompt: (id: string) =>
    request<void>({ method: 'DELETE', path: routePath(ReflectionRoute.admin.prompt, { id }) }),
};
