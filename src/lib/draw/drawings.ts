/**
 * The mapping between what terra-draw holds while the user draws and what is saved
 * (`Drawing` in src/lib/storage/store.ts), with no DOM and no terra-draw import so it can be
 * tested in Node.
 *
 * Saved: `{ id, feature: { type: 'Feature', id, geometry, properties: { name } }, createdAt,
 * updatedAt }` — plain GeoJSON that any GIS opens after an export. terra-draw's own bookkeeping
 * (`mode`, `selected`, `currentlyDrawing`, …) is never saved; it is rebuilt from the geometry type.
 */
import type { Feature, Geometry, LineString, Point, Polygon, Position } from 'geojson';
import type { Drawing } from '$lib/storage/types';

/** The terra-draw mode that draws (and styles) each geometry type. */
export type DrawingMode = 'polygon' | 'linestring' | 'point';

/** The geometries terra-draw draws and edits here. */
export type DrawnGeometry = Polygon | LineString | Point;

/** Decimal places terra-draw keeps (its default); ~0.1 mm, far below anything drawn by hand. */
export const COORDINATE_PRECISION = 9;

/** A feature in the shape terra-draw's `addFeatures` accepts. */
export interface DrawableFeature {
  type: 'Feature';
  id: string;
  geometry: DrawnGeometry;
  properties: { mode: DrawingMode };
}

export interface BilingualText {
  zh: string;
  en: string;
}

/** The mode for a geometry, or null when terra-draw cannot draw it (points, multi-geometries). */
export function modeForGeometry(geometry: Geometry | null | undefined): DrawingMode | null {
  if (geometry?.type === 'Polygon') return 'polygon';
  if (geometry?.type === 'LineString') return 'linestring';
  if (geometry?.type === 'Point') return 'point';
  return null;
}

/**
 * A fresh id for a drawing: a UUID where the browser offers one (secure contexts), else a
 * time-and-random id that is just as unique for one user's drawings.
 */
export function newDrawingId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const random = Math.random().toString(36).slice(2, 12);
  return `drawing-${Date.now().toString(36)}-${random}`;
}

/** terra-draw accepts these ids; it needs to be told, as its default wants UUIDs only. */
export function isDrawingId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 200;
}

function roundPosition(position: Position): Position {
  const factor = 10 ** COORDINATE_PRECISION;
  return [Math.round(position[0] * factor) / factor, Math.round(position[1] * factor) / factor];
}

/** A copy of a shape with only [longitude, latitude], rounded as terra-draw keeps them. */
function drawableGeometry<G extends DrawnGeometry>(geometry: G): G;
function drawableGeometry(geometry: DrawnGeometry): DrawnGeometry {
  if (geometry.type === 'Point') {
    return { type: 'Point', coordinates: roundPosition(geometry.coordinates) };
  }
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) }
    : { type: 'LineString', coordinates: geometry.coordinates.map(roundPosition) };
}

/**
 * A saved drawing as terra-draw takes it back on reload; null when terra-draw cannot edit the
 * geometry (a MultiPolygon or a polygon with holes restored from a backup) — the list still
 * shows such a drawing.
 *
 * @example
 * terraFeatureFromDrawing(drawing)
 * // { type: 'Feature', id: drawing.id, geometry: { type: 'Polygon', … }, properties: { mode: 'polygon' } }
 */
export function terraFeatureFromDrawing(drawing: Drawing): DrawableFeature | null {
  const geometry = drawing.feature.geometry;
  const mode = modeForGeometry(geometry);
  if (!mode) return null;
  // terra-draw edits only simple polygons; one with holes stays a saved drawing, shown in the list.
  if (geometry.type === 'Polygon' && geometry.coordinates.length !== 1) return null;
  return {
    type: 'Feature',
    id: drawing.id,
    geometry: drawableGeometry(geometry as DrawnGeometry),
    properties: { mode }
  };
}

/** The name the user gave a drawing, or a placeholder for one saved without a name. */
export function drawingName(drawing: Drawing): string {
  const name = drawing.feature.properties?.name;
  return typeof name === 'string' && name.trim() !== '' ? name : '未命名 Unnamed';
}

const NAME_STEMS: Record<DrawingMode, string> = {
  polygon: '多边形 Polygon',
  linestring: '线 Line',
  point: '点 Point'
};

/**
 * The name a new drawing gets: its kind and the next free number among drawings of that kind,
 * e.g. `多边形 Polygon 3`.
 */
