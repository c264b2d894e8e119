/**
 * Reads ZIP archives (Shapefile bundles, KMZ). The directory is read here, so that every way a
 * ZIP can be broken — cut off, encrypted, ZIP64, an unknown compression method, a CRC mismatch, a
 * header that lies about a size, a bomb that expands past the limit — becomes a clear file error
 * instead of an exception, and so that GBK file names from Chinese Windows are decoded; entries
 * are inflated by fflate's streaming Inflate, which stops as soon as an entry produces more than
 * its header declared (so nothing bigger than the limits is ever held).
 */
import { Inflate } from 'fflate';
import { ImportFileError } from './file-error';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  /** The entry's bytes, decompressed and CRC-checked. */
  read(): Promise<Uint8Array>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function corrupt(detail: string, detailEn: string): ImportFileError {
  return new ImportFileError('zip-corrupt', { detail, detailEn });
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE), as ZIP stores it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
  for (const label of ['utf-8', 'gbk']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(raw);
    } catch {
      // try the next encoding
    }
  }
  return new TextDecoder('windows-1252').decode(raw);
}

/** Compressed bytes handed to the inflater at a time: the output is checked after each. */
const INFLATE_SLICE = 16 * 1024;

/**
 * The entry's bytes inflated into a buffer of exactly the size its header declares. Stops as
 * soon as more comes out than that (a header that lies about the size) — limits hold on what is
 * actually produced, and no more than the declared size is ever held.
 */
function inflateBounded(data: Uint8Array, size: number, name: string): Uint8Array {
  const output = new Uint8Array(size);
  let produced = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (produced + chunk.length > size) {
      throw new ImportFileError('zip-size-mismatch', { name, declared: size });
    }
    output.set(chunk, produced);
    produced += chunk.length;
    if (final) ended = true;
  });
  for (let at = 0; at < data.length && !ended; at += INFLATE_SLICE) {
    const end = Math.min(data.length, at + INFLATE_SLICE);
    try {
      inflater.push(data.subarray(at, end), end === data.length);
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw corrupt(`“${name}”无法解压`, `“${name}” cannot be decompressed`);
    }
  }
  if (!ended || produced !== size) {
    throw new ImportFileError('zip-size-mismatch', { name, declared: size });
  }
  return output;
}

/** Where the archive's directory is, from its end-of-central-directory record. */
function readDirectoryLocation(
  bytes: Uint8Array,
  view: DataView
): { eocd: number; entryCount: number; directoryOffset: number } {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw corrupt(
      '找不到压缩包的目录，文件可能被截断',
      'the archive directory is missing; the file was probably cut off'
    );
  }
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) {
    throw corrupt('不支持 ZIP64 格式', 'ZIP64 archives are not supported');
  }
  if (directoryOffset + directorySize > eocd) {
    throw corrupt(
      '目录位置超出文件范围，文件可能被截断',
      'the directory lies outside the file; it was probably cut off'
    );
  }
  return { eocd, entryCount, directoryOffset };
}

/** One central directory record: what an entry is and where its data starts. */
interface DirectoryRecord {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Offset of the next record. */
  next: number;
}

function readDirectoryRecord(bytes: Uint8Array, view: DataView, p: number): DirectoryRecord {
  const flags = view.getUint16(p + 8, true);
  const nameLength = view.getUint16(p + 28, true);
  const extraLength = view.getUint16(p + 30, true);
  const commentLength = view.getUint16(p + 32, true);
  return {
    name: decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0),
    flags,
    method: view.getUint16(p + 10, true),
    crc: view.getUint32(p + 16, true),
    compressedSize: view.getUint32(p + 20, true),
    size: view.getUint32(p + 24, true),
    localOffset: view.getUint32(p + 42, true),
    next: p + 46 + nameLength + extraLength + commentLength
  };
}

/** Reads, inflates and checks one entry's bytes (when it is asked for, not when listed). */
function readEntry(
  bytes: Uint8Array,
  view: DataView,
  record: DirectoryRecord,
  maxEntryBytes: number
): Uint8Array {
  const { name, method, crc, compressedSize, size, localOffset } = record;
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
    throw corrupt(`“${name}”的数据头损坏`, `the header of “${name}” is damaged`);
  }
  const start =
    localOffset +
    30 +
    view.getUint16(localOffset + 26, true) +
    view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.length) {
    throw corrupt(`“${name}”的数据不完整`, `the data of “${name}” is incomplete`);
  }
  if (size > maxEntryBytes) {
    throw new ImportFileError('zip-entry-too-large', {
      name,
      bytes: size,
      maxBytes: maxEntryBytes
    });
  }
  const data = bytes.subarray(start, start + compressedSize);
  if (method === 0 && compressedSize !== size) {
    throw new ImportFileError('zip-size-mismatch', { name, declared: size });
  }
  const content = method === 0 ? data : inflateBounded(data, size, name);
  if (crc32(content) !== crc) {
    throw corrupt(`“${name}”的校验值不符`, `the checksum of “${name}” does not match`);
  }
  return content;
}

/**
 * Lists the entries of a ZIP archive (directories left out).
 *
 * @param maxExpandedBytes refuse archives whose entries add up to more than this when expanded
 * @param maxEntryBytes refuse to read an entry that expands to more than this
 * @example (await listZip(bytes, 1e9)).map((e) => e.name) // → ['parcels.shp', 'parcels.dbf', …]
 */
export function listZip(
  bytes: Uint8Array,
  maxExpandedBytes: number,
  maxEntryBytes = maxExpandedBytes
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { eocd, entryCount, directoryOffset } = readDirectoryLocation(bytes, view);
  const entries: ZipEntry[] = [];
  let expanded = 0;
  let p = directoryOffset;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw corrupt(`第 ${n + 1} 个目录项损坏`, `directory entry ${n + 1} is damaged`);
    }
    const record = readDirectoryRecord(bytes, view, p);
    p = record.next;
    const { name, flags, method, compressedSize, size } = record;
    if (name.endsWith('/')) continue;

    if (flags & 0x1) throw new ImportFileError('zip-encrypted', { name });
    if (method !== 0 && method !== 8) {
      throw new ImportFileError('zip-unsupported', { name, method });
    }
    expanded += size;
    if (expanded > maxExpandedBytes) {
      throw new ImportFileError('zip-too-large', { bytes: expanded, maxBytes: maxExpandedBytes });
    }
    entries.push({
      name,
      compressedSize,
      size,
      read: async () => readEntry(bytes, view, record, maxEntryBytes)
    });
  }
  return entries;
}
