/**
 * The byte-level FeatureCollection splitter (src/lib/formats/geojson-split.ts): on valid files its
 * ranges are exactly the values JSON.parse of the whole text gives; on anything it is not sure of
 * it says null (the caller then parses the whole text); and a layout it gives never hides an
 * error — if the whole text is not valid JSON, parsing the reported ranges throws.
 *
 * Truncation rule under test: a layout means the top-level object's closing brace was found with
 * only whitespace after it, so a file cut before that brace always gives null.
 */
import { findRepeatedMembers } from '../../src/lib/formats/repeated-members';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { seededRandom } from '../../bench/seeded-random.js';
import { describe, expect, test } from 'vitest';
import {
  parseFeatureBatch,
  splitFeatureCollection,
  type FeatureCollectionLayout
} from '../../src/lib/formats/geojson-split';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const BOM = [0xef, 0xbb, 0xbf];

const encode = (text: string) => new TextEncoder().encode(text);
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The whole-file parse the import does today: strict UTF-8 (a BOM dropped), one JSON.parse. */
function parseWhole(bytes: Uint8Array): unknown {
  return JSON.parse(strictDecoder.decode(bytes));
}

function parseRange(bytes: Uint8Array, [start, end]: readonly [number, number]): unknown {
  return JSON.parse(
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start, end))
  );
}

function featureRange(layout: FeatureCollectionLayout, index: number): [number, number] {
  return [layout.featureRanges[2 * index], layout.featureRanges[2 * index + 1]];
}

/**
 * Whether two parsed JSON values are the same, keys in the same order, numbers by Object.is.
 * Iterative: vitest's toEqual and JSON.stringify both recurse, and overflow the stack on the
 * 5000-deep array of deeply-nested.geojson.
 */
function sameJson(left: unknown, right: unknown): boolean {
  const pending: Array<[unknown, unknown]> = [[left, right]];
  while (pending.length > 0) {
    const [a, b] = pending.pop()!;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
      if (!Object.is(a, b)) return false;
    } else if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      a.forEach((item, index) => pending.push([item, b[index]]));
    } else {
      const keysA = Object.keys(a);
      const keysB = Object.keys(b);
      if (keysA.join('\u0000') !== keysB.join('\u0000') || keysA.length !== keysB.length) {
        return false;
      }
      for (const key of keysA) {
        pending.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
      }
    }
  }
  return true;
}

function expectSameJson(actual: unknown, expected: unknown, label?: string): void {
  // toEqual only to show the difference when there is one.
  if (!sameJson(actual, expected)) expect(actual, label).toEqual(expected);
  expect(sameJson(actual, expected), label).toBe(true);
}

const isJsonWhitespace = (byte: number) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** Every range non-empty, trimmed, inside the bytes, and the features in order without overlap. */
function expectRangesWellFormed(bytes: Uint8Array, layout: FeatureCollectionLayout): void {
  const ranges = [...layout.members.values()];
  let previousEnd = 0;
  for (let index = 0; index < layout.featureRanges.length / 2; index++) {
    const range = featureRange(layout, index);
    expect(range[0]).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = range[1];
    ranges.push(range);
  }
  for (const [start, end] of ranges) {
    expect(start).toBeLessThan(end);
    expect(end).toBeLessThanOrEqual(bytes.length);
    expect(isJsonWhitespace(bytes[start])).toBe(false);
    expect(isJsonWhitespace(bytes[end - 1])).toBe(false);
  }
}

/** The layout agrees with JSON.parse of the whole (valid) text, feature by feature and member by member. */
function expectLayoutMatchesWholeParse(bytes: Uint8Array, layout: FeatureCollectionLayout | null) {
  const whole = parseWhole(bytes) as Record<string, unknown> & { features: unknown[] };
  expect(layout).not.toBeNull();
  if (!layout) return;
  expectRangesWellFormed(bytes, layout);
  expect(layout.featureRanges.length).toBe(2 * whole.features.length);
  whole.features.forEach((feature, index) => {
    expectSameJson(parseRange(bytes, featureRange(layout, index)), feature, `feature ${index}`);
  });
  expectSameJson(parseFeatureBatch(bytes, layout, 0, whole.features.length), whole.features);
  const otherKeys = Object.keys(whole).filter((key) => key !== 'features');
  expect([...layout.members.keys()].sort()).toEqual(otherKeys.sort());
  for (const [key, range] of layout.members)
    expectSameJson(parseRange(bytes, range), whole[key], key);
}

