/**
 * Rules of the import's validation steps (src/lib/import/validate.ts and the modules it is split
 * into, issue #15) that no test held before: found from the mutants Stryker left alive in each
 * step. import-validate.test.ts has the rules one by one; this file the corners between them.
 */
import type { Geometry, Position } from 'geojson';
import geojsonValidation from 'geojson-validation';
import { describe, expect, test, vi } from 'vitest';
import { isErrorCode, MESSAGE_CODES } from '../../src/lib/import/messages';
import {
  checkFeature,
  checkTopology,
  FeatureReport,
  specSkeleton,
  type CheckedFeature
} from '../../src/lib/import/validate';

const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: {},
  geometry,
  ...extra
});

/** "code path" of every problem listed for the feature. */
const problemsOf = (candidate: unknown) =>
  checkFeature(candidate, 0).problems.map((p) => `${p.code} ${p.path}`);

const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0]
];

describe('geometry-checks: positions inside lines and rings', () => {
  // Lines and rings are read by a fast path for plain [x, y] and [x, y, z] of finite numbers;
  // anything else must still be reported as in a Point.
  const bad: [string, unknown[], string, number][] = [
    ['a number written as text', ['121.1', 41.1], 'non-numeric-coordinate', 0],
    [
      'a number too large for a double (1e999 in JSON)',
      JSON.parse('[1e999, 41.1]'),
      'non-finite-coordinate',
      0
    ],
    ['NaN as latitude', [121.1, NaN], 'non-finite-coordinate', 1],
    ['a height that is infinite', [121.1, 41.1, -Infinity], 'non-finite-coordinate', 2],
    ['a fourth ordinate that is text', [121.1, 41.1, 0, 'm'], 'non-numeric-coordinate', 3]
  ];

  test.each(bad)('%s, in a line', (_, position, code, k) => {
    const coordinates = [[121, 41], position, [121.2, 41.2]];
    expect(problemsOf(feature({ type: 'LineString', coordinates }))).toEqual([
      `${code} geometry.coordinates[1][${k}]`
    ]);
  });

  test.each(bad)('%s, in a ring', (_, position, code, k) => {
    const coordinates = [[[121, 41], [121.1, 41], position, [121, 41]]];
    expect(problemsOf(feature({ type: 'Polygon', coordinates }))).toEqual([
      `${code} geometry.coordinates[0][2][${k}]`
    ]);
  });

  test.each([
    ['not an array', ['x'], 'bad-coordinate-nesting geometry.coordinates[0]'],
    ['nested too deep', [[[121, 41]]], 'bad-coordinate-nesting geometry.coordinates[0][0]'],
    ['infinite', [[Infinity, 41]], 'non-finite-coordinate geometry.coordinates[0][0]'],
    ['one number', [[121]], 'position-too-short geometry.coordinates[0]']
  ])('a line of one position that is %s: only that is reported', (_, coordinates, problem) => {
    expect(problemsOf(feature({ type: 'LineString', coordinates }))).toEqual([problem]);
  });

  test('a line or ring with a bad position is not also called too short or unclosed for it', () => {
    expect(problemsOf(feature({ type: 'LineString', coordinates: [['x', 41]] }))).toEqual([
      'non-numeric-coordinate geometry.coordinates[0][0]'
    ]);
    expect(
      problemsOf(feature({ type: 'MultiLineString', coordinates: [[[121, 41], 'x']] }))
    ).toEqual(['bad-coordinate-nesting geometry.coordinates[0][1]']);
    const badFirst = [
      ['x', 41],
      [121.1, 41],
      [121, 41]
    ];
    expect(problemsOf(feature({ type: 'Polygon', coordinates: [badFirst] }))).toEqual([
      'non-numeric-coordinate geometry.coordinates[0][0][0]'
    ]);
    // Its other rings are still checked as usual.
    const open = square.slice(0, 4);
    expect(
      problemsOf(feature({ type: 'MultiPolygon', coordinates: [[badFirst, open], [open]] }))
    ).toEqual([
      'non-numeric-coordinate geometry.coordinates[0][0][0][0]',
      'ring-not-closed geometry.coordinates[0][1]'
    ]);
  });
});

describe('feature-report: which problems decide', () => {
  const warnings = MESSAGE_CODES.featureProblems.filter((code) => !isErrorCode(code));

  test('warnings never refuse the feature, listed or not; an error does, listed or not', () => {
    expect(warnings.length).toBeGreaterThan(6);
    const report = new FeatureReport(0, undefined);
    for (const code of warnings.slice(0, 6)) report.add(code);
    report.add(warnings[0]); // repeated: not listed again
    report.add(warnings[6]); // new, but the list is full
    expect(report.problems.map((p) => p.code)).toEqual(warnings.slice(0, 6));
    expect(report.hasError).toBe(false);
    report.add('line-too-short');
    expect(report.problems).toHaveLength(6);
    expect(report.hasError).toBe(true);
  });
});

