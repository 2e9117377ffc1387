import type { ValueTransformer } from 'typeorm';

/** A short list of codes kept as JSON text in a varchar, the same on SQLite and MySQL. */
export const jsonList: ValueTransformer = {
  to: (value: readonly string[] | undefined) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as string[]) : []),
};
