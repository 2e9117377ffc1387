import Taro from '@tarojs/taro';
import { DEFAULT_LOCALE, isErrorBody, type Locale } from '@careerside/shared';
import { env } from '@/config/env';
import { ApiError } from './api-error';

export { ApiError, isApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: Method;
  /** Route under the API base, e.g. `me/profile` (see ApiRoute in @careerside/shared). */
  path: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** What the app layer plugs in; the client itself shows nothing and navigates nowhere. */
export interface HttpHooks {
  getToken(): string | null;
  getLocale(): Locale;
  /** Called when a request that carried a token answers 401. */
  onUnauthorized(error: ApiError): void;
}

let hooks: HttpHooks = {
  getToken: () => null,
  getLocale: () => DEFAULT_LOCALE,
  onUnauthorized: () => undefined,
};

export function configureHttp(next: Partial<HttpHooks>): void {
  hooks = { ...hooks, ...next };
}

function buildUrl(path: string, query?: Query): string {
  const url = `${env.apiBase}/${path.replace(/^\/+/, '')}`;
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `${url}?${pairs.join('&')}` : url;
}

function networkCause(reason: unknown): string {
  if (reason && typeof reason === 'object' && 'errMsg' in reason) return String(reason.errMsg);
  return reason instanceof Error ? reason.message : String(reason);
}

/** The session headers and URL building of request(), for transports it does not cover (file uploads). */
export function sessionHeaders(): Record<string, string> {
  const token = hooks.getToken();
  const header: Record<string, string> = { Accept: 'application/json', 'Accept-Language': hooks.getLocale() };
  if (token) header.Authorization = `Bearer ${token}`;
  return header;
}

export function apiUrl(path: string): string {
  return buildUrl(path);
}

/** Lets an upload report a 401 the way request() does. */
export function reportUnauthorized(error: ApiError): void {
  if (hooks.getToken()) hooks.onUnauthorized(error);
}

export async function request<T>(options: RequestOptions): Promise<T> {
  const token = hooks.getToken();
  const header: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.getLocale(),
    ...options.headers,
  };
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) header['Content-Type'] = 'application/json';

  let response: Taro.request.SuccessCallbackResult<Record<string, unknown> | string>;
  try {
    response = await Taro.request<Record<string, unknown> | string>({
      url: buildUrl(options.path, options.query),
      method: options.method ?? 'GET',
      header,
      data: options.body as Record<string, unknown> | undefined,
      dataType: 'json',
      timeout: options.timeoutMs ?? 15_000,
    });
  } catch (reason) {
    throw ApiError.network(networkCause(reason));
  }

  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) return data as T;

  const error = ApiError.fromResponse(statusCode, isErrorBody(data) ? data : null);
  if (error.isUnauthorized && token) hooks.onUnauthorized(error);
  throw error;
}
