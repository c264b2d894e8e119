/**
 * Packed feature records give back every feature exactly (deep equality with -0 told apart,
 * same JSON text), PackedFeatures reads them as a read-only list, records survive structured
 * clone and transfer, and 100 000 parcels pack into ~30 MB of Float64 quickly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import {
  isPackedFeatureRecord,
  PackedFeatures,
  featureArray,
  featureAt,
  packedRecordOf,
  packedRecordsOf,
  concatRecords,
  PackedFeatureBuilder,
  packFeatures,
  sliceRecord,
  transferablesOf,
  unpackFeature,
  upgradePackedRecord,
  type PackedFeatureRecord
} from '../../src/lib/storage/packed-features';
import {
  BlobShelf,
  packedRecordBlob,
  readPackedRecordBlob
} from '../../src/lib/storage/packed-blob';
import { firstLayoutOf } from './support/packed-first-layout';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

/** Checks both halves of the contract for every feature, and the view as a whole. */
function expectExactRoundTrip(features: readonly unknown[], record: PackedFeatureRecord): void {
  expect(record.count).toBe(features.length);
  features.forEach((feature, index) => {
    const back = unpackFeature(record, index);
    expect(back).toStrictEqual(feature); // numbers compared with Object.is: -0 ≠ 0
    expect(JSON.stringify(back)).toBe(JSON.stringify(feature));
  });
  expect(JSON.stringify(new PackedFeatures(record))).toBe(JSON.stringify(features));
}

// ── arbitraries ────────────────────────────────────────────────────────────────────────────────

/** Any finite double; -0, subnormals and the extremes often (fc.double alone gives -0 rarely). */
const anyNumber = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(-0, 0, Number.MIN_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, 0.1)
  }
);
/** A double JSON text gives back exactly (no -0). */
const jsonNumber = anyNumber.map((x) => x + 0);
/** Any code point, lone surrogates too (JSON.parse can make them from \ud800 escapes). */
const anyCharacter = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code))
);
const anyString = fc.string({ unit: anyCharacter, maxLength: 12 });
/** What JSON.parse can give (but -0, which JSON text cannot carry back). */
const jsonValue = fc
  .jsonValue({ maxDepth: 3, stringUnit: anyCharacter })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

const positionOf = (dimension: number, number: fc.Arbitrary<number>) =>
  fc.array(number, { minLength: dimension, maxLength: dimension });
const listOf = <T>(item: fc.Arbitrary<T>, minLength = 0) =>
  fc.array(item, { minLength, maxLength: 4 });

type Generated = { geometry: unknown; kind: number };

/** Geometries that must be packed: kinds 1–6, one dimension throughout, any doubles. */
const packableGeometry: fc.Arbitrary<Generated> = fc.constantFrom(2, 2, 3, 4).chain((dimension) => {
  const position = positionOf(dimension, anyNumber);
  return fc.oneof(
    position.map((coordinates) => ({ geometry: { type: 'Point', coordinates }, kind: 1 })),
    listOf(position).map((coordinates) => ({
      geometry: { type: 'MultiPoint', coordinates },
      kind: 2
    })),
    listOf(position).map((coordinates) => ({
      geometry: { type: 'LineString', coordinates },
      kind: 3
    })),
    listOf(listOf(position)).map((coordinates) => ({
      geometry: { type: 'MultiLineString', coordinates },
      kind: 4
    })),
    listOf(listOf(position)).map((coordinates) => ({
      geometry: { type: 'Polygon', coordinates },
      kind: 5
    })),
    listOf(listOf(listOf(position))).map((coordinates) => ({
      geometry: { type: 'MultiPolygon', coordinates },
      kind: 6
    }))
  );
});

/** The same shapes with JSON-safe numbers, for use inside geometries kept in the text. */
const jsonSafeGeometry = packableGeometry.map(({ geometry }) => ({
  geometry: JSON.parse(JSON.stringify(geometry)) as Record<string, unknown>,
  kind: 7
}));

