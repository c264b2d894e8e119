/**
 * Telling a backup of this app (store.exportAll, saved as `linghe-user-data.geojson`) from an
 * ordinary GeoJSON file, so that dropping a backup on the import control restores it instead of
 * adding it as a layer. A backup is plain GeoJSON with the `linghePlanMap` foreign member.
 */
import { storageError } from './messages';
import { BACKUP_MEMBER } from './store';
import type { BilingualMessage } from './types';

/** The name of the exported file. */
export const BACKUP_FILE_NAME = 'linghe-user-data.geojson';

/** Only this much of each end of a file is looked at, so a large layer is not decoded twice. */
const PEEK_BYTES = 64 * 1024;

const MEMBER_PATTERN = new RegExp(`"${BACKUP_MEMBER}"\\s*:\\s*\\{`);

/**
 * True if the bytes look like a backup: JSON with a `"linghePlanMap": {` member near the start
 * (where exportAll writes it) or near the end (if another program reordered the members).
 *
 * @example looksLikeBackup(new TextEncoder().encode(JSON.stringify(await store.exportAll()))) // true
 */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8');
  const head = decoder.decode(bytes.subarray(0, PEEK_BYTES));
  if (!/^\uFEFF?\s*\{/.test(head)) return false;
  if (MEMBER_PATTERN.test(head)) return true;
  if (bytes.length <= PEEK_BYTES) return false;
  return MEMBER_PATTERN.test(decoder.decode(bytes.subarray(bytes.length - PEEK_BYTES)));
}

/** Parses a backup file; store.importAll checks its structure. */
export function parseBackup(
  bytes: Uint8Array
): { ok: true; backup: unknown } | { ok: false; error: BilingualMessage } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, backup: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const detail = String(error).slice(0, 120);
    return {
      ok: false,
      error: storageError('backup-invalid', {
        detail: `无法读取：${detail}`,
        detailEn: `it cannot be read: ${detail}`
      })
    };
  }
}
