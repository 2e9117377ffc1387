/**
 * A response body already serialized to JSON, typed by what it encodes. A handler that returns one (with a
 * JSON content type) skips serialization: hot, cached answers are serialized once and served as bytes.
 */
declare const encodes: unique symbol;
export type JsonText<T> = string & { readonly [encodes]: T };

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function toJsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}