/** Geometries that must stay whole in the text (kind 7). */
const textGeometry: fc.Arbitrary<Generated> = fc.oneof(
  listOf(jsonSafeGeometry).map((members) => ({
    geometry: { type: 'GeometryCollection', geometries: members.map((m) => m.geometry) },
    kind: 7
  })),
  // Keys in another order.
  jsonSafeGeometry.map(({ geometry }) => ({
    geometry: { coordinates: geometry.coordinates, type: geometry.type },
    kind: 7
  })),
  // A bbox or a foreign member, before or after.
  fc
    .tuple(jsonSafeGeometry, listOf(jsonNumber, 4), fc.boolean())
    .map(([{ geometry }, bbox, before]) => ({
      geometry: before ? { bbox, ...geometry } : { ...geometry, bbox },
      kind: 7
    })),
  fc
    .tuple(jsonSafeGeometry, jsonValue)
    .map(([{ geometry }, extra]) => ({ geometry: { ...geometry, extra }, kind: 7 })),
  // Mixed dimensions (a 2D and a 3D position in one geometry).
  fc
    .tuple(listOf(positionOf(2, jsonNumber)), positionOf(2, jsonNumber), positionOf(3, jsonNumber))
    .map(([rest, flat, high]) => ({
      geometry: { type: 'LineString', coordinates: [flat, ...rest, high] },
      kind: 7
    })),
  fc.tuple(positionOf(2, jsonNumber), positionOf(3, jsonNumber)).map(([flat, high]) => ({
    geometry: { type: 'Polygon', coordinates: [[high, high], [flat]] },
    kind: 7
  })),
  // Bad data: short or non-numeric positions, wrong nesting, unknown types.
  fc
    .oneof(
      positionOf(1, jsonNumber).map((coordinates) => ({ type: 'Point', coordinates })),
      fc.constant({ type: 'Point', coordinates: [] }),
      fc.constant({ type: 'Point', coordinates: [121, null] }),
      fc.constant({ type: 'Point', coordinates: ['121', '41'] }),
      fc.constant({ type: 'Point', coordinates: [[121, 41]] }),
      fc.constant({ type: 'Point' }),
      fc.constant({ type: 'LineString', coordinates: [121, 41] }),
      fc.constant({ type: 'Polygon', coordinates: [[121, 41]] }),
      fc.constant({ type: 'MultiPolygon', coordinates: [[[[1, 2]]], 5] }),
      fc.constant({ type: 'Circle', coordinates: [121, 41] }),
      fc.constant({ type: 'Polygon', coordinates: null }),
      fc.constant({ type: 'Point', coordinates: new Array(256).fill(1) }),
      fc.constant([1, 2]),
      fc.constant('POINT (121 41)')
    )
    .map((geometry) => ({ geometry, kind: 7 }))
);

const RESERVED = new Set(['type', 'id', 'geometry', 'properties', 'bbox']);

/** Features with any members in any order; `kind` is what packing must decide. */
const anyFeature: fc.Arbitrary<{ feature: Feature; kind: number }> = fc
  .record(
    {
      geometry: fc.oneof(
        { weight: 4, arbitrary: packableGeometry },
        { weight: 3, arbitrary: textGeometry },
        { weight: 1, arbitrary: fc.constant<Generated>({ geometry: null, kind: 0 }) }
      ),
      hasGeometry: fc.oneof({ weight: 20, arbitrary: fc.constant(true) }, fc.constant(false)),
      properties: fc.oneof(
        fc.constant(null),
        fc.dictionary(anyString, jsonValue, { maxKeys: 5, noNullPrototype: true }),
        fc.constant({ name: '紫荆产业园 🌸', nested: { list: [1, 'two', null, { 三: true }] } })
      ),
      id: fc.option(fc.oneof(anyString, fc.integer(), jsonNumber), { nil: undefined }),
      bbox: fc.option(listOf(jsonNumber, 4), { nil: undefined }),
      foreign: fc.dictionary(
        anyString.filter((key) => !RESERVED.has(key)),
        jsonValue,
        { maxKeys: 3, noNullPrototype: true }
      ),
      order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 })
    },
    { noNullPrototype: true }
  )
  .map(({ geometry, hasGeometry, properties, id, bbox, foreign, order }) => {
    const entries: [string, unknown][] = [['type', 'Feature']];
    if (id !== undefined) entries.push(['id', id]);
    if (hasGeometry) entries.push(['geometry', geometry.geometry]);
    entries.push(['properties', properties]);
    if (bbox !== undefined) entries.push(['bbox', bbox]);
    entries.push(...Object.entries(foreign));
    // Shuffle deterministically from the generated numbers.
    const shuffled = entries
      .map((entry, k) => ({ entry, rank: order[k % order.length] * 64 + k }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ entry }) => entry);
    return {
      feature: Object.fromEntries(shuffled) as unknown as Feature,
      kind: hasGeometry ? geometry.kind : 7
    };
  });

// ── tests ──────────────────────────────────────────────────────────────────────────────────────

