/**
 * The problems of one import, bounded: every problem is counted by its code, but only the first
 * MAX_LISTED_PROBLEMS (and, beyond them, the first EXAMPLES_PER_CODE of each code) are kept in
 * full. A file with a million bad features would otherwise hold a million worded messages
 * (~800 MB) and hand them all to the page; its report names the listed ones and counts the rest.
 */
import type { ImportProblem, ProblemCount } from './types';

export type { ProblemCount } from './types';

export const MAX_LISTED_PROBLEMS = 10_000;
export const EXAMPLES_PER_CODE = 100;

export class ProblemList {
  private readonly listed: ImportProblem[] = [];
  private readonly counts = new Map<string, ProblemCount>();
  /** Problems counted but not kept. */
  unlisted = 0;
  warnings = 0;

  push(...problems: ImportProblem[]): void {
    for (const problem of problems) this.add(problem);
  }

  add(problem: ImportProblem): void {
    let count = this.counts.get(problem.code);
    if (!count) {
      count = { code: problem.code, severity: problem.severity, count: 0 };
      this.counts.set(problem.code, count);
    }
    count.count++;
    if (problem.severity === 'warning') this.warnings++;
    if (this.listed.length < MAX_LISTED_PROBLEMS || count.count <= EXAMPLES_PER_CODE) {
      this.listed.push(problem);
    } else this.unlisted++;
  }

  /** The kept problems in feature order. */
  sorted(): ImportProblem[] {
    return this.listed.sort((a, b) => a.featureIndex - b.featureIndex);
  }

  /** Every code found, the most frequent first. */
  countsByCode(): ProblemCount[] {
    return [...this.counts.values()].sort(
      (a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)
    );
  }
}
