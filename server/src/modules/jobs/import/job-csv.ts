import { createHash } from 'node:crypto';
import {
  APPLY_METHODS,
  ApplyMethod,
  type CreateJobRequest,
  DEGREES,
  EMPLOYER_TYPES,
  INDUSTRIES,
  ImportErrorCode,
  JOB_CSV_COLUMNS,
  JOB_LIMITS,
  type JobCsvColumn,
  KEY_SECTORS,
  type TaxonomyEntry,
} from '@careerside/shared';
import { parseDeadline } from '../postings/deadline';
import { type Posting, inferApplyMethod, postingProblems, toPosting } from '../postings/posting';
import { CsvSyntaxError, parseCsv } from './csv';

export interface CsvProblem {
  row: number;
  column: string | null;
  code: ImportErrorCode;
  params?: Record<string, string | number>;
}

export interface CsvPosting {
  row: number;
  posting: Posting;
  /** Identifies the row's content: importing the same row twice creates one posting. */
  fingerprint: string;
}

export interface JobCsvResult {
  totalRows: number;
  postings: CsvPosting[];
  problems: CsvProblem[];
}

type ColumnKey = JobCsvColumn['key'];

const LIST_SEPARATOR = /[;；、|]/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const APPLY_METHOD_ALIASES: Record<string, ApplyMethod> = {
  网申: ApplyMethod.Link,
  链接: ApplyMethod.Link,
  网络申请: ApplyMethod.Link,
  在线投递: ApplyMethod.Link,
  online: ApplyMethod.Link,
  邮箱: ApplyMethod.Email,
  邮件: ApplyMethod.Email,
  电子邮件: ApplyMethod.Email,
  邮箱投递: ApplyMethod.Email,
  现场: ApplyMethod.OnSite,
  线下: ApplyMethod.OnSite,
  现场招聘: ApplyMethod.OnSite,
  现场投递: ApplyMethod.OnSite,
  'on site': ApplyMethod.OnSite,
  onsite: ApplyMethod.OnSite,
};
const ANY = new Set(['不限', '无', '无要求', 'any', 'none', '-']);

function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*_]/gu, '')
    .toLowerCase();
}

const COLUMN_BY_HEADER = new Map<string, JobCsvColumn>(
  JOB_CSV_COLUMNS.flatMap((column) => [
    [headerKey(column.key), column],
    [headerKey(column.zh), column],
    [headerKey(column.en), column],
  ]),
);

/** A taxonomy cell: the code, or its Chinese or English label, in any case. */
function lookup<T extends readonly TaxonomyEntry[]>(entries: T, value: string): T[number]['code'] | null {
  const key = headerKey(value);
  const entry = entries.find(
    (candidate) =>
      headerKey(candidate.code) === key ||
      headerKey(candidate.label['zh-CN']) === key ||
      headerKey(candidate.label['en-US']) === key,
  );
  return entry ? entry.code : null;
}

