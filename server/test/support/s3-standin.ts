import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StoredObject {
  body: Buffer;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

export interface S3Request {
  method: string;
  path: string;
  authorization: string | undefined;
}

/**
 * A local stand-in for an S3-compatible object store with path-style addressing (`/bucket/key`): PutObject,
 * HeadObject, GetObject (with a byte Range) and DeleteObject, in memory. Requests without an AWS Signature
 * Version 4 header naming the expected access key are refused with 403, as S3 would.
 */
export class S3Standin {
  readonly objects = new Map<string, StoredObject>();
  readonly requests: S3Request[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  private constructor(
    readonly bucket: string,
    readonly accessKeyId: string,
  ) {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(bucket = 'careerside-media', accessKeyId = 'STANDINACCESSKEY'): Promise<S3Standin> {
    const standin = new S3Standin(bucket, accessKeyId);
    await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve));
    return standin;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization });

    const signed = request.headers.authorization?.startsWith(
      `AWS4-HMAC-SHA256 Credential=${this.accessKeyId}/`,
    );
    if (!signed) return this.error(response, 403, 'AccessDenied');
    const prefix = `/${this.bucket}/`;
    if (!path.startsWith(prefix)) return this.error(response, 404, 'NoSuchBucket');
    const key = path.slice(prefix.length);
    const object = this.objects.get(key);

    switch (request.method) {
      case 'PUT':
        this.objects.set(key, {
          body: Buffer.concat(chunks),
          contentType: request.headers['content-type'],
          cacheControl: request.headers['cache-control'],
        });
        response.writeHead(200, { etag: '"standin"' }).end();
        return;
      case 'HEAD':
        if (!object) return void response.writeHead(404).end();
        response
          .writeHead(200, { 'content-length': object.body.length, 'content-type': object.contentType ?? '' })
          .end();
        return;
      case 'GET': {
        if (!object) return this.error(response, 404, 'NoSuchKey');
        const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(Number(range[2]), object.body.length - 1);
          response
            .writeHead(206, {
              'content-length': end - start + 1,
              'content-range': `bytes ${start}-${end}/${object.body.length}`,
            })
            .end(object.body.subarray(start, end + 1));
          return;
        }
        response.writeHead(200, { 'content-length': object.body.length }).end(object.body);
        return;
      }
      case 'DELETE':
        this.objects.delete(key);
        response.writeHead(204).end();
        return;
      default:
        this.error(response, 405, 'MethodNotAllowed');
    }
  }

  private error(response: ServerResponse, status: number, code: string): void {
    response
      .writeHead(status, { 'content-type': 'application/xml' })
      .end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
      );
  }
}
