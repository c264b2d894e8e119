/**
 * A time limit for a test, in seconds, scaled by LINGHE_SLOWDOWN (default 1). The mutation run
 * (vitest.mutation.config.ts) sets it: code instrumented by Stryker runs several times slower,
 * and a limit meant for the real code would fail every mutant alike.
 */
export function timeBudget(seconds: number): number {
  const slowdown = Number(process.env.LINGHE_SLOWDOWN ?? '1');
  return seconds * (Number.isFinite(slowdown) && slowdown >= 1 ? slowdown : 1);
}
