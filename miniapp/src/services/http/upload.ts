import { isErrorBody } from '@careerside/shared';
import { sendFile } from '@/platform/media-files';
import type { PickedFile } from '@/platform/media-files.types';
import { ApiError } from './api-error';
import { apiUrl, reportUnauthorized, sessionHeaders } from './request';

/**
 * Uploads a picked file as the multipart part `file` and answers the parsed JSON body. Like request(), it
 * shows nothing and navigates nowhere; failures are ApiErrors.
 */
export async function uploadFile<T>(path: string, file: PickedFile, timeoutMs = 120_000): Promise<T> {
  let response: Awaited<ReturnType<typeof sendFile>>;
  try {
    response = await sendFile(apiUrl(path), sessionHeaders(), file, timeoutMs);
  } catch (reason) {
    const message =
      reason && typeof reason === 'object' && 'errMsg' in reason ? String(reason.errMsg) : String(reason);
    throw ApiError.network(message);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  const error = ApiError.fromResponse(response.statusCode, isErrorBody(response.data) ? response.data : null);
  if (error.isUnauthorized) reportUnauthorized(error);
  throw error;
}
