/**
 * Reads a .shp record by record before shpjs turns it into objects: every record header and
 * count is checked against the bytes that are really there, records and vertices are counted
 * against the import's limits, and a broken record is named (its record number and why) instead
 * of one RangeError rejecting the whole file. shpjs then parses the records that are sound.
 */
import type { Geometry } from 'geojson';
import { parseShp } from 'shpjs';
import { ImportFileError } from './file-error';

export interface ShpLimits {
  maxVertices: number;
  maxFeatures: number;
}

/** Why a record cannot be read, in both languages. */
export interface BrokenRecord {
  zh: string;
  en: string;
}

export interface ShpRecords {
  /** One entry per record, in file order: the geometry (null for a null shape) or why it is broken. */
  geometries: (Geometry | null)[];
  broken: Map<number, BrokenRecord>;
  /** Per record, how many rings (parts with points) the file has, for polygon types. */
  ringCounts: Int32Array;
  /** True if the last record runs past the end of the file (it is left out). */
  truncated: boolean;
  vertices: number;
}

const POINT_TYPES = new Set([1, 11, 21]);
const MULTIPOINT_TYPES = new Set([8, 18, 28]);
const PART_TYPES = new Set([3, 5, 13, 15, 23, 25]);
/** Z types store a Z range and one Z per vertex (M values after them are optional). */
const Z_TYPES = new Set([11, 13, 15, 18]);

function broken(zh: string, en: string): BrokenRecord {
  return { zh, en };
}

type RecordCheck = BrokenRecord | { vertices: number; rings: number };

function checkPoint(length: number, z: boolean): RecordCheck {
  const needed = 4 + 16 + (z ? 8 : 0);
  if (length < needed) {
    return broken(`点记录只有 ${length} 字节`, `the point record has only ${length} bytes`);
  }
  return { vertices: 1, rings: 0 };
}

function checkMultiPoint(view: DataView, at: number, length: number, z: boolean): RecordCheck {
  if (length < 40) return broken('记录头不完整', 'the record header is incomplete');
  const points = view.getInt32(at + 36, true);
  const needed = 40 + 16 * points + (z ? 16 + 8 * points : 0);
  if (points < 0 || needed > length) {
    return broken(
      `声明 ${points} 个点，超出记录长度（${length} 字节）`,
      `it declares ${points} points, more than its ${length} bytes hold`
    );
  }
  return { vertices: points, rings: 0 };
}

/** A polyline or polygon: its part and point counts, then every part's first point index. */
function checkParts(view: DataView, at: number, length: number, z: boolean): RecordCheck {
  if (length < 44) return broken('记录头不完整', 'the record header is incomplete');
  const parts = view.getInt32(at + 36, true);
  const points = view.getInt32(at + 40, true);
  const needed = 44 + 4 * parts + 16 * points + (z ? 16 + 8 * points : 0);
  if (parts < 0 || points < 0 || needed > length) {
    return broken(
      `声明 ${parts} 个部分、${points} 个点，超出记录长度（${length} 字节）`,
      `it declares ${parts} parts and ${points} points, more than its ${length} bytes hold`
    );
  }
  let previous = 0;
  let rings = 0;
  for (let k = 0; k < parts; k++) {
    const start = view.getInt32(at + 44 + 4 * k, true);
    if ((k === 0 && start !== 0) || start < previous || start > points) {
      return broken(
        `第 ${k + 1} 个部分的起点 ${start} 无效`,
        `part ${k + 1} starts at ${start}, which is not a valid point index`
      );
    }
    if (k > 0 && start > previous) rings++;
    previous = start;
  }
  if (parts > 0 && points > previous) rings++;
  return { vertices: points, rings };
}

/**
 * Checks one record's content (`at`: its first byte after the 8-byte header; `length` bytes).
 * Returns why it is broken, or its vertex and ring counts.
 */
