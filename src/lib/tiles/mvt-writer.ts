/**
 * A Mapbox Vector Tile (MVT 2.1) encoder of one layer that writes each feature's geometry
 * commands straight from typed arrays of tile coordinates, so cutting a tile of 100 000 features
 * makes no JS object per vertex (or per ring).
 *
 * The bytes are those @maplibre/vt-pbf 4's `fromGeojsonVt` writes for the same features (same
 * field order, key and value tables in order of first use, value types, the dropped closing
 * point of polygon rings, ClosePath after every polygon ring), so a tile decodes as it did when
 * vt-pbf encoded it. One deliberate difference: vt-pbf looks keys up in a plain object, so a
 * property named like an Object.prototype member (`constructor`, `toString`, …) was written
 * with a wrong key index; here such keys are written as any other.
 */
import { PbfWriter } from 'pbf';
import { GrowingArray } from '$lib/storage/growing-array';

/** MVT geometry types. */
export const MVT_POINT = 1;
export const MVT_LINESTRING = 2;
export const MVT_POLYGON = 3;

export type MvtGeometryType = typeof MVT_POINT | typeof MVT_LINESTRING | typeof MVT_POLYGON;

/** Wire type of length-delimited fields (messages, strings, packed arrays). */
const WIRE_BYTES = 2;

const COMMAND_MOVE_TO = 1;
const COMMAND_LINE_TO = 2;
const COMMAND_CLOSE_PATH = 7;

/** Tags of the MVT protobuf messages (vector_tile.proto). */
const TILE_LAYERS = 3;
const LAYER_NAME = 1;
const LAYER_FEATURES = 2;
const LAYER_KEYS = 3;
const LAYER_VALUES = 4;
const LAYER_EXTENT = 5;
const LAYER_VERSION = 15;
const FEATURE_ID = 1;
const FEATURE_TAGS = 2;
const FEATURE_TYPE = 3;
const FEATURE_GEOMETRY = 4;
const VALUE_STRING = 1;
const VALUE_DOUBLE = 3;
const VALUE_UINT = 5;
const VALUE_SINT = 6;
const VALUE_BOOL = 7;

function command(id: number, count: number): number {
  return (count << 3) + (id & 7);
}

function zigzag(value: number): number {
  return (value << 1) ^ (value >> 31);
}

/**
 * One feature's geometry in tile units, built up ring by ring in reusable typed arrays: the
 * rings (or lines) of a line or polygon feature, or a point feature's points as one run.
 *
 * @example
 * const geometry = new MvtGeometry();
 * geometry.clear();
 * geometry.addPoint(0, 0);
 * geometry.addPoint(10, 0);
 * geometry.addPoint(10, 10);
 * geometry.endRing(); // one ring of 3 points; a polygon's ring may repeat its first point last
 */
export class MvtGeometry {
  readonly #coordinates = new GrowingArray(new Int32Array(1024), (n) => new Int32Array(n));
  readonly #ringEnds = new GrowingArray(new Uint32Array(64), (n) => new Uint32Array(n));

  /** x0, y0, x1, y1, … of every ring in order (integers, tile units); read up to 2 × pointCount. */
  get coordinates(): Int32Array {
    return this.#coordinates.array;
  }

  /** Per ring: the number of points up to its end; read up to ringCount. */
  get ringEnds(): Uint32Array {
    return this.#ringEnds.array;
  }

  get pointCount(): number {
    return this.#coordinates.length / 2;
  }

  get ringCount(): number {
    return this.#ringEnds.length;
  }

  /** Forgets every ring (keeps the arrays). */
  clear(): void {
    this.#coordinates.length = 0;
    this.#ringEnds.length = 0;
  }

  /** Appends a point (integers, tile units: an Int32Array truncates) to the ring being built. */
  addPoint(x: number, y: number): void {
    this.#coordinates.push(x);
    this.#coordinates.push(y);
  }

  /** Ends the ring being built (points added since the previous end). */
  endRing(): void {
    this.#ringEnds.push(this.pointCount);
  }
}

