/**
 * The import's validation rules one by one (src/lib/import/validate.ts, issue #15): which problem,
 * where (the path inside the feature), in which words, and what the walk measures on the way
 * (vertex count and extent). Written from the mutants Stryker found unkilled by the import tests.
 */
import type { Geometry, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
  checkFeature,
  checkTopology,
  extendBbox,
  firstOutOfRange,
  forEachPosition,
  formatPosition,
  inspectFeature,
  MAX_COLLECTION_DEPTH,
  type CheckedFeature
} from '../../src/lib/import/validate';

const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: {},
  geometry,
  ...extra
});

/** code, path and English reason (the text after "Feature #n: ") of every problem listed. */
function problemsOf(candidate: unknown) {
  return checkFeature(candidate, 0).problems.map((p) => ({
    code: p.code,
    path: p.path,
    severity: p.severity,
    en: p.en.replace(/^Feature #1(?: \(id [^)]*\))?: /, '')
  }));
}

const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0]
];

describe('coordinates: what is wrong and where', () => {
  test.each([
    [
      'a position nested one level too deep in a Point',
      { type: 'Point', coordinates: [[121, 41]] },
      'bad-coordinate-nesting',
      'geometry.coordinates[0]',
      'coordinate arrays are nested wrongly (expected a number here, got array).'
    ],
    [
      'a Point that is a string',
      { type: 'Point', coordinates: '121,41' },
      'bad-coordinate-nesting',
      'geometry.coordinates',
      'coordinate arrays are nested wrongly (expected a position [lon, lat] here, got string).'
    ],
    [
      'a MultiPoint member that is null',
      { type: 'MultiPoint', coordinates: [[1, 2], null] },
      'bad-coordinate-nesting',
      'geometry.coordinates[1]',
      'coordinate arrays are nested wrongly (expected a position [lon, lat] here, got null).'
    ],
    [
      'a MultiPoint that is an object',
      { type: 'MultiPoint', coordinates: { x: 1 } },
      'bad-coordinate-nesting',
      'geometry.coordinates',
      'coordinate arrays are nested wrongly (expected an array of positions here, got object).'
    ],
    [
      'a LineString that is a number',
      { type: 'LineString', coordinates: 5 },
      'bad-coordinate-nesting',
      'geometry.coordinates',
      'coordinate arrays are nested wrongly (expected an array of positions here, got number).'
    ],
    [
      'a LineString position with a non-numeric value',
      {
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 'x']
        ]
      },
      'non-numeric-coordinate',
      'geometry.coordinates[1][1]',
      'coordinate value "x" is not a number.'
    ],
    [
      'a LineString position with NaN after good ones',
      {
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
          [NaN, 4]
        ]
      },
      'non-finite-coordinate',
      'geometry.coordinates[2][0]',
      'coordinate value NaN is out of numeric range (too large or infinite).'
    ],
    [
      'a LineString with one position',
      { type: 'LineString', coordinates: [[1, 2]] },
      'line-too-short',
      'geometry.coordinates',
      'the line has only 1 position(s); it needs at least 2.'
    ],
    [
      'a position with one number in a line',
      { type: 'LineString', coordinates: [[1, 2], [3]] },
      'position-too-short',
      'geometry.coordinates[1]',
      'a position has 1 number(s); it needs at least longitude and latitude.'
    ],
    [
      'a MultiLineString that is a string',
      { type: 'MultiLineString', coordinates: 'x' },
      'bad-coordinate-nesting',
      'geometry.coordinates',
      'coordinate arrays are nested wrongly (expected an array of lines here, got string).'
    ],
    [
      'an empty MultiLineString',
      { type: 'MultiLineString', coordinates: [] },
      'empty-geometry',
      'geometry.coordinates',
      'has no geometry (empty or null).'
    ],
    [
      'a MultiLineString whose second line is too short',
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1]
          ],
          [[2, 2]]
        ]
      },
      'line-too-short',
      'geometry.coordinates[1]',
      'the line has only 1 position(s); it needs at least 2.'
    ],
    [
      'a Polygon that is a number',
      { type: 'Polygon', coordinates: 3 },
      'bad-coordinate-nesting',
      'geometry.coordinates',
      'coordinate arrays are nested wrongly (expected an array of rings here, got number).'
    ],
    [
      'a Polygon without rings',
      { type: 'Polygon', coordinates: [] },
      'empty-geometry',
      'geometry.coordinates',
      'has no geometry (empty or null).'
    ],
    [
      'a Polygon whose hole is not closed',
      {
        type: 'Polygon',
        coordinates: [
          square,
          [
            [0.2, 0.2],
            [0.4, 0.2],
            [0.4, 0.4],
            [0.2, 0.3]
          ]
        ]
      },
      'ring-not-closed',
      'geometry.coordinates[1]',
      'ring 2 is not closed (first and last positions differ).'
    ],
    [
      'a ring closed in x but not in y',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1]
          ]
        ]
      },
      'ring-not-closed',
      'geometry.coordinates[0]',
      'ring 1 is not closed (first and last positions differ).'
    ],
    [
      'a ring closed in y but not in x',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [2, 0]
          ]
        ]
      },
      'ring-not-closed',
      'geometry.coordinates[0]',
      'ring 1 is not closed (first and last positions differ).'
    ],
    [
      'a closed ring of three positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0]
          ]
        ]
      },
      'ring-too-short',
      'geometry.coordinates[0]',
      'ring 1 has only 3 positions; a closed ring needs at least 4.'
    ],
    [
      'an empty ring',
      { type: 'Polygon', coordinates: [[]] },
      'ring-too-short',
      'geometry.coordinates[0]',
      'ring 1 has only 0 positions; a closed ring needs at least 4.'
    ],
    [
      'a MultiPolygon that is a string',
      { type: 'MultiPolygon', coordinates: 'x' },
      'bad-coordinate-nesting',
      'geometry.coordinates',
      'coordinate arrays are nested wrongly (expected an array of polygons here, got string).'
    ],
    [
      'an empty MultiPoint',
      { type: 'MultiPoint', coordinates: [] },
      'empty-geometry',
      'geometry.coordinates',
      'has no geometry (empty or null).'
    ]
  ])('%s', (_, geometry, code, path, en) => {
    const result = checkFeature(feature(geometry), 0);
    expect(result.feature).toBeNull();
    expect(result.extent).toBeNull();
    expect(problemsOf(feature(geometry))).toEqual([{ code, path, severity: 'error', en }]);
  });

  test('a position with a bad value and too few numbers reports both, the value first', () => {
    expect(problemsOf(feature({ type: 'Point', coordinates: ['x'] }))).toEqual([
      {
        code: 'non-numeric-coordinate',
        path: 'geometry.coordinates[0]',
        severity: 'error',
        en: 'coordinate value "x" is not a number.'
      },
      {
        code: 'position-too-short',
        path: 'geometry.coordinates',
        severity: 'error',
        en: 'a position has 1 number(s); it needs at least longitude and latitude.'
      }
    ]);
  });

  test('every bad value of a position is looked at, not only the first', () => {
    const codes = problemsOf(feature({ type: 'Point', coordinates: ['x', Infinity] })).map(
      (p) => `${p.code} ${p.path}`
    );
    expect(codes).toEqual([
      'non-numeric-coordinate geometry.coordinates[0]',
      'non-finite-coordinate geometry.coordinates[1]'
    ]);
  });

  test('a third ordinate that is not a number is reported by the slow path', () => {
    expect(
      problemsOf(
        feature({
          type: 'LineString',
          coordinates: [
            [0, 0, 0],
            [1, 1, 'high']
          ]
        })
      ).map((p) => `${p.code} ${p.path}`)
    ).toEqual(['non-numeric-coordinate geometry.coordinates[1][2]']);
  });

  test('all rings of a polygon and all members of a multi-geometry are checked', () => {
    const open = [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 6]
    ];
    const paths = problemsOf(
      feature({
        type: 'MultiPolygon',
        coordinates: [[square, open], [[[0, 0]]], [square]]
      })
    ).map((p) => `${p.code} ${p.path}`);
    expect(paths).toEqual([
      'ring-not-closed geometry.coordinates[0][1]',
      'ring-too-short geometry.coordinates[1][0]'
    ]);
  });
});

