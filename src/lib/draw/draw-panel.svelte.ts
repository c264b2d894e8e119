/**
 * The drawing panel's state and actions (components/DrawPanel.svelte and its parts): which tool
 * is on, the shape being drawn, the list of the user's drawings with their measures and the plan
 * features they are the boundary of, and saving, renaming, deleting and assigning them. The
 * components only show this state and call these methods.
 *
 * The DrawController (terra-draw) is loaded once there is a map, by `load`; without one the
 * panel still lists, renames, deletes and assigns drawings. It is made on first use — a tool
 * chosen, or saved drawings to show — because terra-draw adds four sources to the map, and every
 * source costs a stencil pass on each frame the map draws (issue #17).
 */
import type { LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DrawController, DrawTool, LiveShape } from './draw-controller';
import { bilingual, type MessageKey } from '$lib/i18n/messages';
import '$lib/i18n/catalog/draw';
import type { Bilingual } from '$lib/i18n/types';
import {
  defaultDrawingName,
  drawingFromTerraFeature,
  drawingName,
  modeForGeometry,
  renameDrawing,
  type BilingualText
} from './drawings';
import { measureDrawing, type DrawingMeasurement } from './measure';
import type { Drawing } from '$lib/storage/types';
import type { UserData } from '$lib/storage/user-data.svelte';
import { featureById } from '$lib/layers/catalog';
import { dateNow } from '$lib/import/clock';
import { isPlacementDrawing } from '$lib/placing/placements';

/** What the panel needs of a DrawController (tests give it a fake). */
export type PanelController = Pick<DrawController, 'setTool' | 'select' | 'sync' | 'destroy'>;

export interface PanelMessage {
  kind: 'ok' | 'error';
  text: BilingualText;
}

/** One drawing as the list shows it. */
export interface DrawingRow {
  drawing: Drawing;
  name: string;
  isPolygon: boolean;
  measurement: DrawingMeasurement | null;
  /** Plan features whose boundary this drawing is. */
  boundaryOf: string[];
}

export interface FinishedShape {
  id: string;
  geometry: Polygon | LineString;
  action: 'draw' | 'edit';
}

export class DrawPanelState {
  readonly #userData: () => UserData;
  readonly #onActive: (active: boolean) => void;
  /** Makes the controller once its chunk and the map are there (set by `load`; tests set one). */
  makeController = $state.raw<(() => PanelController) | null>(null);
  controller = $state.raw<PanelController | null>(null);
  /** Whether the tools work: the controller is made, or can be at once. */
  readonly canDraw = $derived(this.controller !== null || this.makeController !== null);
  tool = $state<DrawTool>('static');
  live = $state.raw<LiveShape | null>(null);
  selectedId = $state<string | null>(null);
  confirmingDeleteId = $state<string | null>(null);
  renamingId = $state<string | null>(null);
  renameText = $state('');
  /** Drawing id → the plan feature chosen to take it as its boundary. */
  chosenTarget = $state<Record<string, string>>({});
  message = $state<PanelMessage | null>(null);
  /** Saved drawings terra-draw could not show, e.g. a MultiPolygon from a restored backup. */
  notOnMap = $state.raw<string[]>([]);

  /** The user's drawings; placements of plan features (src/lib/placing/) have their own tools. */
  readonly ownDrawings = $derived.by(() =>
    this.#userData().drawings.filter((drawing) => !isPlacementDrawing(drawing))
  );

  readonly rows: DrawingRow[] = $derived(
    this.ownDrawings.map((drawing) => ({
      drawing,
      name: drawingName(drawing),
      isPolygon: ['Polygon', 'MultiPolygon'].includes(drawing.feature.geometry?.type ?? ''),
      measurement: measureDrawing(drawing.feature.geometry),
      boundaryOf: this.assignmentsOf(drawing.id).map((a) => a.planFeatureId)
    }))
  );

  /**
   * @param userData the page's user data (a getter: the component's prop)
   * @param onActive told whether a drawing tool is on (the map then leaves clicks to it)
   */
  constructor(userData: () => UserData, onActive: (active: boolean) => void) {
    this.#userData = userData;
    this.#onActive = onActive;
  }

  /**
   * Loads terra-draw (its own chunk; it needs the DOM) and puts its controller on `map`.
   * Returns the teardown, for an $effect.
   */
  load(map: MapLibreMap): () => void {
    let cancelled = false;
    import('./draw-controller')
      .then(({ DrawController }) => {
        if (cancelled) return;
        this.makeController = () =>
          new DrawController(map, {
            onfinish: ({ id, geometry, action }) => {
              if (geometry.type !== 'Point') void this.saveShape({ id, geometry, action });
            },
            onlive: (shape) => (this.live = shape),
            onselect: (id) => (this.selectedId = id)
          });
      })
      .catch((error: unknown) => {
        const text = bilingual('draw.loadFailed', { error: String(error).slice(0, 200) });
        this.message = { kind: 'error', text };
      });
    return () => {
      cancelled = true;
      this.controller?.destroy();
      this.makeController = null;
      this.controller = null;
      this.chooseTool('static');
    };
  }

