import { RequestValidationException } from '../../common/errors/common.exceptions';

/** An opaque page cursor: the sort time and id of the last item shown. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** Undefined without a cursor; a cursor this server did not make is 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const [iso, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || extra !== undefined || Number.isNaN(at.getTime()) || !/^[A-Za-z0-9-]{1,36}$/.test(id)) {
    throw new RequestValidationException([
      { field: 'cursor', constraint: 'matches', message: 'cursor must be the nextCursor of an earlier page' },
    ]);
  }
  return { at, id };
}

/** Asks for one row more than a page to learn whether another page follows. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
}
