import type { ImportJobsResponse } from '@careerside/shared';

/** Rows one import request writes: small enough that the progress moves, large enough to stay quick. */
export const IMPORT_PART_ROWS = 100;

/** The report of a file imported in parts: the parts' counts added up, the file's own figures kept. */
export function addImportPart(sum: ImportJobsResponse | null, part: ImportJobsResponse): ImportJobsResponse {
  if (!sum) return part;
  return {
    ...part,
    offset: sum.offset,
    created: sum.created + part.created,
    duplicates: sum.duplicates + part.duplicates,
    published: sum.published + part.published,
    jobIds: [...sum.jobIds, ...part.jobIds],
  };
}

/** Rows written so far, for the progress line. */
export function importedRows(report: ImportJobsResponse): number {
  return report.nextOffset ?? report.validRows;
}
