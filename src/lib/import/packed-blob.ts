/**
 * A packed layer (packed-features.ts) as ONE Blob, for IndexedDB. Storing the record object made
 * the browser serialise its 40–50 MB of arrays (100 000 parcels) into a buffer, then copy that
 * into a blob of its own — over 150 MB more in the tab for a moment. A Blob built from the arrays
 * is copied once, and the browser keeps its bytes outside the tab (in memory or on disk) from
 * then on; IndexedDB stores a reference to it.
 *
 * Layout: 8 ASCII digits giving the header's length, the header (JSON: format, count and the
 * array lengths), then each array's bytes — kinds, dimensions, the three offset arrays,
 * structure, coordinates — each starting at a multiple of 8 bytes so it can be viewed in place —
 * and the text (UTF-8) up to the end.
 *
 * @example
 * const blob = packedRecordBlob(record); // or a list of records, read back as one
 * const same = await readPackedRecordBlob(blob); // deep-equals record
 */
import {
  isPackedFeatureRecord,
  PACKED_FEATURES_FORMAT,
  type PackedFeatureRecord
} from './packed-features';

const LENGTH_DIGITS = 8;
const ALIGNMENT = 8;

interface BlobHeader {
  format: typeof PACKED_FEATURES_FORMAT;
  count: number;
  structureLength: number;
  coordinatesLength: number;
  /** Bytes of the text (UTF-8). */
  textLength: number;
}

function padding(bytes: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array((ALIGNMENT - (bytes % ALIGNMENT)) % ALIGNMENT);
}

/** `offsets[1…]` (a record's offsets but the leading 0) shifted by `base`. */
function shiftedOffsets(offsets: Uint32Array, base: number): Uint32Array<ArrayBuffer> {
  const shifted = new Uint32Array(offsets.length - 1);
  for (let i = 1; i < offsets.length; i++) shifted[i - 1] = base + offsets[i];
  return shifted;
}

/**
 * Builds the Blob of consecutive records one record at a time: each record's arrays are copied
 * into the Blob as it is appended, so a caller that lets go of a record once appended never holds
 * the whole layer twice (the records and the Blob's copy of them).
 *
 * @example
 * const writer = new PackedBlobWriter();
 * for (const record of records) writer.append(record);
 * const blob = writer.blob(); // the same as packedRecordBlob(records)
 */
export class PackedBlobWriter {
  #count = 0;
  #structureLength = 0;
  #coordinatesLength = 0;
  #textLength = 0;
  // One Blob per section, grown by appending: a Blob made of Blobs refers to their bytes.
  #kinds = new Blob([]);
  #dimensions = new Blob([]);
  #coordinateOffsets = new Blob([new Uint32Array(1)]);
  #structureOffsets = new Blob([new Uint32Array(1)]);
  #textOffsets = new Blob([new Uint32Array(1)]);
  #structure = new Blob([]);
  #coordinates = new Blob([]);
  #text = new Blob([]);

  append(record: PackedFeatureRecord): void {
    const grow = (blob: Blob, part: BlobPart) => new Blob([blob, part]);
    this.#kinds = grow(this.#kinds, record.kinds as Uint8Array<ArrayBuffer>);
    this.#dimensions = grow(this.#dimensions, record.dimensions as Uint8Array<ArrayBuffer>);
    this.#coordinateOffsets = grow(
      this.#coordinateOffsets,
      shiftedOffsets(record.coordinateOffsets, this.#coordinatesLength)
    );
    this.#structureOffsets = grow(
      this.#structureOffsets,
      shiftedOffsets(record.structureOffsets, this.#structureLength)
    );
    this.#textOffsets = grow(
      this.#textOffsets,
      shiftedOffsets(record.textOffsets, this.#textLength)
    );
    this.#structure = grow(this.#structure, record.structure as Uint32Array<ArrayBuffer>);
    this.#coordinates = grow(this.#coordinates, record.coordinates as Float64Array<ArrayBuffer>);
    this.#text = grow(this.#text, record.text as Uint8Array<ArrayBuffer>);
    this.#count += record.count;
    this.#structureLength += record.structure.length;
    this.#coordinatesLength += record.coordinates.length;
    this.#textLength += record.text.length;
  }

