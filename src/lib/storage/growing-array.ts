/** Typed arrays that grow as values are appended (packing, splitting, tile writing). */
import { releaseBuffer } from './release-buffer';

type NumberArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/**
 * A typed array grown by doubling (the outgrown one let go of at once), for values appended one
 * by one; `trimmed()` gives an array owning an exact buffer.
 *
 * @example
 * const ranges = new GrowingArray(new Uint32Array(64), (n) => new Uint32Array(n));
 * ranges.push(0);
 * ranges.push(10);
 * ranges.trimmed(); // Uint32Array [0, 10]
 */
export class GrowingArray<T extends NumberArray> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (size: number) => T
  ) {}
  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.array.length) return;
    let size = Math.max(64, this.array.length * 2);
    while (size < needed) size *= 2;
    const bigger = this.make(size);
    bigger.set(this.array.subarray(0, this.length));
    releaseBuffer(this.array.buffer);
    this.array = bigger;
  }
  push(value: number): void {
    if (this.length === this.array.length) this.reserve(1);
    this.array[this.length++] = value;
  }
  /** The values as an array of their own; the growing array is not to be used afterwards. */
  trimmed(): T {
    if (this.array.length === this.length) return this.array;
    const trimmed = this.array.slice(0, this.length) as T;
    releaseBuffer(this.array.buffer);
    return trimmed;
  }
}
