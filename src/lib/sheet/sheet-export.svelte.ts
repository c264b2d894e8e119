/**
 * The sheet export panel's state: the choices (paper, orientation, resolution, format), the stage
 * of an export under way, and how the last one ended. One export at a time; cancel aborts it.
 */
import { downloadBlob } from '$lib/share/download';
// Types only: the export's code (MapLibre off screen, the QR code, the PDF worker) loads when the
// user exports, not with the map.
import type { SheetContext, SheetFormat, SheetStage } from './export-sheet';
import { frameRect } from './layout';
import { mmToPixels, sheetSize, type Orientation, type PaperName, type Resolution } from './paper';

export type SheetOutcome =
  | { kind: 'done'; file: string }
  | { kind: 'cancelled' }
  | { kind: 'tooLarge' }
  | { kind: 'timeout' }
  | { kind: 'failed'; reason: string };

export const SHEET_STAGES: readonly SheetStage[] = ['map', 'font', 'compose', 'save'];

export class SheetExport {
  paper = $state<PaperName>('A4');
  orientation = $state<Orientation>('landscape');
  dpi = $state<Resolution>(150);
  format = $state<SheetFormat>('pdf');
  stage = $state<SheetStage | null>(null);
  outcome = $state.raw<SheetOutcome | null>(null);
  #controller: AbortController | null = null;

  /** The sheet's size in pixels at the chosen resolution (what the PNG is, and the PDF's map at). */
  get pixels(): { width: number; height: number } {
    const size = sheetSize(this.paper, this.orientation);
    return {
      width: mmToPixels(size.widthMm, this.dpi),
      height: mmToPixels(size.heightMm, this.dpi)
    };
  }

  /** The map frame's size in pixels. */
  get mapPixels(): { width: number; height: number } {
    const frame = frameRect(sheetSize(this.paper, this.orientation));
    return { width: mmToPixels(frame.w, this.dpi), height: mmToPixels(frame.h, this.dpi) };
  }

  get busy(): boolean {
    return this.stage !== null;
  }

  async start(context: SheetContext): Promise<void> {
    if (this.busy) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.outcome = null;
    this.stage = 'map';
    const request = {
      paper: this.paper,
      orientation: this.orientation,
      dpi: this.dpi,
      format: this.format
    };
    try {
      const { exportSheet } = await import('./export-sheet');
      const sheet = await exportSheet(request, context, {
        signal: controller.signal,
        onstage: (stage) => {
          if (!controller.signal.aborted) this.stage = stage;
        }
      });
      controller.signal.throwIfAborted();
      downloadBlob(sheet.blob, sheet.fileName);
      this.outcome = { kind: 'done', file: sheet.fileName };
    } catch (error) {
      this.outcome = outcomeOf(error, controller.signal);
    } finally {
      this.stage = null;
      this.#controller = null;
    }
  }

  cancel(): void {
    this.#controller?.abort(new DOMException('cancelled', 'AbortError'));
  }
}

function outcomeOf(error: unknown, signal: AbortSignal): SheetOutcome {
  if (signal.aborted) return { kind: 'cancelled' };
  // By name: the error classes live in the lazily loaded export code.
  const name = error instanceof Error ? error.name : '';
  if (name === 'CanvasTooLarge') return { kind: 'tooLarge' };
  if (name === 'MapDrawTimeout') return { kind: 'timeout' };
  return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
}
