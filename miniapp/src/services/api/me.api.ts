import { ApiRoute, type UpdateProfileRequest, type UserDto } from '@careerside/shared';
import { request } from '@/services/http/request';

export const meApi = {
  get: () => request<UserDto>({ path: ApiRoute.me.root }),
  updateProfile: (body: UpdateProfileRequest) =>
    request<UserDto>({ method: 'PATCH', path: ApiRoute.me.profile, body }),
};
