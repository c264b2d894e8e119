/**
 * One answer on the command line and in the browser (issue #15): every boundary of
 * tests/fixtures/parity/cases.json (every geometry type, holes, collections, each CRS, each format;
 * written by scripts/make-parity-fixtures.js) goes through `linghe-audit --json` and through the
 * browser's audit path — importFile (what the import worker runs), the layer the page stores,
 * "use as boundary" (canBeBoundary, withAssignments) and auditRows (/audit) — and both must
 * give the table's status and the same area, which must match GeographicLib's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parseMeasurement } from '$lib/geo/units.js';
import { importFile } from '$lib/import/import-file';
import type { Assignment } from '$lib/storage/types';
import { canBeBoundary, layerFromImport } from '$lib/storage/user-layers';
import { withAssignments } from '$lib/layers/assignments';
import { allFeatures } from '$lib/layers/catalog';
import type { PlanFeature, PlanFigure } from '$lib/layers/types';
import { auditRows, type AuditRow } from '$lib/plan/figure-audit';
import type { FoundFigure } from '$lib/plan/figures';

// Each case starts a Node process (~0.7 s, more on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

const root = fileURLToPath(new URL('../../', import.meta.url));
const directory = 'tests/fixtures/parity/';

interface Case {
  file: string;
  crs?: string;
  figure: string;
  tolerance?: number;
  features: { name: string; status: string; areaM2: number | null }[];
}

interface CliRow {
  index: number;
  name: string | null;
  status: string;
  ellipsoidM2: number | null;
  deltaPct: number | null;
}

interface Answer {
  status: string;
  areaM2: number | null;
  deltaPct: number | null;
}

const cases = JSON.parse(readFileSync(`${root}${directory}cases.json`, 'utf8')) as Case[];

function optionsOf(entry: Case): string[] {
  return [
    '--figure',
    entry.figure,
    ...(entry.crs ? ['--crs', entry.crs] : []),
    ...(entry.tolerance !== undefined ? ['--tolerance', String(entry.tolerance)] : [])
  ];
}

function cli(entry: Case): CliRow[] {
  const run = spawnSync(
    process.execPath,
    ['bin/linghe-audit.js', `${directory}${entry.file}`, '--json', ...optionsOf(entry)],
    { cwd: root, encoding: 'utf8', timeout: 30_000 }
  );
  expect(run.status, run.stderr).toBe(entry.features.some((f) => f.status === 'outside') ? 1 : 0);
  return JSON.parse(run.stdout) as CliRow[];
}

/** The plan feature the boundary is given to, stating the case's figure. */
function planFeatureStating(entry: Case): { feature: PlanFeature; figure: FoundFigure } {
  const park = allFeatures.find((f) => f.properties.figures.some((g) => g.quantity === 'area'));
  if (!park) throw new Error('no plan feature with an area figure');
  const stated = park.properties.figures.find((g) => g.quantity === 'area') as PlanFigure;
  const { value, unit } = parseMeasurement(entry.figure);
  const claim: PlanFigure = { ...stated, value, unit: unit as PlanFigure['unit'] };
  return {
    feature: { ...park, properties: { ...park.properties, figures: [claim] } },
    figure: { ...claim, offset: 0, written: entry.figure }
  };
}

const BROWSER_STATUS: Partial<Record<AuditRow['status'], string>> = {
  verified: 'within',
  mismatch: 'outside'
};

/** What the audit page says for each feature of the file, as the user would get there. */
async function browser(entry: Case): Promise<Answer[]> {
  const bytes = new Uint8Array(readFileSync(`${root}${directory}${entry.file}`));
  const result = await importFile(bytes, entry.file, entry.crs ? { crs: entry.crs } : {});
  expect(result.status, JSON.stringify(result.fileError ?? result.crsQuestion)).toBe('ok');
  const layer = layerFromImport(result, entry.file, 'parity', '2026-12-01T00:00:00Z');
  const { feature: planFeature, figure } = planFeatureStating(entry);
  const answers = new Map<number, Answer>();
  // A feature without geometry is refused by the import: the page has nothing to assign.
  for (const problem of result.problems) {
    if (problem.severity === 'error') {
      expect(problem.code, problem.en).toBe('empty-geometry');
      answers.set(problem.featureIndex, { status: 'no-geometry', areaM2: null, deltaPct: null });
    }
  }
  [...layer.features].forEach((feature, k) => {
    const index = result.featureIndexes[k];
    // "Use as boundary" is offered only for what can be one.
    if (!canBeBoundary(feature.geometry)) {
      answers.set(index, { status: 'not-areal', areaM2: null, deltaPct: null });
      return;
    }
    const assignment: Assignment = {
      planFeatureId: planFeature.properties.id,
      source: { type: 'layer', layerId: layer.id, featureIndex: k },
      geometry: feature.geometry,
      assignedAt: '2026-12-01T00:00:00Z'
    };
    const features = withAssignments([planFeature], [assignment]);
    const [row] = auditRows([figure], features, entry.tolerance ?? 1);
    expect(row.accuracy).toBe('imported');
    answers.set(index, {
      status: BROWSER_STATUS[row.status] ?? `${row.status}/${row.reason.code}`,
      areaM2: row.measuredEllipsoidal,
      deltaPct: row.deltaPct
    });
  });
  return [...answers.entries()].sort(([a], [b]) => a - b).map(([, answer]) => answer);
}

describe('CLI/browser parity table', () => {
  it('covers every geometry type, holes, collections, each CRS and each format', () => {
    const files = cases.map((c) => c.file);
    for (const format of ['.geojson', '.kml', '.kmz', '.zip']) {
      expect(files.some((file) => file.endsWith(format))).toBe(true);
    }
    const crses = new Set(cases.map((c) => c.crs ?? 'from the file'));
    for (const crs of ['EPSG:4528', 'cgcs2000', 'gcj02', 'bd09', 'from the file']) {
      expect(crses).toContain(crs);
    }
    const statuses = new Set(cases.flatMap((c) => c.features.map((f) => f.status)));
    expect([...statuses].sort()).toEqual(['no-geometry', 'not-areal', 'outside', 'within']);
  });

  for (const entry of cases) {
    const label = `${entry.file} ${optionsOf(entry).join(' ')}`;
    it(`gives one answer for ${label}`, async () => {
      const rows = cli(entry);
      const page = await browser(entry);
      expect(rows.map((row) => row.name)).toEqual(entry.features.map((f) => f.name));
      expect(rows.map((row) => row.status)).toEqual(entry.features.map((f) => f.status));
      expect(page.map((answer) => answer.status)).toEqual(entry.features.map((f) => f.status));
      entry.features.forEach((expected, i) => {
        const areal = expected.status === 'within' || expected.status === 'outside';
        if (!areal) {
          expect(page[i].areaM2).toBeNull();
          expect(rows[i].deltaPct).toBeNull();
          return;
        }
        const reference = expected.areaM2 as number;
        const cliArea = rows[i].ellipsoidM2 as number;
        const pageArea = page[i].areaM2 as number;
        // The same engine on the same numbers: the same area, and the same Δ.
        expect(Math.abs(cliArea / pageArea - 1)).toBeLessThan(1e-12);
        expect(rows[i].deltaPct).toBeCloseTo(page[i].deltaPct as number, 9);
        // And it is the right area: GeographicLib's, to 1e-7.
        expect(Math.abs(cliArea / reference - 1)).toBeLessThan(1e-7);
      });
    });
  }
});
