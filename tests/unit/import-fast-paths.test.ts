/**
 * The import's fast paths (bench/import.js) change no verdict: geojson-validation judges the
 * skeleton of a feature as it judges the feature, the small-ring self-intersection check agrees
 * with the sweep, repeated ids are found whatever their order, and features keep exactly the
 * members the normal form keeps.
 */
import fc from 'fast-check';
import type { Feature, Position } from 'geojson';
import geojsonValidation from 'geojson-validation';
import { describe, expect, test } from 'vitest';
import { ellipsoidalArea } from '../../src/lib/geo/area.js';
import { idFollows } from '../../src/lib/import/check-features';
import { importFile } from '../../src/lib/import/import-file';
import { findSelfIntersection } from '../../src/lib/import/self-intersection';
import { checkFeature, specSkeleton } from '../../src/lib/import/validate';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A position of 2 or 3 finite numbers near 凌河区. */
const position = fc.oneof(
  fc.tuple(fc.double({ min: 121, max: 122, noNaN: true }), fc.double({ min: 41, max: 42 })),
  fc.tuple(
    fc.double({ min: 121, max: 122, noNaN: true }),
    fc.double({ min: 41, max: 42, noNaN: true }),
    fc.integer({ min: -5, max: 5 })
  )
);

/** A ring closed in x and y (as validate.ts requires); its last height may differ. */
const ring = fc
  .tuple(
    fc.array(position, { minLength: 3, maxLength: 6 }),
    fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
    fc.boolean()
  )
  .map(([positions, lastHeight, dropHeight]) => {
    const [x, y] = positions[0];
    const last: Position =
      lastHeight !== undefined ? [x, y, lastHeight] : dropHeight ? [x, y] : [...positions[0]];
    return [...positions, last];
  });

const bbox = fc.option(
  fc.oneof(
    fc.constant([121, 41, 122, 42]),
    fc.constant([1, 2, 3]),
    fc.constant('not a box' as unknown)
  ),
  { nil: undefined }
);

const simpleGeometry = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: position }),
  fc.record({ type: fc.constant('MultiPoint'), coordinates: fc.array(position, { minLength: 1 }) }),
  fc.record({
    type: fc.constant('LineString'),
    coordinates: fc.array(position, { minLength: 2, maxLength: 5 })
  }),
  fc.record({
    type: fc.constant('MultiLineString'),
    coordinates: fc.array(fc.array(position, { minLength: 2, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3
    })
  }),
  fc.record({
    type: fc.constant('Polygon'),
    coordinates: fc.array(ring, { minLength: 1, maxLength: 3 })
  }),
  fc.record({
    type: fc.constant('MultiPolygon'),
    coordinates: fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 3
    })
  })
);

const withBbox = <T extends object>(geometry: fc.Arbitrary<T>) =>
  fc.tuple(geometry, bbox).map(([g, box]) => (box === undefined ? g : { ...g, bbox: box }));

const geometry = fc.oneof(
  { weight: 4, arbitrary: withBbox(simpleGeometry) },
  {
    weight: 1,
    arbitrary: withBbox(
      fc.record({
        type: fc.constant('GeometryCollection'),
        geometries: fc.array(withBbox(simpleGeometry), { minLength: 1, maxLength: 3 })
      })
    )
  }
);

const feature = fc
  .tuple(geometry, bbox, fc.boolean(), fc.option(fc.string(), { nil: undefined }))
  .map(([g, box, hasProperties, id]) => {
    const f: Record<string, unknown> = { type: 'Feature', geometry: g };
    if (hasProperties) f.properties = { name: 'x' };
    if (box !== undefined) f.bbox = box;
    if (id !== undefined) f.id = id;
    return f;
  });

