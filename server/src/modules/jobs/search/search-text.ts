// Keyword search without a full-text index: postings keep a normalized copy of their searchable text and a
// keyword is normalized the same way, so a LIKE (or INSTR) finds it on SQLite and MySQL/MariaDB alike, whatever
// the collation. NFKC folds full-width letters and digits (ＩＣ, ２０２６) into their ASCII forms.

const MAX_TERMS = 5;

/** Lower-case NFKC with runs of whitespace collapsed to one space. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The words of a search box, normalized and de-duplicated; every one must appear (at most five count). */
export function searchTerms(keyword: string | undefined): string[] {
  if (!keyword) return [];
  const terms = normalizeSearchText(keyword).split(' ').filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** What a posting is found by: title, employer, majors and description. */
export function postingSearchText(posting: {
  title: string;
  employer: string;
  majors: readonly string[];
  description: string;
}): string {
  return normalizeSearchText(
    [posting.title, posting.employer, posting.majors.join(' '), posting.description].join(' '),
  );
}

/**
 * A LIKE pattern that matches `term` anywhere, with `!` as the escape character: `%`, `_` and `!` in the term
 * are literal. `ESCAPE '!'` means the same on MySQL and SQLite, where a backslash would not.
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
