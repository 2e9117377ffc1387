import type { IsoDateTime } from './common.contract';

/** A guided question of the Career Reflection Room (生涯反思室), attached to a hall. */
export interface ReflectionPromptDto {
  id: string;
  hallId: string;
  text: string;
  position: number;
}

/** A student's answer. Private to them unless they share it with their counselor. */
export interface ReflectionDto {
  id: string;
  promptId: string;
  promptText: string;
  hallId: string;
  hallTitle: string;
  /** The exhibit the student was reading when they wrote it, if any. */
  exhibitId: string | null;
  text: string;
  sharedWithCounselor: boolean;
  sharedAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** `GET /api/reflection/rooms`: the halls that have prompts, with how far this student has got. */
export interface ReflectionRoomDto {
  hallId: string;
  hallTitle: string;
  hallSubtitle: string | null;
  coverUrl: string | null;
  promptCount: number;
  answeredCount: number;
}

/** `GET /api/reflection/halls/:id`: the room of one hall with this student's own answers. */
export interface ReflectionRoomDetailResponse {
  hallId: string;
  hallTitle: string;
  prompts: (ReflectionPromptDto & { reflections: ReflectionDto[] })[];
}

export interface CreateReflectionRequest {
  promptId: string;
  text: string;
  exhibitId?: string | null;
  /** Off unless the student turns it on. */
  sharedWithCounselor?: boolean;
}

export interface UpdateReflectionRequest {
  text?: string;
  sharedWithCounselor?: boolean;
}

/** `GET /api/counselor/students/:id/reflections`: only what that student chose to share. */
export interface SharedReflectionsResponse {
  student: { id: string; name: string | null };
  items: ReflectionDto[];
}

// Staff

export interface CreateReflectionPromptRequest {
  text: string;
}

export type UpdateReflectionPromptRequest = CreateReflectionPromptRequest;
