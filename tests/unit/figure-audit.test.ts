import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, turfArea } from '$lib/geo/area.js';
import { geodesicLength } from '$lib/geo/length.js';
import { allFeatures } from '$lib/layers/catalog';
import { ACCURACIES, type Accuracy, type PlanFeature, type PlanFigure } from '$lib/layers/types';
import { plan } from '$lib/plan';
import {
  auditRows,
  classifyFigure,
  countByStatus,
  rowsToCsv,
  rowsToJson,
  statedInSi,
  unstatedFeatureFigures,
  type AuditRow
} from '$lib/plan/figure-audit';
import { figureKey, findFigures, findFiguresInText, type FoundFigure } from '$lib/plan/figures';

/** A ~1 km × 1 km square near 凌河区 (41.1°N). */
const SQUARE: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [121.2, 41.1],
      [121.212, 41.1],
      [121.212, 41.109],
      [121.2, 41.109],
      [121.2, 41.1]
    ]
  ]
};
const LINE: Geometry = {
  type: 'LineString',
  coordinates: [
    [121.2, 41.1],
    [121.23, 41.11]
  ]
};
const SQUARE_M2 = ellipsoidalArea(SQUARE);
const LINE_M = geodesicLength(LINE);

function figure(value: number, unit: PlanFigure['unit'], quote = `规划面积${value}${unit}`) {
  const [found] = findFiguresInText(quote, 'c9s1p1');
  if (!found || found.value !== value) throw new Error(`test quote without the figure: ${quote}`);
  return found;
}

function feature(
  id: string,
  geometry: Geometry | null,
  accuracy: Accuracy,
  figures: PlanFigure[]
): PlanFeature {
  return {
    type: 'Feature',
    geometry,
    properties: {
      id,
      name: `要素${id}`,
      nameEn: id,
      layer: 'projects',
      kind: 'industrial-park',
      planRefs: figures.map((f) => f.paragraphId),
      figures,
      accuracy,
      locationBasis: 'test',
      source: 'test'
    }
  };
}

const claim = ({ value, unit, quantity, paragraphId, quote }: FoundFigure): PlanFigure => ({
  value,
  unit,
  quantity,
  paragraphId,
  quote
});

describe('classifyFigure', () => {
  const stated = figure(835, '亩');

  it('links a figure to the feature that states the same paragraph, value and unit', () => {
    const park = feature('park', SQUARE, 'schematic', [claim(stated)]);
    const result = classifyFigure(stated, [park]);
    expect(result.kind).toBe('linked');
    expect(result.kind === 'linked' && result.features.map((f) => f.properties.id)).toEqual([
      'park'
    ]);
  });

  it('does not link when the paragraph, value or unit differs', () => {
    const others = [
      feature('a', SQUARE, 'imported', [{ ...claim(stated), paragraphId: 'c9s1p2' }]),
      feature('b', SQUARE, 'imported', [{ ...claim(stated), value: 836 }]),
      feature('c', SQUARE, 'imported', [{ ...claim(stated), unit: '公顷' }])
    ];
    expect(classifyFigure(stated, others)).toMatchObject({
      kind: 'unlinked',
      reason: { code: 'no-feature' }
    });
  });

  it('names why per-capita, floor-area and network figures cannot be audited', () => {
    const code = (value: number, unit: PlanFigure['unit'], quote: string) => {
      const result = classifyFigure(figure(value, unit, quote), []);
      return result.kind === 'not-auditable' ? result.reason.code : result.kind;
    };
    expect(code(13, '平方米', '人均道路面积达到13平方米')).toBe('per-capita');
    expect(code(100, '万平方米', '提升改造老旧小区100万平方米以上')).toBe('floor-area');
    expect(code(1800, '米', '完成铁新南里1800米排水管网建设')).toBe('network-total');
    expect(code(7.5, '公里', '完成7.5公里沿河河堤和道路工程占地征拆工作')).toBe('unlinked');
  });

  it('prefers a feature that states the figure over a not-auditable guess', () => {
    const ratio = figure(13, '平方米', '人均道路面积达到13平方米');
    const odd = feature('odd', SQUARE, 'imported', [claim(ratio)]);
    expect(classifyFigure(ratio, [odd]).kind).toBe('linked');
  });
});

