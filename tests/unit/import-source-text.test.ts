/**
 * A GeoJSON feature kept as the file has it is packed with its own text from the file (the
 * geometry's value cut out, see geojson-split.ts and packed-features.ts). Whatever the spacing,
 * key order, escapes or numbers in that text, the imported features must be exactly what
 * JSON.parse of the file gives (-0 included), whether the file is given as bytes or as a File.
 */
import fc from 'fast-check';
import { seededRandom } from '../../bench/seeded-random.js';
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import { splitFeatureCollection, NO_GEOMETRY_RANGE } from '../../src/lib/formats/geojson-split';

/**
 * JSON text of a value with random spacing and some characters of its string values (and, with
 * `escapeKeys`, of its keys) \u-escaped.
 */
function writeJson(value: unknown, random: () => number, escapeKeys = false): string {
  const space = () => [' ', '', '\n', '\t ', ''][Math.floor(random() * 5)];
  const string = (text: string) =>
    JSON.stringify(text).replace(/[A-Za-z\u4e00-\u9fff]/g, (c) =>
      random() < 0.2 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c
    );
  const key = (text: string) => (escapeKeys ? string(text) : JSON.stringify(text));
  if (typeof value === 'string') return string(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => writeJson(v, random, escapeKeys));
    return `[${space()}${items.join(`${space()},${space()}`)}${space()}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${space()}${key(k)}${space()}:${space()}${writeJson(v, random, escapeKeys)}`
  );
  return `{${entries.join(',')}${space()}}`;
}

const propertyValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('地块 7', '紫荆产业园', 'a"b\\c', '<b>x</b>'.replace(/</g, '‹'), '𝌆'),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 0, 1e21, 5e-324),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.record({ 名称: fc.string({ maxLength: 4 }) })
);

const lonLat = fc.tuple(
  fc.double({ min: 121, max: 121.3, noNaN: true }),
  fc.double({ min: 41, max: 41.2, noNaN: true })
);

const geometry = fc.oneof(
  lonLat.map((position) => ({ type: 'Point', coordinates: position })),
  lonLat.map(([x, y]) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.001, y],
        [x + 0.001, y + 0.001],
        [x, y + 0.001],
        [x, y]
      ]
    ]
  }))
);

const feature = fc
  .record({
    id: fc.option(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { nil: undefined }),
    properties: fc.dictionary(fc.string({ maxLength: 6 }), propertyValue, { maxKeys: 4 }),
    geometry,
    order: fc.constantFrom(
      ['type', 'id', 'properties', 'geometry'],
      ['geometry', 'properties', 'type', 'id'],
      ['properties', 'geometry', 'id', 'type']
    )
  })
  .map(({ id, properties, geometry, order }) => {
    const members: Record<string, unknown> = { type: 'Feature', id, properties, geometry };
    const out: Record<string, unknown> = {};
    for (const key of order as readonly string[]) {
      if (members[key] !== undefined) out[key] = members[key];
    }
    return out;
  });

describe('features packed with their own text from the file', () => {
  test('come back exactly as JSON.parse of the file gives them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(feature, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        async (features, seed, escapeKeys) => {
          const random = seededRandom(seed);
          // Distinct ids, so no duplicate-id warning changes anything.
          features.forEach((f, k) => {
            if (f.id !== undefined) f.id = `${String(f.id)}-${k}`;
          });
          const text = writeJson({ type: 'FeatureCollection', features }, random, escapeKeys);
          const bytes = new TextEncoder().encode(text);
          // With plain keys every feature's geometry is located, so its own text is used; an
          // escaped key (which might spell "geometry") makes the import write the feature out.
          const layout = splitFeatureCollection(bytes);
          expect(layout).not.toBeNull();
          if (!escapeKeys) {
            expect([...layout!.geometryRanges].includes(NO_GEOMETRY_RANGE)).toBe(false);
          }
          const expected = (JSON.parse(text) as { features: unknown[] }).features;
          for (const input of [bytes, new Blob([bytes])]) {
            const result = await importFile(input, 'random.geojson');
            expect(result.status).toBe('ok');
            const imported = [...result.features];
            // A feature written out again (an escaped key) has -0 in its properties come back
            // as 0, as packFeatures documents; its own text from the file keeps -0.
            const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
            if (escapeKeys) expect(asJson(imported)).toEqual(asJson(expected));
            else expect(imported).toEqual(expected);
            expect(imported.map((f) => JSON.stringify(f))).toEqual(
              expected.map((f) => JSON.stringify(f))
            );
          }
        }
      ),
      { numRuns: 80 }
    );
  });

  test('-0 in properties survives (the file text keeps it; writing it out again would not)', async () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"z":-0},"geometry":{"type":"Point","coordinates":[121.1,41.1]}}]}';
    const result = await importFile(new TextEncoder().encode(text), 'zero.geojson');
    expect(Object.is(result.features.at(0)!.properties?.z, -0)).toBe(true);
  });
});