/** Parses everything a layout points at; throws if any of it is not valid UTF-8 JSON. */
function parseEverything(bytes: Uint8Array, layout: FeatureCollectionLayout): void {
  parseFeatureBatch(bytes, layout, 0, layout.featureRanges.length / 2);
  for (const range of layout.members.values()) parseRange(bytes, range);
}

/**
 * Whatever the bytes, the splitter does not throw, and a layout it gives is well formed and
 * agrees with the whole parse: the same values if the whole text is valid, an error somewhere in
 * the ranges if it is not.
 */
function throws(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch {
    return true;
  }
}

function expectSplitterSound(bytes: Uint8Array): FeatureCollectionLayout | null {
  const layout = splitFeatureCollection(bytes);
  if (!layout) return null;
  expectRangesWellFormed(bytes, layout);
  let wholeIsValid = true;
  try {
    parseWhole(bytes);
  } catch {
    wholeIsValid = false;
  }
  if (wholeIsValid) expectLayoutMatchesWholeParse(bytes, layout);
  else expect(() => parseEverything(bytes, layout)).toThrow();
  return layout;
}

// ---------------------------------------------------------------------------------------------
// A JSON writer with control over what JSON.stringify decides: whitespace between any two
// tokens, \u escapes of any character, repeated keys, and member order.

class JsonObject {
  constructor(readonly entries: Array<[string, Json]>) {}
}
type Json = null | boolean | number | string | Json[] | JsonObject;

interface Style {
  mode: 'none' | 'random' | 'pretty';
  indent: string;
  seed: number;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f'
};

function writeJson(value: Json, style: Style): string {
  // Seeded, so a style's whitespace and escapes follow from its seed (and shrink with it).
  const random = seededRandom(style.seed);
  const space = () => {
    if (style.mode !== 'random' || random() < 0.5) return '';
    let run = '';
    const count = 1 + Math.floor(random() * 3);
    for (let k = 0; k < count; k++) run += ' \t\n\r'[Math.floor(random() * 4)];
    return run;
  };
  const newline = (depth: number) =>
    style.mode === 'pretty' ? '\n' + style.indent.repeat(depth) : space();
  const escapeChance = style.mode === 'random' ? 0.2 : 0;

  const writeString = (text: string) => {
    let out = '"';
    for (const character of text) {
      if (random() < escapeChance) {
        // \uXXXX per UTF-16 unit: an astral character becomes an escaped surrogate pair.
        for (let unit = 0; unit < character.length; unit++) {
          out += '\\u' + character.charCodeAt(unit).toString(16).padStart(4, '0');
        }
      } else if (SHORT_ESCAPES[character]) out += SHORT_ESCAPES[character];
      else if (character.charCodeAt(0) < 0x20) {
        out += '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0');
      } else if (character === '/') out += random() < escapeChance ? '\\/' : '/';
      else out += character;
    }
    return out + '"';
  };

  const write = (item: Json, depth: number): string => {
    if (typeof item === 'string') return writeString(item);
    if (typeof item === 'number') {
      const number = JSON.stringify(item);
      return random() < 0.5 ? number : number.replace('e', 'E');
    }
    if (item === null || typeof item === 'boolean') return String(item);
    const [open, close, parts] = Array.isArray(item)
      ? ['[', ']', item.map((element) => write(element, depth + 1))]
      : [
          '{',
          '}',
          item.entries.map(
            ([key, member]) =>
              `${writeString(key)}${space()}:${style.mode === 'pretty' ? ' ' : space()}${write(member, depth + 1)}`
          )
        ];
    if (parts.length === 0) return open + space() + close;
    const items = parts.map((part) => newline(depth + 1) + part + space());
    return open + items.join(',') + newline(depth) + close;
  };
  return space() + write(value, 0) + space();
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Characters that trip byte scanners: brackets, quotes, backslashes, controls, CJK, emoji. */
const trickyCharacter = fc.constantFrom(
  ...['[', ']', '{', '}', ',', ':', '"', '\\', '/', ' ', '\n', '\t', '\u0000', '\u001f'],
  ...['a', 'Z', '0', '-', '.', 'e', 'u', 'é', '地', '块', '凌', '河', '😀', '🗺️'],
  ...['\u2028', '\uFEFF', '\u00a0']
);
const text = fc.string({ unit: trickyCharacter, maxLength: 10 });
const coordinate = fc.double({ min: -180, max: 180, noNaN: true });
const number = fc.oneof(
  coordinate,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
);

