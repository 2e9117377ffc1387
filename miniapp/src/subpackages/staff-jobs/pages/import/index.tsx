import { Switch, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { type ImportJobsResponse, JOB_CSV_COLUMNS } from '@careerside/shared';
import { format, useI18n } from '@/i18n';
import { usePageTitle } from '@/features/navigation/use-page-title';
import { useRequireSignIn } from '@/features/auth/use-require-sign-in';
import { describeError } from '@/features/errors/describe-error';
import { IMPORT_PART_ROWS, addImportPart, importedRows } from '@/features/jobs/import-parts';
import { chooseTextFile } from '@/platform/text-file';
import { staffJobsApi } from '@/services/api/jobs.api';
import { Button } from '@/components/nutui';
import '../staff-jobs.scss';

const SAMPLE = [
  '岗位名称,单位名称,单位性质,行业,重点领域,工作地点,学历要求,月薪下限,月薪上限,截止日期,投递方式,投递链接,岗位描述',
  '结构设计工程师,长缨航天动力研究院,科研院所,航空航天,航空航天,西安,硕士及以上,12000,20000,2026-12-31,网申,https://hr.example.cn,"负责结构设计，参与型号研制"',
].join('\n');

function Report({ report }: { report: ImportJobsResponse }) {
  const { t } = useI18n();
  const s = t.staffJobs;
  const failed = report.errors.length > 0;
  return (
    <View className="staff-jobs__card staff-jobs__report">
      <Text className="staff-jobs__section">{s.reportTitle}</Text>
      <View className="staff-jobs__summary">
        <Text>{format(s.reportTotal, { count: report.totalRows })}</Text>
        <Text>{format(s.reportValid, { count: report.validRows })}</Text>
        {report.duplicates ? <Text>{format(s.reportDuplicates, { count: report.duplicates })}</Text> : null}
        {failed ? (
          <Text className="staff-jobs__summary-bad">
            {format(s.reportErrors, { count: report.errors.length })}
          </Text>
        ) : report.dryRun ? (
          <Text className="staff-jobs__summary-ok">{s.reportDryRun}</Text>
        ) : (
          <Text className="staff-jobs__summary-ok">
            {format(s.reportCreated, { count: report.created })}
            {report.published ? ` · ${format(s.reportPublished, { count: report.published })}` : ''}
          </Text>
        )}
      </View>
      {report.errors.map((error, index) => (
        <View className="staff-jobs__error-row" key={index} data-row={error.row}>
          <Text className="staff-jobs__error-where">
            {format(s.rowLabel, { row: error.row })}
            {error.column ? ` · ${error.column}` : ''}
          </Text>
          <Text className="staff-jobs__error-message">{error.message}</Text>
        </View>
      ))}
    </View>
  );
}

/** Staff: postings from a CSV export, checked first; all or nothing, every problem named by row and column. */
export default function StaffJobImportPage() {
  usePageTitle((t) => t.staffJobs.importTitle);
  useRequireSignIn();
  const { t } = useI18n();
  const s = t.staffJobs;
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [publish, setPublish] = useState(false);
  const [running, setRunning] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportJobsResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // The file goes in parts of IMPORT_PART_ROWS rows, so the page can say how far it got. The server checks
  // the whole file with every part: a file with problems writes nothing, and the first answer lists them.
  const importInParts = async () => {
    let sum: ImportJobsResponse | null = null;
    try {
      for (let offset: number | null = 0; offset !== null;) {
        const part: ImportJobsResponse = await staffJobsApi.import({
          csv,
          publish,
          offset,
          limit: IMPORT_PART_ROWS,
        });
        sum = addImportPart(sum, part);
        setProgress({ done: importedRows(sum), total: part.validRows });
        offset = part.errors.length > 0 ? null : part.nextOffset;
      }
      setReport(sum);
    } catch (error) {
      setReport(sum);
      // Parts already written stay; importing the file again skips their rows.
      setProblem(
        sum
          ? `${describeError(error, t)} ${format(s.partlyImported, { rows: importedRows(sum) })}`
          : describeError(error, t),
      );
    }
  };

  const run = async (dryRun: boolean) => {
    if (!csv.trim()) {
      setProblem(s.emptyCsv);
      return;
    }
    setProblem(null);
    setReport(null);
    setProgress(null);
    setRunning(Math.max(0, csv.trim().split(/\r\n|\r|\n/).length - 1));
    try {
      if (dryRun) setReport(await staffJobsApi.import({ csv, dryRun: true }));
      else await importInParts();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setRunning(null);
    }
  };

  const pickFile = async () => {
    try {
      const file = await chooseTextFile();
      if (!file) return;
      setCsv(file.text);
      setFileName(file.name);
      setReport(null);
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };

  return (
    <View className="page staff-jobs">
      <View className="staff-jobs__card">
        <Text className="staff-jobs__hint">{s.importLead}</Text>
        <Text className="staff-jobs__section">{s.importColumns}</Text>
        <View className="staff-jobs__columns">
          {JOB_CSV_COLUMNS.map((column) => (
            <Text
              key={column.key}
              className={`staff-jobs__column ${column.required ? 'staff-jobs__column--required' : ''}`}
            >
              {`${column.zh}${column.required ? '*' : ''}`}
            </Text>
          ))}
        </View>
        <Text className="staff-jobs__section">{s.importSample}</Text>
        <Text className="staff-jobs__sample" userSelect>
          {SAMPLE}
        </Text>
      </View>

      <View className="staff-jobs__card">
        <Button size="small" onClick={() => void pickFile()}>
          {s.chooseFile}
        </Button>
        {fileName ? (
          <Text className="staff-jobs__hint">{format(s.fileLoaded, { name: fileName })}</Text>
        ) : null}
        <Textarea
          className="staff-jobs__textarea"
          value={csv}
          maxlength={-1}
          placeholder={s.importPlaceholder}
          onInput={(event) => {
            setCsv(event.detail.value);
            setFileName(null);
          }}
        />
        <View className="staff-jobs__check">
          <Switch checked={publish} onChange={(event) => setPublish(event.detail.value)} />
          <Text>{s.publishAfterImport}</Text>
        </View>
      </View>

      {problem ? <Text className="staff-jobs__problem">{problem}</Text> : null}
      {running !== null && progress === null ? (
        <Text className="staff-jobs__hint">{format(s.processing, { rows: running })}</Text>
      ) : null}
      {progress !== null ? (
        <View className="staff-jobs__progress" data-done={progress.done} data-total={progress.total}>
          <View className="staff-jobs__progress-track">
            <View
              className="staff-jobs__progress-bar"
              style={{
                width: `${progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100}%`,
              }}
            />
          </View>
          <Text className="staff-jobs__progress-text">{format(s.progress, progress)}</Text>
        </View>
      ) : null}

      <View className="staff-jobs__buttons">
        <Button disabled={running !== null} onClick={() => void run(true)}>
          {s.check}
        </Button>
        <Button
          type="primary"
          disabled={running !== null}
          loading={running !== null}
          onClick={() => void run(false)}
        >
          {s.importAction}
        </Button>
      </View>

      {report ? <Report report={report} /> : null}
    </View>
  );
}
