import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A local stand-in for the public WeChat server API (api.weixin.qq.com), answering as its documentation says:
 * - GET  /sns/jscode2session          auth.code2Session (codes issued by the test, single use, five minutes)
 * - POST /cgi-bin/stable_token        getStableAccessToken
 * - GET  /cgi-bin/token               getAccessToken
 * - POST /cgi-bin/message/subscribe/send   subscribeMessage.send (recorded)
 * - POST /wxa/getwxacodeunlimit       getUnlimitedQRCode (a small PNG)
 * Point WECHAT_API_BASE at `standin.url`. Faults: `failNext` queues one-off faults per path; `addRule` keeps a
 * fault on every matching request; `setLatency` slows a path down; `refuse(openid)` answers 43101 to that user;
 * `expireAccessTokens` (42001) and `invalidateAccessTokens` (40001) age the tokens.
 */

export type WechatFault =
  /** HTTP 200 with this errcode, like WeChat reports every API failure. */
  | { kind: 'errcode'; errcode: number; errmsg?: string }
  /** A non-200 answer, as a gateway in front of WeChat may give. */
  | { kind: 'http'; status: number; body?: string }
  /** Wait, then answer normally; longer than the client's timeout to simulate a timeout. */
  | { kind: 'delay'; ms: number }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /**
   * Never answer, and never act on the request (a gateway that swallowed it): the client times out and a
   * subscribe message is not recorded as sent. A `delay` past the timeout is the other kind of timeout,
   * where WeChat did deliver the message but the answer was lost.
   */
  | { kind: 'hang' };

/** A standing fault for every matching request until removed (unlike failNext, which is used up). */
export interface FaultRule {
  path: string;
  fault: WechatFault;
  /** Only requests this accepts; every request to the path by default. */
  when?: (request: RecordedRequest) => boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, the raw text when it is not JSON, or undefined without a body. */
  body: unknown;
  at: Date;
}

export interface SentSubscribeMessage {
  touser: string;
  templateId: string;
  page: string | undefined;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  lang: string;
  at: Date;
}

export interface GeneratedQrCode {
  scene: string;
  page: string | undefined;
  width: number;
  at: Date;
}

interface IssuedCode {
  openid: string;
  unionid: string | undefined;
  issuedAt: number;
  used: boolean;
}

interface AccessToken {
  token: string;
  expiresAt: number;
  source: 'stable' | 'token';
}

interface Answer {
  status: number;
  contentType: string;
  body: string | Buffer;
}

type Handler = (request: RecordedRequest) => Answer;

const CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_SECONDS = 7200;
// Documented character set of a scene: letters, digits and !#$&'()*+,/:;=?@-._~
const SCENE = /^[A-Za-z0-9!#$&'()*+,/:;=?@._~-]{1,32}$/;

export interface WechatStandinOptions {
  appId?: string;
  secret?: string;
}

export class WechatStandin {
  readonly appId: string;
  readonly secret: string;

  private readonly codes = new Map<string, IssuedCode>();
  private readonly sessionKeys = new Map<string, string>();
  private readonly tokens = new Map<string, AccessToken>();
  private stableToken: AccessToken | null = null;
  private readonly faults = new Map<string, WechatFault[]>();
  private readonly rules: FaultRule[] = [];
  private readonly latency = new Map<string, number>();
  private readonly refused = new Set<string>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly recorded: RecordedRequest[] = [];
  private readonly messages: SentSubscribeMessage[] = [];
  private readonly qrCodes: GeneratedQrCode[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly routes: Record<string, Handler> = {
    'GET /sns/jscode2session': (request) => this.code2Session(request),
    'POST /cgi-bin/stable_token': (request) => this.getStableToken(request),
    'GET /cgi-bin/token': (request) => this.getToken(request),
    'POST /cgi-bin/message/subscribe/send': (request) => this.sendSubscribeMessage(request),
    'POST /wxa/getwxacodeunlimit': (request) => this.getUnlimitedQrCode(request),
  };

  private readonly server: Server;

  private constructor(options: WechatStandinOptions) {
    this.appId = options.appId ?? 'wx0123456789abcdef';
    this.secret = options.secret ?? 'standin-app-secret-0123456789abcdef';
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: WechatStandinOptions = {}): Promise<WechatStandin> {
    const standin = new WechatStandin(options);
    await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve));
    return standin;
  }

  /** The value for WECHAT_API_BASE. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What `wx.login` would hand the mini-program for this user. */
  issueCode(openid: string, options: { unionid?: string } = {}): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, unionid: options.unionid, issuedAt: Date.now(), used: false });
    return code;
  }

  /** The session key WeChat handed out for this openid (to check it never leaves the server). */
  sessionKeyOf(openid: string): string | undefined {
    return this.sessionKeys.get(openid);
  }

  /** The next `times` requests to `path` get this fault instead of a normal answer. */
  failNext(path: string, fault: WechatFault, times = 1): void {
    const queue = this.faults.get(path) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.faults.set(path, queue);
  }

  /** Applies a fault to every matching request until `removeRule` (or `reset`). */
  addRule(rule: FaultRule): FaultRule {
    this.rules.push(rule);
    return rule;
  }

  removeRule(rule: FaultRule): void {
    const index = this.rules.indexOf(rule);
    if (index >= 0) this.rules.splice(index, 1);
  }

  /**
   * Every request to this path is acted on at once (a subscribe message is recorded on arrival) but answered
   * `ms` later: a slow WeChat, which keeps messages in flight long enough to kill a worker among them.
   */
  setLatency(path: string, ms: number): void {
    if (ms > 0) this.latency.set(path, ms);
    else this.latency.delete(path);
  }

  /** This user has no subscription at WeChat: subscribe messages to them answer 43101. */
  refuse(openid: string): void {
    this.refused.add(openid);
  }

  /** Every access token issued so far now answers 42001 (expired). */
  expireAccessTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = Date.now() - 1;
  }

  /** Every access token issued so far is forgotten and answers 40001 (as after a force refresh elsewhere). */
  invalidateAccessTokens(): void {
    this.tokens.clear();
    this.stableToken = null;
  }

  requests(path?: string): RecordedRequest[] {
    return path ? this.recorded.filter((request) => request.path === path) : [...this.recorded];
  }

  sentMessages(): SentSubscribeMessage[] {
    return [...this.messages];
  }

  /** How many times each message arrived, by a key the test derives from it (a unique value in its data). */
  sentCounts(key: (message: SentSubscribeMessage) => string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.messages) counts.set(key(message), (counts.get(key(message)) ?? 0) + 1);
    return counts;
  }

  generatedQrCodes(): GeneratedQrCode[] {
    return [...this.qrCodes];
  }

  /** Forgets requests, messages and queued faults; issued codes and tokens stay valid. */
  reset(): void {
    this.recorded.length = 0;
    this.messages.length = 0;
    this.qrCodes.length = 0;
    this.faults.clear();
    this.rules.length = 0;
    this.latency.clear();
    this.refused.clear();
    this.releaseHanging();
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.releaseHanging();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://standin');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: parseBody(await readBody(request)),
      at: new Date(),
    };
    this.recorded.push(recorded);

    const fault =
      this.faults.get(recorded.path)?.shift() ??
      this.rules.find((rule) => rule.path === recorded.path && (rule.when?.(recorded) ?? true))?.fault;
    if (fault?.kind === 'hang') {
      this.hanging.add(response);
      response.on('close', () => this.hanging.delete(response));
      return;
    }
    if (fault?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'http') {
      send(response, {
        status: fault.status,
        contentType: 'text/html',
        body: fault.body ?? '<html>502 Bad Gateway</html>',
      });
      return;
    }
    if (fault?.kind === 'errcode') {
      send(
        response,
        errorAnswer(fault.errcode, fault.errmsg ?? DEFAULT_ERRMSG[fault.errcode] ?? 'system error'),
      );
      return;
    }

    const handler = this.routes[`${recorded.method} ${recorded.path}`];
    const answer = handler
      ? handler(recorded)
      : { status: 404, contentType: 'text/html', body: '<html>404</html>' };
    const wait = (fault?.kind === 'delay' ? fault.ms : 0) + (this.latency.get(recorded.path) ?? 0);
    if (wait > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!response.destroyed) send(response, answer);
      }, wait);
      this.timers.add(timer);
      return;
    }
    send(response, answer);
  }

  private releaseHanging(): void {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
  }

  private code2Session(request: RecordedRequest): Answer {
    const { appid, secret, js_code: code, grant_type: grantType } = request.query;
    if (grantType !== 'authorization_code') return errorAnswer(40002, 'invalid grant_type');
    if (appid !== this.appId) return errorAnswer(40013, 'invalid appid');
    if (secret !== this.secret) return errorAnswer(40125, 'invalid appsecret');
    if (!code) return errorAnswer(41008, 'missing code');
    const issued = this.codes.get(code);
    if (!issued || Date.now() - issued.issuedAt > CODE_TTL_MS) return errorAnswer(40029, 'invalid code');
    if (issued.used) return errorAnswer(40163, 'code been used');
    issued.used = true;
    const sessionKey = randomBytes(16).toString('base64');
    this.sessionKeys.set(issued.openid, sessionKey);
    // WeChat sends this JSON as text/plain.
    return {
      status: 200,
      contentType: 'text/plain',
      body: JSON.stringify({
        session_key: sessionKey,
        openid: issued.openid,
        ...(issued.unionid ? { unionid: issued.unionid } : {}),
      }),
    };
  }

  private getStableToken(request: RecordedRequest): Answer {
    const body = asObject(request.body);
    if (!body) return errorAnswer(47001, 'data format error');
    if (body.grant_type !== 'client_credential') return errorAnswer(40002, 'invalid grant_type');
    if (body.appid !== this.appId) return errorAnswer(40013, 'invalid appid');
    if (body.secret !== this.secret) return errorAnswer(40125, 'invalid appsecret');
    // Normal mode returns the token in force; force_refresh replaces it.
    if (body.force_refresh === true || !this.stableToken || this.stableToken.expiresAt <= Date.now()) {
      if (this.stableToken) this.tokens.delete(this.stableToken.token);
      this.stableToken = this.issueAccessToken('stable');
    }
    return tokenAnswer(this.stableToken);
  }

  private getToken(request: RecordedRequest): Answer {
    const { grant_type: grantType, appid, secret } = request.query;
    if (grantType !== 'client_credential') return errorAnswer(40002, 'invalid grant_type');
    if (appid !== this.appId) return errorAnswer(40013, 'invalid appid');
    if (secret !== this.secret) return errorAnswer(40125, 'invalid appsecret');
    return tokenAnswer(this.issueAccessToken('token'));
  }

  private sendSubscribeMessage(request: RecordedRequest): Answer {
    const tokenProblem = this.checkAccessToken(request);
    if (tokenProblem) return tokenProblem;
    const body = asObject(request.body);
    if (!body) return errorAnswer(47001, 'data format error');
    if (typeof body.touser !== 'string' || body.touser.length === 0)
      return errorAnswer(40003, 'invalid openid');
    if (typeof body.template_id !== 'string' || body.template_id.length === 0) {
      return errorAnswer(40037, 'invalid template_id');
    }
    const data = asObject(body.data);
    if (!data || Object.keys(data).length === 0) return errorAnswer(47003, 'argument invalid! data is empty');
    const values: Record<string, { value: string }> = {};
    for (const [key, entry] of Object.entries(data)) {
      const value = asObject(entry)?.value;
      if (typeof value !== 'string' || value.length === 0) {
        return errorAnswer(47003, `argument invalid! data.${key}.value is empty`);
      }
      const problem = valueProblem(key, value);
      if (problem) return errorAnswer(47003, `argument invalid! data.${key}.value ${problem}`);
      values[key] = { value };
    }
    const state = body.miniprogram_state ?? 'formal';
    if (state !== 'developer' && state !== 'trial' && state !== 'formal') {
      return errorAnswer(47003, 'argument invalid! miniprogram_state');
    }
    const page = body.page;
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) {
      return errorAnswer(41030, 'invalid page');
    }
    if (this.refused.has(body.touser)) return errorAnswer(43101, DEFAULT_ERRMSG[43101]);
    this.messages.push({
      touser: body.touser,
      templateId: body.template_id,
      page,
      data: values,
      miniprogramState: state,
      lang: typeof body.lang === 'string' ? body.lang : 'zh_CN',
      at: new Date(),
    });
    return {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ errcode: 0, errmsg: 'ok' }),
    };
  }

  private getUnlimitedQrCode(request: RecordedRequest): Answer {
    const tokenProblem = this.checkAccessToken(request);
    if (tokenProblem) return tokenProblem;
    const body = asObject(request.body);
    if (!body) return errorAnswer(47001, 'data format error');
    if (typeof body.scene !== 'string' || !SCENE.test(body.scene)) {
      return errorAnswer(40169, 'invalid length for scene, or the data is not json string');
    }
    const page = body.page;
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) {
      return errorAnswer(41030, 'invalid page');
    }
    const width = body.width === undefined ? 430 : body.width;
    if (typeof width !== 'number' || !Number.isInteger(width) || width < 280 || width > 1280) {
      return errorAnswer(40097, 'invalid args');
    }
    this.qrCodes.push({ scene: body.scene, page, width, at: new Date() });
    return { status: 200, contentType: 'image/png', body: tinyPng({ scene: body.scene, page: page ?? '' }) };
  }

  private issueAccessToken(source: AccessToken['source']): AccessToken {
    const token: AccessToken = {
      token: `${source}-${randomBytes(24).toString('base64url')}`,
      expiresAt: Date.now() + TOKEN_TTL_SECONDS * 1000,
      source,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  private checkAccessToken(request: RecordedRequest): Answer | null {
    const token = this.tokens.get(request.query.access_token ?? '');
    if (!token) return errorAnswer(40001, 'invalid credential, access_token is invalid or not latest');
    if (token.expiresAt <= Date.now()) return errorAnswer(42001, 'access_token expired');
    return null;
  }
}

const DEFAULT_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40029: 'invalid code',
  40163: 'code been used',
  40226: 'high risk user',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  43101: 'user refuse to accept the msg',
  40001: 'invalid credential, access_token is invalid or not latest',
  42001: 'access_token expired',
  45009: 'reach max api daily quota limit',
  47003: 'argument invalid! data.thing1.value exceeds limit',
};

