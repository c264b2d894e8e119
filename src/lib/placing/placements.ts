/**
 * Placing a plan feature nobody has located ("在地图上标注 / Place on the map"): what is saved,
 * read back, drawn and exported. No DOM and no terra-draw, so it is tested in Node.
 *
 * A placement is saved as one of the user's drawings (src/lib/storage/types.ts `Drawing`) whose
 * properties say which plan feature it places and where the knowledge comes from:
 * `{ name, placementFor: '<plan feature id>', placementNote: '…' }`, with the id
 * `placement-<plan feature id>` (one placement per feature). So it is kept in IndexedDB, and
 * exported and restored with the backup — checked on restore like every drawing — without a
 * record type of its own; the drawing tools leave these drawings out of their list.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Drawing } from '$lib/storage/types';
import type { DrawnGeometry } from '$lib/draw/drawings';

/** The accuracy class of a position the user placed themself (src/lib/layers/accuracy.ts). */
export const USER_ACCURACY = 'user';

/** Longest note kept: a few sentences saying where the position comes from. */
export const MAX_NOTE_LENGTH = 1000;

const ID_PREFIX = 'placement-';

export interface Placement {
  /** The drawing's id (`placement-<planFeatureId>`). */
  id: string;
  planFeatureId: string;
  /** Where the knowledge comes from, in the user's words ('' until they say). */
  note: string;
  geometry: DrawnGeometry;
  createdAt: string;
  updatedAt: string;
}

/** The id of the drawing that places this plan feature. */
export function placementId(planFeatureId: string): string {
  return `${ID_PREFIX}${planFeatureId}`;
}

const isDrawn = (geometry: Geometry | null | undefined): geometry is DrawnGeometry =>
  geometry?.type === 'Point' || geometry?.type === 'LineString' || geometry?.type === 'Polygon';

/** Whether a saved drawing is a placement (and so not one of the user's own drawings). */
export function isPlacementDrawing(drawing: Drawing): boolean {
  return typeof drawing.feature.properties?.placementFor === 'string';
}

/**
 * The placement a saved drawing holds, or null when it is none (or is damaged: a restored
 * backup may carry any properties; such a drawing is left alone, not shown as a placement).
 */
export function placementOf(drawing: Drawing): Placement | null {
  const properties = drawing.feature.properties ?? {};
  const planFeatureId: unknown = properties.placementFor;
  const note: unknown = properties.placementNote ?? '';
  if (typeof planFeatureId !== 'string' || typeof note !== 'string') return null;
  if (drawing.id !== placementId(planFeatureId) || !isDrawn(drawing.feature.geometry)) return null;
  return {
    id: drawing.id,
    planFeatureId,
    note,
    geometry: drawing.feature.geometry,
    createdAt: drawing.createdAt,
    updatedAt: drawing.updatedAt
  };
}

/** Every placement among the saved drawings, by plan feature id. */
export function placementsOf(drawings: readonly Drawing[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  for (const drawing of drawings) {
    const placement = placementOf(drawing);
    if (placement) placements.set(placement.planFeatureId, placement);
  }
  return placements;
}

/**
 * The drawing to save for a placement: new, moved (a new geometry) or with a new note; the
 * creation time of the placement it replaces is kept.
 *
 * @example placementDrawing({ id: 'baigu-village', name: '百股村' }, point, '', new Date())
 */
export function placementDrawing(
  feature: { id: string; name: string },
  geometry: DrawnGeometry,
  note: string,
  now: Date,
  previous?: Placement
): Drawing {
  const time = now.toISOString();
  const id = placementId(feature.id);
  return {
    id,
    feature: {
      type: 'Feature',
      id,
      geometry,
      properties: { name: feature.name, placementFor: feature.id, placementNote: note.trim() }
    },
    createdAt: previous?.createdAt ?? time,
    updatedAt: time
  };
}

export type NoteCheck = { ok: true; note: string } | { ok: false; tooLong: number };

/** The note as it is saved (trimmed), or how long it is when it is too long. */
export function checkNote(note: string): NoteCheck {
  const trimmed = note.trim();
  return trimmed.length > MAX_NOTE_LENGTH
    ? { ok: false, tooLong: trimmed.length }
    : { ok: true, note: trimmed };
}

/**
 * The placements as GeoJSON for the map: each with the plan feature's id (a click opens it),
 * its name and accuracy `user`; `hiddenId` (the one being moved) is left out.
 */
export function placementCollection(
  placements: Iterable<Placement>,
  nameOf: (planFeatureId: string) => string,
  hiddenId: string | null = null
): FeatureCollection {
  const features: Feature[] = [];
  for (const placement of placements) {
    if (placement.planFeatureId === hiddenId) continue;
    features.push({
      type: 'Feature',
      geometry: placement.geometry,
      properties: {
        id: placement.planFeatureId,
        name: nameOf(placement.planFeatureId),
        accuracy: USER_ACCURACY
      }
    });
  }
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] of a placed shape, to show it on the map. */
export function placementBounds(geometry: DrawnGeometry): [number, number, number, number] {
  const positions =
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'LineString'
        ? geometry.coordinates
        : geometry.coordinates.flat();
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