describe('geometry objects', () => {
  test.each([
    [null, 'empty-geometry', 'geometry', 'has no geometry (empty or null).'],
    [undefined, 'empty-geometry', 'geometry', 'has no geometry (empty or null).'],
    ['Point', 'unknown-geometry-type', 'geometry', 'unknown geometry type "Point".'],
    [[1, 2], 'unknown-geometry-type', 'geometry', 'unknown geometry type [1,2].'],
    [
      { coordinates: [1, 2] },
      'unknown-geometry-type',
      'geometry.type',
      'unknown geometry type undefined.'
    ],
    [
      { type: 'Circle' },
      'unknown-geometry-type',
      'geometry.type',
      'unknown geometry type "Circle".'
    ],
    [
      { type: 7, coordinates: [] },
      'unknown-geometry-type',
      'geometry.type',
      'unknown geometry type 7.'
    ],
    [{ type: 'Polygon' }, 'coordinates-missing', 'geometry', 'has no coordinates member.'],
    [
      { type: 'GeometryCollection', geometries: [] },
      'empty-geometry',
      'geometry.geometries',
      'has no geometry (empty or null).'
    ],
    [
      { type: 'GeometryCollection', geometries: {} },
      'coordinates-missing',
      'geometry.geometries',
      'has no coordinates member.'
    ]
  ])('%j → %s at %s', (geometry, code, path, en) => {
    expect(problemsOf(feature(geometry))).toEqual([{ code, path, severity: 'error', en }]);
  });

  test('each member of a collection is checked, with its own path', () => {
    const paths = problemsOf(
      feature({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 1] },
          { type: 'Point', coordinates: [1] },
          { type: 'LineString', coordinates: [[0, 0]] }
        ]
      })
    ).map((p) => `${p.code} ${p.path}`);
    expect(paths).toEqual([
      'position-too-short geometry.geometries[1].coordinates',
      'line-too-short geometry.geometries[2].coordinates'
    ]);
  });

  test(`collections nest up to ${MAX_COLLECTION_DEPTH} deep, not deeper`, () => {
    const nested = (depth: number): unknown =>
      depth === 0
        ? { type: 'Point', coordinates: [1, 2] }
        : { type: 'GeometryCollection', geometries: [nested(depth - 1)] };
    const deepest = checkFeature(feature(nested(MAX_COLLECTION_DEPTH)), 0);
    expect(deepest.problems).toEqual([]);
    expect(deepest.feature).not.toBeNull();
    expect(deepest.vertices).toBe(1);
    const tooDeep = problemsOf(feature(nested(MAX_COLLECTION_DEPTH + 1)));
    expect(tooDeep).toEqual([
      {
        code: 'too-deeply-nested',
        path: `geometry${'.geometries[0]'.repeat(MAX_COLLECTION_DEPTH)}`,
        severity: 'error',
        en: `GeometryCollections are nested more than ${MAX_COLLECTION_DEPTH} deep.`
      }
    ]);
  });
});