describe('geojson-validation on the skeleton', () => {
  test('finds exactly what it finds on the whole feature, for every feature our checks pass', () => {
    let judged = 0;
    fc.assert(
      fc.property(feature, (candidate) => {
        if (checkFeature(candidate, 0).feature === null) return; // the library is not asked
        judged++;
        expect(geojsonValidation.isFeature(specSkeleton(candidate), true)).toEqual(
          geojsonValidation.isFeature(candidate, true)
        );
      }),
      { numRuns: 1000 }
    );
    expect(judged).toBeGreaterThan(500);
  });

  test('still reports a ring whose first and last positions differ in height', () => {
    const ringOpenInHeight = [
      [121.1, 41.1, 0],
      [121.2, 41.1, 0],
      [121.2, 41.2, 0],
      [121.1, 41.1, 5]
    ];
    const first = checkFeature(
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ringOpenInHeight] }
      },
      0
    );
    expect(first.feature).not.toBeNull();
    expect(first.problems).toMatchObject([{ code: 'geojson-spec', severity: 'warning' }]);
    expect(first.problems[0].en).toContain('at 0: The first and last positions must be equivalent');
    // The remembered verdict of a clean polygon is not given to this one, nor the other way round.
    const clean = checkFeature(
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [ringOpenInHeight.slice(0, 3).concat([[121.1, 41.1, 0]])]
        }
      },
      1
    );
    expect(clean.problems).toEqual([]);
    expect(checkFeature({ ...first.feature }, 2).problems[0]?.code).toBe('geojson-spec');
  });
});

describe('self-intersection: small rings and the sweep agree', () => {
  // A 40-edge ring far away: it touches nothing, and with it every polygon takes the sweep.
  const farRing: Position[] = Array.from({ length: 40 }, (_, k) => [
    1000 + 10 * Math.cos((2 * Math.PI * k) / 40),
    1000 + 10 * Math.sin((2 * Math.PI * k) / 40)
  ]);
  farRing.push(farRing[0]);
  /** What the crossing check says: the far ring, a hole outside its shell, is not a crossing. */
  const crossing = (rings: Position[][]) => {
    const kind = findSelfIntersection(rings).kind;
    return kind === 'hole-outside' ? 'none' : kind;
  };

  const gridRing = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
      minLength: 3,
      maxLength: 30
    })
    .map((points): Position[] => [...points, points[0]]);

  test('on random polygons of one to three rings on a small grid (many touches and folds)', () => {
    fc.assert(
      fc.property(fc.array(gridRing, { minLength: 1, maxLength: 3 }), (rings) => {
        const small = crossing(rings);
        const swept = crossing([...rings, farRing]);
        expect(small).toBe(swept);
      }),
      { numRuns: 2000 }
    );
  });

  test('on star-shaped parcels like the benchmark’s, and the same with two vertices swapped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.6, max: 1, noNaN: true }), { minLength: 5, maxLength: 30 }),
        (radii) => {
          const n = radii.length;
          const star: Position[] = radii.map((r, k) => [
            121.2 + r * 1e-3 * Math.cos((2 * Math.PI * k) / n),
            41.1 + r * 1e-3 * Math.sin((2 * Math.PI * k) / n)
          ]);
          const twisted = [...star];
          [twisted[0], twisted[2]] = [twisted[2], twisted[0]];
          for (const points of [star, twisted]) {
            const closed = [...points, points[0]];
            expect(crossing([closed])).toBe(crossing([closed, farRing]));
          }
          expect(findSelfIntersection([[...star, star[0]]]).kind).toBe('none');
        }
      ),
      { numRuns: 500 }
    );
  });
});

function parcel(id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const feature: Record<string, unknown> = {
    type: 'Feature',
    properties: { name: String(id) },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [121.1, 41.1],
          [121.2, 41.1],
          [121.2, 41.2],
          [121.1, 41.1]
        ]
      ]
    },
    ...extra
  };
  if (id !== undefined) feature.id = id;
  return feature;
}