describe('packFeatures / unpackFeature', () => {
  test('every feature comes back exactly: deep-equal (-0 kept) and the same JSON text', () => {
    fc.assert(
      fc.property(fc.array(anyFeature, { maxLength: 12 }), (generated) => {
        const features = generated.map((g) => g.feature);
        const before = structuredClone(features);
        const record = packFeatures(features);
        expect(features).toStrictEqual(before); // the input is left as it was
        expect(Array.from(record.kinds)).toEqual(generated.map((g) => g.kind));
        expect(isPackedFeatureRecord(record)).toBe(true);
        expectExactRoundTrip(features, record);
        // The same through a structured clone (IndexedDB, postMessage).
        expectExactRoundTrip(features, structuredClone(record));
      }),
      { numRuns: 300 }
    );
  });

  test('packed coordinates live in the Float64Array, dimensions per feature', () => {
    const features: Feature<Geometry | null>[] = [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2, 3] } },
      { type: 'Feature', properties: null, geometry: null },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 1],
              [0, 0]
            ],
            []
          ]
        }
      }
    ];
    const record = packFeatures(features);
    expect(Array.from(record.kinds)).toEqual([1, 0, 5]);
    expect(Array.from(record.dimensions)).toEqual([3, 0, 2]);
    expect(Array.from(record.coordinates)).toEqual([1, 2, 3, 0, 0, 1, 0, 0, 1, 0, 0]);
    expect(Array.from(record.coordinateOffsets)).toEqual([0, 3, 3, 11]);
    expect(Array.from(record.structure)).toEqual([2, 4, 0]);
    expect(Array.from(record.structureOffsets)).toEqual([0, 0, 0, 3]);
    // The text has the packed geometry as null, in its place.
    expect(
      new TextDecoder().decode(record.text.subarray(record.textOffsets[0], record.textOffsets[1]))
    ).toBe('{"type":"Feature","properties":{},"geometry":null}');
    expectExactRoundTrip(features, record);
  });

  test('-0, the largest and the smallest doubles survive in packed coordinates', () => {
    const coordinates: Position[] = [
      [-0, 0],
      [Number.MAX_VALUE, -Number.MAX_VALUE],
      [Number.MIN_VALUE, -Number.MIN_VALUE],
      [121.16000000000001, 41.129999999999995],
      [-0, -0]
    ];
    const feature: Feature = {
      type: 'Feature',
      properties: null,
      geometry: { type: 'LineString', coordinates }
    };
    const record = packFeatures([feature]);
    expect(record.kinds[0]).toBe(3);
    const back = unpackFeature(record, 0).geometry as { coordinates: Position[] };
    expect(Object.is(back.coordinates[0][0], -0)).toBe(true);
    expect(Object.is(back.coordinates[0][1], 0)).toBe(true);
    expect(Object.is(back.coordinates[4][1], -0)).toBe(true);
    expect(back.coordinates).toStrictEqual(coordinates);
  });

  test('documented: outside packed coordinates, values come back as JSON gives them', () => {
    const feature = {
      type: 'Feature',
      id: -0,
      geometry: {
        type: 'GeometryCollection',
        geometries: [{ type: 'Point', coordinates: [-0, 1] }]
      },
      properties: {
        zero: -0,
        gone: undefined,
        list: [undefined, NaN, Infinity, -0],
        when: new Date(Date.UTC(2021, 0, 1)),
        kept: 'x'
      }
    } as unknown as Feature;
    const back = unpackFeature(packFeatures([feature]), 0) as unknown as {
      id: number;
      geometry: { geometries: { coordinates: number[] }[] };
      properties: Record<string, unknown>;
    };
    expect(Object.is(back.id, 0)).toBe(true);
    expect(Object.is(back.geometry.geometries[0].coordinates[0], 0)).toBe(true);
    expect(Object.is(back.properties.zero, 0)).toBe(true);
    expect('gone' in back.properties).toBe(false);
    expect(back.properties).toStrictEqual({
      zero: 0,
      list: [null, null, null, 0],
      when: '2021-01-01T00:00:00.000Z',
      kept: 'x'
    });
    // The text is what JSON.stringify makes of the original.
    expect(JSON.stringify(back)).toBe(JSON.stringify(feature));
    // A packed geometry in the same feature keeps its -0 all the same.
    const packed = { ...feature, geometry: { type: 'Point', coordinates: [-0, 1] } } as Feature;
    const packedBack = unpackFeature(packFeatures([packed]), 0);
    expect(Object.is((packedBack.geometry as { coordinates: number[] }).coordinates[0], -0)).toBe(
      true
    );
    expect(Object.is((packedBack.properties as { zero: number }).zero, 0)).toBe(true);
  });

  test('a feature that cannot be written as JSON is named', () => {
    const cyclic: Record<string, unknown> = { type: 'Feature', geometry: null };
    cyclic.properties = { self: cyclic };
    const ok: Feature<Geometry | null> = { type: 'Feature', properties: null, geometry: null };
    expect(() => packFeatures([ok, cyclic as unknown as Feature])).toThrow(/Feature #1/);
    expect(() => packFeatures([undefined as unknown as Feature])).toThrow(/Feature #0/);
  });

  test('unpackFeature gives a new object each call and refuses bad indexes', () => {
    const record = packFeatures([
      { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [1, 2] } }
    ]);
    const first = unpackFeature(record, 0);
    const second = unpackFeature(record, 0);
    expect(first).not.toBe(second);
    expect(first.geometry).not.toBe(second.geometry);
    expect(first).toStrictEqual(second);
    for (const bad of [-1, 1, 0.5, NaN]) {
      expect(() => unpackFeature(record, bad)).toThrow(RangeError);
    }
  });
});