describe('the feature object', () => {
  test.each([
    [null, 'not a Feature (type is null).'],
    [[], 'not a Feature (type is array).'],
    ['Feature', 'not a Feature (type is string).'],
    [0, 'not a Feature (type is number).'],
    [{ geometry: null }, 'not a Feature (type is "(none)").'],
    [{ type: 'feature', geometry: null }, 'not a Feature (type is "feature").']
  ])('%j is not a feature', (candidate, en) => {
    const report = inspectFeature(candidate, 2);
    expect(report.feature).toBeNull();
    expect(report.hasError).toBe(true);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ code: 'not-a-feature', featureIndex: 2 });
    expect(report.problems[0].en).toBe(`Feature #3: ${en}`);
    expect(report.problems[0].path).toBeUndefined();
  });

  test('the id is a string or a number; anything else is not quoted as one', () => {
    const bad = { type: 'Feature', properties: {}, geometry: null };
    expect(inspectFeature({ ...bad, id: 'a' }, 0).problems[0].featureId).toBe('a');
    expect(inspectFeature({ ...bad, id: 0 }, 0).problems[0].featureId).toBe(0);
    expect(inspectFeature({ ...bad, id: { a: 1 } }, 0).problems[0]).not.toHaveProperty('featureId');
    expect(inspectFeature({ ...bad, id: true }, 0).problems[0]).not.toHaveProperty('featureId');
  });

  test.each([
    ['a string', 'properties-not-object', 'string'],
    ['an array', [1], 'array'],
    ['a number', 0, 'number'],
    ['false', false, 'boolean']
  ])('properties that are %s are ignored, with a warning', (_, properties, actual) => {
    const result = checkFeature(feature({ type: 'Point', coordinates: [1, 2] }, { properties }), 0);
    expect(result.feature?.properties).toEqual({});
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'properties-not-object',
      severity: 'warning',
      path: 'properties'
    });
    expect(result.problems[0].en).toContain(`(got ${actual})`);
  });

  test('HTML markup in a text attribute is a warning naming the first such field', () => {
    const result = checkFeature(
      feature(
        { type: 'Point', coordinates: [1, 2] },
        {
          properties: {
            price: 'a < b',
            note: 'x <b>bold</b>',
            more: '<script>alert(1)</script>',
            number: 5
          }
        }
      ),
      0
    );
    expect(result.feature).not.toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'html-in-text',
      severity: 'warning',
      path: 'properties.note'
    });
    expect(result.problems[0].en).toContain('attribute “note” contains HTML markup');
  });

  test.each([['<!-- c -->'], ['</p>'], ['< div class="x">'], ['<a-b>'], ['<B>']])(
    '%s is markup',
    (text) => {
      const result = checkFeature(
        feature({ type: 'Point', coordinates: [1, 2] }, { properties: { t: `a${text}` } }),
        0
      );
      expect(result.problems.map((p) => p.code)).toEqual(['html-in-text']);
    }
  );

  test.each([['1 < 2 > 0'], ['<1>'], ['<'], ['< >'], ['<-->']])('%s is not markup', (text) => {
    const result = checkFeature(
      feature({ type: 'Point', coordinates: [1, 2] }, { properties: { t: text } }),
      0
    );
    expect(result.problems).toEqual([]);
  });

  test('inherited properties are not looked at', () => {
    const properties = Object.create({ inherited: '<b>x</b>' }) as Record<string, unknown>;
    properties.own = 'plain';
    const result = checkFeature(feature({ type: 'Point', coordinates: [1, 2] }, { properties }), 0);
    expect(result.problems).toEqual([]);
  });

  test('a feature already in normal form is kept as it is; others are copied into it', () => {
    const normal = {
      type: 'Feature',
      id: 3,
      bbox: [1, 2, 1, 2],
      properties: { a: 1 },
      geometry: { type: 'Point', coordinates: [1, 2] }
    };
    expect(checkFeature(normal, 0).feature).toBe(normal);

    const withExtra = { ...normal, title: 'extra member' };
    const copied = checkFeature(withExtra, 0).feature;
    expect(copied).not.toBe(withExtra);
    expect(copied).toEqual(normal);

    const undefinedId = { ...normal, id: undefined, bbox: undefined };
    const normalised = checkFeature(undefinedId, 0).feature;
    expect(normalised).not.toBe(undefinedId);
    expect(Object.keys(normalised!).sort()).toEqual(['geometry', 'properties', 'type']);

    const nullProperties = { ...normal, properties: null };
    const filled = checkFeature(nullProperties, 0).feature;
    expect(filled).not.toBe(nullProperties);
    expect(filled?.properties).toEqual({});
  });

  test('warnings keep the feature; an error anywhere drops it', () => {
    const warned = checkFeature(
      feature({ type: 'Point', coordinates: [1, 2] }, { properties: 'x' }),
      0
    );
    expect(warned.feature).not.toBeNull();
    const failed = checkFeature(
      feature({ type: 'Point', coordinates: [1] }, { properties: { t: '<b>x</b>' } }),
      0
    );
    expect(failed.feature).toBeNull();
    expect(failed.problems.map((p) => p.code)).toEqual(['position-too-short', 'html-in-text']);
  });
});