function checkRecord(view: DataView, at: number, length: number, fileType: number): RecordCheck {
  if (length < 4) return broken('记录内容不足 4 字节', 'the record is shorter than 4 bytes');
  const type = view.getInt32(at, true);
  if (type === 0) return { vertices: 0, rings: 0 };
  if (type !== fileType) {
    return broken(
      `几何类型 ${type} 与文件的类型 ${fileType} 不同`,
      `its shape type ${type} differs from the file's type ${fileType}`
    );
  }
  const z = Z_TYPES.has(type);
  if (POINT_TYPES.has(type)) return checkPoint(length, z);
  if (MULTIPOINT_TYPES.has(type)) return checkMultiPoint(view, at, length, z);
  if (PART_TYPES.has(type)) return checkParts(view, at, length, z);
  return broken(`不支持的几何类型 ${type}`, `shape type ${type} is not supported`);
}

/** A .shp holding only the header of `bytes` and one record, for shpjs. */
function singleRecord(bytes: Uint8Array, start: number, end: number): DataView {
  const copy = new Uint8Array(100 + end - start);
  copy.set(bytes.subarray(0, 100));
  copy.set(bytes.subarray(start, end), 100);
  return new DataView(copy.buffer);
}

/**
 * Scans and parses the records of a .shp (`bytes`, header already checked). Throws
 * too-many-features / too-many-vertices as soon as the counts pass the limits, before any
 * geometry is built.
 *
 * @example const { geometries, broken } = readShpRecords(bytes, { maxVertices: 5e6, maxFeatures: 1e6 });
 */
export function readShpRecords(bytes: Uint8Array, limits: ShpLimits): ShpRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fileType = view.getInt32(32, true);
  const starts: number[] = [];
  const ends: number[] = [];
  const ringCounts: number[] = [];
  const brokenRecords = new Map<number, BrokenRecord>();
  let vertices = 0;
  let truncated = false;
  let offset = 100;
  while (offset + 8 <= bytes.length) {
    const length = view.getInt32(offset + 4, false) * 2;
    const index = starts.length;
    if (length < 0 || offset + 8 + length > bytes.length) {
      truncated = true;
      break;
    }
    if (index >= limits.maxFeatures) {
      throw new ImportFileError('too-many-features', {
        count: `> ${limits.maxFeatures}`,
        max: limits.maxFeatures
      });
    }
    const check = checkRecord(view, offset + 8, length, fileType);
    starts.push(offset);
    ends.push(offset + 8 + length);
    if ('zh' in check) {
      brokenRecords.set(index, check);
      ringCounts.push(0);
    } else {
      vertices += check.vertices;
      ringCounts.push(check.rings);
      if (vertices > limits.maxVertices) {
        throw new ImportFileError('too-many-vertices', {
          count: `> ${limits.maxVertices}`,
          max: limits.maxVertices
        });
      }
    }
    offset += 8 + length;
  }

  let geometries: (Geometry | null)[] | null = null;
  if (brokenRecords.size === 0) {
    // Every record looks sound: shpjs reads them in one pass (it stops at the last whole one).
    try {
      geometries = parseShp(new DataView(bytes.buffer, bytes.byteOffset, offset));
    } catch {
      geometries = null; // read them one at a time below, to say which one is broken
    }
  }
  geometries ??= starts.map((start, index) => {
    if (brokenRecords.has(index)) return null;
    try {
      return parseShp(singleRecord(bytes, start, ends[index]))[0] ?? null;
    } catch (error) {
      const detail = String(error).slice(0, 120);
      brokenRecords.set(index, broken(`无法解析（${detail}）`, `it cannot be parsed (${detail})`));
      return null;
    }
  });
  return {
    geometries,
    broken: brokenRecords,
    ringCounts: Int32Array.from(ringCounts),
    truncated,
    vertices
  };
}

/** Rings of a parsed geometry (polygons only), to tell whether shpjs dropped any. */
export function ringCountOf(geometry: Geometry | null): number {
  if (!geometry) return 0;
  if (geometry.type === 'Polygon') return geometry.coordinates.length;
  if (geometry.type === 'MultiPolygon') {
    let count = 0;
    for (const polygon of geometry.coordinates) count += polygon.length;
    return count;
  }
  return -1;
}
