/**
 * Area engine benchmark (issue #4): times `ellipsoidalArea` against `turf.area` and GeographicLib's
 * PolygonArea on the same ≥ 2 M vertices of seeded random parcels near Jinzhou, reports the median
 * of a few repetitions, the ratio against Turf (goal ≤ 2×) and the largest relative difference from
 * GeographicLib over all parcels.
 *
 * Usage: npm run bench:area [-- --vertices 2000000 --repetitions 5]
 */
import { parseArgs } from 'node:util';
import { area as turfAreaOf } from '@turf/turf';
import { ellipsoidalArea, geographicLibArea } from '../src/lib/geo/area.js';
import { seededRandom } from './seeded-random.js';

/** @typedef {import('geojson').Polygon} Polygon */

const { values: options } = parseArgs({
  options: {
    vertices: { type: 'string', default: '2000000' },
    repetitions: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20210412' }
  }
});
const targetVertices = Number(options.vertices);
const repetitions = Math.max(1, Number(options.repetitions));

/**
 * A star-shaped ring (never self-intersecting) around a centre, radius in metres.
 * @param {() => number} random
 * @param {number} lon
 * @param {number} lat
 * @param {number} radiusMetres
 * @param {number} vertexCount
 * @returns {number[][]}
 */
function starRing(random, lon, lat, radiusMetres, vertexCount) {
  const degreesPerMetreLat = 1 / 111_000;
  const degreesPerMetreLon = degreesPerMetreLat / Math.cos((lat * Math.PI) / 180);
  /** @type {number[][]} */
  const ring = [];
  for (let i = 0; i < vertexCount; i++) {
    const angle = (2 * Math.PI * (i + 0.8 * random())) / vertexCount;
    const r = radiusMetres * (0.6 + 0.4 * random());
    ring.push([
      lon + r * Math.cos(angle) * degreesPerMetreLon,
      lat + r * Math.sin(angle) * degreesPerMetreLat
    ]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Parcels 20–400 m across with 6–40 vertices, one in ten with a courtyard (hole). */
function makeParcels() {
  const random = seededRandom(Number(options.seed));
  /** @type {Polygon[]} */
  const parcels = [];
  let vertices = 0;
  while (vertices < targetVertices) {
    const lon = 120.9 + 0.6 * random();
    const lat = 40.9 + 0.5 * random();
    const radius = 20 + 180 * random() ** 2;
    const outer = starRing(random, lon, lat, radius, 6 + Math.floor(35 * random()));
    /** @type {number[][][]} */
    const rings = [outer];
    if (random() < 0.1) rings.push(starRing(random, lon, lat, radius * 0.3, 6).reverse());
    for (const ring of rings) vertices += ring.length - 1;
    parcels.push({ type: 'Polygon', coordinates: rings });
  }
  return { parcels, vertices };
}

/**
 * Runs every measure over all parcels once per repetition, rotating their order so that none
 * always runs on a warmer heap, after one warm-up pass each. Returns the median time in ms of each
 * and its per-parcel results.
 * @param {Polygon[]} parcels
 * @param {((polygon: Polygon) => number)[]} measures
 * @param {number} runs
 */
function timeInterleaved(parcels, measures, runs) {
  const results = measures.map(() => new Float64Array(parcels.length));
  /** @type {number[][]} */
  const times = measures.map(() => []);
  for (let run = -1; run < runs; run++) {
    for (let k = 0; k < measures.length; k++) {
      const which = (k + Math.max(run, 0)) % measures.length;
      const measure = measures[which];
      const out = results[which];
      const start = process.hrtime.bigint();
      for (let i = 0; i < parcels.length; i++) out[i] = measure(parcels[i]);
      if (run >= 0) times[which].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map((list, which) => {
    list.sort((a, b) => a - b);
    return { ms: list[Math.floor(list.length / 2)], results: results[which] };
  });
}

const { parcels, vertices } = makeParcels();
console.log(
  `bench:area — ${parcels.length.toLocaleString('en')} parcels, ` +
    `${vertices.toLocaleString('en')} vertices near Jinzhou, median of ${repetitions} runs`
);

const [engine, turf] = timeInterleaved(
  parcels,
  [ellipsoidalArea, (polygon) => turfAreaOf(polygon)],
  repetitions
);
const [geographicLib] = timeInterleaved(parcels, [geographicLibArea], Math.min(repetitions, 3));

// GeographicLib's own round-off reaches ~1e-4 m² on a 40-vertex parcel, so small parcels are
// compared absolutely.
let worstRelative = 0;
let worstAbsolute = 0;
for (let i = 0; i < parcels.length; i++) {
  const reference = geographicLib.results[i];
  const difference = Math.abs(engine.results[i] - reference);
  if (difference > worstAbsolute) worstAbsolute = difference;
  if (reference >= 10_000 && difference / reference > worstRelative) {
    worstRelative = difference / reference;
  }
}

/**
 * @param {string} label
 * @param {number} ms
 */
function row(label, ms) {
  const perVertex = ((ms * 1e6) / vertices).toFixed(1).padStart(7);
  const ratio = (ms / turf.ms).toFixed(2).padStart(6);
  console.log(
    `${label.padEnd(34)}${ms.toFixed(1).padStart(10)} ms ${perVertex} ns/vertex ${ratio}× Turf`
  );
}
row('ellipsoidalArea (CGCS2000)', engine.ms);
row('turf.area (sphere)', turf.ms);
row('GeographicLib PolygonArea', geographicLib.ms);
console.log(
  `ellipsoidalArea vs GeographicLib: largest relative difference ${worstRelative.toExponential(2)} ` +
    `(parcels ≥ 1 ha), largest absolute ${worstAbsolute.toExponential(2)} m²`
);

const goalMet = engine.ms <= 2 * turf.ms;
console.log(goalMet ? 'goal met: ≤ 2× Turf' : 'goal NOT met: > 2× Turf');
process.exitCode = goalMet ? 0 : 1;