describe('the problem list of one feature', () => {
  test('lists the first of each kind, at most six, and still refuses the feature', () => {
    const result = checkFeature(
      feature(
        {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: ['x', 1] },
            { type: 'Point', coordinates: ['y', 1] },
            { type: 'Point', coordinates: [Infinity, 1] },
            { type: 'Point', coordinates: [1] },
            { type: 'Point' },
            { type: 'Blob', coordinates: [] },
            null,
            { type: 'LineString', coordinates: [[1, 2]] },
            { type: 'Polygon', coordinates: [[[0, 0]]] }
          ]
        },
        { properties: 'not an object' }
      ),
      0
    );
    expect(result.feature).toBeNull();
    expect(result.problems.map((p) => p.code)).toEqual([
      'non-numeric-coordinate',
      'non-finite-coordinate',
      'position-too-short',
      'coordinates-missing',
      'unknown-geometry-type',
      'empty-geometry'
    ]);
  });

  test('an error found after the list is full still refuses the feature', () => {
    const report = inspectFeature(
      feature(
        {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: ['x', 1] },
            { type: 'Point', coordinates: [Infinity, 1] },
            { type: 'Point', coordinates: [1] },
            { type: 'Point' },
            { type: 'Blob', coordinates: [] },
            null,
            { type: 'LineString', coordinates: [[1, 2]] }
          ]
        },
        {}
      ),
      0
    );
    expect(report.problems).toHaveLength(6);
    expect(report.problems.map((p) => p.code)).not.toContain('line-too-short');
    expect(report.hasError).toBe(true);
    expect(report.feature).toBeNull();
  });

  test('a repeated error is not listed again but decides all the same', () => {
    const report = inspectFeature(
      feature({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2] },
          { type: 'Point', coordinates: ['x', 1] },
          { type: 'Point', coordinates: ['y', 1] }
        ]
      }),
      0
    );
    expect(report.problems.map((p) => p.code)).toEqual(['non-numeric-coordinate']);
    expect(report.hasError).toBe(true);
  });

  test('features without problems share no list with those that have some', () => {
    const clean = inspectFeature(feature({ type: 'Point', coordinates: [1, 2] }), 0);
    inspectFeature(feature({ type: 'Point', coordinates: [1] }), 1);
    expect(clean.problems).toEqual([]);
    expect(inspectFeature(feature({ type: 'Point', coordinates: [3, 4] }), 2).problems).toEqual([]);
  });
});

