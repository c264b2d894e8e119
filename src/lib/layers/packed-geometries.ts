/**
 * Geometries kept in typed arrays instead of nested GeoJSON arrays, for the user-tile worker:
 * 100 000 parcels of 19 positions take ~30 MB here against ~230 MB as GeoJSON objects (a small
 * array object per position). Positions keep x and y only — all a tile draws — exactly as
 * given (Float64). GeometryCollections, rare in imported data, are kept as they are.
 */
import type { Geometry, Position } from 'geojson';

/** Type codes, in the order of TYPES. */
const TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection'
] as const;
type PackedType = (typeof TYPES)[number];
const CODE = new Map<string, number>(TYPES.map((type, code) => [type, code]));

/** A growable typed array. */
class Growing<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (size: number) => T
  ) {}
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(Math.max(16, this.array.length * 2));
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
  /** The values in an array of their own, exactly as long as needed. */
  trimmed(): T {
    return this.array.slice(0, this.length) as T;
  }
}

/**
 * Appends geometries one by one and gives each back, rebuilt as GeoJSON, by its position.
 * Layout: `coordinates` holds x, y of every position in order; `structure` holds, per geometry,
 * the counts that cut its positions into parts (Point: none; MultiPoint and LineString: the
 * number of positions; MultiLineString: lines, then each line's count; Polygon: rings, then
 * each ring's count; MultiPolygon: polygons, then per polygon its rings and their counts).
 *
 * @example
 * const packed = new PackedGeometries();
 * packed.add({ type: 'Point', coordinates: [121.13, 41.1] });
 * packed.geometry(0); // { type: 'Point', coordinates: [121.13, 41.1] }
 */
export class PackedGeometries {
  #types = new Growing(new Int32Array(16), (n) => new Int32Array(n));
  /** Per geometry: where its positions (in positions, not numbers) and its counts start. */
  #coordinateStarts = new Growing(new Int32Array(16), (n) => new Int32Array(n));
  #structureStarts = new Growing(new Int32Array(16), (n) => new Int32Array(n));
  #coordinates = new Growing(new Float64Array(64), (n) => new Float64Array(n));
  #structure = new Growing(new Int32Array(64), (n) => new Int32Array(n));
  #collections = new Map<number, Geometry>();

  /** How many geometries were added. */
  get length(): number {
    return this.#types.length;
  }

  /** Appends a geometry; throws on a type GeoJSON does not have. */
  add(geometry: Geometry): void {
    const code = CODE.get(geometry.type);
    if (code === undefined) throw new TypeError(`Unknown geometry type "${geometry.type}"`);
    const index = this.#types.length;
    this.#types.push(code);
    this.#coordinateStarts.push(this.#coordinates.length / 2);
    this.#structureStarts.push(this.#structure.length);
    switch (geometry.type) {
      case 'Point':
        this.#position(geometry.coordinates);
        return;
      case 'MultiPoint':
      case 'LineString':
        this.#positions(geometry.coordinates);
        return;
      case 'MultiLineString':
      case 'Polygon':
        this.#structure.push(geometry.coordinates.length);
        for (const part of geometry.coordinates) this.#positions(part);
        return;
      case 'MultiPolygon':
        this.#structure.push(geometry.coordinates.length);
        for (const polygon of geometry.coordinates) {
          this.#structure.push(polygon.length);
          for (const ring of polygon) this.#positions(ring);
        }
        return;
      case 'GeometryCollection':
        this.#collections.set(index, geometry);
        return;
    }
  }

  /** The geometry at `index`, rebuilt as GeoJSON (a new object on every call). */
  geometry(index: number): Geometry {
    if (!(index >= 0 && index < this.length)) throw new RangeError(`No geometry #${index}`);
    const type: PackedType = TYPES[this.#types.array[index]];
    if (type === 'GeometryCollection') return this.#collections.get(index) as Geometry;
    const reader = {
      coordinate: this.#coordinateStarts.array[index],
      structure: this.#structureStarts.array[index]
    };
    const count = () => this.#structure.array[reader.structure++];
    const positions = (n: number): Position[] => {
      const list: Position[] = new Array(n);
      const values = this.#coordinates.array;
      for (let k = 0; k < n; k++, reader.coordinate++) {
        list[k] = [values[reader.coordinate * 2], values[reader.coordinate * 2 + 1]];
      }
      return list;
    };
    const parts = () => Array.from({ length: count() }, () => positions(count()));
    switch (type) {
      case 'Point':
        return { type, coordinates: positions(1)[0] };
      case 'MultiPoint':
      case 'LineString':
        return { type, coordinates: positions(count()) };
      case 'MultiLineString':
      case 'Polygon':
        return { type, coordinates: parts() };
      case 'MultiPolygon':
        return { type, coordinates: Array.from({ length: count() }, parts) };
    }
  }

  /** Lets go of the spare room the arrays grew into (call once everything is added). */
  trim(): void {
    for (const growing of [
      this.#types,
      this.#coordinateStarts,
      this.#structureStarts,
      this.#coordinates,
      this.#structure
    ] as Growing<Float64Array | Int32Array>[]) {
      growing.array = growing.trimmed();
    }
  }

  #positions(positions: Position[]): void {
    this.#structure.push(positions.length);
    for (const position of positions) this.#position(position);
  }

  #position(position: Position): void {
    this.#coordinates.push(position[0]);
    this.#coordinates.push(position[1]);
  }
}
