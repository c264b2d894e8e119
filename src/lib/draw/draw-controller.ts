/**
 * terra-draw on the MapLibre map: the polygon, line and select (move, edit vertices) tools, the
 * live measurement of the shape being drawn or edited, and keeping terra-draw showing exactly
 * the saved drawings. Browser only — load it with a dynamic import once the map exists.
 *
 * terra-draw fetches nothing for polygons, lines and points (only its marker mode loads an image
 * URL, and that mode is not used), so the app stays offline. Two controllers may share a map: the
 * drawing tools' and the one that places plan features (src/lib/placing/), each with its own
 * `prefixId`; only one has a tool on at a time.
 */
import type { Geometry } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { TerraDraw, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Drawing } from '$lib/storage/types';
import { locale } from '$lib/i18n/locale.svelte';
import { CursorLabel } from './cursor-label';
import { drawModes, type HexColour } from './draw-modes';
import {
  COORDINATE_PRECISION,
  isDrawingId,
  newDrawingId,
  planSync,
  type DrawableFeature,
  type DrawnGeometry
} from './drawings';
import { measureDrawing, measurementText, type DrawingMeasurement } from './measure';

/** `static` shows the drawings and leaves clicks to the map. */
export type DrawTool = 'static' | 'polygon' | 'linestring' | 'point' | 'select';

/**
 * How one controller looks and names its features. The drawing tools use the defaults; placing a
 * plan feature (src/lib/placing/) uses its own prefix and colour, so the two never mix.
 */
export interface DrawControllerOptions {
  /** Prefix of terra-draw's MapLibre layers and sources. */
  prefixId?: string;
  /** Outline, point and vertex colour. */
  accent?: HexColour;
  /** Fill colour. */
  accentLight?: HexColour;
}

export interface LiveShape {
  id: string;
  geometry: DrawnGeometry;
  measurement: DrawingMeasurement | null;
  /** True while the shape is being drawn or dragged (not yet finished). */
  inProgress: boolean;
}

export interface DrawControllerEvents {
  /** A shape was drawn to the end, or an edit of one was released. */
  onfinish(shape: { id: string; geometry: DrawnGeometry; action: 'draw' | 'edit' }): void;
  /** The shape being drawn, edited or selected changed; null when there is none. */
  onlive(shape: LiveShape | null): void;
  /** A drawing was selected on the map with the select tool (null: deselected). */
  onselect(id: string | null): void;
}

export interface SyncResult {
  /** Saved drawings terra-draw cannot show, with its reason. */
  rejected: { id: string; reason: string }[];
}

// One colour for everything the user draws: orange stands apart from the plan layers' palette.
const DEFAULT_ACCENT: HexColour = '#c2410c';
const DEFAULT_ACCENT_LIGHT: HexColour = '#fb923c';

/** Keys terra-draw sets on its helper points (closing point, vertices, midpoints, …). */
const GUIDANCE_KEYS = [
  'closingPoint',
  'coordinatePoint',
  'midPoint',
  'selectionPoint',
  'snappingPoint',
  'edited'
];

function isDrawnShape(
  feature: GeoJSONStoreFeatures | undefined
): feature is GeoJSONStoreFeatures<DrawnGeometry> & { id: string } {
  if (!feature || !isDrawingId(feature.id)) return false;
  const type = feature.geometry.type;
  if (type !== 'Polygon' && type !== 'LineString' && type !== 'Point') return false;
  return !GUIDANCE_KEYS.some((key) => feature.properties[key] === true);
}

export class DrawController {
  readonly #map: MapLibreMap;
  readonly #draw: TerraDraw;
  readonly #events: DrawControllerEvents;
  readonly #label: CursorLabel;
  readonly #everSaved = new Set<string>();
  #tool: DrawTool = 'static';
  #live: LiveShape | null = null;
  #pointer: { x: number; y: number } | null = null;
  #selectedId: string | null = null;

