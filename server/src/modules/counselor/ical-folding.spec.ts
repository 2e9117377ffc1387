import { describe, expect, it } from '@jest/globals';
import { foldIcsLines } from './ical-folding';

describe(foldIcsLines.name, () => {
  it('leaves short lines alone', () => {
    expect(foldIcsLines('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'重点领域求职工作坊：航空航天、集成电路与新能源方向'.repeat(3)}`;
    const folded = foldIcsLines(`${line}\r\nEND:VEVENT`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const part of lines) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(lines.slice(1, -1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\nEND:VEVENT`);
    expect(folded).not.toContain('\uFFFD');
  });
});
