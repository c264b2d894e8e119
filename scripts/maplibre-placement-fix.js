/**
 * A one-line fix to MapLibre's label placement, applied as the app is built (issue #17).
 *
 * `Style._updatePlacement` marks the placement stale whenever symbol buckets changed in the frame,
 * because a placement spread over several frames may have read them before they changed. With
 * `fadeDuration: 0` every placement is full and made in that very frame, after the buckets
 * changed, so it is not stale; marking it so made MapLibre draw one more full frame after the
 * first view's labels arrived (one of the first view's six frames under software GL; the same
 * final picture, pixel for pixel). The fix skips `setStale()` when the placement was forced full.
 * Belongs upstream; until then, a MapLibre whose code no longer matches fails the build here and
 * in tests/unit/maplibre-placement-fix.test.ts, so it is looked at, never silently dropped.
 */

/** The production bundle the app imports (package.json "exports" of maplibre-gl). */
export const MAPLIBRE_BUNDLE = /node_modules\/maplibre-gl\/dist\/maplibre-gl\.mjs$/;

/**
 * The bundle with the fix applied.
 * @param {string} code maplibre-gl/dist/maplibre-gl.mjs
 * @returns {string}
 * @throws if `_updatePlacement` no longer has the shape the fix expects
 */
export function fixPlacement(code) {
  const start = code.indexOf('_updatePlacement(');
  const body = start < 0 ? '' : code.slice(start, start + 4000);
  // `forceFullPlacement ||= this._layerOrderChanged || fadeDuration === 0`, minified.
  const forced = /(\w+)\|\|=this\._layerOrderChanged\|\|\w+===0/.exec(body)?.[1];
  const stale = /(\w+)&&this\.pauseablePlacement\.placement\.setStale\(\)/.exec(body);
  if (!forced || !stale) {
    throw new Error(
      'maplibre-placement-fix: Style._updatePlacement in maplibre-gl.mjs has changed; ' +
        'check whether MapLibre still marks a full placement stale (scripts/maplibre-placement-fix.js)'
    );
  }
  const at = start + stale.index;
  const fixed = `${stale[1]}&&!${forced}&&this.pauseablePlacement.placement.setStale()`;
  return code.slice(0, at) + fixed + code.slice(at + stale[0].length);
}

/** @returns {import('vite').Plugin} */
export function maplibrePlacementFix() {
  return {
    name: 'maplibre-placement-fix',
    apply: 'build',
    transform(code, id) {
      if (!MAPLIBRE_BUNDLE.test(id.split('?')[0])) return null;
      return { code: fixPlacement(code), map: null };
    }
  };
}
