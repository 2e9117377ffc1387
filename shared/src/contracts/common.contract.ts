/** A collection answer: `{ items }` plus paging fields where the list pages. */
export interface Collection<T> {
  items: T[];
  nextCursor?: string | null;
  total?: number;
}

/** ISO 8601 timestamp with an offset, e.g. `2026-11-26T09:00:00.000+08:00` or `...Z`. */
export type IsoDateTime = string;
/** A calendar date `YYYY-MM-DD` in the center's time zone. */
export type IsoDate = string;