/** 8000, 8,000, 8k, 8千, 1.2万 -> yuan. */
function parseAmount(value: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(k|千|w|万)?$/iu.exec(value.replace(/[,，\s]/gu, ''));
  if (!match) return null;
  const unit = match[2]?.toLowerCase();
  const factor = unit === 'k' || unit === '千' ? 1000 : unit === 'w' || unit === '万' ? 10_000 : 1;
  const amount = Math.round(Number(match[1]) * factor);
  return Number.isSafeInteger(amount) ? amount : null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** Reads one data row into a request, collecting every cell problem. */
function readRow(
  cells: Map<ColumnKey, { header: string; value: string }>,
  report: (column: ColumnKey, code: ImportErrorCode, params?: Record<string, string | number>) => void,
): CreateJobRequest {
  const text = (key: ColumnKey, max: number, required = false): string | undefined => {
    const value = cells.get(key)?.value.trim() ?? '';
    if (!value) {
      if (required) report(key, ImportErrorCode.Required);
      return undefined;
    }
    if ([...value].length > max) report(key, ImportErrorCode.TooLong, { max });
    return value;
  };
  const option = <T extends readonly TaxonomyEntry[]>(key: ColumnKey, entries: T, required = false) => {
    const value = text(key, 100, required);
    if (value === undefined) return undefined;
    const code = lookup(entries, value);
    if (code === null) report(key, ImportErrorCode.InvalidOption, { value });
    return code ?? undefined;
  };
  const list = (key: ColumnKey, maxItems: number, maxLength: number): string[] => {
    const value = cells.get(key)?.value.trim() ?? '';
    if (!value || ANY.has(value.toLowerCase())) return [];
    const items = value
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter(Boolean);
    if (items.length > maxItems) report(key, ImportErrorCode.TooMany, { max: maxItems });
    const long = items.find((item) => [...item].length > maxLength);
    if (long) report(key, ImportErrorCode.TooLong, { max: maxLength });
    return items;
  };
  const amount = (key: ColumnKey, max: number): number | null => {
    const value = cells.get(key)?.value.trim() ?? '';
    if (!value || ANY.has(value.toLowerCase()) || value === '若干' || value === '面议') return null;
    const parsed = parseAmount(value);
    if (parsed === null || parsed < 0 || parsed > max) {
      report(key, ImportErrorCode.InvalidNumber, { value });
      return null;
    }
    return parsed;
  };

  const keySectors = list('keySectors', KEY_SECTORS.length, 100).flatMap((value) => {
    const code = lookup(KEY_SECTORS, value);
    if (code === null) report('keySectors', ImportErrorCode.InvalidOption, { value });
    return code === null ? [] : [code];
  });
  const degreeText = cells
    .get('degree')
    ?.value.trim()
    .replace(/(及以上|以上|或以上|and above|or above)$/iu, '');
  const degree = degreeText && !ANY.has(degreeText.toLowerCase()) ? lookup(DEGREES, degreeText) : null;
  if (degreeText && !ANY.has(degreeText.toLowerCase()) && degree === null) {
    report('degree', ImportErrorCode.InvalidOption, { value: cells.get('degree')?.value.trim() ?? '' });
  }
  const methodText = text('applyMethod', 20);
  let applyMethod: ApplyMethod | undefined;
  if (methodText !== undefined) {
    const key = methodText.toLowerCase();
    applyMethod = APPLY_METHODS.find((method) => method === key) ?? APPLY_METHOD_ALIASES[key];
    if (!applyMethod) report('applyMethod', ImportErrorCode.InvalidOption, { value: methodText });
  }
  const applyUrl = text('applyUrl', JOB_LIMITS.applyUrlMax);
  if (applyUrl !== undefined && !isHttpUrl(applyUrl)) report('applyUrl', ImportErrorCode.InvalidUrl);
  const applyEmail = text('applyEmail', JOB_LIMITS.applyEmailMax);
  if (applyEmail !== undefined && !EMAIL.test(applyEmail)) report('applyEmail', ImportErrorCode.InvalidEmail);
  const headcount = amount('headcount', JOB_LIMITS.headcountMax);
  if (headcount !== null && (!Number.isInteger(headcount) || headcount < 1)) {
    report('headcount', ImportErrorCode.InvalidNumber, { value: cells.get('headcount')?.value.trim() ?? '' });
  }

  return {
    title: text('title', JOB_LIMITS.titleMax, true) ?? '',
    employer: text('employer', JOB_LIMITS.employerMax, true) ?? '',
    employerType: option('employerType', EMPLOYER_TYPES),
    industry: option('industry', INDUSTRIES, true) ?? 'other',
    keySectors,
    locations: list('locations', JOB_LIMITS.locationsMax, JOB_LIMITS.locationMax),
    degree,
    majors: list('majors', JOB_LIMITS.majorsMax, JOB_LIMITS.majorMax),
    salaryMin: amount('salaryMin', JOB_LIMITS.salaryMax),
    salaryMax: amount('salaryMax', JOB_LIMITS.salaryMax),
    headcount,
    deadline: text('deadline', 40, true) ?? '',
    applyMethod,
    applyUrl: applyUrl ?? null,
    applyEmail: applyEmail ?? null,
    applyAddress: text('applyAddress', JOB_LIMITS.applyAddressMax) ?? null,
    description: text('description', JOB_LIMITS.descriptionMax, true) ?? '',
  };
}

/** A row's problems in the order of the file's columns, as a person reads the row. */
function sortByColumn(problems: CsvProblem[], from: number, headers: string[]): void {
  const position = (problem: CsvProblem) => {
    const index = problem.column === null ? -1 : headers.findIndex((cell) => cell.trim() === problem.column);
    return index === -1 && problem.column !== null ? headers.length : index;
  };
  const sorted = problems.slice(from).sort((a, b) => position(a) - position(b));
  problems.splice(from, sorted.length, ...sorted);
}

export function postingFingerprint(posting: Posting): string {
  const { locationKeys: _keys, ...content } = posting;
  return createHash('sha256')
    .update(JSON.stringify({ ...content, deadline: posting.deadline.toISOString() }))
    .digest('hex');
}

/**
 * Reads a CSV of postings: the header names the columns (key, Chinese or English name, any order), each
 * further row is one posting. Every problem is reported with its spreadsheet row and the column's header.
 */
export function readJobCsv(text: string, options: { timeZone: string; now: Date }): JobCsvResult {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return {
        totalRows: 0,
        postings: [],
        problems: [{ row: error.row, column: null, code: ImportErrorCode.Malformed }],
      };
    }
    throw error;
  }
  const [header, ...data] = rows;
  if (!header || data.length === 0) {
    return {
      totalRows: 0,
      postings: [],
      problems: [{ row: header?.row ?? 1, column: null, code: ImportErrorCode.Empty }],
    };
  }

  const problems: CsvProblem[] = [];
  const columns: (JobCsvColumn | null)[] = header.cells.map((cell) => {
    const name = cell.trim();
    if (!name) return null;
    const column = COLUMN_BY_HEADER.get(headerKey(name)) ?? null;
    if (!column)
      problems.push({
        row: header.row,
        column: name,
        code: ImportErrorCode.UnknownColumn,
        params: { column: name },
      });
    return column;
  });
  const seen = new Set<ColumnKey>();
  columns.forEach((column, index) => {
    if (!column) return;
    if (seen.has(column.key)) {
      const name = header.cells[index].trim();
      problems.push({
        row: header.row,
        column: name,
        code: ImportErrorCode.DuplicateColumn,
        params: { column: name },
      });
    }
    seen.add(column.key);
  });
  for (const column of JOB_CSV_COLUMNS) {
    if (column.required && !seen.has(column.key)) {
      problems.push({
        row: header.row,
        column: column.zh,
        code: ImportErrorCode.MissingColumn,
        params: { column: column.zh },
      });
    }
  }
  if (data.length > JOB_LIMITS.importRowsMax) {
    problems.push({
      row: data[JOB_LIMITS.importRowsMax].row,
      column: null,
      code: ImportErrorCode.TooManyRows,
      params: { max: JOB_LIMITS.importRowsMax },
    });
  }
  if (problems.length > 0) return { totalRows: data.length, postings: [], problems };

  const postings: CsvPosting[] = [];
  for (const { row, cells: values } of data) {
    const cells = new Map<ColumnKey, { header: string; value: string }>();
    columns.forEach((column, index) => {
      if (column) cells.set(column.key, { header: header.cells[index].trim(), value: values[index] ?? '' });
    });
    const headerOf = (key: ColumnKey) =>
      cells.get(key)?.header ?? JOB_CSV_COLUMNS.find((column) => column.key === key)?.zh ?? key;
    const before = problems.length;
    const report = (key: ColumnKey, code: ImportErrorCode, params?: Record<string, string | number>) => {
      // One problem per cell is enough to fix it.
      const column = headerOf(key);
      if (!problems.slice(before).some((problem) => problem.column === column)) {
        problems.push({ row, column, code, ...(params ? { params } : {}) });
      }
    };
    if (
      values.length > header.cells.length &&
      values.slice(header.cells.length).some((value) => value.trim())
    ) {
      problems.push({ row, column: null, code: ImportErrorCode.Malformed });
    }
    const request = readRow(cells, report);
    const deadline = request.deadline ? parseDeadline(request.deadline, options.timeZone) : null;
    if (request.deadline && !deadline)
      report('deadline', ImportErrorCode.InvalidDate, { value: request.deadline });
    if (problems.length > before || !deadline) {
      sortByColumn(problems, before, header.cells);
      continue;
    }

    const posting = toPosting(request, deadline);
    for (const problem of postingProblems(posting, {
      now: options.now,
      deadlineChanged: true,
      applyMethodGiven: inferApplyMethod(request) !== null,
    })) {
      report(problem.field, problem.code);
    }
    sortByColumn(problems, before, header.cells);
    if (problems.length === before) postings.push({ row, posting, fingerprint: postingFingerprint(posting) });
  }
  return { totalRows: data.length, postings, problems };
}
