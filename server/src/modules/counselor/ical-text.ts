// C0 controls other than TAB and LF, and DEL: RFC 5545 §3.3.11 allows none of them in TEXT.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// Line and paragraph separators: some calendar parsers treat them as line ends and split the content line.
const SEPARATORS = /[\u2028\u2029]/g;

/**
 * Text from people (student names, event titles, rooms) made safe for an iCalendar TEXT value: NUL and the
 * other control characters are removed, U+2028/U+2029 become the line break `ics` escapes as `\n`.
 */
export function icsText(value: string): string {
  return value.replace(CONTROLS, '').replace(SEPARATORS, '\n');
}