export function defaultDrawingName(mode: DrawingMode, drawings: readonly Drawing[]): string {
  const stem = NAME_STEMS[mode];
  const taken = new Set(drawings.map(drawingName));
  let number = drawings.filter((d) => modeForGeometry(d.feature.geometry) === mode).length + 1;
  while (taken.has(`${stem} ${number}`)) number++;
  return `${stem} ${number}`;
}

/**
 * The drawing to save after terra-draw finished drawing or editing a feature: the geometry
 * copied out of terra-draw (no terra-draw properties), the name and creation time of the
 * drawing it replaces, if any.
 *
 * @example
 * drawingFromTerraFeature({ id, geometry }, { now: new Date(), name: '多边形 Polygon 1' })
 */
export function drawingFromTerraFeature(
  feature: { id: string; geometry: Polygon | LineString },
  options: { now: Date; previous?: Drawing; name?: string }
): Drawing {
  const time = options.now.toISOString();
  const name =
    options.previous !== undefined
      ? drawingName(options.previous)
      : (options.name ?? NAME_STEMS[modeForGeometry(feature.geometry) ?? 'polygon']);
  const saved: Feature<Geometry> = {
    type: 'Feature',
    id: feature.id,
    geometry: drawableGeometry(feature.geometry),
    properties: { ...(options.previous?.feature.properties ?? {}), name }
  };
  return {
    id: feature.id,
    feature: saved,
    createdAt: options.previous?.createdAt ?? time,
    updatedAt: time
  };
}

/** Longest name kept; a name is a label, not a note. */
export const MAX_NAME_LENGTH = 100;

/**
 * The drawing with a new name, or a bilingual reason why the name cannot be used.
 * @example renameDrawing(drawing, ' 东区边界 ', new Date()) // { ok: true, drawing: { … name: '东区边界' } }
 */
export function renameDrawing(
  drawing: Drawing,
  name: string,
  now: Date
): { ok: true; drawing: Drawing } | { ok: false; error: BilingualText } {
  const trimmed = name.trim();
  if (trimmed === '') {
    return { ok: false, error: { zh: '名称不能为空。', en: 'The name cannot be empty.' } };
  }
  if (trimmed.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      error: {
        zh: `名称最长 ${MAX_NAME_LENGTH} 个字符（现为 ${trimmed.length}）。`,
        en: `A name may have at most ${MAX_NAME_LENGTH} characters (this one has ${trimmed.length}).`
      }
    };
  }
  return {
    ok: true,
    drawing: {
      ...drawing,
      feature: {
        ...drawing.feature,
        properties: { ...(drawing.feature.properties ?? {}), name: trimmed }
      },
      updatedAt: now.toISOString()
    }
  };
}

/** What to change in terra-draw so it shows exactly the saved drawings. */
export interface SyncPlan {
  add: DrawableFeature[];
  update: DrawableFeature[];
  /** Ids terra-draw holds that were saved once and are saved no more. */
  remove: string[];
  /** Saved drawings terra-draw cannot hold (see terraFeatureFromDrawing). */
  notDrawable: string[];
}

function sameGeometry(a: Geometry, b: Geometry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares the saved drawings with what terra-draw holds. Features terra-draw holds that were
 * never saved (a drawing whose save failed, or one being drawn) are left alone, so a storage
 * problem never wipes the user's work from the map.
 *
 * @param drawings the saved drawings
 * @param shown geometry by id of the drawings terra-draw holds (no guidance points)
 * @param everSaved ids that were saved at some point in this page's life
 */
export function planSync(
  drawings: readonly Drawing[],
  shown: ReadonlyMap<string, Geometry>,
  everSaved: ReadonlySet<string>
): SyncPlan {
  const plan: SyncPlan = { add: [], update: [], remove: [], notDrawable: [] };
  const saved = new Set<string>();
  for (const drawing of drawings) {
    saved.add(drawing.id);
    const feature = terraFeatureFromDrawing(drawing);
    if (!feature) {
      plan.notDrawable.push(drawing.id);
      continue;
    }
    const current = shown.get(drawing.id);
    if (!current) plan.add.push(feature);
    else if (!sameGeometry(current, feature.geometry)) plan.update.push(feature);
  }
  for (const id of shown.keys()) {
    if (!saved.has(id) && everSaved.has(id)) plan.remove.push(id);
  }
  return plan;
}
