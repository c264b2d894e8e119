/**
 * MapLibre's stylesheet without the parts of MapLibre the app never creates (issue #17).
 *
 * `maplibre-gl.css` is 10.2 KB gzip, most of it icons inlined as SVG for controls the app does not
 * add: the MapLibre logo alone is a third of it, then the geolocate, fullscreen, globe and terrain
 * buttons and the user-location dot. The map page loads it before its first view, whose budget is
 * 550 KB; without those parts it is 2.6 KB. Nothing the app shows changes: a rule goes only when
 * every one of its selectors names one of the parts below, and a keyframes block only when no
 * rule left animates with it.
 *
 * The parts are listed with what creates them. Adding one of those to the app means taking it off
 * this list; tests/unit/maplibre-css-trim.test.ts fails when src/ uses one that is still on it.
 */

/** The stylesheet the app imports (src/lib/components/MapView.svelte). */
export const MAPLIBRE_CSS = /node_modules\/maplibre-gl\/dist\/maplibre-gl\.css$/;

/** Class names of MapLibre parts the app does not use, and the API that would create each. */
export const UNUSED_MAPLIBRE_PARTS = [
  { className: 'maplibregl-ctrl-geolocate', createdBy: 'GeolocateControl' },
  { className: 'maplibregl-user-location', createdBy: 'GeolocateControl' },
  { className: 'maplibregl-ctrl-fullscreen', createdBy: 'FullscreenControl' },
  { className: 'maplibregl-ctrl-shrink', createdBy: 'FullscreenControl' },
  { className: 'maplibregl-pseudo-fullscreen', createdBy: 'FullscreenControl' },
  { className: 'maplibregl-ctrl-globe', createdBy: 'GlobeControl' },
  { className: 'maplibregl-ctrl-terrain', createdBy: 'TerrainControl' },
  { className: 'maplibregl-ctrl-logo', createdBy: 'maplibreLogo' },
  { className: 'maplibregl-cooperative-gesture', createdBy: 'cooperativeGestures' },
  { className: 'maplibregl-marker', createdBy: 'Marker' }
];

// A class that starts with one of the names: `.maplibregl-ctrl-geolocate-active` belongs to the
// geolocate control, `.maplibregl-cooperative-gestures` to cooperative gestures.
const UNUSED = new RegExp(
  `\\.(?:${UNUSED_MAPLIBRE_PARTS.map((part) => part.className).join('|')})`
);

/**
 * Whether a selector styles one of the unused parts (names a class that starts with one of theirs).
 * @param {string} selector one selector of a rule, e.g. `.maplibregl-ctrl button.maplibregl-ctrl-globe`
 * @returns {boolean}
 * @example
 * stylesUnusedPart('.maplibregl-ctrl-logo') // true
 * stylesUnusedPart('.maplibregl-ctrl-attrib a') // false
 */
export function stylesUnusedPart(selector) {
  return UNUSED.test(selector);
}

/**
 * Trims a parsed stylesheet in place: rules of unused parts, the at-rules left empty, and the
 * keyframes no declaration left uses.
 * @param {import('postcss').Root} root
 */
export function trimUnusedParts(root) {
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test(/** @type {any} */ (rule.parent).name))
      return;
    const kept = rule.selectors.filter((selector) => !stylesUnusedPart(selector));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  /** @type {string[]} */
  const animations = [];
  root.walkDecls(/^(?:-webkit-)?animation(?:-name)?$/i, (decl) => void animations.push(decl.value));
  root.walkAtRules(/keyframes$/i, (keyframes) => {
    const name = keyframes.params.trim();
    if (!animations.some((value) => value.split(/[\s,]+/).includes(name))) keyframes.remove();
  });
  let emptied = true;
  while (emptied) {
    emptied = false;
    root.walkAtRules((atRule) => {
      if (atRule.nodes && atRule.nodes.length === 0) {
        atRule.remove();
        emptied = true;
      }
    });
  }
}

/**
 * The PostCSS plugin for Vite's `css.postcss.plugins`: trims maplibre-gl.css, leaves every other
 * stylesheet alone.
 * @returns {import('postcss').Plugin}
 */
export function maplibreCssTrim() {
  return {
    postcssPlugin: 'maplibre-css-trim',
    Once(root) {
      const file = root.source?.input.file?.replaceAll('\\', '/').split('?')[0] ?? '';
      if (MAPLIBRE_CSS.test(file)) trimUnusedParts(root);
    }
  };
}