describe('what the walk measures', () => {
  test.each([
    ['a Point', { type: 'Point', coordinates: [3, -4] }, 1, [3, -4, 3, -4]],
    [
      'a MultiPoint',
      {
        type: 'MultiPoint',
        coordinates: [
          [3, 4],
          [-1, 9]
        ]
      },
      2,
      [-1, 4, 3, 9]
    ],
    [
      'a line that goes back and forth',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [5, -2],
          [-3, 7],
          [2, 1]
        ]
      },
      4,
      [-3, -2, 5, 7]
    ],
    [
      'a line of 3D positions',
      {
        type: 'LineString',
        coordinates: [
          [0, 0, 10],
          [5, -2, 11],
          [-3, 7, 12]
        ]
      },
      3,
      [-3, -2, 5, 7]
    ],
    [
      'positions with a fourth ordinate (the slow path)',
      {
        type: 'LineString',
        coordinates: [
          [1, 1, 0, 0],
          [-4, 6, 0, 0],
          [9, -8, 0, 0]
        ]
      },
      3,
      [-4, -8, 9, 6]
    ],
    [
      'a fast prefix then slow positions',
      {
        type: 'LineString',
        coordinates: [
          [1, 1],
          [2, 2, 0, 0],
          [-5, 9, 0, 0],
          [7, -3, 0, 0]
        ]
      },
      4,
      [-5, -3, 7, 9]
    ],
    [
      'a polygon with a hole',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 0]
          ],
          [
            [2, 1],
            [8, 1],
            [8, 7],
            [2, 1]
          ]
        ]
      },
      8,
      [0, 0, 10, 10]
    ],
    [
      'a collection',
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [-7, 3] },
          { type: 'Point', coordinates: [4, -2] }
        ]
      },
      2,
      [-7, -2, 4, 3]
    ]
  ])('%s: vertices and extent', (_, geometry, vertices, extent) => {
    const result = checkFeature(feature(geometry), 0);
    expect(result.problems).toEqual([]);
    expect(result.vertices).toBe(vertices);
    expect(result.extent).toEqual(extent);
  });

  test('a position with a bad value does not widen the extent', () => {
    const report = inspectFeature(
      feature({
        type: 'LineString',
        coordinates: [
          [1, 1],
          [1000, 'x'],
          [2, 2]
        ]
      }),
      0
    );
    expect([report.minX, report.minY, report.maxX, report.maxY]).toEqual([1, 1, 2, 2]);
    expect(report.vertices).toBe(3);
  });
});

