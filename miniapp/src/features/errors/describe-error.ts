import type { Messages } from '@/i18n';
import { isApiError } from '@/services/http/request';

/** A sentence for the user: ours for network and server faults, the server's (already localised) otherwise. */
export function describeError(error: unknown, t: Messages): string {
  if (!isApiError(error)) return t.errors.generic;
  if (error.kind === 'network') return t.errors.network;
  if (error.status >= 500) return t.errors.server;
  return error.body?.message || t.errors.generic;
}