const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.array(fc.tuple(text, tie('json')), { maxLength: 4 }).map((e) => new JsonObject(e))
  )
}));

const position = fc.array(coordinate, { minLength: 2, maxLength: 3 });
const geometry = fc
  .tuple(
    fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPolygon'),
    fc.oneof(
      position,
      fc.array(position, { maxLength: 6 }),
      fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 3 }),
      fc.array(fc.array(fc.array(position, { maxLength: 5 }), { maxLength: 2 }), { maxLength: 2 })
    )
  )
  .map(
    ([type, coordinates]) =>
      new JsonObject([
        ['type', type],
        ['coordinates', coordinates]
      ])
  );

const feature = fc
  .record({
    id: fc.option(fc.oneof(text, fc.integer())),
    properties: fc.option(fc.array(fc.tuple(text, json), { maxLength: 4 })),
    geometry: fc.option(geometry),
    foreign: fc.array(fc.tuple(text, json), { maxLength: 2 })
  })
  .map(({ id, properties, geometry, foreign }) => {
    const entries: Array<[string, Json]> = [['type', 'Feature']];
    if (id !== null) entries.push(['id', id]);
    entries.push(['properties', properties && new JsonObject(properties)]);
    entries.push(['geometry', geometry]);
    return new JsonObject([...entries, ...foreign]);
  });

/** Mostly features, sometimes any JSON value (the splitter must not care what an element is). */
const element = fc.oneof({ arbitrary: feature, weight: 4 }, { arbitrary: json, weight: 1 });

/** Top-level members besides "features", before and after it, keys not repeated. */
const members = fc
  .uniqueArray(
    fc.tuple(
      fc.oneof(fc.constantFrom('type', 'crs', 'name', 'bbox'), text),
      fc.oneof(fc.constant('FeatureCollection'), json)
    ),
    { maxLength: 5, selector: ([key]) => key }
  )
  .chain((entries) =>
    fc.nat({ max: entries.length }).map((split) => ({
      before: entries.slice(0, split),
      after: entries.slice(split)
    }))
  );

const style = fc.record({
  mode: fc.constantFrom<Style['mode']>('none', 'random', 'pretty'),
  indent: fc.constantFrom('  ', '\t', '    '),
  seed: fc.integer()
});

/** The UTF-8 bytes of a valid FeatureCollection, sometimes with a BOM. */
const collectionBytes = fc
  .record({ members, features: fc.array(element, { maxLength: 8 }), style, bom: fc.boolean() })
  .map(({ members: { before, after }, features, style, bom }) => {
    const root = new JsonObject([...before, ['features', features], ...after]);
    const bytes = encode(writeJson(root, style));
    return bom ? Uint8Array.from([...BOM, ...bytes]) : bytes;
  });

// ---------------------------------------------------------------------------------------------

