/**
 * The backup file of this app (store.exportAll, saved as `linghe-user-data.geojson`): telling
 * one from an ordinary GeoJSON file, so that dropping a backup on the import control restores it
 * instead of adding it as a layer; making one; restoring one. A backup is plain GeoJSON with the
 * `linghePlanMap` foreign member.
 */
import { storageError } from '../import/messages';
import { BACKUP_MEMBER, type ImportStore, type ImportSummary } from './store';
import type { BilingualMessage, ImportSource } from '../import/types';

/** How a restore went: what was restored, or why nothing was. */
export type RestoreOutcome =
  ({ ok: true } & ImportSummary) | { ok: false; error: BilingualMessage };

/** The name of the exported file. */
export const BACKUP_FILE_NAME = 'linghe-user-data.geojson';

/** Only this much of each end of a file is looked at, so a large layer is not decoded twice. */
const PEEK_BYTES = 64 * 1024;

const MEMBER_PATTERN = new RegExp(`"${BACKUP_MEMBER}"\\s*:\\s*\\{`);

/**
 * True if a file looks like a backup: JSON with a `"linghePlanMap": {` member near the start
 * (where exportAll writes it) or near the end (if another program reordered the members). Only
 * the file's two ends are read, so choosing a 60 MB layer does not load it on the page (the
 * import worker reads it).
 *
 * @example if (await looksLikeBackupFile(file)) await userData.restoreFile(file);
 */
export async function looksLikeBackupFile(file: Pick<Blob, 'size' | 'slice'>): Promise<boolean> {
  const read = async (start: number, end: number) =>
    new Uint8Array(await file.slice(start, end).arrayBuffer());
  const head = await read(0, PEEK_BYTES);
  const tail = file.size > PEEK_BYTES ? await read(file.size - PEEK_BYTES, file.size) : null;
  return looksLikeBackupEnds(head, tail);
}

/** The test of looksLikeBackupFile on the first and (for a longer file) last PEEK_BYTES. */
function looksLikeBackupEnds(head: Uint8Array, tail: Uint8Array | null): boolean {
  const decoder = new TextDecoder('utf-8');
  const start = decoder.decode(head);
  if (!/^\uFEFF?\s*\{/.test(start)) return false;
  if (MEMBER_PATTERN.test(start)) return true;
  return tail !== null && MEMBER_PATTERN.test(decoder.decode(tail));
}

/** Parses a backup file; store.importAll checks its structure. */
export function parseBackup(
  bytes: Uint8Array
): { ok: true; backup: unknown } | { ok: false; error: BilingualMessage } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, backup: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return unreadable(error);
  }
}

function unreadable(error: unknown): { ok: false; error: BilingualMessage } {
  const detail = String(error).slice(0, 120);
  return {
    ok: false,
    error: storageError('backup-invalid', {
      detail: `无法读取：${detail}`,
      detailEn: `it cannot be read: ${detail}`
    })
  };
}

/**
 * Reads a backup file and restores it into `store` (store.importAll: all or nothing). Parsing a
 * big backup takes seconds, so the page has the import worker do it (client.ts restoreInWorker).
 *
 * @example const outcome = await restoreBackupFile(file, store, 'merge');
 */
export async function restoreBackupFile(
  source: ImportSource,
  store: Pick<ImportStore, 'importAll'>,
  mode: 'merge' | 'replace'
): Promise<RestoreOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
  } catch (error) {
    return unreadable(error);
  }
  const parsed = parseBackup(bytes);
  if (!parsed.ok) return parsed;
  return store.importAll(parsed.backup, mode);
}

/**
 * Everything saved, as the backup file's contents (a GeoJSON FeatureCollection). Serialising a
 * big layer takes seconds, so the page has the import worker do it (client.ts exportInWorker).
 *
 * @example link.href = URL.createObjectURL(await exportBackupFile(store));
 */
export async function exportBackupFile(store: Pick<ImportStore, 'exportAll'>): Promise<Blob> {
  return new Blob([JSON.stringify(await store.exportAll())], { type: 'application/geo+json' });
}