describe('spec-skeleton: the library’s second opinion', () => {
  const many = (n: number): Position[] =>
    Array.from({ length: n }, (_, i) => [121 + i / n, 41 + (i % 7) / 100]);
  const ring = (n: number): Position[] => {
    const positions = many(n - 1);
    return [...positions, positions[0]];
  };

  test.each<[string, Geometry]>([
    ['MultiPoint', { type: 'MultiPoint', coordinates: many(2000) }],
    ['LineString', { type: 'LineString', coordinates: many(2000) }],
    ['MultiLineString', { type: 'MultiLineString', coordinates: [many(1000), many(1000)] }],
    ['Polygon', { type: 'Polygon', coordinates: [ring(2000)] }],
    ['Polygon with a hole', { type: 'Polygon', coordinates: [ring(1000), ring(1000)] }],
    ['MultiPolygon', { type: 'MultiPolygon', coordinates: [[ring(1000)], [ring(1000)]] }]
  ])('is shown a %s of 2 000 positions as a few positions', (_, geometry) => {
    // Walking every position again would cost more than all our own checks (bench/import.js).
    const shown = JSON.stringify(specSkeleton(feature(geometry)));
    expect(shown.length).toBeLessThan(400);
    expect(shown).not.toContain('121.');
  });

  test('is asked once per kind of plain feature, and for each feature with a bbox', async () => {
    // A fresh copy of the modules: an empty cache of verdicts.
    vi.resetModules();
    const { checkFeature } = await import('../../src/lib/import/validate');
    const asked = vi.spyOn(geojsonValidation, 'isFeature');
    try {
      const askedFor = (candidate: unknown) => {
        const before = asked.mock.calls.length;
        checkFeature(candidate, 0);
        return asked.mock.calls.length - before;
      };
      const kinds = [
        (n: number) => feature({ type: 'Point', coordinates: [121 + n, 41] }),
        (n: number) => feature({ type: 'MultiPoint', coordinates: [[121 + n, 41]] }),
        (n: number) =>
          feature({
            type: 'LineString',
            coordinates: [
              [121, 41],
              [121 + n, 42]
            ]
          }),
        (n: number) =>
          feature({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x + n, y])] }),
        (n: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [n, 41] } }),
        (n: number) => ({
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [n, 41],
              [n, 42]
            ]
          }
        })
      ];
      // Each kind is a verdict of its own (a Point is not taken for a MultiPoint), kept.
      const codes = (candidate: unknown) => checkFeature(candidate, 0).problems.map((p) => p.code);
      for (const [k, kind] of kinds.entries()) {
        expect(askedFor(kind(1))).toBe(1);
        expect(askedFor(kind(2))).toBe(0);
        // The verdict kept is the library's: nothing to say, or that "properties" is missing.
        expect(codes(kind(3))).toEqual(k < 4 ? [] : ['geojson-spec']);
      }
      const boxed = (n: number) =>
        feature({ type: 'Point', coordinates: [121, 41] }, { bbox: [121, 41, 121 + n, 41] });
      const geometryBoxed = (n: number) =>
        feature({ type: 'Point', coordinates: [121, 41], bbox: [121, 41, 121 + n, 41] });
      for (const kind of [boxed, geometryBoxed]) {
        expect(askedFor(kind(1))).toBe(1);
        expect(askedFor(kind(2))).toBe(1);
      }
    } finally {
      asked.mockRestore();
    }
  });

  test('a bad bbox on the geometry is found after a good one on the same kind of geometry', () => {
    const point = (bbox: unknown) =>
      checkFeature(feature({ type: 'Point', coordinates: [121, 41], bbox }), 0).problems;
    expect(point([121, 41, 121, 41])).toEqual([]);
    expect(point('121,41').map((p) => p.code)).toEqual(['geojson-spec']);
  });
});

describe('validate: the feature', () => {
  test('of five findings by the library, the first three are quoted', () => {
    const point = { type: 'Point', coordinates: [121, 41], bbox: 'y' };
    const problems = checkFeature(
      {
        type: 'Feature',
        bbox: 'x',
        geometry: { type: 'GeometryCollection', geometries: [point, point, point] }
      },
      0
    ).problems;
    expect(problems.map((p) => p.code)).toEqual(['geojson-spec']);
    expect(problems[0].en).toContain(
      'bbox must be an array; must have a member with the name "properties"; at 0: bbox must be an array.'
    );
    expect(problems[0].en).not.toContain('at 1:');
  });
});

describe('topology: every polygon of the feature', () => {
  const bowtie: Position[] = [
    [0, 0],
    [2, 2],
    [2, 0],
    [0, 2],
    [0, 0]
  ];
  /**
   * A zigzag of `teeth` edges all spanning x 0…1, closed on the left: simple, but every pair of
   * its edges overlaps in x, so the sweep runs out of its work budget (5 M pair tests).
   */
  const comb = (teeth: number): Position[] => {
    const ring: Position[] = [];
    for (let i = 0; i <= teeth; i++) ring.push([i % 2, i]);
    ring.push([-1, teeth], [-1, 0], [0, 0]);
    return ring;
  };
  const asFeature = (geometry: Geometry): CheckedFeature => ({
    type: 'Feature',
    properties: {},
    geometry
  });

  test('a Polygon inside a collection is checked for crossings', () => {
    const problems = checkTopology(
      asFeature({
        type: 'GeometryCollection',
        geometries: [{ type: 'Polygon', coordinates: [bowtie] }]
      }),
      0
    );
    expect(problems.map((p) => p.code)).toEqual(['self-intersection']);
  });

  test('a boundary too complex to check is a warning with its size, and the walk goes on', () => {
    const [alone] = checkTopology(asFeature({ type: 'Polygon', coordinates: [comb(4000)] }), 2);
    expect(alone).toMatchObject({ code: 'self-intersection-not-checked', severity: 'warning' });
    expect(alone.en).toContain('too complex (4003 edges)');
    const multi = checkTopology(
      asFeature({ type: 'MultiPolygon', coordinates: [[comb(4000)], [bowtie], [bowtie]] }),
      0
    );
    expect(multi.map((p) => p.code)).toEqual([
      'self-intersection-not-checked',
      'self-intersection'
    ]);
  });
});
