/** The import's limits, in one place for files and backups alike (import-file.ts, backup-check.ts). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_VERTICES = 5_000_000;
export const DEFAULT_MAX_FEATURES = 1_000_000;
