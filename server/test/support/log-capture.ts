import type { DestinationStream } from 'pino';

export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  context?: string;
  [key: string]: unknown;
}

/** A pino destination that keeps the app's JSON log lines in memory for assertions. */
export class LogCapture implements DestinationStream {
  readonly raw: string[] = [];

  write(line: string): void {
    this.raw.push(line);
  }

  get lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  get text(): string {
    return this.raw.join('');
  }

  /** Request lines are written when the response finishes, which can be just after the client has it. */
  async waitFor(predicate: (line: LogLine) => boolean, timeoutMs = 2000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('No matching log line was written');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