describe('PackedFeatures', () => {
  const features: Feature[] = Array.from({ length: 5 }, (_, k) => ({
    type: 'Feature',
    id: `f${k}`,
    properties: { n: k },
    geometry: { type: 'Point', coordinates: [121 + k / 100, 41.1] }
  }));
  const record = packFeatures(features);
  const view = new PackedFeatures(record);

  test('reads as a list: length, feature(i), at(i), iteration, toArray and slice', () => {
    expect(Array.isArray(view)).toBe(false);
    expect(view.length).toBe(5);
    expect(view.feature(2)).toStrictEqual(features[2]);
    expect(view.feature(2)).not.toBe(view.feature(2)); // unpacked afresh on every read
    expect(view.at(2)).toStrictEqual(features[2]);
    expect(view.at(-1)).toStrictEqual(features[4]); // as Array.prototype.at
    expect(view.at(5)).toBeUndefined();
    expect(view.at(-6)).toBeUndefined();
    for (const bad of [-1, 5, 0.5, NaN]) expect(() => view.feature(bad)).toThrow(RangeError);
    expect([...view]).toStrictEqual(features);
    const seen: unknown[] = [];
    for (const feature of view) seen.push(feature.id);
    expect(seen).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(Array.from(view, (f) => f.id)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect([0, 3].map(view.feature)).toStrictEqual([features[0], features[3]]);
    const array = view.toArray();
    expect(Array.isArray(array) && packedRecordOf(array) === null).toBe(true);
    expect(array).toStrictEqual(features);
    expect(featureArray(view)).toStrictEqual(features);
    expect(view.slice(1, 3)).toStrictEqual(features.slice(1, 3));
    expect(view.slice(-2)).toStrictEqual(features.slice(-2));
    expect(view.slice(4, 2)).toStrictEqual([]);
    expect(JSON.stringify(view)).toBe(JSON.stringify(features));
  });

  test('featureAt reads a position of any list, undefined for none (no counting from the end)', () => {
    for (const list of [view, features]) {
      expect(featureAt(list, 3)).toStrictEqual(features[3]);
      for (const none of [-1, 5, 1.5]) expect(featureAt(list, none)).toBeUndefined();
    }
  });

  test('over several records it reads them as one, empty records included', () => {
    const records = [features.slice(0, 2), [], features.slice(2)].map((part) => packFeatures(part));
    const joined = new PackedFeatures(records);
    expect(joined.length).toBe(5);
    expect([...joined]).toStrictEqual(features);
    expect(features.map((_, k) => joined.feature(k))).toStrictEqual(features);
    expect(joined.at(-3)).toStrictEqual(features[2]);
    expect(() => joined.feature(5)).toThrow(RangeError);
    expect(joined.records).toEqual(records);
  });

  test('is read-only: it is frozen, and offers nothing that writes', () => {
    expect(Object.isFrozen(view)).toBe(true);
    expect(() => ((view as { length: number }).length = 0)).toThrow(TypeError);
    expect(() => Object.defineProperty(view, 'x', { value: 1 })).toThrow(TypeError);
    expect('push' in view || 'splice' in view || 'sort' in view).toBe(false);
    expect([...view]).toStrictEqual(features);
  });

  test('the record clones, the list does not (DataCloneError); packedRecordOf finds the record', () => {
    expect(packedRecordOf(view)).toBe(record);
    expect(packedRecordOf(features)).toBeNull();
    expect(packedRecordOf([])).toBeNull();
    expect(packedRecordOf(new PackedFeatures(record))).toBe(record);
    let error: unknown;
    try {
      structuredClone(view);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('DataCloneError');
    const clone = structuredClone(record);
    expect(clone).not.toBe(record);
    expect(isPackedFeatureRecord(clone)).toBe(true);
    expect([...new PackedFeatures(clone)]).toStrictEqual(features);
  });

  test('an empty record gives an empty list', () => {
    const empty = new PackedFeatures(packFeatures([]));
    expect(empty.length).toBe(0);
    expect([...empty]).toEqual([]);
    expect(empty.at(0)).toBeUndefined();
  });
});

describe('isPackedFeatureRecord', () => {
  const features: Feature<Geometry | null>[] = [
    { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } },
    { type: 'Feature', properties: { a: 'b' }, geometry: null },
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [1, 2, 3],
          [4, 5, 6]
        ]
      }
    }
  ];
  const record = packFeatures(features);

  test('accepts a record and its structured clone', () => {
    expect(isPackedFeatureRecord(record)).toBe(true);
    expect(isPackedFeatureRecord(structuredClone(record))).toBe(true);
    expect(isPackedFeatureRecord(packFeatures([]))).toBe(true);
  });

  test('rejects near misses', () => {
    const nearMisses: Record<string, (r: Record<string, unknown>) => void> = {
      'other format': (r) => (r.format = 'packed-features/1'),
      'count too big': (r) => (r.count = 4),
      'count not integer': (r) => (r.count = 2.5),
      'kinds a plain array': (r) => (r.kinds = Array.from(record.kinds)),
      'coordinates as Float32Array': (r) => (r.coordinates = new Float32Array(record.coordinates)),
      'structure as Int32Array': (r) => (r.structure = new Int32Array(record.structure)),
      'text a string': (r) => (r.text = new TextDecoder().decode(record.text)),
      'text shorter than its offsets': (r) => (r.text = record.text.slice(1)),
      'text offsets decreasing': (r) => ((r.textOffsets as Uint32Array)[1] = record.text.length),
      'kind out of range': (r) => ((r.kinds as Uint8Array)[1] = 8),
      'null geometry with coordinates': (r) => ((r.kinds as Uint8Array)[0] = 0),
      'positions not whole': (r) => ((r.dimensions as Uint8Array)[2] = 4),
      'missing textOffsets': (r) => delete r.textOffsets,
      'coordinate offsets too short': (r) =>
        (r.coordinateOffsets = (r.coordinateOffsets as Uint32Array).slice(1))
    };
    for (const [name, spoil] of Object.entries(nearMisses)) {
      const copy = structuredClone(record) as unknown as Record<string, unknown>;
      spoil(copy);
      expect({ name, accepted: isPackedFeatureRecord(copy) }).toEqual({ name, accepted: false });
    }
    for (const value of [null, undefined, 'packed-features/1', [], {}, features]) {
      expect(isPackedFeatureRecord(value)).toBe(false);
    }
  });
});

