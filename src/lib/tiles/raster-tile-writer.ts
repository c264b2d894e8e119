/**
 * Paints a user tile's features onto a 2D canvas, as they are cut (PackedTileIndex.cut in
 * packed-tiles.ts): the overview of a big imported layer, below the zoom where it is drawn as
 * vectors (theme.imported.bigLayerDetailMinZoom).
 *
 * Why: zoomed out, a big layer is many tiny shapes in a few tiles. MapLibre triangulates every
 * one of them in its worker — 100 000 parcels in four z12 tiles grew the tab by ~250 MB and took
 * a ~1 s frame in software GL — to show what is, at that zoom, a picture of their fills. Painted
 * here, MapLibre gets four images.
 *
 * The picture matches the vector style (imported-style.ts): fills in the layer's colour at its
 * fill opacity, each feature filled on its own (overlaps darken, as MapLibre's fills do), holes
 * left open (even-odd); lines stroked; points as circles with a stroke, on top of the rest.
 *
 * @example
 * const canvas = new OffscreenCanvas(RASTER_TILE_SIZE, RASTER_TILE_SIZE);
 * const writer = new RasterTileWriter(canvas.getContext('2d')!, paint, RASTER_TILE_SIZE);
 * index.cut(12, 3426, 1533, writer); // paints the tile's features
 * writer.finish(); // the points, on top
 */
import {
  MVT_LINESTRING,
  MVT_POINT,
  type MvtGeometry,
  type MvtGeometryType,
  type TileFeatureSink
} from './mvt-writer';
import { TILE_EXTENT } from './packed-tiles';
import { RASTER_TILE_SIZE, type RasterPaint } from './user-tiles-format';

export { RASTER_TILE_SIZE, type RasterPaint };

/** The part of a 2D canvas context the writer uses (an OffscreenCanvas's; tests pass a fake). */
export type RasterContext = Pick<
  OffscreenCanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'lineJoin'
  | 'lineCap'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'fill'
  | 'stroke'
>;

/** Tile units of `TILE_EXTENT` painted onto a square canvas `size` pixels wide. */
export class RasterTileWriter implements TileFeatureSink {
  readonly #scale: number;
  /** Points wait for finish(), so they are painted over every fill and line. */
  #points: number[] = [];
  #featureCount = 0;

  /**
   * @param size canvas pixels per tile side (RASTER_TILE_SIZE × the device pixel ratio);
   *   `paint`'s widths and radii are scaled with it
   */
  constructor(
    readonly context: RasterContext,
    readonly paint: RasterPaint,
    readonly size: number
  ) {
    this.#scale = size / TILE_EXTENT;
  }

  /** How many features have been handed over. */
  get featureCount(): number {
    return this.#featureCount;
  }

  addFeature(id: number, type: MvtGeometryType, geometry: MvtGeometry): void {
    this.#featureCount++;
    if (type === MVT_POINT) this.#keepPoints(geometry);
    else if (type === MVT_LINESTRING) this.#strokeLines(geometry);
    else this.#fillPolygons(geometry);
  }

  addFeatureWithProperty(id: number, type: MvtGeometryType, geometry: MvtGeometry): void {
    this.addFeature(id, type, geometry);
  }

  /** Paints the points kept so far. Call once every feature is in. */
  finish(): void {
    const { context, paint } = this;
    const ratio = this.size / RASTER_TILE_SIZE;
    const points = this.#points;
    context.globalAlpha = 1;
    context.fillStyle = paint.colour;
    context.strokeStyle = paint.pointStroke;
    context.lineWidth = paint.pointStrokeWidth * ratio;
    for (let k = 0; k < points.length; k += 2) {
      context.beginPath();
      context.arc(points[k], points[k + 1], paint.pointRadius * ratio, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
    this.#points = [];
  }

  /** Traces every ring of `geometry` (closing each when `close`), in canvas pixels. */
  #trace(geometry: MvtGeometry, close: boolean): void {
    const { context } = this;
    const scale = this.#scale;
    const coordinates = geometry.coordinates;
    const ringEnds = geometry.ringEnds;
    context.beginPath();
    let point = 0;
    for (let ring = 0; ring < geometry.ringCount; ring++) {
      const end = ringEnds[ring];
      for (let first = point; point < end; point++) {
        const x = coordinates[2 * point] * scale;
        const y = coordinates[2 * point + 1] * scale;
        if (point === first) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      if (close) context.closePath();
    }
  }

  #fillPolygons(geometry: MvtGeometry): void {
    const { context, paint } = this;
    this.#trace(geometry, true);
    context.globalAlpha = paint.fillOpacity;
    context.fillStyle = paint.colour;
    context.fill('evenodd');
  }

  #strokeLines(geometry: MvtGeometry): void {
    const { context, paint } = this;
    this.#trace(geometry, false);
    context.globalAlpha = 1;
    context.strokeStyle = paint.colour;
    context.lineWidth = (paint.lineWidth * this.size) / RASTER_TILE_SIZE;
    context.lineJoin = 'round';
    context.lineCap = 'round';
    context.stroke();
  }

  #keepPoints(geometry: MvtGeometry): void {
    const scale = this.#scale;
    const coordinates = geometry.coordinates;
    for (let k = 0; k < 2 * geometry.pointCount; k++) this.#points.push(coordinates[k] * scale);
  }
}
