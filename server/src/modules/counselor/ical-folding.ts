const MAX_OCTETS = 75;

/**
 * RFC 5545 §3.1: content lines longer than 75 octets are folded with CRLF and one space. `ics` leaves long
 * lines whole, and Chinese text reaches 75 octets in 25 characters, so fold here, never inside a UTF-8
 * character.
 */
export function foldIcsLines(calendar: string): string {
  return calendar
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line) <= MAX_OCTETS) return line;
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char);
        // Continuation lines start with a space, which counts towards their 75 octets.
        const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
