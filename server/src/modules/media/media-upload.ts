import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  MediaFileMissingException,
  MediaTooLargeException,
  MultipartRequiredException,
} from './media.exception';

export interface ReceivedFile {
  data: Buffer;
  /** As the client named it; kept for staff, never trusted for the type. */
  filename: string | null;
}

function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Reads the one `file` part of a multipart upload into memory, stopping at `maxBytes`. */
export async function receiveUpload(request: FastifyRequest, maxBytes: number): Promise<ReceivedFile> {
  if (!request.isMultipart()) throw new MultipartRequiredException();
  try {
    const part = await request.file({
      limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    });
    if (!part || part.fieldname !== 'file') throw new MediaFileMissingException();
    const data = await part.toBuffer();
    if (data.length === 0) throw new MediaFileMissingException();
    return { data, filename: part.filename ? part.filename.slice(0, 200) : null };
  } catch (error) {
    if (errorCode(error) === 'FST_REQ_FILE_TOO_LARGE') throw new MediaTooLargeException(maxBytes);
    if (errorCode(error) === 'FST_FILES_LIMIT' || errorCode(error) === 'FST_PARTS_LIMIT') {
      throw new MediaFileMissingException();
    }
    throw error;
  }
}
