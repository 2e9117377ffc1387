/**
 * Ids `size` at a time in ascending order by keyset paging: `page(after, size)` answers the ids after `after`
 * (the first page after ''), and each page is read only after the one before it was handled, so a fan-out to a
 * whole province never holds its audience in memory at once.
 */
export async function* keysetPages(
  size: number,
  page: (after: string, size: number) => Promise<string[]>,
): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const ids = await page(after, size);
    if (ids.length === 0) return;
    yield ids;
    if (ids.length < size) return;
    after = ids[ids.length - 1];
  }
}