/**
 * What a tile's features are handed to as they are cut (packed-tiles.ts): an MvtLayerWriter, or
 * anything else that draws or collects them (raster-tile-writer.ts paints them).
 */
export type TileFeatureSink = Pick<MvtLayerWriter, 'addFeature' | 'addFeatureWithProperty'>;

/** A property value as a tile holds it. */
type MvtValue = string | number | boolean;

/**
 * Writes one MVT layer, feature by feature, into one growing buffer; finish() returns the tile.
 *
 * @example
 * const writer = new MvtLayerWriter('features', 8192);
 * const geometry = new MvtGeometry();
 * geometry.addPoint(100, 100);
 * geometry.addPoint(200, 100);
 * geometry.addPoint(200, 200);
 * geometry.addPoint(100, 100);
 * geometry.endRing();
 * writer.addFeatureWithProperty(0, MVT_POLYGON, geometry, 'name', '地块 0');
 * const bytes = writer.finish(); // Uint8Array of its own, or null had no feature been added
 */
export class MvtLayerWriter {
  readonly #pbf = new PbfWriter();
  readonly #keys: string[] = [];
  readonly #values: MvtValue[] = [];
  readonly #keyIndex = new Map<string, number>();
  readonly #valueIndex = new Map<MvtValue, number>();
  readonly #layerStart: number;
  #featureCount = 0;
  #finished = false;
  /** Where the open feature's tags field starts. */
  #tagsStart = 0;

  /** `extent`: tile units per tile side; `version`: the MVT version written in the layer. */
  constructor(name: string, extent: number, version = 2) {
    const pbf = this.#pbf;
    this.#layerStart = this.#openMessage(TILE_LAYERS);
    pbf.writeVarintField(LAYER_VERSION, version);
    pbf.writeStringField(LAYER_NAME, name);
    pbf.writeVarintField(LAYER_EXTENT, extent);
  }

  /** How many features have been added. */
  get featureCount(): number {
    return this.#featureCount;
  }

  /**
   * Adds a feature whose properties are `properties`' own enumerable ones (null and undefined
   * values left out; objects and arrays as their JSON text), or none when null.
   */
  addFeature(
    id: number,
    type: MvtGeometryType,
    geometry: MvtGeometry,
    properties: Readonly<Record<string, unknown>> | null
  ): void {
    const featureStart = this.#beginFeature(id);
    if (properties !== null) {
      for (const key in properties) this.#writeProperty(key, properties[key]);
    }
    this.#endFeature(featureStart, type, geometry);
  }

  /** Adds a feature with one property, `key` = `value` (none when value is null/undefined). */
  addFeatureWithProperty(
    id: number,
    type: MvtGeometryType,
    geometry: MvtGeometry,
    key: string,
    value: unknown
  ): void {
    const featureStart = this.#beginFeature(id);
    this.#writeProperty(key, value);
    this.#endFeature(featureStart, type, geometry);
  }