describe('sliceRecord', () => {
  test('slices read back the features they cover, and own exactly their buffers', () => {
    fc.assert(
      fc.property(
        fc.array(anyFeature, { maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (generated, a, b) => {
          const features = JSON.parse(JSON.stringify(generated)) as Feature[];
          const record = packFeatures(features);
          const [start, end] = [a % (record.count + 1), b % (record.count + 1)].sort(
            (x, y) => x - y
          );
          const slice = sliceRecord(record, start, end);
          expect(slice.count).toBe(end - start);
          expect(isPackedFeatureRecord(slice)).toBe(true);
          expect([...new PackedFeatures(slice)]).toEqual(features.slice(start, end));
          expect(transferablesOf(slice)).toHaveLength(8);
        }
      )
    );
  });

  test('concatRecords puts slices back together exactly, in order', () => {
    fc.assert(
      fc.property(fc.array(anyFeature, { maxLength: 12 }), fc.nat(), (generated, cut) => {
        const features = JSON.parse(JSON.stringify(generated)) as Feature[];
        const record = packFeatures(features);
        const at = cut % (record.count + 1);
        const joined = concatRecords([
          sliceRecord(record, 0, at),
          sliceRecord(record, at, record.count)
        ]);
        expect(isPackedFeatureRecord(joined)).toBe(true);
        expect([...new PackedFeatures(joined)]).toEqual(features);
        expect(concatRecords([]).count).toBe(0);
      })
    );
  });

  test('PackedFeatureBuilder packs into segments: read back whole, by index, as a view and selected', () => {
    fc.assert(
      fc.property(
        fc.array(anyFeature, { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (generated, segmentNumbers, keep) => {
          const features = JSON.parse(JSON.stringify(generated)) as Feature[];
          const builder = new PackedFeatureBuilder(segmentNumbers);
          for (const feature of features) builder.add(feature);
          expect(builder.count).toBe(features.length);
          const records = builder.records();
          for (const record of records) expect(isPackedFeatureRecord(record)).toBe(true);
          expect(records.reduce((sum, r) => sum + r.count, 0)).toBe(features.length);
          const record = builder.record();
          expect(isPackedFeatureRecord(record)).toBe(true);
          expect([...new PackedFeatures(record)]).toEqual(features);
          const view = new PackedFeatures(records);
          expect(view).toHaveLength(features.length);
          expect([...view]).toEqual(features);
          expect(packedRecordsOf(view)).toEqual(records);
          expect(isPackedFeatureRecord(packedRecordOf(view))).toBe(true);
          features.forEach((feature, k) => expect(builder.get(k)).toEqual(feature));
          const selected = new PackedFeatures(builder.select(keep));
          expect([...selected]).toEqual(features.filter((_, k) => keep[k]));
        }
      )
    );
  });

  test('PackedFeatureBuilder starts a new segment once one holds its numbers', () => {
    const builder = new PackedFeatureBuilder(4);
    for (let k = 0; k < 5; k++) {
      builder.add({
        type: 'Feature',
        properties: { k },
        geometry: { type: 'Point', coordinates: [k, k] }
      });
    }
    expect(builder.records().map((r) => r.count)).toEqual([2, 2, 1]);
    expect(() => builder.get(5)).toThrow(RangeError);
  });

  test('refuses ranges outside the record', () => {
    const record = packFeatures([
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } }
    ]);
    expect(() => sliceRecord(record, 0, 2)).toThrow(RangeError);
    expect(() => sliceRecord(record, 1, 0)).toThrow(RangeError);
    expect(() => sliceRecord(record, -1, 1)).toThrow(RangeError);
  });
});

describe('transferablesOf', () => {
  test('gives distinct buffers, each exactly the size of its array', () => {
    for (const features of [
      [],
      [{ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } }]
    ] as Feature[][]) {
      const record = packFeatures(features);
      const buffers = transferablesOf(record);
      expect(buffers).toHaveLength(8);
      expect(new Set(buffers).size).toBe(8);
      // In the order of packedArraysOf.
      const arrays = [
        record.kinds,
        record.dimensions,
        record.coordinateOffsets,
        record.structureOffsets,
        record.textOffsets,
        record.structure,
        record.coordinates,
        record.text
      ];
      arrays.forEach((array, k) => {
        expect(buffers[k]).toBe(array.buffer);
        expect(buffers[k].byteLength).toBe(array.byteLength);
        expect(array.byteOffset).toBe(0);
      });
    }
  });

  test('the buffers transfer: the clone reads back, the sender is detached', () => {
    const features: Feature[] = [
      {
        type: 'Feature',
        properties: { name: '凌河' },
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [-0, 4]
          ]
        }
      }
    ];
    const record = packFeatures(features);
    const moved = structuredClone(record, { transfer: transferablesOf(record) });
    expect(record.coordinates.length).toBe(0); // detached
    expect(unpackFeature(moved, 0)).toStrictEqual(features[0]);
  });

  test('refuses an array that is a view of a bigger buffer', () => {
    const record = packFeatures([
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } }
    ]);
    const shared = { ...record, coordinates: new Float64Array(8).subarray(0, 2) };
    expect(() => transferablesOf(shared)).toThrow(/view of a bigger ArrayBuffer \(64 bytes/);
  });

  test('transfers one buffer that all the arrays share, once', () => {
    const record = packFeatures([
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [1, 2] } }
    ]);
    // kinds (1 byte) + 7 bytes of padding, then the coordinates, on one buffer.
    const buffer = new ArrayBuffer(8 + 16);
    const kinds = new Uint8Array(buffer, 0, 1);
    kinds.set(record.kinds);
    const coordinates = new Float64Array(buffer, 8, 2);
    coordinates.set(record.coordinates);
    const buffers = transferablesOf({ ...record, kinds, coordinates });
    expect(buffers.filter((b) => b === buffer)).toHaveLength(1);
    expect(buffers).toHaveLength(7);
  });
});