describe('checkTopology', () => {
  const bowtie: Position[] = [
    [0, 0],
    [2, 2],
    [2, 0],
    [0, 2],
    [0, 0]
  ];
  const asFeature = (geometry: Geometry, id?: string | number): CheckedFeature => ({
    type: 'Feature',
    properties: {},
    geometry,
    ...(id === undefined ? {} : { id })
  });

  test('a simple polygon has no problems', () => {
    expect(checkTopology(asFeature({ type: 'Polygon', coordinates: [square] }), 0)).toEqual([]);
    expect(
      checkTopology(asFeature({ type: 'MultiPolygon', coordinates: [[square], [square]] }), 0)
    ).toEqual([]);
    expect(checkTopology(asFeature({ type: 'LineString', coordinates: bowtie }), 0)).toEqual([]);
  });

  test('a crossing is an error naming the feature and where', () => {
    const [problem, ...rest] = checkTopology(
      asFeature({ type: 'Polygon', coordinates: [bowtie] }, 'p'),
      4
    );
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'self-intersection',
      severity: 'error',
      featureIndex: 4,
      featureId: 'p'
    });
    expect(problem.en).toBe(
      'Feature #5 (id "p"): the boundary intersects itself (near (1.000000, 1.000000)).'
    );
  });

  test('in a MultiPolygon or a collection the first crossing is reported, once', () => {
    const multi = checkTopology(
      asFeature({ type: 'MultiPolygon', coordinates: [[square], [bowtie], [bowtie]] }),
      0
    );
    expect(multi.map((p) => p.code)).toEqual(['self-intersection']);
    const collection = checkTopology(
      asFeature({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [0, 0] },
          { type: 'Polygon', coordinates: [square] },
          { type: 'MultiPolygon', coordinates: [[bowtie]] }
        ]
      }),
      0
    );
    expect(collection.map((p) => p.code)).toEqual(['self-intersection']);
  });

  test('a hole outside its shell is reported with the ring number, and the walk goes on', () => {
    const outside: Position[] = [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 6],
      [5, 5]
    ];
    const single = checkTopology(asFeature({ type: 'Polygon', coordinates: [square, outside] }), 0);
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ code: 'hole-outside-shell', severity: 'error' });
    expect(single[0].en).toContain('ring 2 is a hole but does not lie inside the outer ring');
    const multi = checkTopology(
      asFeature({ type: 'MultiPolygon', coordinates: [[square, outside], [bowtie]] }),
      0
    );
    expect(multi.map((p) => p.code)).toEqual(['hole-outside-shell', 'self-intersection']);
  });

  test('positions in projected metres are written with one decimal', () => {
    expect(formatPosition([40_500_000.123, 4_500_000.987])).toBe('(40500000.1, 4500001.0)');
    expect(formatPosition([121.1234567, 41.5])).toBe('(121.123457, 41.500000)');
    expect(formatPosition([-1000.5, 3])).toBe('(-1000.5, 3.0)');
    expect(formatPosition([3, -1000.25])).toBe('(3.0, -1000.3)');
    expect(formatPosition([1000, -1000])).toBe('(1000.000000, -1000.000000)');
  });
});

