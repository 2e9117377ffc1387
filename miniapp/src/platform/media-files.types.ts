/** A file the user picked: a temp path on weapp, a blob URL on H5 (both work as an <Image> src). */
export interface PickedFile {
  path: string;
  name: string;
}

export interface SentFile {
  statusCode: number;
  /** The response body, parsed when it is JSON. */
  data: unknown;
}
