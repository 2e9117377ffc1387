// RFC 4180 CSV as spreadsheets save it: comma (or tab, for text pasted from a spreadsheet) separated,
// fields optionally in double quotes with "" for a quote, line breaks inside quotes, CRLF/LF/CR line
// ends, an optional UTF-8 byte order mark. Rows are numbered as a spreadsheet numbers them (the header
// is row 1, a blank line is still a row).

export interface CsvRow {
  /** 1-based, as in a spreadsheet. */
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Tab when the first line has tabs and no commas outside quotes; comma otherwise. */
export function detectDelimiter(text: string): ',' | '\t' {
  let inQuotes = false;
  let commas = 0;
  let tabs = 0;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && char === ',') commas += 1;
    else if (!inQuotes && char === '\t') tabs += 1;
  }
  return tabs > 0 && commas === 0 ? '\t' : ',';
}

/** Every non-blank row; throws CsvSyntaxError for a quote that never closes or text after a closing quote. */
export function parseCsv(input: string): CsvRow[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  // Whether the current field was quoted and has closed: only a delimiter or a line end may follow.
  let closedQuote = false;
  let fieldStarted = false;

  const endField = () => {
    cells.push(field);
    field = '';
    closedQuote = false;
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (cells.length > 1 || cells[0] !== '') rows.push({ row, cells });
    cells = [];
    row += 1;
  };

  while (i < text.length) {
    const char = text[i];
    if (char === '"' && !fieldStarted && !closedQuote) {
      const quoteStartRow = row;
      i += 1;
      for (;;) {
        if (i >= text.length) {
          throw new CsvSyntaxError(
            quoteStartRow,
            `A quoted field starting in row ${quoteStartRow} never closes`,
          );
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      closedQuote = true;
      fieldStarted = true;
      continue;
    }
    if (char === delimiter) {
      endField();
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRow();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (closedQuote) {
      // Spaces between a closing quote and the delimiter are forgiven; anything else is ambiguous.
      if (char === ' ' || char === '\t') {
        i += 1;
        continue;
      }
      throw new CsvSyntaxError(
        row,
        `Row ${row} has text after a closing quote; put the whole field in quotes`,
      );
    }
    field += char;
    fieldStarted = true;
    i += 1;
  }
  if (fieldStarted || cells.length > 0) endRow();
  return rows;
}