  /** The controller, made now if it can be and is not yet; null without a map. */
  #controllerNow(): PanelController | null {
    if (!this.controller && this.makeController) this.controller = this.makeController();
    return this.controller;
  }

  /** Shows exactly the saved drawings on the map (after loading, deleting, restoring, …). */
  syncMap(): void {
    if (!this.#userData().loaded) return;
    // With nothing to show and no tool on, the map is left without terra-draw's sources.
    if (!this.controller && this.ownDrawings.length === 0) return;
    const controller = this.#controllerNow();
    if (!controller) return;
    this.notOnMap = controller.sync(this.ownDrawings).rejected.map((r) => r.id);
  }

  chooseTool(next: DrawTool): void {
    this.tool = next;
    this.#onActive(next !== 'static');
    const controller = next === 'static' ? this.controller : this.#controllerNow();
    controller?.setTool(next);
    if (next === 'static') this.live = null;
  }

  toggleTool(next: DrawTool): void {
    this.chooseTool(this.tool === next ? 'static' : next);
  }

  assignmentsOf(drawingId: string) {
    return this.#userData().assignments.filter(
      (a) => a.source.type === 'drawing' && a.source.drawingId === drawingId
    );
  }

  /** Saves a shape drawn or edited on the map; the plan features it bounds follow the edit. */
  async saveShape(shape: FinishedShape): Promise<void> {
    const userData = this.#userData();
    const previous = userData.drawings.find((d) => d.id === shape.id);
    const mode = modeForGeometry(shape.geometry) ?? 'polygon';
    const drawing = drawingFromTerraFeature(shape, {
      now: dateNow(),
      previous,
      name: previous ? undefined : defaultDrawingName(mode, this.ownDrawings)
    });
    if (!(await userData.saveDrawing(drawing))) return this.#storageProblem('draw.problem.save');
    for (const assignment of this.assignmentsOf(drawing.id)) {
      await userData.assign(assignment.planFeatureId, assignment.source, drawing.feature.geometry);
    }
    const name = drawingName(drawing);
    this.message = {
      kind: 'ok',
      text: bilingual('draw.saved', { name, edited: previous !== undefined })
    };
  }

  editOnMap(drawing: Drawing): void {
    const controller = this.#controllerNow();
    if (!controller) return;
    this.chooseTool('select');
    controller.select(drawing.id);
  }

  startRename(drawing: Drawing): void {
    this.renamingId = drawing.id;
    this.renameText = drawingName(drawing);
  }

  async commitRename(drawing: Drawing): Promise<void> {
    const renamed = renameDrawing(drawing, this.renameText, dateNow());
    if (!renamed.ok) {
      this.message = { kind: 'error', text: renamed.error };
      return;
    }
    if (!(await this.#userData().saveDrawing(renamed.drawing))) {
      return this.#storageProblem('draw.problem.rename');
    }
    this.renamingId = null;
    this.message = null;
  }

  async deleteDrawing(drawing: Drawing): Promise<void> {
    const name = drawingName(drawing);
    this.confirmingDeleteId = null;
    if (!(await this.#userData().deleteDrawing(drawing.id))) {
      return this.#storageProblem('draw.problem.delete');
    }
    this.message = { kind: 'ok', text: bilingual('draw.deleted', { name }) };
  }

  /** Makes the drawing the boundary of the plan feature chosen for it. */
  async assignBoundary(drawing: Drawing): Promise<void> {
    const planFeatureId = this.chosenTarget[drawing.id];
    const feature = planFeatureId ? featureById(planFeatureId) : undefined;
    if (!feature) {
      this.message = { kind: 'error', text: bilingual('draw.chooseFirst') };
      return;
    }
    const source = { type: 'drawing', drawingId: drawing.id } as const;
    if (!(await this.#userData().assign(planFeatureId, source, drawing.feature.geometry))) {
      return this.#storageProblem('draw.problem.assign');
    }
    const { name, nameEn } = feature.properties;
    const drawn = drawingName(drawing);
    this.message = { kind: 'ok', text: bilingual('draw.assigned', { drawn, name, nameEn }) };
  }

  async unassign(planFeatureId: string): Promise<void> {
    if (!(await this.#userData().unassign(planFeatureId))) {
      this.#storageProblem('draw.problem.unassign');
    }
  }

  #storageProblem(what: MessageKey & `draw.problem.${string}`): void {
    const why: Bilingual | null = this.#userData().storageError;
    this.message = {
      kind: 'error',
      text: bilingual('draw.problem', { what: bilingual(what), why })
    };
  }
}