  /** The Blob of everything appended (readPackedRecordBlob reads it as one record). */
  blob(): Blob {
    const header: BlobHeader = {
      format: PACKED_FEATURES_FORMAT,
      count: this.#count,
      structureLength: this.#structureLength,
      coordinatesLength: this.#coordinatesLength,
      textLength: this.#textLength
    };
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const lengthField = new TextEncoder().encode(
      String(headerBytes.length).padStart(LENGTH_DIGITS, '0')
    );
    const parts: BlobPart[] = [lengthField, headerBytes];
    let at = lengthField.length + headerBytes.length;
    for (const section of [
      this.#kinds,
      this.#dimensions,
      this.#coordinateOffsets,
      this.#structureOffsets,
      this.#textOffsets,
      this.#structure,
      this.#coordinates
    ]) {
      // Each section starts at a multiple of 8 bytes, so it can be viewed where it lies.
      const gap = padding(at);
      parts.push(gap, section);
      at += gap.length + section.size;
    }
    parts.push(this.#text);
    return new Blob(parts, { type: 'application/octet-stream' });
  }
}

/**
 * The Blob of a record, or of consecutive records read back as one (so a layer packed in
 * segments need not be joined into one record first). The arrays are copied by the Blob; the
 * records are not changed.
 */
export function packedRecordBlob(
  records: PackedFeatureRecord | readonly PackedFeatureRecord[]
): Blob {
  const writer = new PackedBlobWriter();
  const list: readonly PackedFeatureRecord[] = Array.isArray(records) ? records : [records];
  for (const record of list) writer.append(record);
  return writer.blob();
}

/** Thrown when a Blob is not a packed record this module wrote (or is damaged). */
export class PackedBlobError extends Error {
  constructor(detail: string) {
    super(`Not a packed layer, or a damaged one: ${detail}`);
    this.name = 'PackedBlobError';
  }
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALIGNMENT) * ALIGNMENT;
}

/**
 * The record a Blob of packedRecordBlob holds. Its typed arrays are views into one ArrayBuffer
 * (transferablesOf transfers that buffer once). Throws PackedBlobError if the Blob is anything
 * else or its parts do not fit together.
 */
export async function readPackedRecordBlob(blob: Blob): Promise<PackedFeatureRecord> {
  const headerLength = Number(await blob.slice(0, LENGTH_DIGITS).text());
  if (!Number.isInteger(headerLength) || headerLength <= 0 || headerLength > 4096) {
    throw new PackedBlobError('no header');
  }
  let header: BlobHeader;
  try {
    header = JSON.parse(
      await blob.slice(LENGTH_DIGITS, LENGTH_DIGITS + headerLength).text()
    ) as BlobHeader;
  } catch {
    throw new PackedBlobError('the header is not JSON');
  }
  const { count, structureLength, coordinatesLength, textLength } = header;
  const lengths = [count, structureLength, coordinatesLength, textLength];
  if (
    header.format !== PACKED_FEATURES_FORMAT ||
    !lengths.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw new PackedBlobError('unknown format or lengths');
  }
  const start = alignUp(LENGTH_DIGITS + headerLength);
  const offsetBytes = alignUp(4 * (count + 1));
  const layout = {
    kinds: start,
    dimensions: start + alignUp(count),
    coordinateOffsets: start + 2 * alignUp(count),
    structureOffsets: start + 2 * alignUp(count) + offsetBytes,
    textOffsets: start + 2 * alignUp(count) + 2 * offsetBytes,
    structure: start + 2 * alignUp(count) + 3 * offsetBytes
  };
  const coordinatesAt = layout.structure + alignUp(4 * structureLength);
  const textAt = coordinatesAt + 8 * coordinatesLength;
  if (blob.size < textAt + textLength) throw new PackedBlobError('cut short');
  if (blob.size > textAt + textLength) throw new PackedBlobError('longer than its parts');
  const buffer = await blob.slice(start, textAt + textLength).arrayBuffer();
  const view = <T>(make: new (b: ArrayBuffer, at: number, n: number) => T, at: number, n: number) =>
    new make(buffer, at - start, n);
  const record: PackedFeatureRecord = {
    format: PACKED_FEATURES_FORMAT,
    count,
    kinds: view(Uint8Array, layout.kinds, count),
    dimensions: view(Uint8Array, layout.dimensions, count),
    coordinateOffsets: view(Uint32Array, layout.coordinateOffsets, count + 1),
    structureOffsets: view(Uint32Array, layout.structureOffsets, count + 1),
    coordinates: view(Float64Array, coordinatesAt, coordinatesLength),
    structure: view(Uint32Array, layout.structure, structureLength),
    text: view(Uint8Array, textAt, textLength),
    textOffsets: view(Uint32Array, layout.textOffsets, count + 1)
  };
  if (!isPackedFeatureRecord(record)) {
    throw new PackedBlobError('its parts do not fit together');
  }
  return record;
}
