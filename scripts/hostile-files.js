/**
 * Recipes for the hostile files of issue #16 — ZIP bombs whose headers lie or tell the truth, a
 * .dbf of more records than the feature limit, a .shp of more vertices than the vertex limit, a
 * GeoJSON of many bad features — and the small writers they are made with (ZIP, .shp and .dbf
 * headers, deflated zeros). The big files are too large to commit and take milliseconds to make,
 * so they are made where they are used: tests/unit/import-hostile.test.ts,
 * tests/browser/import-hostile.test.js and bench/import-hostile.js. The committed small ones
 * (scripts/make-import-fixtures.js) are written with the same ZIP writer.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export const MB = 1024 * 1024;

/**
 * A raw deflate stream of `prefix` then `zeros` zero bytes, built from independently compressed
 * 1 MB segments (each ends on a byte boundary, none is final) and a final empty block: a few KB
 * per GB, made in milliseconds.
 * @param {Uint8Array} prefix
 * @param {number} zeros
 * @returns {{ data: Buffer, crc: number }} the stream and the CRC-32 of what it inflates to
 * @example deflatedZeros(shpHeader(2048 * MB), 2048 * MB - 100).data.length // → about 2 MB
 */
export function deflatedZeros(prefix, zeros) {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const block = new Uint8Array(MB);
  const blockData = deflateRawSync(block, flush);
  const parts = [deflateRawSync(prefix, flush)];
  let crc = crc32(prefix);
  let left = zeros;
  for (; left >= MB; left -= MB) {
    parts.push(blockData);
    crc = crc32(block, crc);
  }
  if (left > 0) {
    parts.push(deflateRawSync(block.subarray(0, left), flush));
    crc = crc32(block.subarray(0, left), crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // a final fixed-Huffman block with no data
  return { data: Buffer.concat(parts), crc };
}

/**
 * One ZIP entry, its data as it is to be written (already compressed when method is 8).
 * @typedef {object} Entry
 * @property {string | Uint8Array} name a string is written as UTF-8; bytes as they are
 * @property {Uint8Array} data
 * @property {0 | 8} method 0 stored, 8 deflated
 * @property {number} size the expanded size the headers declare (it may lie)
 * @property {number} crc CRC-32 of the expanded data, as the headers declare it
 * @property {number} [flags] general purpose flags; default 0x800 (the name is UTF-8)
 * @property {number} [date] MS-DOS date of the entry; default 0 (the time is always 0)
 */

/**
 * A ZIP of the entries, sizes and CRCs as given (they may lie), without data descriptors.
 * @param {Entry[]} entries
 * @returns {Uint8Array}
 * @example zipOf([stored('a.txt', new TextEncoder().encode('a'))]).length // → 101 bytes
 */
export function zipOf(entries) {
  /** @type {Uint8Array[]} */
  const locals = [];
  /** @type {Uint8Array[]} */
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const flags = entry.flags ?? 0x800;
    const date = entry.date ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  // A plain Uint8Array over the same memory: what a browser's File gives the importer.
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}

/**
 * A stored (uncompressed) entry with honest headers.
 * @param {string} name
 * @param {Uint8Array} data
 * @returns {Entry}
 */
export const stored = (name, data) => ({
  name,
  data,
  method: 0,
  size: data.length,
  crc: crc32(data)
});

/**
 * A 100-byte .shp header declaring a file of `length` bytes.
 * @param {number} length bytes, header included
 * @param {number} [type] shape type; 5 (polygon) unless given
 * @returns {Uint8Array}
 */
export function shpHeader(length, type = 5) {
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(Math.min(length / 2, 0x7fffffff), 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(type, 32);
  return header;
}

/**
 * A dBASE III header with one 1-byte character field, declaring `records` records.
 * @param {number} records
 * @param {number} [recordLength] bytes per record as declared; 2 (deletion flag + field) unless given
 * @returns {Uint8Array}
 */
export function dbfHeader(records, recordLength = 2) {
  const header = Buffer.alloc(65);
  header[0] = 3;
  header.writeUInt32LE(records, 4);
  header.writeUInt16LE(65, 8);
  header.writeUInt16LE(recordLength, 10);
  header.write('NAME', 32, 'latin1');
  header[43] = 'C'.charCodeAt(0);
  header[48] = 1;
  header[64] = 0x0d;
  return header;
}

/** The .prj of WGS-84 longitude/latitude as ArcGIS writes it. */
export const PRJ_WGS84 = Buffer.from(
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
);

/**
 * A shapefile ZIP whose .shp is `shpBytes` of zeros after its header, deflated, with the
 * expanded size its headers declare: the truth or a lie (a ZIP bomb's trick).
 * @param {string} base name of the layer
 * @param {number} shpBytes expanded size of the .shp
 * @param {number} declared what the headers say it is
 * @returns {Uint8Array}
 */
export function zeroFilledShapefile(base, shpBytes, declared) {
  const { data, crc } = deflatedZeros(shpHeader(shpBytes), shpBytes - 100);
  return zipOf([
    { name: `${base}.shp`, data, method: 8, size: declared, crc },
    stored(`${base}.dbf`, dbfHeader(0)),
    stored(`${base}.prj`, PRJ_WGS84)
  ]);
}

/**
 * A ZIP whose headers claim 1 000 bytes for a .shp that inflates to 2 GB (~2 MB zipped).
 * Must end in 'zip-size-mismatch' after about 1 000 bytes inflated.
 */
export const zipBomb = () => zeroFilledShapefile('bomb', 2048 * MB, 1000);

/**
 * A ZIP with a .dbf of `records` records: `dbfBytes` of zeros after its header, the expanded
 * size declared honestly.
 * @param {number} records as the .dbf header declares
 * @param {number} dbfBytes expanded size of the .dbf
 * @returns {Uint8Array}
 */
export function bigDbf(records, dbfBytes) {
  const { data, crc } = deflatedZeros(dbfHeader(records), dbfBytes - 65);
  return zipOf([
    stored('t.shp', shpHeader(100)),
    { name: 't.dbf', data, method: 8, size: dbfBytes, crc }
  ]);
}

/**
 * A .dbf declaring 45 M records (90 MB inflated from a few hundred KB). Must end in
 * 'too-many-features' (the limit is 1 000 000) before the records are read.
 */
export const dbfRecords = () => bigDbf(45 * MB, 90 * MB + 65);

/**
 * A 90 MB .shp of one polygon with 5.6 M vertices, all zero (the limit is 5 M). Must end in
 * 'too-many-vertices' before the coordinates are parsed.
 */
export function tooManyVertices() {
  const points = 5_600_000;
  const content = 44 + 4 + 16 * points;
  const shp = new Uint8Array(100 + 8 + content);
  shp.set(shpHeader(shp.length));
  const view = new DataView(shp.buffer);
  view.setInt32(100, 1, false); // record number
  view.setInt32(104, content / 2, false);
  view.setInt32(108, 5, true);
  view.setInt32(108 + 36, 1, true); // parts
  view.setInt32(108 + 40, points, true);
  return zipOf([stored('v.shp', shp), stored('v.dbf', dbfHeader(1)), stored('v.prj', PRJ_WGS84)]);
}

/**
 * The text of a GeoJSON of one good point and `bad` points with a non-numeric coordinate
 * (85 bytes each). The good one must import; each bad one is a 'non-numeric-coordinate'.
 * @param {number} bad how many bad features
 * @returns {string}
 */
export function manyBadFeatures(bad) {
  const good =
    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[121.15,41.12]}}';
  const badFeature =
    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["x",1]}}';
  return `{"type":"FeatureCollection","features":[${good},${Array(bad).fill(badFeature).join(',')}]}`;
}

/**
 * The largest of them, for bench/import-hostile.js, each with the file error code it must end
 * in (or 'ok' with one feature).
 * @type {{ name: string, make: () => Uint8Array, expect: string }[]}
 */
export const HOSTILE_FILES = [
  { name: 'bomb.zip', make: zipBomb, expect: 'zip-size-mismatch' },
  { name: 'dbf-45m-records.zip', make: dbfRecords, expect: 'too-many-features' },
  { name: 'shp-5.6m-vertices.zip', make: tooManyVertices, expect: 'too-many-vertices' },
  // ~85 MB; the limit is 1 000 000 features.
  {
    name: 'million-bad.geojson',
    make: () => Buffer.from(manyBadFeatures(999_999)),
    expect: 'ok'
  }
];
