/**
 * Turning bytes into text without guessing silently: strict UTF-8 with the offset of the first bad
 * byte, the labels Chinese GIS software writes into .cpg files, and a UTF-8-then-GBK guess for
 * attribute tables that do not say what they are.
 */

export type StrictDecode = { ok: true; text: string } | { ok: false; offset: number };

const lenientUtf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 (dropping a BOM); throws a TypeError on bytes that are not UTF-8. A strict
 * TextDecoder is several times slower than a lenient one in Node (ICU instead of the SIMD path),
 * so the bytes are decoded leniently and only decoded again strictly when that gave U+FFFD — a
 * bad byte, or the character itself.
 *
 * @example decodeUtf8OrThrow(new Uint8Array([0xe5, 0x87, 0x8c])) // '凌'
 */
export function decodeUtf8OrThrow(bytes: Uint8Array): string {
  const text = lenientUtf8.decode(bytes);
  return text.includes('\uFFFD') ? strictUtf8.decode(bytes) : text;
}

/** Decodes UTF-8 (dropping a BOM); on failure reports the byte offset where it goes wrong. */
export function decodeUtf8Strict(bytes: Uint8Array): StrictDecode {
  try {
    return { ok: true, text: decodeUtf8OrThrow(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidUtf8Offset(bytes) };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= bytes.length && need > 0) return i;
    for (let k = 1; k <= need; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** True if the bytes decode cleanly as GBK and contain CJK text. */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/** True if this runtime's TextDecoder knows `label`. */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * A WHATWG encoding label for what a .cpg file (or an XML declaration) says, or null if unknown.
 * Handles the spellings ArcGIS/QGIS/SuperMap write: `936`, `ANSI 936`, `CP936`, `GB2312`, `UTF-8`,
 * `65001`, `GB18030`, `950`/`BIG5`, `1252`.
 *
 * @example normaliseEncodingLabel('ANSI 936') // → 'gbk'
 */
export function normaliseEncodingLabel(raw: string): string | null {
  const label = raw
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '');
  if (label === '') return null;
  if (/^(cp)?936$|^gb2312$|^gbk$|^x-gbk$|^ms936$|^windows-936$/.test(label)) return 'gbk';
  if (/^(cp)?54936$|^gb18030$/.test(label)) return 'gb18030';
  if (/^utf-?8$|^(cp)?65001$/.test(label)) return 'utf-8';
  if (/^(cp)?950$|^big5$/.test(label)) return 'big5';
  const codePage = /^(?:cp|windows-)?(\d{3,4})$/.exec(label);
  if (codePage && isKnownEncoding(`windows-${codePage[1]}`)) return `windows-${codePage[1]}`;
  return isKnownEncoding(label) ? label : null;
}