describe('positions of a checked geometry', () => {
  const collection: Geometry = {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: [1, 2] },
      { type: 'MultiPoint', coordinates: [[3, 4]] },
      { type: 'LineString', coordinates: [[5, 6]] },
      { type: 'MultiLineString', coordinates: [[[7, 8]], [[9, 10]]] },
      { type: 'Polygon', coordinates: [[[11, 12]], [[13, 14]]] },
      { type: 'MultiPolygon', coordinates: [[[[15, 16]]], [[[17, 18]]]] }
    ]
  };

  test('forEachPosition visits every position in order', () => {
    const seen: Position[] = [];
    forEachPosition(collection, (p) => seen.push(p));
    expect(seen).toEqual(Array.from({ length: 9 }, (_, i) => [2 * i + 1, 2 * i + 2]));
  });

  test('extendBbox starts a box or widens the one given, in place', () => {
    expect(extendBbox(null, collection)).toEqual([1, 2, 17, 18]);
    expect(extendBbox(null, { type: 'MultiPoint', coordinates: [] })).toBeNull();
    const box: [number, number, number, number] = [2, 3, 4, 5];
    expect(extendBbox(box, { type: 'Point', coordinates: [0, 9] })).toBe(box);
    expect(box).toEqual([0, 3, 4, 9]);
    expect(extendBbox(box, { type: 'Point', coordinates: [10, -1] })).toEqual([0, -1, 10, 9]);
    expect(extendBbox(box, { type: 'Point', coordinates: [5, 5] })).toEqual([0, -1, 10, 9]);
  });

  test('firstOutOfRange finds the first position beyond ±180° / ±90°, edges included as valid', () => {
    const line = (...coordinates: Position[]): Geometry => ({ type: 'LineString', coordinates });
    expect(firstOutOfRange(line([180, 90], [-180, -90]))).toBeNull();
    expect(firstOutOfRange(line([0, 0], [180.5, 0], [0, 91]))).toEqual([180.5, 0]);
    expect(firstOutOfRange(line([-180.5, 0]))).toEqual([-180.5, 0]);
    expect(firstOutOfRange(line([0, 90.5]))).toEqual([0, 90.5]);
    expect(firstOutOfRange(line([0, -90.5]))).toEqual([0, -90.5]);
    expect(firstOutOfRange(line([0, NaN]))).toEqual([0, NaN]);
    expect(firstOutOfRange(line([0, 0], [0, 91], [200, 0]))).toEqual([0, 91]);
  });
});