describe('splitFeatureCollection on valid FeatureCollections', () => {
  test('every feature and member range parses to what the whole parse gives', () => {
    fc.assert(
      fc.property(collectionBytes, (bytes) => {
        expectLayoutMatchesWholeParse(bytes, splitFeatureCollection(bytes));
      }),
      { numRuns: 400 }
    );
  });

  test('parseFeatureBatch over any [from, to) equals that slice of the whole parse', () => {
    fc.assert(
      fc.property(collectionBytes, fc.nat(), fc.nat(), (bytes, a, b) => {
        const layout = splitFeatureCollection(bytes);
        const features = (parseWhole(bytes) as { features: unknown[] }).features;
        const from = a % (features.length + 1);
        const to = from + (b % (features.length - from + 1));
        expectSameJson(parseFeatureBatch(bytes, layout!, from, to), features.slice(from, to));
      }),
      { numRuns: 300 }
    );
  });

  test('JSON.stringify output with and without indentation', () => {
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 6 }),
        fc.constantFrom(undefined, 2, '\t'),
        (features, indent) => {
          const root = { type: 'FeatureCollection', features: features.map(toPlain), name: '凌河' };
          const bytes = encode(JSON.stringify(root, null, indent));
          expectLayoutMatchesWholeParse(bytes, splitFeatureCollection(bytes));
        }
      ),
      { numRuns: 100 }
    );
  });

  test('an empty features array, elements that are not objects, foreign members', () => {
    const cases = [
      '{"features":[]}',
      '{ "type" : "FeatureCollection" , "features" : [ ] , "bbox" : [ 1 , 2 ] }',
      '{"features":[1,-2.5E+3,true,false,null,"]",[],{},"\\"]}"]}',
      '{"a":{"features":[{"b":"}"}]},"features":[[[[]]],{"c":{"d":[{"e":"[\\\\"}]}}],"z":"\\u005d"}',
      '\t\r\n{"features":[{"type":"Feature","properties":{"名称":"地块 😀"}}]}\n\n'
    ];
    for (const text of cases)
      expectLayoutMatchesWholeParse(encode(text), splitFeatureCollection(encode(text)));
    expect(splitFeatureCollection(encode(cases[0]))!.featureRanges).toEqual(new Uint32Array(0));
    expect(splitFeatureCollection(encode(cases[2]))!.featureRanges.length).toBe(2 * 9);
  });

  test('a "features" key spelled with escapes is the features member', () => {
    const bytes = encode('{"feat\\u0075res":[{"x":1}],"n\\u0061me":"a"}');
    const layout = splitFeatureCollection(bytes);
    expectLayoutMatchesWholeParse(bytes, layout);
    expect([...layout!.members.keys()]).toEqual(['name']);
  });

  test('a UTF-8 BOM is skipped and offsets still count its three bytes', () => {
    for (const text of ['{"features":[{"a":1}]}', ' \n{"features":[{"a":1}]}']) {
      const bytes = Uint8Array.from([...BOM, ...encode(text)]);
      const layout = splitFeatureCollection(bytes);
      expectLayoutMatchesWholeParse(bytes, layout);
      expect(layout!.featureRanges[0]).toBe(3 + text.indexOf('{"a"'));
    }
    // Only one BOM, only at the very start: U+FEFF is not JSON whitespace.
    expect(
      splitFeatureCollection(Uint8Array.from([...BOM, ...BOM, ...encode('{"features":[]}')]))
    ).toBeNull();
    expect(splitFeatureCollection(encode(' \uFEFF{"features":[]}'))).toBeNull();
    expect(splitFeatureCollection(encode('{"features":[\uFEFF1]}'))).toBeNull();
  });

  test('10^5-deep nesting inside a feature is followed without recursion', () => {
    const depth = 100_000;
    const deepArray = '['.repeat(depth) + ']'.repeat(depth);
    const deepObject = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    for (const value of [deepArray, deepObject]) {
      const text = `{"features":[${value},{"b":2}],"deep":${value}}`;
      const layout = splitFeatureCollection(encode(text))!;
      const start = '{"features":['.length;
      expect(featureRange(layout, 0)).toEqual([start, start + value.length]);
      expect(featureRange(layout, 1)).toEqual([start + value.length + 1, text.indexOf('],"deep"')]);
      expect(layout.members.get('deep')).toEqual([text.length - 1 - value.length, text.length - 1]);
    }
    expect(splitFeatureCollection(encode(`{"features":[${deepArray.slice(0, -1)}]}`))).toBeNull();
    expect(splitFeatureCollection(encode(`{"features":[${deepArray}]]}`))).toBeNull();
    const mismatched = '['.repeat(depth) + '}' + ']'.repeat(depth - 1);
    expect(splitFeatureCollection(encode(`{"features":[${mismatched}]}`))).toBeNull();
  });
});

