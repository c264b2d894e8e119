/**
 * The largest hostile files of issue #16, made from small recipes in a few hundred milliseconds
 * (too big to commit; tests/unit/import-hostile.test.ts and tests/browser/import-hostile.test.js
 * build the same kinds). Each comes with what the importer must answer.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/**
 * A raw deflate stream of `prefix` then `zeros` zero bytes, from 1 MB segments compressed once.
 * @param {Uint8Array} prefix
 * @param {number} zeros
 * @returns {{ data: Buffer, crc: number }}
 */
function deflatedZeros(prefix, zeros) {
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
  parts.push(Buffer.from([0x03, 0x00])); // a final, empty block
  return { data: Buffer.concat(parts), crc };
}

/**
 * @typedef {{ name: string, data: Uint8Array, method: 0 | 8, size: number, crc: number }} Entry
 * method 0 stored, 8 deflated (data already compressed); size as the headers declare it.
 */

/**
 * A ZIP of the entries, sizes as given (they may lie).
 * @param {Entry[]} entries
 * @returns {Buffer}
 */
function zipOf(entries) {
  /** @type {Buffer[]} */
  const locals = [];
  /** @type {Buffer[]} */
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** @param {string} name @param {Uint8Array} data @returns {Entry} */
const stored = (name, data) => ({ name, data, method: 0, size: data.length, crc: crc32(data) });

/** A .shp header of a polygon file declaring `length` bytes. @param {number} length */
function shpHeader(length) {
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(Math.min(length / 2, 0x7fffffff), 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  return header;
}

/** A dBASE III header with one 1-byte character field, declaring `records` records. */
function dbfHeader(/** @type {number} */ records) {
  const header = Buffer.alloc(65);
  header[0] = 3;
  header.writeUInt32LE(records, 4);
  header.writeUInt16LE(65, 8);
  header.writeUInt16LE(2, 10);
  header.write('NAME', 32, 'latin1');
  header[43] = 'C'.charCodeAt(0);
  header[48] = 1;
  header[64] = 0x0d;
  return header;
}

const PRJ = Buffer.from(
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
);

/** A ZIP whose headers claim 1 000 bytes for a .shp that inflates to 2 GB. */
function zipBomb() {
  const { data, crc } = deflatedZeros(shpHeader(2048 * MB), 2048 * MB - 100);
  return zipOf([
    { name: 'bomb.shp', data, method: 8, size: 1000, crc },
    stored('bomb.dbf', dbfHeader(0)),
    stored('bomb.prj', PRJ)
  ]);
}

/** A .dbf declaring 45 M records (90 MB inflated from a few hundred KB). */
function dbfRecords() {
  const { data, crc } = deflatedZeros(dbfHeader(45 * MB), 90 * MB);
  return zipOf([
    stored('t.shp', shpHeader(100)),
    { name: 't.dbf', data, method: 8, size: 90 * MB + 65, crc }
  ]);
}

/** A 90 MB .shp of one polygon with 5.6 M vertices (the limit is 5 M). */
function tooManyVertices() {
  const points = 5_600_000;
  const content = 44 + 4 + 16 * points;
  const shp = new Uint8Array(100 + 8 + content);
  shp.set(shpHeader(shp.length));
  const view = new DataView(shp.buffer);
  view.setInt32(100, 1, false);
  view.setInt32(104, content / 2, false);
  view.setInt32(108, 5, true);
  view.setInt32(108 + 36, 1, true); // parts
  view.setInt32(108 + 40, points, true);
  return zipOf([stored('v.shp', shp), stored('v.dbf', dbfHeader(1)), stored('v.prj', PRJ)]);
}

/** A GeoJSON of one good point and 999 999 with a non-numeric coordinate (~85 MB; the limit is 1 000 000 features). */
function millionBadFeatures() {
  const good =
    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[121.15,41.12]}}';
  const bad =
    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["x",1]}}';
  return Buffer.from(
    `{"type":"FeatureCollection","features":[${good},${Array(999_999).fill(bad).join(',')}]}`
  );
}

/**
 * The files, each with the file error code it must end in (or 'ok' with one feature).
 * @type {{ name: string, make: () => Buffer, expect: string }[]}
 */
export const HOSTILE_FILES = [
  { name: 'bomb.zip', make: zipBomb, expect: 'zip-size-mismatch' },
  { name: 'dbf-45m-records.zip', make: dbfRecords, expect: 'too-many-features' },
  { name: 'shp-5.6m-vertices.zip', make: tooManyVertices, expect: 'too-many-vertices' },
  { name: 'million-bad.geojson', make: millionBadFeatures, expect: 'ok' }
];