describe('corners the mutants showed', () => {
  test.each([
    ['a LineString of null', { type: 'LineString', coordinates: null }, 'geometry.coordinates'],
    ['a ring that is null', { type: 'Polygon', coordinates: [null] }, 'geometry.coordinates[0]'],
    [
      'a MultiPolygon ring that is null',
      { type: 'MultiPolygon', coordinates: [[null]] },
      'geometry.coordinates[0][0]'
    ]
  ])('%s is a nesting error, not a crash', (_, geometry, path) => {
    expect(problemsOf(feature(geometry)).map((p) => `${p.code} ${p.path}`)).toEqual([
      `bad-coordinate-nesting ${path}`
    ]);
  });

  test('the first position of a line is named with its index', () => {
    expect(
      problemsOf(
        feature({
          type: 'LineString',
          coordinates: [
            ['x', 1],
            [1, 2]
          ]
        })
      ).map((p) => p.path)
    ).toEqual(['geometry.coordinates[0][0]']);
  });

  test('a type that is not a string is unknown, even one that reads like a known name', () => {
    expect(problemsOf(feature({ type: ['Polygon'] })).map((p) => `${p.code} ${p.path}`)).toEqual([
      'unknown-geometry-type geometry.type'
    ]);
    expect(
      problemsOf(feature({ type: ['Point'], coordinates: [1, 2] })).map(
        (p) => `${p.code} ${p.path}`
      )
    ).toEqual(['unknown-geometry-type geometry.type']);
  });

  test('only text values are looked at for markup', () => {
    const properties = { n: 5, list: ['<', '<b>x</b>'], object: { a: '<b>x</b>' }, none: null };
    expect(problemsOf(feature({ type: 'Point', coordinates: [1, 2] }, { properties }))).toEqual([]);
  });

  test('a missing properties member is the library’s warning, not ours', () => {
    const { properties: _, ...bare } = feature({ type: 'Point', coordinates: [1, 2] });
    const problems = checkFeature(bare, 0).problems;
    expect(problems.map((p) => p.code)).toEqual(['geojson-spec']);
    expect(problems[0].en).toContain('properties');
  });

  test('the library’s verdict quotes at most three findings, joined by "; "', () => {
    const result = checkFeature(
      { type: 'Feature', bbox: 'x', geometry: { type: 'Point', coordinates: [1, 2], bbox: 'y' } },
      0
    );
    expect(result.feature).not.toBeNull();
    const detail = result.problems[0].en.replace(/^.*specification: /, '').replace(/\.$/, '');
    expect(detail.split('; ')).toHaveLength(3);
  });

  test.each([
    ['Point', [1, 2]],
    ['MultiPoint', [[1, 2]]],
    [
      'LineString',
      [
        [1, 2],
        [3, 4]
      ]
    ],
    [
      'MultiLineString',
      [
        [
          [1, 2],
          [3, 4]
        ]
      ]
    ],
    ['Polygon', [square]],
    ['Polygon', [square, square]],
    ['MultiPolygon', [[square], [square, square]]]
  ])(
    'a valid %s with a bbox has no problems (the library judges it afresh)',
    (type, coordinates) => {
      const result = checkFeature(feature({ type, coordinates }, { bbox: [0, 0, 4, 4], id: 1 }), 0);
      expect(result.problems).toEqual([]);
      expect(result.feature).not.toBeNull();
    }
  );

  test('a ring closed in x and y but not in z is the library’s warning, in every kind of polygon', () => {
    const ring: Position[] = [
      [0, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
      [0, 0, 5]
    ];
    for (const geometry of [
      { type: 'Polygon', coordinates: [ring] },
      { type: 'Polygon', coordinates: [square, ring] },
      { type: 'MultiPolygon', coordinates: [[square], [ring]] }
    ]) {
      for (const extra of [{}, { bbox: [0, 0, 1, 1] }]) {
        const result = checkFeature(feature(geometry, extra), 0);
        expect(result.feature, JSON.stringify(geometry)).not.toBeNull();
        expect(result.problems.map((p) => p.code)).toEqual(['geojson-spec']);
      }
    }
  });
});
