/**
 * The current time as an ISO 8601 string, for the times records are made. A plain module: Svelte's
 * lint rule asks .svelte.ts files for reactive dates, and a timestamp is not state.
 */
export function isoNow(): string {
  return new Date().toISOString();
}

/** The current time as a Date, for the same reason a plain function. */
export function dateNow(): Date {
  return new Date();
}
