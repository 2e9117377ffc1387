import { describe, expect, it } from '@jest/globals';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv';

const cells = (text: string) => parseCsv(text).map((row) => row.cells);

describe(parseCsv.name, () => {
  it('reads plain rows and numbers them like a spreadsheet', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('strips a UTF-8 byte order mark from the first header', () => {
    expect(cells('\uFEFF岗位名称,单位名称\r\n航天工程师,某研究院')).toEqual([
      ['岗位名称', '单位名称'],
      ['航天工程师', '某研究院'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(cells('title,description\n"结构设计师，飞行器","负责""总体""设计\n要求：硕士"\n')).toEqual([
      ['title', 'description'],
      ['结构设计师，飞行器', '负责"总体"设计\n要求：硕士'],
    ]);
  });

  it('counts a row holding a line break as one spreadsheet row', () => {
    const rows = parseCsv('h1,h2\n"a\nb",c\nd,e');
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3]);
  });

  it('accepts CRLF, LF and bare CR line ends', () => {
    expect(cells('a,b\r\n1,2\r3,4\n5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const rows = parseCsv('a,b\n\n1,2\n\n\n');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['1', '2'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(cells('a,b,c\n1,,\n,"",x')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['', '', 'x'],
    ]);
  });

  it('treats a quote inside an unquoted field as a character', () => {
    expect(cells('size\n5" screen')).toEqual([['size'], ['5" screen']]);
  });

  it('forgives spaces after a closing quote', () => {
    expect(cells('"a" ,b')).toEqual([['a', 'b']]);
  });

  it('reports an unterminated quote with the row it starts in', () => {
    expect(() => parseCsv('a,b\n1,"never closed\n3,4')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n1,"never closed\n3,4');
    } catch (error) {
      expect((error as CsvSyntaxError).row).toBe(3);
    }
  });

  it('reports text after a closing quote', () => {
    expect(() => parseCsv('a\n"x"y')).toThrow(/Row 2 has text after a closing quote/);
  });

  it('reads tab-separated text pasted from a spreadsheet', () => {
    expect(detectDelimiter('岗位名称\t单位名称\n')).toBe('\t');
    expect(detectDelimiter('"a\tb",c')).toBe(',');
    expect(cells('a\tb\n"x, y"\tz')).toEqual([
      ['a', 'b'],
      ['x, y', 'z'],
    ]);
  });

  it('answers no rows for empty input', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF\n\n')).toEqual([]);
  });
});
