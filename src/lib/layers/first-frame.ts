/**
 * The map's first frame waits for its tiles (issue #17). Until a source's first tiles are cut,
 * MapLibre draws frame after frame of bare background (three on the map page, one more for the
 * tiles that come first). Each costs what a full frame costs to composite: under software GL
 * (machines without a GPU, remote desktops) ~100–250 ms of read-back apiece, and the frame that
 * shows the plan queued behind them. Until the source has loaded, nothing is drawn (the
 * container shows the same background colour); from its first full frame on, MapLibre draws as
 * it always does.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Draws nothing until `sourceId`'s tiles for the view are in, then every frame again.
 *
 * @param sourceId the style's source the first view waits for
 * @example drawOnceLoaded(map, MAP_SOURCE) // right after `new Map(…)`
 */
export function drawOnceLoaded(map: MapLibreMap, sourceId: string): void {
  const painter = map.painter;
  const render = painter.render;
  painter.render = function (...args) {
    // Before the style has loaded there is no source to ask about (isSourceLoaded would throw).
    if (!map.getSource(sourceId) || !map.isSourceLoaded(sourceId)) return;
    painter.render = render;
    return render.apply(this, args);
  };
}
