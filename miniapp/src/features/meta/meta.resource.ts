import { metaApi } from '@/services/api/meta.api';
import { createResource, useResource } from '@/utils/resource';

/** GET /api/meta, loaded once per launch: taxonomies, the center's UTC offset and whether dev sign-in is on. */
export const metaResource = createResource(() => metaApi.get());

export function useMeta() {
  return useResource(metaResource);
}
