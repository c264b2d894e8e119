/** Packing a stream of features into segments, read back by index or picked from. */
import type { Feature, Geometry } from 'geojson';
import { RecordWriter, candidateKind } from './pack-features';
import { type FeatureSourceText, type PackedFeatureRecord } from './packed-record';
import { concatRecords, segmentOf, sliceRecord } from './packed-slices';
import { unpackFeature } from './unpack-features';

/**
 * Numbers of coordinates per segment of a PackedFeatureBuilder (4 MB): big enough that a layer
 * has few segments, small enough that growing and trimming one copies little.
 */
export const SEGMENT_NUMBERS = 1 << 19;

/**
 * Where a PackedFeatureBuilder can keep its finished segments instead of in memory (packed-blob.ts
 * has one that keeps them as Blobs, outside the tab). `put` takes the segment over: its arrays
 * may be released. `take` gives it back.
 */
export interface SegmentShelf<Shelved> {
  put(segment: PackedFeatureRecord): Shelved;
  take(shelved: Shelved): Promise<PackedFeatureRecord>;
}

/**
 * Packs features added one at a time, each at once (none is kept as an object), into segments:
 * consecutive records of about `segmentNumbers` coordinates each. A segment's arrays are
 * allocated for its size when it starts and trimmed when it ends, so a big layer is never one
 * array grown by copying, nor joined into one record unless asked (record()). Any added feature
 * can be read back (get).
 *
 * Given a shelf, each segment goes onto it as it ends, and the builder holds none of them: then
 * `ready(index)` must come before `get(index)` (it takes back the feature's segment, one at a
 * time), and `shelvedSelection` gives the result.
 *
 * @example
 * const packed = new PackedFeatureBuilder();
 * for (const feature of features) packed.add(feature);
 * new PackedFeatures(packed.records()); // or packed.record(): one record
 */
export class PackedFeatureBuilder<Shelved = never> {
  #segments: (PackedFeatureRecord | { shelved: Shelved })[] = [];
  /** Index of the first feature of each segment. */
  #starts: number[] = [];
  #writer: RecordWriter | null = null;
  #count = 0;
  /** The one shelved segment taken back, by its number. */
  #taken: { segment: number; record: PackedFeatureRecord } | null = null;

  /**
   * @param segmentNumbers coordinates per segment (a segment ends once it has this many)
   * @param shelf where segments go as they end (see the class's comment)
   */
  constructor(
    readonly segmentNumbers = SEGMENT_NUMBERS,
    private readonly shelf?: SegmentShelf<Shelved>
  ) {}

  get count(): number {
    return this.#count;
  }

  /**
   * Adds a feature. `source`: its own JSON text, when the caller has it (cut from the file it
   * was parsed from: see read-geojson.ts); it must parse to the feature as it is. It spares
   * writing the feature out again: the text is copied, its geometry's value replaced by null.
   */
  add(feature: Feature<Geometry | null>, source?: FeatureSourceText): void {
    // Room for a segment's numbers and a little over (the feature that fills it), and for as many
    // features and part counts as small parcels would need; arrays grow past that if they must.
    const numbers = this.segmentNumbers;
    const features = Math.min(numbers >> 4, 1 << 16);
    const writer = (this.#writer ??= new RecordWriter(
      features,
      numbers + (numbers >> 3),
      numbers >> 3,
      128 * features
    ));
    writer.add(feature, this.#count++, candidateKind(feature), source);
    if (writer.numbers >= numbers) this.#endSegment();
  }

  /** With a shelf: takes back the segment of feature `index`, so that get(index) can read it. */
  async ready(index: number): Promise<void> {
    this.#checkIndex(index);
    this.#endSegment();
    const segment = segmentOf(this.#starts, index);
    const stored = this.#segments[segment];
    if (!('shelved' in stored) || this.#taken?.segment === segment) return;
    this.#taken = null;
    this.#taken = {
      segment,
      record: await (this.shelf as SegmentShelf<Shelved>).take(stored.shelved)
    };
  }

  /** Feature `index` (0-based, in the order added), unpacked. */
  get(index: number): Feature {
    this.#checkIndex(index);
    this.#endSegment();
    const segment = segmentOf(this.#starts, index);
    return unpackFeature(this.#record(segment), index - this.#starts[segment]);
  }

  /** Everything added, as consecutive records (the builder's own; do not change them). */
  records(): PackedFeatureRecord[] {
    this.#endSegment();
    return this.#segments.map((_, segment) => this.#record(segment));
  }

  /** Everything added, as one record. */
  record(): PackedFeatureRecord {
    const records = this.records();
    return records.length === 1 ? records[0] : concatRecords(records);
  }

  /**
   * The features whose `keep` entry is true, as consecutive records: a segment kept whole is
   * passed on as it is, one kept in part is sliced (copied). Never unpacks a feature.
   */
  select(keep: ArrayLike<boolean | number>): PackedFeatureRecord[] {
    this.#endSegment();
    return this.#segments.flatMap((_, segment) =>
      keptParts(this.#record(segment), keep, this.#starts[segment])
    );
  }

  /**
   * With a shelf: select's features, shelved. A segment kept whole stays as it is on the shelf;
   * one kept in part is taken back, sliced, and the slices shelved.
   */
  async shelvedSelection(keep: ArrayLike<boolean | number>): Promise<Shelved[]> {
    const shelf = this.shelf;
    if (!shelf) throw new Error('PackedFeatureBuilder.shelvedSelection needs a shelf');
    this.#endSegment();
    const selection: Shelved[] = [];
    for (let segment = 0; segment < this.#segments.length; segment++) {
      const stored = this.#segments[segment] as { shelved: Shelved };
      const first = this.#starts[segment];
      const end = this.#starts[segment + 1] ?? this.#count;
      let kept = 0;
      for (let i = first; i < end; i++) if (keep[i]) kept++;
      if (kept === end - first) selection.push(stored.shelved);
      else if (kept > 0) {
        const parts = keptParts(await shelf.take(stored.shelved), keep, first);
        for (const part of parts) selection.push(shelf.put(part));
      }
    }
    return selection;
  }

  #checkIndex(index: number): void {
    if (!(Number.isInteger(index) && index >= 0 && index < this.#count)) {
      throw new RangeError(`No feature #${index} among ${this.#count}`);
    }
  }

  /** Segment `segment` in memory: its own, or the shelved one taken back by ready(). */
  #record(segment: number): PackedFeatureRecord {
    const stored = this.#segments[segment];
    if (!('shelved' in stored)) return stored;
    if (this.#taken?.segment === segment) return this.#taken.record;
    throw new Error(`PackedFeatureBuilder: segment ${segment} is shelved; await ready() first`);
  }

  #endSegment(): void {
    const writer = this.#writer;
    if (!writer || writer.count === 0) return;
    this.#writer = null;
    this.#starts.push(this.#count - writer.count);
    const segment = writer.record();
    this.#segments.push(this.shelf ? { shelved: this.shelf.put(segment) } : segment);
  }
}

/** The runs of `record`'s features whose `keep` entry (from `base`) is true, as records. */
export function keptParts(
  record: PackedFeatureRecord,
  keep: ArrayLike<boolean | number>,
  base: number
): PackedFeatureRecord[] {
  const parts: PackedFeatureRecord[] = [];
  let start = -1;
  for (let i = 0; i <= record.count; i++) {
    const kept = i < record.count && Boolean(keep[base + i]);
    if (kept && start < 0) start = i;
    if (!kept && start >= 0) {
      parts.push(start === 0 && i === record.count ? record : sliceRecord(record, start, i));
      start = -1;
    }
  }
  return parts;
}