/** A Json tree as plain JavaScript (the last of repeated keys wins, as in JSON.parse). */
function toPlain(value: Json): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof JsonObject) {
    const object: Record<string, unknown> = {};
    for (const [key, member] of value.entries) {
      Object.defineProperty(object, key, {
        value: toPlain(member),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return object;
  }
  return value;
}

describe('splitFeatureCollection gives null when the bytes are not plainly a FeatureCollection', () => {
  const nullCases: Record<string, string[]> = {
    'top level not an object': [
      '',
      '   ',
      '[{"type":"Feature"}]',
      '"features"',
      'null',
      '<!DOCTYPE html>'
    ],
    'no "features" member': ['{}', ' { } ', '{"type":"FeatureCollection"}'],
    '"features" not an array': [
      '{"features":{"0":{}}}',
      '{"features":null}',
      '{"features":"[]"}',
      '{"features":1}'
    ],
    'duplicate top-level keys (an earlier value would go unparsed)': [
      '{"features":[],"features":[]}',
      '{"name":"first","features":[],"name":"last"}',
      '{"name":"a","n\\u0061me":"b","features":[]}',
      '{"features":[1],"type":"FeatureCollection","features":[2]}',
      '{"features":[1],"feat\\u0075res":[2]}'
    ],
    'trailing garbage after the top-level object': [
      '{"features":[]}x',
      '{"features":[]}{}',
      '{"features":[]},',
      '{"features":[]}]',
      '{"features":[]}\u00a0',
      '{"features":[]}\f',
      '{"features":[]}\u0000'
    ],
    truncated: [
      '{',
      '{"features"',
      '{"features":',
      '{"features":[',
      '{"features":[{"type":"Feature"}',
      '{"features":[{"a":"b]}"',
      '{"features":[1,2',
      '{"features":[1]',
      '{"features":[],"name":"凌河',
      '{"features":[],"name":12',
      '{"features":[{"a":"\\'
    ],
    'unbalanced or mismatched brackets': [
      '{"features":[[1,2]]]}',
      '{"features":[[1,2}]}',
      '{"features":[{"a":1]]}',
      '{"features":[[[1]]}',
      '{"features":[]}}',
      '{"features":[],"bbox":[1,2}'
    ],
    'a key that is not a string': [
      '{features:[]}',
      "{'features':[]}",
      '{1:2,"features":[]}',
      '{"features":[],null:1}'
    ],
    'broken grammar at the top level or between features': [
      '{"features" []}',
      '{"features"::[]}',
      '{"features":[1,]}',
      '{"features":[,1]}',
      '{"features":[1,,2]}',
      '{"features":[1 2]}',
      '{"features":[{} {}]}',
      '{"features":[],}',
      '{,"features":[]}',
      '{"type":"x" "features":[]}',
      '{"a\u0001":1,"features":[]}',
      '{"\\x":1,"features":[]}',
      '{"a":+1,"features":[]}',
      '{"a":NaN,"features":[]}',
      '{"features":[NaN]}',
      '{"features":[\u00a01]}',
      '{"features":[1,\f2]}'
    ]
  };
  for (const [what, texts] of Object.entries(nullCases)) {
    test(what, () => {
      for (const text of texts) {
        expect(splitFeatureCollection(encode(text)), JSON.stringify(text)).toBeNull();
      }
    });
  }

  test('bytes that are not UTF-8 in a key', () => {
    const bytes = Uint8Array.from([...encode('{"'), 0xff, ...encode('":1,"features":[]}')]);
    expect(splitFeatureCollection(bytes)).toBeNull();
  });
});

describe('errors inside a feature are left to parseFeatureBatch', () => {
  test('it throws the SyntaxError of JSON.parse', () => {
    for (const text of [
      '{"features":[{"a":1},[NaN]]}',
      '{"features":[tru]}',
      '{"features":[{"a":01}]}',
      '{"features":[{"a":1,}]}',
      '{"features":[["\\x"]]}',
      '{"features":[{"a"}]}'
    ]) {
      const bytes = encode(text);
      const layout = splitFeatureCollection(bytes);
      expect(layout, text).not.toBeNull();
      expect(
        () => parseFeatureBatch(bytes, layout!, 0, layout!.featureRanges.length / 2),
        text
      ).toThrow(SyntaxError);
    }
  });

  test('bytes that are not UTF-8 inside a feature throw rather than become U+FFFD', () => {
    const bytes = Uint8Array.from([...encode('{"features":[{"name":"'), 0xc3, ...encode('"}]}')]);
    const layout = splitFeatureCollection(bytes)!;
    expect(() => parseFeatureBatch(bytes, layout, 0, 1)).toThrow(TypeError);
  });

  test('a batch outside the features is a RangeError', () => {
    const bytes = encode('{"features":[1,2,3]}');
    const layout = splitFeatureCollection(bytes)!;
    expect(parseFeatureBatch(bytes, layout, 1, 1)).toEqual([]);
    expect(parseFeatureBatch(bytes, layout, 1, 3)).toEqual([2, 3]);
    for (const [from, to] of [
      [2, 1],
      [0, 4],
      [-1, 1],
      [0.5, 2]
    ]) {
      expect(() => parseFeatureBatch(bytes, layout, from, to)).toThrow(RangeError);
    }
  });
});

describe('truncated and damaged files', () => {
  /** Cuts before the top-level closing brace give null; cuts in the whitespace after it, the whole layout. */
  function expectCutsFollowTheRule(bytes: Uint8Array): void {
    const full = splitFeatureCollection(bytes);
    expect(full).not.toBeNull();
    let closingBrace = bytes.length - 1;
    while (isJsonWhitespace(bytes[closingBrace])) closingBrace--;
    for (let cut = 0; cut < bytes.length; cut++) {
      const layout = expectSplitterSound(bytes.subarray(0, cut));
      if (cut <= closingBrace) expect(layout, `cut at ${cut}`).toBeNull();
      else expect(layout).toEqual(full);
    }
  }

  test('a generated file cut at every byte', () => {
    fc.assert(
      fc.property(collectionBytes, (bytes) => {
        expectCutsFollowTheRule(Uint8Array.from([...bytes, ...encode(' \n')]));
      }),
      { numRuns: 40 }
    );
  });

  test('good-wgs84.geojson cut at every byte', () => {
    expectCutsFollowTheRule(readFileSync(join(FIXTURES, 'good-wgs84.geojson')));
  });

  test('a damaged file: no throw, and a layout never hides the damage', () => {
    const interesting = [...encode('[]{}",:\\ 1xe-\t'), 0x00, 0xff, 0xc3, 0xe5];
    fc.assert(
      fc.property(
        collectionBytes,
        fc.array(
          fc.record({
            at: fc.nat(),
            kind: fc.constantFrom('delete', 'insert', 'replace'),
            byte: fc.constantFrom(...interesting)
          }),
          { minLength: 1, maxLength: 3 }
        ),
        (bytes, damages) => {
          const damaged = [...bytes];
          for (const { at, kind, byte } of damages) {
            const index = at % (damaged.length + 1);
            if (kind === 'insert') damaged.splice(index, 0, byte);
            else if (index < damaged.length)
              damaged.splice(index, 1, ...(kind === 'replace' ? [byte] : []));
          }
          expectSplitterSound(Uint8Array.from(damaged));
        }
      ),
      { numRuns: 1500 }
    );
  });
});

describe('the import fixtures', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.geojson'));

  test.each(files)('%s: null, or ranges whose parse equals the whole parse', (name) => {
    const bytes = readFileSync(join(FIXTURES, name));
    const layout = expectSplitterSound(bytes);
    let whole: unknown;
    try {
      whole = parseWhole(bytes);
    } catch {
      // Not JSON: no layout, or one whose parse fails too (it must not hide the error).
      const hides = layout !== null && !throws(() => parseEverything(bytes, layout));
      expect(hides).toBe(false);
      return;
    }
    const isCollection =
      whole !== null &&
      typeof whole === 'object' &&
      Array.isArray((whole as { features?: unknown }).features);
    // A valid object with a features array and no repeated top-level key is split.
    const repeated = findRepeatedMembers(new TextDecoder().decode(bytes), 1).length > 0;
    expect(layout !== null).toBe(isCollection && !repeated);
  });
});
