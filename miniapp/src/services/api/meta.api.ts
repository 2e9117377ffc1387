import { ApiRoute, type MetaResponse } from '@careerside/shared';
import { request } from '@/services/http/request';

export const metaApi = {
  get: () => request<MetaResponse>({ path: ApiRoute.meta }),
};
