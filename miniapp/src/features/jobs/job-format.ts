import type { IsoDateTime } from '@careerside/shared';

// Salaries are monthly yuan; lists show them the way Chinese job boards do (8K-12K), detail pages too.

export interface SalaryWords {
  /** `{min}-{max}` with K amounts, e.g. "{min}-{max}/月". */
  range: string;
  /** One amount, e.g. "{min}/月". */
  exact: string;
  from: string;
  upTo: string;
  negotiable: string;
}

/** 8000 -> 8K, 12500 -> 12.5K, 800 -> 800. */
export function compactAmount(yuan: number): string {
  if (yuan < 1000) return String(yuan);
  const thousands = Math.round(yuan / 100) / 10;
  return `${Number.isInteger(thousands) ? thousands.toFixed(0) : thousands.toFixed(1)}K`;
}

export function salaryText(min: number | null, max: number | null, words: SalaryWords): string {
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  if (min !== null && max !== null) {
    return min === max
      ? fill(words.exact, { min: compactAmount(min) })
      : fill(words.range, { min: compactAmount(min), max: compactAmount(max) });
  }
  if (min !== null) return fill(words.from, { min: compactAmount(min) });
  if (max !== null) return fill(words.upTo, { max: compactAmount(max) });
  return words.negotiable;
}

/** Whole days from now until the deadline (0 on its last day), negative once it has passed. */
export function daysLeft(deadline: IsoDateTime, now = Date.now()): number {
  return Math.floor((new Date(deadline).getTime() - now) / 86_400_000);
}

/** Splits what a person types into a list: commas, semicolons, 、 and spaces all separate. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，;；、\s]+/u)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}
