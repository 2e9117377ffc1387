import { RequestValidationException } from '../../common/errors/common.exceptions';
import type { ExhibitCursor } from './museum.repository';

export function encodeExhibitCursor(cursor: ExhibitCursor): string {
  return Buffer.from(`${cursor.position}:${cursor.id}`, 'utf8').toString('base64url');
}

/** A cursor this server made, or a 400 naming the `cursor` field. */
export function decodeExhibitCursor(value: string | undefined): ExhibitCursor | null {
  if (value === undefined) return null;
  const match = /^(-?\d{1,9}):([A-Za-z0-9-]{1,36})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match)
    throw new RequestValidationException([
      { field: 'cursor', message: 'cursor is not a cursor this server gave out' },
    ]);
  return { position: Number(match[1]), id: match[2] };
}
