/**
 * A packed layer (packed-features.ts) as ONE Blob, for IndexedDB and for handing a layer from the
 * import worker to the page. Storing the record object made the browser serialise its 40–50 MB
 * of arrays (100 000 parcels) into a buffer, then copy that into a blob of its own — over 150 MB
 * more in the tab for a moment. A Blob built from the arrays is copied once, and the browser
 * keeps its bytes outside the tab (in memory or on disk) from then on; IndexedDB stores a
 * reference to it, and a Blob made of Blobs refers to their bytes without copying them.
 *
 * Layout: one or more segments, one per record, back to back. A segment is 8 ASCII digits giving
 * its header's length, the header (JSON: format, count and the array lengths), then each array's
 * bytes — kinds, dimensions, the three offset arrays, structure, coordinates — each starting at a
 * multiple of 8 bytes so it can be viewed in place, then the text (UTF-8), then zero bytes up to
 * the next multiple of 8 (so the next segment starts aligned too; the last segment's may be
 * missing). A Blob of the first version of this layout is one segment holding all the features.
 *
 * @example
 * const blob = packedRecordBlob(records); // a record, or consecutive records
 * const same = await readPackedRecordBlob(blob); // the records, deep-equal, in one buffer
 */
import {
  isPackedFeatureRecord,
  packedArraysOf,
  PACKED_FEATURES_FORMAT,
  type PackedFeatureRecord,
  type SegmentShelf
} from './packed-features';
import { releaseBuffer } from './release-buffer';

const LENGTH_DIGITS = 8;
const ALIGNMENT = 8;
/** A header is a few numbers; anything longer is not one of ours. */
const MAX_HEADER_LENGTH = 4096;

interface BlobHeader {
  format: typeof PACKED_FEATURES_FORMAT;
  count: number;
  structureLength: number;
  coordinatesLength: number;
  /** Bytes of the text (UTF-8). */
  textLength: number;
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALIGNMENT) * ALIGNMENT;
}

function padding(bytes: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(alignUp(bytes) - bytes);
}

/** Where each part of a segment lies, in bytes from the segment's start. */
function segmentLayout(headerLength: number, header: Omit<BlobHeader, 'format'>) {
  const { count, structureLength, coordinatesLength, textLength } = header;
  const offsetBytes = alignUp(4 * (count + 1));
  const kinds = alignUp(LENGTH_DIGITS + headerLength);
  const dimensions = kinds + alignUp(count);
  const coordinateOffsets = dimensions + alignUp(count);
  const structureOffsets = coordinateOffsets + offsetBytes;
  const textOffsets = structureOffsets + offsetBytes;
  const structure = textOffsets + offsetBytes;
  const coordinates = structure + alignUp(4 * structureLength);
  const text = coordinates + 8 * coordinatesLength;
  const end = text + textLength;
  return {
    kinds,
    dimensions,
    coordinateOffsets,
    structureOffsets,
    textOffsets,
    structure,
    coordinates,
    text,
    end
  };
}