  /**
   * The tile's bytes (a buffer of their own), or null when no feature was added. The writer
   * cannot be used afterwards.
   */
  finish(): Uint8Array<ArrayBuffer> | null {
    if (this.#finished) throw new Error('MvtLayerWriter.finish() called twice');
    this.#finished = true;
    if (this.#featureCount === 0) return null;
    const pbf = this.#pbf;
    for (const key of this.#keys) pbf.writeStringField(LAYER_KEYS, key);
    for (const value of this.#values) {
      const valueStart = this.#openMessage(LAYER_VALUES);
      writeValue(pbf, value);
      this.#closeMessage(valueStart);
    }
    this.#closeMessage(this.#layerStart);
    return pbf.finish().slice();
  }

  #beginFeature(id: number): number {
    if (this.#finished) throw new Error('MvtLayerWriter: feature added after finish()');
    const featureStart = this.#openMessage(LAYER_FEATURES);
    this.#pbf.writeVarintField(FEATURE_ID, id);
    this.#tagsStart = this.#openMessage(FEATURE_TAGS);
    return featureStart;
  }

  #endFeature(featureStart: number, type: MvtGeometryType, geometry: MvtGeometry): void {
    const pbf = this.#pbf;
    this.#closeMessage(this.#tagsStart);
    pbf.writeVarintField(FEATURE_TYPE, type);
    const geometryStart = this.#openMessage(FEATURE_GEOMETRY);
    writeGeometry(pbf, type, geometry);
    this.#closeMessage(geometryStart);
    this.#closeMessage(featureStart);
    this.#featureCount++;
  }

  /** Writes key and value indices of one property (vt-pbf's writeProperties). */
  #writeProperty(key: string, raw: unknown): void {
    if (raw === null || raw === undefined) return;
    const pbf = this.#pbf;
    let keyIndex = this.#keyIndex.get(key);
    if (keyIndex === undefined) {
      keyIndex = this.#keys.push(key) - 1;
      this.#keyIndex.set(key, keyIndex);
    }
    pbf.writeVarint(keyIndex);
    const value: MvtValue =
      typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? raw
        : String(JSON.stringify(raw));
    let valueIndex = this.#valueIndex.get(value);
    if (valueIndex === undefined) {
      valueIndex = this.#values.push(value) - 1;
      this.#valueIndex.set(value, valueIndex);
    }
    pbf.writeVarint(valueIndex);
  }

  /**
   * Starts a length-delimited field as PbfWriter.writeMessage does (one byte kept for the
   * length); returns where its content starts.
   */
  #openMessage(tag: number): number {
    const pbf = this.#pbf;
    pbf.writeTag(tag, WIRE_BYTES);
    pbf.realloc(1);
    pbf.pos++;
    return pbf.pos;
  }

  /** Ends the field opened at `start`, moving its content when the length needs more bytes. */
  #closeMessage(start: number): void {
    const pbf = this.#pbf;
    const length = pbf.pos - start;
    if (length >= 0x80) {
      let extra = 1;
      while (length >= 2 ** (7 * (extra + 1))) extra++;
      pbf.realloc(extra);
      pbf.buf.copyWithin(start + extra, start, pbf.pos);
    }
    pbf.pos = start - 1;
    pbf.writeVarint(length);
    pbf.pos += length;
  }
}

/** The geometry commands of one feature (vt-pbf's writeGeometry). */
function writeGeometry(pbf: PbfWriter, type: MvtGeometryType, geometry: MvtGeometry): void {
  const coordinates = geometry.coordinates;
  const ringEnds = geometry.ringEnds;
  let x = 0;
  let y = 0;
  let start = 0;
  for (let ring = 0; ring < geometry.ringCount; ring++) {
    const end = ringEnds[ring];
    const length = end - start;
    pbf.writeVarint(command(COMMAND_MOVE_TO, type === MVT_POINT ? length : 1));
    // A polygon ring's closing point is left out: ClosePath stands for it.
    const closed =
      type === MVT_POLYGON &&
      length > 1 &&
      coordinates[2 * (end - 1)] === coordinates[2 * start] &&
      coordinates[2 * (end - 1) + 1] === coordinates[2 * start + 1];
    const written = closed ? length - 1 : length;
    for (let k = 0; k < written; k++) {
      if (k === 1 && type !== MVT_POINT) pbf.writeVarint(command(COMMAND_LINE_TO, written - 1));
      const at = 2 * (start + k);
      const dx = coordinates[at] - x;
      const dy = coordinates[at + 1] - y;
      pbf.writeVarint(zigzag(dx));
      pbf.writeVarint(zigzag(dy));
      x += dx;
      y += dy;
    }
    if (type === MVT_POLYGON) pbf.writeVarint(command(COMMAND_CLOSE_PATH, 1));
    start = end;
  }
}

/** One entry of the layer's value table (vt-pbf's writeValue). */
function writeValue(pbf: PbfWriter, value: MvtValue): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE_STRING, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE_BOOL, value);
  else if (value % 1 !== 0) pbf.writeDoubleField(VALUE_DOUBLE, value);
  else if (value < 0) pbf.writeSVarintField(VALUE_SINT, value);
  else pbf.writeVarintField(VALUE_UINT, value);
}
