/** Records cut, joined and handed to postMessage without copies. */
import { PACKED_FEATURES_FORMAT, type PackedFeatureRecord, packedArraysOf } from './packed-record';

/**
 * Bytes a buffer shared by a record's arrays may hold besides them: the record's header in the
 * Blob it was read from (packed-blob.ts: 8 digits and at most 4 096 bytes of JSON).
 */
export const SHARED_BUFFER_HEADER_BYTES = 8 + 4096;

/**
 * The buffers of the records' typed arrays, to transfer with postMessage (the sender's records
 * are unusable afterwards). Arrays may own a buffer each or share one (as readPackedRecordBlob
 * makes them, for all the records of a Blob), but every buffer must hold nothing but the records'
 * arrays (and at most 7 bytes of padding after each, and each record's header when shared):
 * otherwise a TypeError, as transferring it would move memory that is not the records'.
 *
 * @example
 * worker.postMessage({ record }, transferablesOf(record)); // or of a list of records
 */
export function transferablesOf(
  records: PackedFeatureRecord | readonly PackedFeatureRecord[]
): ArrayBuffer[] {
  const list: readonly PackedFeatureRecord[] = Array.isArray(records) ? records : [records];
  const onBuffer = new Map<ArrayBuffer, { bytes: number; arrays: number; records: number }>();
  for (const record of list) {
    const buffersOfRecord = new Set<ArrayBuffer>();
    for (const [name, array] of packedArraysOf(record)) {
      const buffer = array.buffer;
      if (!(buffer instanceof ArrayBuffer)) {
        throw new TypeError(`Packed record: ${name} is not on an ArrayBuffer`);
      }
      const seen = onBuffer.get(buffer) ?? { bytes: 0, arrays: 0, records: 0 };
      const firstOfRecord = !buffersOfRecord.has(buffer);
      buffersOfRecord.add(buffer);
      onBuffer.set(buffer, {
        bytes: seen.bytes + array.byteLength,
        arrays: seen.arrays + 1,
        records: seen.records + (firstOfRecord ? 1 : 0)
      });
    }
  }
  for (const [buffer, { bytes, arrays: count, records: sharing }] of onBuffer) {
    // An array alone on its buffer must fill it; arrays sharing one may be padded (alignment).
    const slack = count === 1 ? 0 : 7 * count + SHARED_BUFFER_HEADER_BYTES * sharing;
    if (buffer.byteLength > bytes + slack) {
      throw new TypeError(
        `Packed record: an array is a view of a bigger ArrayBuffer (${buffer.byteLength} bytes, the record's arrays ${bytes}); copy it (slice()) before transferring`
      );
    }
  }
  return [...onBuffer.keys()];
}

/**
 * Features [start, end) of a record as a record of their own, every array a copy of just that
 * part (structured cloning a view would copy its whole buffer): for sending a big layer in slices.
 *
 * @example for (let s = 0; s < r.count; s += 2500) post(sliceRecord(r, s, Math.min(s + 2500, r.count)));
 */
export function sliceRecord(
  record: PackedFeatureRecord,
  start: number,
  end: number
): PackedFeatureRecord {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) {
    throw new RangeError(`No slice ${start}…${end} of a record of ${record.count} features`);
  }
  if (end > record.count) {
    throw new RangeError(`No slice ${start}…${end} of a record of ${record.count} features`);
  }
  /** offsets[start…end] made to start at 0, and the span of the data they index. */
  const rebased = (offsets: Uint32Array) => {
    const from = offsets[start];
    const part = offsets.slice(start, end + 1);
    for (let i = 0; i < part.length; i++) part[i] -= from;
    return { part, from, to: offsets[end] };
  };
  const coordinates = rebased(record.coordinateOffsets);
  const structure = rebased(record.structureOffsets);
  const text = rebased(record.textOffsets);
  return {
    format: record.format,
    count: end - start,
    kinds: record.kinds.slice(start, end),
    dimensions: record.dimensions.slice(start, end),
    coordinateOffsets: coordinates.part,
    structureOffsets: structure.part,
    coordinates: record.coordinates.slice(coordinates.from, coordinates.to),
    structure: record.structure.slice(structure.from, structure.to),
    text: record.text.slice(text.from, text.to),
    textOffsets: text.part
  };
}

/**
 * One record of the features of `records`, in order (each array a fresh copy): for putting a
 * layer packed in batches back together.
 *
 * @example concatRecords([sliceRecord(r, 0, 10), sliceRecord(r, 20, 30)]).count // 20
 */
export function concatRecords(records: readonly PackedFeatureRecord[]): PackedFeatureRecord {
  let count = 0;
  let coordinateCount = 0;
  let structureCount = 0;
  let textCount = 0;
  for (const record of records) {
    count += record.count;
    coordinateCount += record.coordinates.length;
    structureCount += record.structure.length;
    textCount += record.text.length;
  }
  const kinds = new Uint8Array(count);
  const dimensions = new Uint8Array(count);
  const coordinateOffsets = new Uint32Array(count + 1);
  const structureOffsets = new Uint32Array(count + 1);
  const textOffsets = new Uint32Array(count + 1);
  const coordinates = new Float64Array(coordinateCount);
  const structure = new Uint32Array(structureCount);
  const text = new Uint8Array(textCount);
  let at = 0;
  let coordinateBase = 0;
  let structureBase = 0;
  let textBase = 0;
  for (const record of records) {
    kinds.set(record.kinds, at);
    dimensions.set(record.dimensions, at);
    coordinates.set(record.coordinates, coordinateBase);
    structure.set(record.structure, structureBase);
    text.set(record.text, textBase);
    for (let i = 1; i <= record.count; i++) {
      coordinateOffsets[at + i] = coordinateBase + record.coordinateOffsets[i];
      structureOffsets[at + i] = structureBase + record.structureOffsets[i];
      textOffsets[at + i] = textBase + record.textOffsets[i];
    }
    at += record.count;
    coordinateBase += record.coordinates.length;
    structureBase += record.structure.length;
    textBase += record.text.length;
  }
  return {
    format: PACKED_FEATURES_FORMAT,
    count,
    kinds,
    dimensions,
    coordinateOffsets,
    structureOffsets,
    coordinates,
    structure,
    text,
    textOffsets
  };
}

/**
 * The segment holding item `index`, given each segment's first index (ascending, the first 0):
 * the last segment that starts at or before it. Binary search.
 *
 * @example segmentOf([0, 10, 25], 12) // 1
 */
export function segmentOf(starts: ArrayLike<number>, index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}