/** One record as one segment (see the module's comment), padded to a multiple of 8 bytes. */
function segmentBlob(record: PackedFeatureRecord): Blob {
  const header: BlobHeader = {
    format: PACKED_FEATURES_FORMAT,
    count: record.count,
    structureLength: record.structure.length,
    coordinatesLength: record.coordinates.length,
    textLength: record.text.length
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const lengthField = new TextEncoder().encode(
    String(headerBytes.length).padStart(LENGTH_DIGITS, '0')
  );
  const parts: BlobPart[] = [lengthField, headerBytes];
  let at = lengthField.length + headerBytes.length;
  for (const [, section] of packedArraysOf(record)) {
    const gap = padding(at);
    parts.push(gap, section as ArrayBufferView<ArrayBuffer>);
    at += gap.length + section.byteLength;
  }
  parts.push(padding(at));
  return new Blob(parts, { type: 'application/octet-stream' });
}

/**
 * The Blob of a record, or of consecutive records (one segment each: nothing is joined). The
 * arrays are copied by the Blob; the records are not changed.
 */
export function packedRecordBlob(
  records: PackedFeatureRecord | readonly PackedFeatureRecord[]
): Blob {
  const list: readonly PackedFeatureRecord[] = Array.isArray(records) ? records : [records];
  return new Blob(list.map(segmentBlob), { type: 'application/octet-stream' });
}

/** Thrown when a Blob is not a packed layer this module wrote (or is damaged). */
export class PackedBlobError extends Error {
  constructor(detail: string) {
    super(`Not a packed layer, or a damaged one: ${detail}`);
    this.name = 'PackedBlobError';
  }
}

const asciiDecoder = new TextDecoder();

/** The segment starting at `start` of `bytes`: its header's length and the header. */
function readHeader(
  bytes: Uint8Array,
  start: number
): { headerLength: number; header: BlobHeader } {
  const digits = asciiDecoder.decode(bytes.subarray(start, start + LENGTH_DIGITS));
  const headerLength = /^\d{8}$/.test(digits) ? Number(digits) : NaN;
  if (!(headerLength > 0 && headerLength <= MAX_HEADER_LENGTH)) {
    throw new PackedBlobError('no header');
  }
  const headerStart = start + LENGTH_DIGITS;
  if (bytes.length < headerStart + headerLength) throw new PackedBlobError('cut short');
  let header: BlobHeader;
  try {
    header = JSON.parse(
      asciiDecoder.decode(bytes.subarray(headerStart, headerStart + headerLength))
    ) as BlobHeader;
  } catch {
    throw new PackedBlobError('the header is not JSON');
  }
  const lengths = [
    header?.count,
    header?.structureLength,
    header?.coordinatesLength,
    header?.textLength
  ];
  if (
    header?.format !== PACKED_FEATURES_FORMAT ||
    !lengths.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw new PackedBlobError('unknown format or lengths');
  }
  return { headerLength, header };
}

/** readHeader, where bytes after a first segment that start no segment are said to be extra. */
function readHeaderAfter(bytes: Uint8Array, start: number) {
  try {
    return readHeader(bytes, start);
  } catch (error) {
    if (start > 0 && error instanceof PackedBlobError && /no header/.test(error.message)) {
      throw new PackedBlobError('longer than its parts');
    }
    throw error;
  }
}

/**
 * The records a Blob of packedRecordBlob holds, in order. Their typed arrays are views into ONE
 * ArrayBuffer (transferablesOf allows that). Throws PackedBlobError if the Blob is anything else
 * or its parts do not fit together.
 */
export async function readPackedRecordBlob(blob: Blob): Promise<PackedFeatureRecord[]> {
  const buffer = await blob.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  const records: PackedFeatureRecord[] = [];
  let start = 0;
  // An empty Blob is a layer of no segments (a builder's records() with nothing added).
  while (start < bytes.length) {
    const { headerLength, header } = readHeaderAfter(bytes, start);
    const { count, structureLength, coordinatesLength, textLength } = header;
    const at = segmentLayout(headerLength, header);
    if (bytes.length < start + at.end) throw new PackedBlobError('cut short');
    const view = <T>(
      make: new (b: ArrayBuffer, at: number, n: number) => T,
      from: number,
      n: number
    ) => new make(buffer, start + from, n);
    const record: PackedFeatureRecord = {
      format: PACKED_FEATURES_FORMAT,
      count,
      kinds: view(Uint8Array, at.kinds, count),
      dimensions: view(Uint8Array, at.dimensions, count),
      coordinateOffsets: view(Uint32Array, at.coordinateOffsets, count + 1),
      structureOffsets: view(Uint32Array, at.structureOffsets, count + 1),
      coordinates: view(Float64Array, at.coordinates, coordinatesLength),
      structure: view(Uint32Array, at.structure, structureLength),
      text: view(Uint8Array, at.text, textLength),
      textOffsets: view(Uint32Array, at.textOffsets, count + 1)
    };
    if (!isPackedFeatureRecord(record)) {
      throw new PackedBlobError('its parts do not fit together');
    }
    records.push(record);
    // The padding after a segment is zeros; whatever else follows must be another segment.
    const end = start + at.end;
    const next = Math.min(alignUp(end), bytes.length);
    if (bytes.subarray(end, next).some((byte) => byte !== 0)) {
      throw new PackedBlobError('longer than its parts');
    }
    start = next;
  }
  return records;
}

/**
 * A SegmentShelf (packed-features.ts) that keeps each finished segment as a Blob: its bytes go
 * to the browser, out of the tab, and the segment's arrays are released at once. The import
 * worker shelves what it packs, so a big file's features are not held in the tab while the
 * rest of it is parsed; the layer's Blob is then made of the shelved ones without copying.
 *
 * @example
 * const builder = new PackedFeatureBuilder(undefined, new BlobShelf());
 * … builder.add(feature) …
 * const blob = new Blob(await builder.shelvedSelection(keep)); // the layer, for IndexedDB
 */
export class BlobShelf implements SegmentShelf<Blob> {
  put(segment: PackedFeatureRecord): Blob {
    const blob = segmentBlob(segment);
    // The Blob has copied the bytes: the arrays go now rather than at the next collection.
    for (const [, array] of packedArraysOf(segment)) releaseBuffer(array.buffer);
    return blob;
  }

  async take(blob: Blob): Promise<PackedFeatureRecord> {
    const [record] = await readPackedRecordBlob(blob);
    return record;
  }
}