describe('auditRows', () => {
  it('measures a linked area on the ellipsoid, with Turf beside it', () => {
    const stated = figure(Math.round(SQUARE_M2), '平方米');
    const [row] = auditRows([stated], [feature('sq', SQUARE, 'imported', [claim(stated)])], 1);
    expect(row.measuredEllipsoidal).toBeCloseTo(SQUARE_M2, 6);
    expect(row.measuredTurf).toBeCloseTo(turfArea(SQUARE), 6);
    expect(row.delta).toBeCloseTo(SQUARE_M2 - Math.round(SQUARE_M2), 6);
    expect(Math.abs(row.turfVsEllipsoidalPct!)).toBeGreaterThan(0.01);
    expect(Math.abs(row.turfVsEllipsoidalPct!)).toBeLessThan(1);
    expect(row).toMatchObject({ status: 'verified', featureId: 'sq', siUnit: 'm²' });
  });

  it('converts the stated unit to SI: 1161亩 is 774,000 m², 7.5公里 is 7,500 m', () => {
    const [mu, km] = auditRows([figure(1161, '亩'), figure(7.5, '公里', '完成7.5公里河堤')], [], 1);
    expect(mu.statedSi).toBeCloseTo(774000, 6);
    expect(km.statedSi).toBe(7500);
    expect(km.siUnit).toBe('m');
  });

  it('never calls a schematic or derived shape verified, however well it matches', () => {
    const stated = figure(Math.round(SQUARE_M2), '平方米');
    for (const accuracy of ['schematic', 'derived'] as const) {
      const [row] = auditRows([stated], [feature('s', SQUARE, accuracy, [claim(stated)])], 5);
      expect(row.status).toBe('by-construction');
      expect(row.reason.code).toBe('drawn-to-size');
    }
  });

  it('flags a shape outside the tolerance as a mismatch, schematic or not', () => {
    const stated = figure(Math.round(SQUARE_M2 * 1.2), '平方米');
    const rows = auditRows(
      [stated],
      [
        feature('i', SQUARE, 'imported', [claim(stated)]),
        feature('s', SQUARE, 'schematic', [claim(stated)])
      ],
      10
    );
    expect(rows.map((r) => [r.featureId, r.status, r.reason.code])).toEqual([
      ['i', 'mismatch', 'outside-tolerance'],
      ['s', 'mismatch', 'schematic-off-size']
    ]);
    expect(rows[0].deltaPct).toBeCloseTo((1 / 1.2 - 1) * 100, 2);
  });

  it('measures lengths along the geodesic', () => {
    const stated = figure(Math.round(LINE_M), '米', `河堤${Math.round(LINE_M)}米`);
    const [row] = auditRows([stated], [feature('l', LINE, 'boundary', [claim(stated)])], 1);
    expect(row.measuredEllipsoidal).toBeCloseTo(LINE_M, 6);
    expect(row.status).toBe('verified');
  });

  it('reports missing or unsuitable geometry as no-geometry', () => {
    const area = figure(835, '亩');
    const rows = auditRows(
      [area],
      [
        feature('none', null, 'imported', [claim(area)]),
        feature('line', LINE, 'imported', [claim(area)]),
        feature('point', { type: 'Point', coordinates: [121.2, 41.1] }, 'imported', [claim(area)])
      ],
      1
    );
    expect(rows.map((r) => [r.status, r.reason.code, r.measuredEllipsoidal])).toEqual([
      ['no-geometry', 'no-geometry', null],
      ['no-geometry', 'wrong-geometry', null],
      ['no-geometry', 'wrong-geometry', null]
    ]);
  });

  it('gives not-auditable rows their reason and no measures', () => {
    const [row] = auditRows([figure(13, '平方米', '人均公园绿地面积达到13平方米')], [], 1);
    expect(row).toMatchObject({
      status: 'not-auditable',
      featureId: null,
      measuredEllipsoidal: null,
      reason: { code: 'per-capita' }
    });
    expect(row.reason.zh).toContain('人均');
    expect(row.reason.en).toContain('Per-capita');
  });

  it('measures a GeometryCollection boundary by its polygons, as the command line does', () => {
    const stated = figure(Math.round(SQUARE_M2), '平方米');
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [121.2, 41.1] }, SQUARE, LINE]
    };
    const [row] = auditRows([stated], [feature('gc', collection, 'imported', [claim(stated)])], 1);
    expect(row.measuredEllipsoidal).toBeCloseTo(SQUARE_M2, 6);
    expect(row).toMatchObject({ status: 'verified', reason: { code: 'within-tolerance' } });
    const length = figure(Math.round(LINE_M), '米', `河堤${Math.round(LINE_M)}米`);
    const [line] = auditRows([length], [feature('gc', collection, 'imported', [claim(length)])], 1);
    expect(line.measuredEllipsoidal).toBeCloseTo(LINE_M, 6);
    expect(line.status).toBe('verified');
  });

  it('counts a difference of exactly the tolerance as within it', () => {
    // Measured 1.01 × the figure: +1 % (up to floating-point rounding), within ±1 %.
    const stated = { ...figure(1, '平方米'), value: SQUARE_M2 / 1.01 };
    const [row] = auditRows([stated], [feature('edge', SQUARE, 'imported', [claim(stated)])], 1);
    expect(row.deltaPct).toBeCloseTo(1, 9);
    expect(row.status).toBe('verified');
    const [beyond] = auditRows(
      [stated],
      [feature('edge', SQUARE, 'imported', [claim(stated)])],
      0.999999
    );
    expect(beyond.status).toBe('mismatch');
  });

  it('rejects a tolerance that is not a non-negative number, in both languages', () => {
    for (const bad of [-1, Number.NaN, Infinity]) {
      expect(() => auditRows([], [], bad)).toThrow(/容差.*tolerance/);
    }
  });

  it('follows the status rule for any accuracy, deviation and tolerance', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACCURACIES),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (accuracy, deviationPct, tolerancePct) => {
          const value = Number((SQUARE_M2 * (1 + deviationPct / 100)).toFixed(2));
          const stated = { ...figure(1, '平方米'), value };
          const [row] = auditRows(
            [stated],
            [feature('f', SQUARE, accuracy, [claim(stated)])],
            tolerancePct
          );
          const within = Math.abs(row.deltaPct!) <= tolerancePct;
          const verifying = accuracy === 'imported' || accuracy === 'boundary';
          expect(row.deltaPct).toBeCloseTo(((SQUARE_M2 - value) / value) * 100, 9);
          expect(row.status).toBe(
            within ? (verifying ? 'verified' : 'by-construction') : 'mismatch'
          );
          if (!verifying) expect(row.status).not.toBe('verified');
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('the audit of the shipped plan and layers', () => {
  const figures = findFigures(plan);
  const rows = auditRows(figures, allFeatures, 1);

  it('has a row for every figure the plan states', () => {
    const keys = new Set(rows.map((r) => `${r.paragraphId}@${r.quote}`));
    for (const f of figures) expect(keys).toContain(`${f.paragraphId}@${f.quote}`);
    expect(rows.length).toBeGreaterThanOrEqual(figures.length);
  });

  it('verifies nothing with schematic or derived shapes', () => {
    const drawn = rows.filter((r) => r.accuracy === 'schematic' || r.accuracy === 'derived');
    // The shipped parks are schematic squares at the plan's size: there are such rows …
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.some((r) => r.status === 'by-construction')).toBe(true);
    // … and none of them is verified; what is verified has a verifying accuracy.
    expect(drawn.filter((r) => r.status === 'verified')).toEqual([]);
    const verified = rows.filter((r) => r.status === 'verified');
    expect(verified.filter((r) => r.accuracy !== 'imported' && r.accuracy !== 'boundary')).toEqual(
      []
    );
  });

  it('sets the per-capita and floor-area figures apart as not auditable', () => {
    const codes = rows.filter((r) => r.unit === '平方米' || r.unit === '万平方米');
    expect(codes.map((r) => r.reason.code)).toEqual(['per-capita', 'per-capita', 'floor-area']);
  });

  it('links the three parks of c5s1p4 to features', () => {
    const parks = rows.filter((r) => r.paragraphId === 'c5s1p4');
    expect(parks.map((r) => `${r.value}${r.unit}`)).toEqual(['6.9平方公里', '835亩', '1161亩']);
    for (const row of parks) expect(row.featureId).not.toBeNull();
  });

  it('finds in the plan text every figure a layer claims', () => {
    expect(unstatedFeatureFigures(figures, allFeatures)).toEqual([]);
  });

  it('counts every row once', () => {
    const counts = countByStatus(rows);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
  });
});