  constructor(map: MapLibreMap, events: DrawControllerEvents, options: DrawControllerOptions = {}) {
    this.#map = map;
    this.#events = events;
    this.#draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({
        map,
        coordinatePrecision: COORDINATE_PRECISION,
        prefixId: options.prefixId ?? 'user-drawing'
      }),
      idStrategy: { getId: newDrawingId, isValidId: isDrawingId },
      modes: drawModes(
        options.accent ?? DEFAULT_ACCENT,
        options.accentLight ?? DEFAULT_ACCENT_LIGHT
      )
    });
    this.#label = new CursorLabel(map.getContainer());

    this.#listen();
    map.on('mousemove', this.#onPointerMove);
    map.on('mouseout', this.#onPointerOut);
    this.#draw.start();
  }

  /** terra-draw's events, turned into the controller's. */
  #listen(): void {
    this.#draw.on('change', (ids, type) => this.#onChange(ids, type));
    this.#draw.on('finish', (id, context) => {
      const feature = this.#draw.getSnapshotFeature(id);
      if (!isDrawnShape(feature)) return;
      const action = context.action === 'draw' ? 'draw' : 'edit';
      this.#setLive(feature, false);
      this.#events.onfinish({ id: feature.id, geometry: feature.geometry, action });
    });
    this.#draw.on('select', (id) => {
      this.#selectedId = isDrawingId(id) ? id : null;
      const feature = this.#draw.getSnapshotFeature(id);
      if (isDrawnShape(feature)) this.#setLive(feature, false);
      this.#events.onselect(this.#selectedId);
    });
    this.#draw.on('deselect', () => {
      this.#selectedId = null;
      this.#setLive(null, false);
      this.#events.onselect(null);
    });
  }

  get tool(): DrawTool {
    return this.#tool;
  }

  /** Switches tool; a shape half-drawn with the previous tool is dropped, as terra-draw does. */
  setTool(tool: DrawTool): void {
    if (tool === this.#tool) return;
    this.#tool = tool;
    this.#draw.setMode(tool);
    this.#setLive(null, false);
  }

  /** Selects a drawing for editing (switching to the select tool). */
  select(id: string): void {
    if (!this.#draw.hasFeature(id)) return;
    this.#tool = 'select';
    this.#draw.selectFeature(id, 'select');
  }

  /** Makes terra-draw show exactly the saved drawings (after a load, a delete, a restore, …). */
  sync(drawings: readonly Drawing[]): SyncResult {
    for (const drawing of drawings) this.#everSaved.add(drawing.id);
    const shown = new Map<string, Geometry>();
    for (const feature of this.#draw.getSnapshot()) {
      if (isDrawnShape(feature)) shown.set(feature.id, feature.geometry);
    }
    const plan = planSync(drawings, shown, this.#everSaved);
    const rejected: SyncResult['rejected'] = plan.notDrawable.map((id) => ({
      id,
      reason: 'only Point, Polygon and LineString drawings can be edited on the map'
    }));
    for (const id of plan.remove) this.#remove(id);
    if (plan.add.length > 0) {
      const results = this.#draw.addFeatures(plan.add as unknown as GeoJSONStoreFeatures[]);
      results.forEach((result, index) => {
        if (!result.valid) {
          rejected.push({ id: plan.add[index].id, reason: result.reason ?? 'invalid' });
        }
      });
    }
    for (const feature of plan.update) this.#update(feature, rejected);
    return { rejected };
  }

  /** Removes every feature terra-draw holds (saved or not); the tool stays as it is. */
  clear(): void {
    this.#selectedId = null;
    this.#draw.clear();
    this.#setLive(null, false);
  }

  destroy(): void {
    this.#map.off('mousemove', this.#onPointerMove);
    this.#map.off('mouseout', this.#onPointerOut);
    this.#label.destroy();
    try {
      this.#draw.stop();
    } catch {
      // The map was removed first (page teardown); its layers went with it.
    }
  }

  #remove(id: string): void {
    if (this.#selectedId === id) this.#draw.deselectFeature(id);
    if (this.#draw.hasFeature(id)) this.#draw.removeFeatures([id]);
    if (this.#live?.id === id) this.#setLive(null, false);
  }

  #update(feature: DrawableFeature, rejected: SyncResult['rejected']): void {
    try {
      this.#draw.updateFeatureGeometry(feature.id, feature.geometry);
    } catch (error) {
      rejected.push({ id: feature.id, reason: String(error) });
    }
  }

  #onChange(ids: (string | number)[], type: string): void {
    if (type === 'delete') {
      if (this.#live && ids.includes(this.#live.id)) this.#setLive(null, false);
      return;
    }
    if (this.#tool === 'static') return;
    const drawing = this.#draw.getModeState() === 'drawing';
    for (const id of ids) {
      const feature = this.#draw.getSnapshotFeature(id);
      if (!isDrawnShape(feature)) continue;
      if (this.#tool === 'select') {
        if (feature.id === this.#selectedId) this.#setLive(feature, true);
      } else if (drawing && feature.properties.currentlyDrawing === true) {
        this.#setLive(feature, true);
      }
    }
  }

  #setLive(
    feature: (GeoJSONStoreFeatures<DrawnGeometry> & { id: string }) | null,
    inProgress: boolean
  ): void {
    this.#live = feature
      ? {
          id: feature.id,
          geometry: feature.geometry,
          measurement: measureDrawing(feature.geometry),
          inProgress
        }
      : null;
    this.#showLabel();
    this.#events.onlive(this.#live);
  }

  #showLabel(): void {
    const live = this.#live;
    if (!live || !live.inProgress || !live.measurement || !this.#pointer) {
      this.#label.hide();
      return;
    }
    this.#label.show(
      locale.pick(measurementText(live.measurement)),
      this.#pointer.x,
      this.#pointer.y
    );
  }

  readonly #onPointerMove = (event: MapMouseEvent): void => {
    this.#pointer = { x: event.point.x, y: event.point.y };
    this.#showLabel();
  };

  readonly #onPointerOut = (): void => {
    this.#pointer = null;
    this.#label.hide();
  };
}