// The documented limits of the keyword types the app uses, checked as WeChat does (47003 when broken).
const VALUE_RULES: Record<string, (value: string) => string | null> = {
  thing: (value) => ([...value].length > 20 ? 'exceeds 20 characters' : null),
  name: (value) => ([...value].length > (/^[\x20-\x7e]+$/.test(value) ? 20 : 10) ? 'is too long' : null),
  phrase: (value) => ([...value].length > 5 ? 'exceeds 5 characters' : null),
  character_string: (value) => (value.length > 32 || !/^[\x21-\x7e]+$/.test(value) ? 'is invalid' : null),
  number: (value) => (value.length > 32 || !/^-?[0-9.]+$/.test(value) ? 'is not a number' : null),
  time: (value) =>
    /^(\d{4}年\d{1,2}月\d{1,2}日 |\d{4}-\d{2}-\d{2} )?\d{1,2}:\d{2}(~.*)?$/.test(value)
      ? null
      : 'is not a time',
  date: (value) => (/^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/.test(value) ? null : 'is not a date'),
};

function valueProblem(keyword: string, value: string): string | null {
  const type = /^([a-z_]+?)\d+$/.exec(keyword)?.[1];
  return type && VALUE_RULES[type] ? VALUE_RULES[type](value) : null;
}

function errorAnswer(errcode: number, errmsg: string): Answer {
  const rid = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
  return {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ errcode, errmsg: `${errmsg} rid: ${rid}` }),
  };
}

function tokenAnswer(token: AccessToken): Answer {
  const expiresIn = Math.max(0, Math.round((token.expiresAt - Date.now()) / 1000));
  return {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ access_token: token.token, expires_in: expiresIn }),
  };
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': answer.contentType });
  response.end(answer.body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A valid 1x1 grey PNG carrying the scene and page in tEXt chunks, so tests can tell codes apart. */
export function tinyPng(text: Record<string, string>): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...Object.entries(text).map(([key, value]) => chunk('tEXt', Buffer.from(`${key}\0${value}`, 'latin1'))),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads the tEXt chunks back out of a PNG made by tinyPng (or any PNG). */
export function pngText(png: Buffer): Record<string, string> {
  const text: Record<string, string> = {};
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'tEXt') {
      const [key, value] = png.toString('latin1', offset + 8, offset + 8 + length).split('\0');
      if (key !== undefined) text[key] = value ?? '';
    }
    offset += 12 + length;
  }
  return text;
}
