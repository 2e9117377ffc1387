import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  IMPORT_ERROR_MESSAGES,
  type ImportJobsResponse,
  type ImportRowError,
  JobSource,
  type Locale,
  fillTemplate,
} from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { runInTransaction } from '../../database/transactions';
import type { UserEntity } from '../users/user.entity';
import type { ImportJobsDto } from './dto/job-import.dto';
import { type CsvPosting, readJobCsv } from './import/job-csv';
import { JobLifecycleService } from './job-lifecycle.service';
import { JobsRepository } from './jobs.repository';

/**
 * CSV import of postings, all or nothing: every row is checked first and, when any row has a problem,
 * nothing is written and every problem is reported with its row and column. Rows identical to a posting an
 * earlier import created are skipped, so importing a file twice creates its postings once. A large file can
 * be written in parts (offset/limit), each its own transaction, so the app can show progress; the whole file
 * is checked on every call, so a part never starts on a file with problems.
 */
@Injectable()
export class JobImportService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly lifecycle: JobLifecycleService,
  ) {}

  async import(actor: UserEntity, request: ImportJobsDto, locale: Locale): Promise<ImportJobsResponse> {
    const now = new Date();
    const { totalRows, postings, problems } = readJobCsv(request.csv, {
      timeZone: this.config.center.timezone,
      now,
    });
    const errors: ImportRowError[] = problems.map((problem) => ({
      row: problem.row,
      column: problem.column,
      code: problem.code,
      message: fillTemplate(IMPORT_ERROR_MESSAGES[problem.code][locale], problem.params ?? {}),
    }));
    const offset = request.offset ?? 0;
    const report = {
      dryRun: request.dryRun === true,
      totalRows,
      validRows: postings.length,
      offset,
      nextOffset: null,
      created: 0,
      duplicates: 0,
      published: 0,
      errors,
      jobIds: [] as string[],
    };
    if (errors.length > 0) return report;
    if (report.dryRun) {
      const existing = await this.jobs.existingImportKeys(
        this.dataSource.manager,
        postings.map((p) => p.fingerprint),
      );
      return { ...report, duplicates: duplicatesOf(postings, existing).size };
    }
    // Two imports of one file at once: the loser hits the unique import key, and its second try skips the rows.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await runInTransaction(this.dataSource, async (manager) => {
          const existing = await this.jobs.existingImportKeys(
            manager,
            postings.map((p) => p.fingerprint),
          );
          const duplicates = duplicatesOf(postings, existing);
          const end = Math.min(postings.length, offset + (request.limit ?? postings.length));
          const jobIds: string[] = [];
          let published = 0;
          let skipped = 0;
          for (let index = offset; index < end; index += 1) {
            const { posting, fingerprint } = postings[index];
            if (duplicates.has(index)) {
              skipped += 1;
              continue;
            }
            const job = await this.lifecycle.createDraft(manager, posting, {
              source: JobSource.Import,
              createdBy: actor.id,
              importKey: fingerprint,
              now,
            });
            jobIds.push(job.id);
            if (request.publish && (await this.lifecycle.publish(manager, job.id, now))?.publishedNow)
              published += 1;
          }
          return {
            ...report,
            nextOffset: end < postings.length ? end : null,
            created: jobIds.length,
            duplicates: skipped,
            published,
            jobIds,
          };
        });
      } catch (error) {
        if (attempt >= 2 || !isUniqueViolation(error)) throw error;
      }
    }
  }
}

/** Indexes of rows already imported before, or repeating an earlier row of the same file. */
function duplicatesOf(postings: readonly CsvPosting[], existing: ReadonlySet<string>): Set<number> {
  const seen = new Set(existing);
  const duplicates = new Set<number>();
  postings.forEach(({ fingerprint }, index) => {
    if (seen.has(fingerprint)) duplicates.add(index);
    seen.add(fingerprint);
  });
  return duplicates;
}
