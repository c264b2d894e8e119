/**
 * A uniform grid over the features' bboxes (CSR arrays); features covering many cells are kept
 * in a list of their own, checked on every query.
 */
export class FeatureGrid {
  readonly #minX: number;
  readonly #minY: number;
  readonly #cellWidth: number;
  readonly #cellHeight: number;
  readonly #columns: number;
  readonly #rows: number;
  readonly #cellStarts: Uint32Array;
  readonly #cellItems: Uint32Array;
  readonly #large: Uint32Array;
  readonly #seen: Uint32Array;
  #query = 0;

  /** `bboxes`: minX, minY, maxX, maxY per feature (world units); NaN/Infinity: no geometry. */
  constructor(readonly bboxes: Float64Array) {
    const count = bboxes.length / 4;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let widths = 0;
    let heights = 0;
    let located = 0;
    for (let k = 0; k < count; k++) {
      if (!(bboxes[4 * k] <= bboxes[4 * k + 2])) continue;
      minX = Math.min(minX, bboxes[4 * k]);
      minY = Math.min(minY, bboxes[4 * k + 1]);
      maxX = Math.max(maxX, bboxes[4 * k + 2]);
      maxY = Math.max(maxY, bboxes[4 * k + 3]);
      widths += bboxes[4 * k + 2] - bboxes[4 * k];
      heights += bboxes[4 * k + 3] - bboxes[4 * k + 1];
      located++;
    }
    const width = located > 0 ? maxX - minX : 0;
    const height = located > 0 ? maxY - minY : 0;
    // Cells about twice the mean feature size (so most features sit in 1–4 cells), and at most
    // 1024 per side; a point layer gets about 8 features per cell.
    const side = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(located / 8))));
    this.#cellWidth = Math.max((2 * widths) / Math.max(1, located), width / side, 1e-12);
    this.#cellHeight = Math.max((2 * heights) / Math.max(1, located), height / side, 1e-12);
    this.#columns = Math.max(1, Math.min(1024, Math.ceil(width / this.#cellWidth)));
    this.#rows = Math.max(1, Math.min(1024, Math.ceil(height / this.#cellHeight)));
    this.#minX = located > 0 ? minX : 0;
    this.#minY = located > 0 ? minY : 0;
    this.#seen = new Uint32Array(count);
    const cellCount = this.#columns * this.#rows;
    const counts = new Uint32Array(cellCount + 1);
    const large: number[] = [];
    const eachCell = (k: number, visit: (cell: number) => void) => {
      const [c0, r0, c1, r1] = this.#cellRange(
        bboxes[4 * k],
        bboxes[4 * k + 1],
        bboxes[4 * k + 2],
        bboxes[4 * k + 3]
      );
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * this.#columns + c);
    };
    const isLarge = (k: number) => {
      const [c0, r0, c1, r1] = this.#cellRange(
        bboxes[4 * k],
        bboxes[4 * k + 1],
        bboxes[4 * k + 2],
        bboxes[4 * k + 3]
      );
      return (c1 - c0 + 1) * (r1 - r0 + 1) > 16;
    };
    for (let k = 0; k < count; k++) {
      if (!(bboxes[4 * k] <= bboxes[4 * k + 2])) continue;
      if (isLarge(k)) large.push(k);
      else eachCell(k, (cell) => counts[cell + 1]++);
    }
    for (let cell = 0; cell < cellCount; cell++) counts[cell + 1] += counts[cell];
    const items = new Uint32Array(counts[cellCount]);
    const fill = counts.slice(0, cellCount);
    for (let k = 0; k < count; k++) {
      if (!(bboxes[4 * k] <= bboxes[4 * k + 2]) || isLarge(k)) continue;
      eachCell(k, (cell) => (items[fill[cell]++] = k));
    }
    this.#cellStarts = counts;
    this.#cellItems = items;
    this.#large = Uint32Array.from(large);
  }

  /** Columns and rows [c0, r0, c1, r1] a box covers, clamped to the grid. */
  #cellRange(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const column = (x: number) =>
      Math.max(0, Math.min(this.#columns - 1, Math.floor((x - this.#minX) / this.#cellWidth)));
    const row = (y: number) =>
      Math.max(0, Math.min(this.#rows - 1, Math.floor((y - this.#minY) / this.#cellHeight)));
    return [column(minX), row(minY), column(maxX), row(maxY)];
  }

  /**
   * The features whose bbox meets the box [minX, maxX) × [minY, maxY) by geojson-vt's test
   * (not max < min of the box nor min ≥ its max), each once, in no particular order.
   */
  query(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const found: number[] = [];
    const bboxes = this.bboxes;
    const seen = this.#seen;
    const stamp = ++this.#query;
    const consider = (k: number) => {
      if (seen[k] === stamp) return;
      seen[k] = stamp;
      if (
        bboxes[4 * k + 2] < minX ||
        bboxes[4 * k] >= maxX ||
        bboxes[4 * k + 3] < minY ||
        bboxes[4 * k + 1] >= maxY
      ) {
        return;
      }
      found.push(k);
    };
    for (const k of this.#large) consider(k);
    if (this.#cellItems.length === 0) return found;
    const [c0, r0, c1, r1] = this.#cellRange(
      Math.max(minX, -1e9),
      Math.max(minY, -1e9),
      Math.min(maxX, 1e9),
      Math.min(maxY, 1e9)
    );
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.#columns + c;
        for (let at = this.#cellStarts[cell]; at < this.#cellStarts[cell + 1]; at++) {
          consider(this.#cellItems[at]);
        }
      }
    }
    return found;
  }
}