describe('scale: 100 000 parcels of 19 positions', () => {
  test('≈30 MB of coordinates, packed quickly, unpacked per feature', () => {
    const count = 100_000;
    const perRing = 19;
    const features: Feature<Polygon>[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const x0 = 121 + (k % 400) * 0.001;
      const y0 = 41 + Math.floor(k / 400) * 0.001;
      const ring: Position[] = new Array(perRing);
      for (let p = 0; p < perRing - 1; p++) {
        const angle = (p / (perRing - 1)) * 2 * Math.PI;
        ring[p] = [x0 + 0.0004 * Math.cos(angle), y0 + 0.0004 * Math.sin(angle)];
      }
      ring[perRing - 1] = ring[0];
      features[k] = {
        type: 'Feature',
        id: k,
        properties: { name: `地块 ${k}`, use: k % 3 === 0 ? '工业' : '居住', areaMu: k % 97 },
        geometry: { type: 'Polygon', coordinates: [ring] }
      };
    }
    packFeatures(features.slice(0, 1000)); // warm up
    const packMs: number[] = [];
    let record = packFeatures([]);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      record = packFeatures(features);
      packMs.push(Math.round(performance.now() - started));
    }

    const positions = count * perRing;
    expect(record.coordinates.length).toBe(2 * positions);
    expect(record.coordinates.buffer.byteLength).toBe(2 * positions * 8);
    expect(record.structure.length).toBe(2 * count);
    expect(record.kinds.every((kind) => kind === 5)).toBe(true);
    const smallBytes = transferablesOf(record)
      .filter((buffer) => buffer !== record.coordinates.buffer)
      .reduce((sum, buffer) => sum + buffer.byteLength, 0);

    const unpackStarted = performance.now();
    const view = new PackedFeatures(record);
    let vertices = 0;
    for (const feature of view) vertices += (feature.geometry as Polygon).coordinates[0].length;
    const unpackMs = performance.now() - unpackStarted;
    expect(vertices).toBe(positions);
    for (const k of [0, 1, 4_321, 99_999]) expect(view.feature(k)).toStrictEqual(features[k]);

    console.log(
      `packed ${count} parcels / ${positions} positions in ${packMs.join(', ')} ms (3 runs); ` +
        `coordinates ${(record.coordinates.byteLength / 1e6).toFixed(1)} MB, ` +
        `other arrays ${(smallBytes / 1e6).toFixed(1)} MB, text ${(record.text.length / 1e6).toFixed(1)} M chars; ` +
        `unpacked all in ${unpackMs.toFixed(0)} ms (${((unpackMs / count) * 1000).toFixed(2)} µs per feature)`
    );
  }, 60_000);
});

