import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode, type ErrorBody } from '@careerside/shared';

/**
 * Errors Node's HTTP parser raises before there is a request (headers over 16 KiB, a malformed request line,
 * a client too slow to send its headers). Fastify's default answers them in its own shape; this answers the
 * shared ErrorBody. There are no request headers to read a language from, so the message is English.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body: ErrorBody =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? {
          statusCode: 431,
          code: ErrorCode.PayloadTooLarge,
          message: 'The request URL and headers are too large',
        }
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { statusCode: 408, code: ErrorCode.BadRequest, message: 'The request took too long to arrive' }
        : { statusCode: 400, code: ErrorCode.BadRequest, message: 'The HTTP request is malformed' };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
