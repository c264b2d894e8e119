/**
 * What kind of file the user gave us, decided by its first bytes (magic numbers) and, only where
 * the bytes cannot tell, by its name. Content wins over the name: a GeoJSON saved as `.txt` is
 * still read, and an HTML page saved as `.geojson` is refused with a sentence that says so.
 */
import type { ImportFormat } from '../import/types';

export type DetectedFormat =
  | { kind: 'format'; format: ImportFormat | 'zip' }
  | { kind: 'refused'; code: string; params?: Record<string, string> };

/** Byte order marks and magic numbers we recognise. */
const MAGIC: { bytes: number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'PDF' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: '7-Zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'Microsoft Office' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'SQLite/GeoPackage' }
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** The file name's extension, lower case, without the dot ('' if none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The first non-blank characters of an ASCII-compatible text, after a UTF-8 BOM. */
function leadingText(bytes: Uint8Array, length = 512): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  const head = bytes.subarray(start, start + length);
  let text = '';
  for (const b of head) text += b < 0x80 ? String.fromCharCode(b) : '\u0080';
  return text.replace(/^\s+/, '');
}

/** What the first bytes alone say: an archive, a bare .shp, a UTF-16/32 BOM or a binary type. */
function detectByMagic(bytes: Uint8Array, extension: string): DetectedFormat | null {
  // ZIP local file header, or the end-of-central-directory record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'format', format: extension === 'kmz' ? 'kmz' : 'zip' };
  }
  // A bare .shp (file code 9994, big-endian) or .dbf given without its companions.
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a]) || extension === 'shp') {
    return { kind: 'refused', code: 'shp-alone' };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { kind: 'refused', code: 'encoding-utf32' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { kind: 'refused', code: 'encoding-utf16' };
  }
  const magic = MAGIC.find((candidate) => startsWith(bytes, candidate.bytes));
  return magic ? { kind: 'refused', code: 'binary-file', params: { kind: magic.kind } } : null;
}

/** What the text at the start says (`text`: its first non-blank characters): JSON, XML, HTML, blanks. */
function detectByText(bytes: Uint8Array, text: string): DetectedFormat | null {
  if (text === '' && bytes.length <= 512 + 3) {
    // Nothing but spaces and line breaks (and maybe a BOM).
    return { kind: 'refused', code: 'blank-file', params: { bytes: String(bytes.length) } };
  }
  // UTF-32 without a BOM: three of every four bytes of ASCII text are zero.
  if (bytes.length >= 8 && bytes[1] === 0 && bytes[2] === 0 && (bytes[0] === 0 || bytes[3] === 0)) {
    return { kind: 'refused', code: 'encoding-utf32' };
  }
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  if (bytes.length >= 4 && (bytes[0] === 0 || bytes[1] === 0) && !text.startsWith('<')) {
    return { kind: 'refused', code: 'encoding-utf16' };
  }
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(text)) {
    return { kind: 'refused', code: 'html-page' };
  }
  if (text.startsWith('<')) {
    // XML: KML if a <kml> element appears near the start; otherwise let the KML reader say what
    // root element it found.
    return { kind: 'format', format: 'kml' };
  }
  if (text.startsWith('{') || text.startsWith('[')) return { kind: 'format', format: 'geojson' };
  return null;
}

/**
 * Not recognisable by content: a .geojson/.json name still goes to the JSON reader, whose error
 * names what the file starts with.
 */
function detectByName(extension: string, name: string): DetectedFormat {
  if (extension === 'geojson' || extension === 'json') return { kind: 'format', format: 'geojson' };
  if (extension === 'kml') return { kind: 'format', format: 'kml' };
  if (extension === 'zip' || extension === 'kmz') {
    return {
      kind: 'refused',
      code: 'zip-corrupt',
      params: { detail: '没有 ZIP 文件标志', detailEn: 'no ZIP signature' }
    };
  }
  return { kind: 'refused', code: 'unknown-format', params: { name } };
}

/**
 * Decides the format of `bytes` named `name`.
 *
 * @example detectFormat(new TextEncoder().encode('{"type":"FeatureCollection"…'), 'a.txt')
 *   // → { kind: 'format', format: 'geojson' }
 */
export function detectFormat(bytes: Uint8Array, name: string): DetectedFormat {
  if (bytes.length === 0) return { kind: 'refused', code: 'empty-file' };
  const extension = extensionOf(name);
  return (
    detectByMagic(bytes, extension) ??
    detectByText(bytes, leadingText(bytes)) ??
    detectByName(extension, name)
  );
}