describe('real data: the import fixtures', () => {
  test('every usable feature of every importable .geojson fixture round-trips exactly', async () => {
    const used: string[] = [];
    let packedGeometries = 0;
    for (const name of readdirSync(FIXTURES)
      .filter((n) => n.endsWith('.geojson'))
      .sort()) {
      let features: Feature[];
      try {
        const result = await importFile(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
        if (result.status !== 'ok' || result.features.length === 0) continue;
        features = [...result.features];
      } catch {
        continue;
      }
      const record = packFeatures(features);
      expectExactRoundTrip(features, record);
      packedGeometries += record.kinds.filter((kind) => kind >= 1 && kind <= 6).length;
      used.push(name);
    }
    expect(used).toContain('good-wgs84.geojson');
    expect(used.length).toBeGreaterThanOrEqual(5);
    expect(packedGeometries).toBeGreaterThan(0);
  });
});

describe('packedRecordBlob', () => {
  test('a record, or consecutive records, read back from its Blob exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyFeature, { maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        async (generated, segmentNumbers) => {
          const features = JSON.parse(JSON.stringify(generated)) as Feature[];
          const builder = new PackedFeatureBuilder(segmentNumbers);
          for (const feature of features) builder.add(feature);
          const blob = packedRecordBlob(builder.records());
          const records = await readPackedRecordBlob(blob);
          expect(records.map((r) => r.count)).toEqual(builder.records().map((r) => r.count));
          expectExactRoundTrip(features, concatRecords(records));
          // The arrays are views of one buffer, which is transferred once.
          const buffers = transferablesOf(records);
          expect(buffers).toHaveLength(features.length > 0 ? 1 : 0);
          const moved = structuredClone(records, { transfer: buffers });
          if (features.length > 0) expect(records[0].kinds.length).toBe(0); // detached
          expectExactRoundTrip(features, concatRecords(moved));
        }
      ),
      { numRuns: 60 }
    );
  });

  test('Chinese text and a 100 000-number geometry come back', async () => {
    const ring: Position[] = [];
    for (let k = 0; k < 50_000; k++) ring.push([121 + k * 1e-7, 41 - k * 1e-7]);
    ring.push(ring[0]);
    const features: Feature<Geometry | null>[] = [
      { type: 'Feature', properties: { 名称: '紫荆产业园' }, geometry: null },
      {
        type: 'Feature',
        id: 'big',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] }
      }
    ];
    const record = await readPackedRecordBlob(packedRecordBlob(packFeatures(features)));
    expect([...new PackedFeatures(record)]).toEqual(features);
  });

  test('a Blob of the first layout (one segment, not padded at its end) still reads', async () => {
    let unpadded = 0;
    // Texts of 8 lengths in a row: at least one does not end at a multiple of 8 bytes.
    for (let n = 0; n < 8; n++) {
      const features: Feature<Geometry | null>[] = [
        {
          type: 'Feature',
          properties: { a: '凌河' + 'x'.repeat(n) },
          geometry: { type: 'Point', coordinates: [1, 2] }
        },
        { type: 'Feature', properties: {}, geometry: null }
      ];
      const blob = packedRecordBlob(packFeatures(features));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let end = bytes.length;
      while (bytes[end - 1] === 0) end--;
      if (end === bytes.length) continue;
      unpadded++;
      const records = await readPackedRecordBlob(blob.slice(0, end));
      expect([...new PackedFeatures(records)]).toEqual(features);
    }
    expect(unpadded).toBeGreaterThan(0);
    expect(await readPackedRecordBlob(new Blob([]))).toEqual([]);
  });

  test('a Blob that is not a packed record, or is damaged, is refused with the reason', async () => {
    const blob = packedRecordBlob(
      packFeatures([
        { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [1, 2] } }
      ])
    );
    await expect(readPackedRecordBlob(new Blob(['{"type":"FeatureCollection"}']))).rejects.toThrow(
      /no header/
    );
    await expect(readPackedRecordBlob(new Blob(['00000005{"a":']))).rejects.toThrow(
      /header is not JSON/
    );
    // Cut inside the coordinates, before the text (the last part), or one byte short or long.
    // The segment's last bytes are the zeros that pad it to a multiple of 8 (text ends in `}`).
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let end = bytes.length;
    while (bytes[end - 1] === 0) end--;
    const textBytes = JSON.stringify({ type: 'Feature', properties: { a: 1 }, geometry: null });
    await expect(readPackedRecordBlob(blob.slice(0, end - textBytes.length - 1))).rejects.toThrow(
      /cut short/
    );
    await expect(readPackedRecordBlob(blob.slice(0, end - 1))).rejects.toThrow(/cut short/);
    await expect(readPackedRecordBlob(new Blob([blob, ' ']))).rejects.toThrow(
      /longer than its parts/
    );
    await expect(readPackedRecordBlob(new Blob([blob.slice(0, end), ' ']))).rejects.toThrow(
      /longer than its parts/
    );
    // A second segment cut short, after a whole one.
    await expect(readPackedRecordBlob(new Blob([blob, blob.slice(0, end - 1)]))).rejects.toThrow(
      /cut short/
    );
    // Offsets that do not reach the end of the text.
    const record = packFeatures([
      { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [1, 2] } }
    ]);
    const spoilt = packedRecordBlob({ ...record, textOffsets: new Uint32Array([0, 5]) });
    await expect(readPackedRecordBlob(spoilt)).rejects.toThrow(/do not fit together/);
  });
});