/** A strict RFC 4180 reader, to check the writer's quoting by reading it back. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 1;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else cell += c;
  }
  if (quoted || cell !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

describe('rowsToCsv and rowsToJson', () => {
  const stated = figure(835, '亩');
  const awkward = feature('awk\nward', SQUARE, 'schematic', [claim(stated)]);
  awkward.properties.name = '园区, 一期 “北区”\n"A" 段';
  const tricky: AuditRow[] = [
    ...auditRows([stated], [awkward], 1),
    ...auditRows([figure(13, '平方米', '人均道路面积达到13平方米')], [], 1)
  ];
  const formula = feature('=cmd', SQUARE, 'imported', [claim(stated)]);
  formula.properties.name = '=HYPERLINK("http://x")';

  it('starts with a BOM, ends lines with CRLF and has bilingual headers', () => {
    const csv = rowsToCsv(tricky);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...body] = readCsv(csv.slice(1));
    expect(header[0]).toBe('段落编号 (paragraph id)');
    for (const h of header) expect(h).toMatch(/^[^(]*[\u4e00-\u9fff][^(]* \([^)]+\)$/u);
    expect(body).toHaveLength(2);
    expect(body.every((r) => r.length === header.length)).toBe(true);
  });

  it('quotes commas, quotes and line breaks so they read back unchanged', () => {
    const [header, first, second] = readCsv(rowsToCsv(tricky).slice(1));
    const column = (name: string) => header.findIndex((h) => h.includes(`(${name})`));
    expect(first[column('feature name')]).toBe('园区, 一期 “北区”\n"A" 段');
    expect(first[column('feature id')]).toBe('awk\nward');
    expect(first[column('status')]).toBe('mismatch');
    expect(second[column('plan quote')]).toBe('人均道路面积达到13平方米');
    expect(second[column('measured, ellipsoidal')]).toBe('');
    expect(Number(first[column('measured, ellipsoidal')])).toBeCloseTo(SQUARE_M2, 2);
    expect(rowsToCsv(tricky)).toContain('"园区, 一期 “北区”\n""A"" 段"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    const csv = rowsToCsv(auditRows([stated], [formula], 1));
    const [header, row] = readCsv(csv.slice(1));
    expect(row[header.indexOf('要素名称 (feature name)')]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[header.indexOf('要素编号 (feature id)')]).toBe(`'=cmd`);
  });

  it('writes JSON that reads back as the same rows', () => {
    expect(JSON.parse(rowsToJson(tricky))).toEqual(tricky);
  });
});

describe('rules the mutation run found untested', () => {
  it('links a feature when any one of its figures is the stated one', () => {
    const stated = figure(835, '亩');
    const other = { ...claim(stated), value: 836 };
    const both = feature('both', SQUARE, 'imported', [other, claim(stated)]);
    expect(classifyFigure(stated, [both])).toEqual({ kind: 'linked', features: [both] });
  });

  it('applies an area-only or length-only reason to that quantity only', () => {
    // 建筑面积 marks floor area, which is an area: a length in the same words is not set apart.
    const length = figure(800, '米', '建筑面积旁修路800米');
    expect(classifyFigure(length, []).kind).toBe('unlinked');
    const area = figure(20, '亩', '管网站占地20亩');
    expect(classifyFigure(area, []).kind).toBe('unlinked');
    expect(classifyFigure(figure(30, '公里', '新建管网30公里'), []).kind).toBe('not-auditable');
  });

  it('refuses a unit that is neither an area nor a length', () => {
    expect(() => statedInSi({ value: 1, unit: 'acre' as PlanFigure['unit'] })).toThrow(
      /unknown unit: "acre"/
    );
    expect(statedInSi({ value: 2, unit: '公里' })).toBe(2000);
  });

  it('keys a linked row by figure and feature, an unlinked one by figure alone', () => {
    const stated = figure(835, '亩');
    const [linked] = auditRows([stated], [feature('sq', SQUARE, 'imported', [claim(stated)])], 1);
    expect(linked.key).toBe(`${figureKey(stated)}:sq`);
    const [alone] = auditRows([stated], [], 1);
    expect(alone.key).toBe(figureKey(stated));
    expect(alone).toMatchObject({ status: 'no-geometry', reason: { code: 'no-feature' } });
    const [ratio] = auditRows([figure(13, '平方米', '人均道路面积达到13平方米')], [], 1);
    expect(ratio).toMatchObject({ status: 'not-auditable', reason: { code: 'per-capita' } });
  });

  it('gives no Turf comparison for a boundary of zero area', () => {
    const stated = figure(835, '亩');
    const flat: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [121.2, 41.1],
          [121.2, 41.11],
          [121.2, 41.12],
          [121.2, 41.1]
        ]
      ]
    };
    const [row] = auditRows([stated], [feature('flat', flat, 'imported', [claim(stated)])], 1);
    expect(row.measuredEllipsoidal).toBe(0);
    expect(row.turfVsEllipsoidalPct).toBeNull();
    expect(row.status).toBe('mismatch');
  });

  it('lists only the feature figures the plan does not state, with their feature', () => {
    const stated = figure(835, '亩');
    const typo = { ...claim(stated), value: 853 };
    const features = [feature('a', SQUARE, 'imported', [claim(stated), typo])];
    expect(unstatedFeatureFigures([stated], features)).toEqual([{ featureId: 'a', figure: typo }]);
  });

  it('exports -0 as 0, an absent accuracy as empty, and JSON ending in a line feed', () => {
    const stated = { ...figure(1, '平方米'), value: SQUARE_M2 + 1e-7 };
    const [row] = auditRows([stated], [feature('z', SQUARE, 'imported', [claim(stated)])], 1);
    // Cells split at commas outside quotes.
    const cellsOf = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [header, line] = rowsToCsv([row]).slice(1).split('\r\n').map(cellsOf);
    const delta = header.indexOf('"差值 (Δ, ellipsoidal − stated)"');
    expect(delta).toBeGreaterThan(-1);
    expect(row.delta).toBeLessThan(0);
    expect(line[delta]).toBe('0');
    const [alone] = auditRows([figure(835, '亩')], [], 1);
    const cells = cellsOf(rowsToCsv([alone]).slice(1).split('\r\n')[1]);
    expect(cells[header.indexOf('位置精度 (accuracy)')]).toBe('');
    expect(rowsToJson([alone]).endsWith(']\n')).toBe(true);
  });
});