async function repeats(ids: unknown[]): Promise<string[]> {
  const collection = { type: 'FeatureCollection', features: ids.map((id) => parcel(id)) };
  const result = await importFile(encode(collection), 'ids.geojson');
  expect(result.status).toBe('ok');
  return result.problems
    .filter((p) => p.code === 'duplicate-id')
    .map((p) => {
      const [, id, first] = /: id (.+) repeats that of feature #(\d+)/.exec(p.en) ?? [];
      return `#${p.featureIndex + 1}: ${id} first in #${first}`;
    });
}

describe('repeated ids', () => {
  test('are found after a run of ids in order, and say where the id first appeared', async () => {
    expect(await repeats(['parcel-8', 'parcel-9', 'parcel-10', 'parcel-9'])).toEqual([
      '#4: "parcel-9" first in #2'
    ]);
    expect(await repeats([1, 2, 3, 2, 3, 1])).toEqual([
      '#4: 2 first in #2',
      '#5: 3 first in #3',
      '#6: 1 first in #1'
    ]);
  });

  test('are found in any order; 1 and "1" are different ids; features without id are skipped', async () => {
    expect(await repeats(['b', 'a', undefined, 'c', 'a', 'b', 'b'])).toEqual([
      '#5: "a" first in #2',
      '#6: "b" first in #1',
      '#7: "b" first in #1'
    ]);
    expect(await repeats([1, '1', 2, '2'])).toEqual([]);
    expect(await repeats(['x', 'x'])).toEqual(['#2: "x" first in #1']);
  });

  test('idFollows is a strict order (numbers by value, strings by length then text)', () => {
    expect(idFollows(undefined, 'a')).toBe(true);
    expect(idFollows('parcel-9', 'parcel-10')).toBe(true);
    expect(idFollows('parcel-10', 'parcel-9')).toBe(false);
    expect(idFollows('b', 'b')).toBe(false);
    expect(idFollows(2, 10)).toBe(true);
    expect(idFollows(2, 2)).toBe(false);
    expect(idFollows(1, '2')).toBe(false);
    expect(idFollows('1', 2)).toBe(false);
    expect(idFollows(undefined, null)).toBe(false);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer()),
        fc.oneof(fc.string(), fc.integer()),
        (a, b) => {
          expect(idFollows(a, b) && idFollows(b, a)).toBe(false); // never both ways
          if (idFollows(a, b)) expect(a).not.toBe(b);
        }
      )
    );
  });
});

describe('the normal form of a feature', () => {
  test('drops foreign members and fills missing properties, as before', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        parcel('a', { style: { fill: 'red' } }),
        { ...parcel('b'), properties: null },
        parcel('c', { bbox: [121.1, 41.1, 121.2, 41.2] })
      ]
    };
    const result = await importFile(encode(collection), 'forms.geojson');
    expect(result.status).toBe('ok');
    const [a, b, c] = result.features as Feature[];
    expect(Object.keys(a).sort()).toEqual(['geometry', 'id', 'properties', 'type']);
    expect(b.properties).toEqual({});
    expect(c.bbox).toEqual([121.1, 41.1, 121.2, 41.2]);
    expect(result.measurements).toHaveLength(3);
    expect(result.measurements.every((m) => (m.areaM2 as number) > 0)).toBe(true);
  });

  test('measures converted features on their converted coordinates', async () => {
    const degrees = { type: 'FeatureCollection', features: [parcel('a')] };
    const asWgs84 = await importFile(encode(degrees), 'a.geojson');
    const asGcj02 = await importFile(encode(degrees), 'a.geojson', { crs: 'gcj02' });
    expect(asGcj02.status).toBe('ok');
    for (const result of [asWgs84, asGcj02]) {
      expect(result.measurements[0].areaM2).toBe(ellipsoidalArea(result.features.at(0)!.geometry));
    }
    // GCJ-02 → WGS-84 moves the vertices by a few hundred metres, unevenly: the area changes.
    expect(asGcj02.measurements[0].areaM2).not.toBe(asWgs84.measurements[0].areaM2);
  });
});