describe('PackedFeatureBuilder with a BlobShelf', () => {
  test('reads back, selects and gives Blobs as the builder in memory does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyFeature, { maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (generated, segmentNumbers, keep) => {
          const features = JSON.parse(JSON.stringify(generated.map((g) => g.feature))) as Feature[];
          const inMemory = new PackedFeatureBuilder(segmentNumbers);
          const shelved = new PackedFeatureBuilder(segmentNumbers, new BlobShelf());
          for (const feature of features) {
            inMemory.add(feature);
            shelved.add(feature);
          }
          // Backwards too, so segments are taken back in any order.
          for (const k of [...features.keys(), ...[...features.keys()].reverse()]) {
            await shelved.ready(k);
            expect(shelved.get(k)).toEqual(inMemory.get(k));
          }
          const selection = await shelved.shelvedSelection(keep);
          const read = await readPackedRecordBlob(new Blob(selection));
          expect([...new PackedFeatures(read)]).toEqual([
            ...new PackedFeatures(inMemory.select(keep))
          ]);
        }
      ),
      { numRuns: 60 }
    );
  });

  test('a shelved segment must be taken back before its features are read', async () => {
    const shelved = new PackedFeatureBuilder(2, new BlobShelf());
    for (let k = 0; k < 3; k++) {
      shelved.add({
        type: 'Feature',
        properties: { k },
        geometry: { type: 'Point', coordinates: [k, k] }
      });
    }
    await shelved.ready(0);
    expect(shelved.get(0).properties).toEqual({ k: 0 });
    expect(() => shelved.get(2)).toThrow(/shelved; await ready\(\) first/);
    await shelved.ready(2);
    expect(shelved.get(2).properties).toEqual({ k: 2 });
    await expect(shelved.ready(3)).rejects.toThrow(RangeError);
    await expect(new PackedFeatureBuilder().shelvedSelection([])).rejects.toThrow(/needs a shelf/);
  });
});

describe('upgradePackedRecord', () => {
  test('reads a record of the first layout (text a string) as the current one', () => {
    const features: Feature<Geometry | null>[] = [
      { type: 'Feature', properties: { 名称: '紫荆产业园', emoji: '𝌆' }, geometry: null },
      {
        type: 'Feature',
        id: 'a',
        properties: { note: 'x' },
        geometry: { type: 'Point', coordinates: [121.1, 41.1] }
      }
    ];
    const record = packFeatures(features);
    expect(upgradePackedRecord(record)).toBe(record);
    const upgraded = upgradePackedRecord(firstLayoutOf(record));
    expect(upgraded).not.toBeNull();
    expect(upgraded).toEqual(record);
    expect([...new PackedFeatures(upgraded!)]).toEqual(features);
  });

  test('gives null for anything else', () => {
    const record = packFeatures([
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }
    ]);
    for (const value of [null, 'x', {}, { ...firstLayoutOf(record), text: 5 }]) {
      expect(upgradePackedRecord(value)).toBeNull();
    }
    expect(upgradePackedRecord({ ...firstLayoutOf(record), count: 2 })).toBeNull();
  });
});
