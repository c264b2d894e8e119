// Data contributions (src/lib/layers/contribution.js): the file a user exports for a plan
// feature they placed, and `npm run geodata` merging it from geodata/contributed/.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  CONTRIBUTED_BY_USER,
  makeContribution,
  validateContribution
} from '$lib/layers/contribution.js';
import { validateLayerFiles, planParagraphIndex } from '$lib/layers/contract';
import { plan } from '$lib/plan';
import { buildGeodataFiles } from '../../scripts/build-geodata.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/contributed/', import.meta.url));
let dir: string | null = null;

/** A contributed/ folder holding these fixture files. */
function folderWith(...names: string[]) {
  dir = mkdtempSync(path.join(tmpdir(), 'contributed-'));
  for (const name of names) copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('npm run geodata with geodata/contributed/', () => {
  it('merges a good contribution, keeping its basis and source, and the layers stay valid', () => {
    const files = buildGeodataFiles({ contributedDir: folderWith('good.geojson') });
    const projects = JSON.parse(files.get('geodata/layers/projects.geojson')!);
    const placed = projects.features.find(
      (f: { properties: { id: string } }) => f.properties.id === 'jinzhou-antiques-city'
    );
    expect(placed.geometry).toEqual({ type: 'Point', coordinates: [121.150123, 41.120123] });
    expect(placed.properties.accuracy).toBe('contributed');
    expect(placed.properties.locationBasis).toBe(
      `Contributed (${CONTRIBUTED_BY_USER}): 重庆路三段的古玩城大楼，本人 2026 年 11 月到过`
    );
    expect(placed.properties.source).toContain('geodata/contributed/good.geojson');
    expect(placed.properties.source).toContain(CONTRIBUTED_BY_USER);
    expect(files.get('geodata/README.md')).toContain(
      '| `jinzhou-antiques-city` | 锦州古玩城 | projects | market | contributed | Point |'
    );
    const layers = ['structure', 'rivers', 'parks', 'projects'].map((layer) => ({
      fileName: `${layer}.geojson`,
      json: JSON.parse(files.get(`geodata/layers/${layer}.geojson`)!)
    }));
    expect(validateLayerFiles(layers, planParagraphIndex(plan))).toEqual([]);
  });

  it.each([
    [
      'unknown-id.geojson',
      'unknown-id.geojson: feature #1 (jinzhou-antique-city): id "jinzhou-antique-city" is not a plan feature'
    ],
    [
      'no-basis.geojson',
      'no-basis.geojson: feature #1 (baigu-village): locationBasis is missing: say where the position comes from'
    ],
    [
      'outside.geojson',
      'outside.geojson: feature #1 (xuzhou-street): geometry.coordinates[1] [41.12, 121.16] is outside 锦州 (WGS-84 lon, lat expected)'
    ],
    [
      'already-located.geojson',
      'already-located.geojson: feature #1 (zijingshan-eco-park): "zijingshan-eco-park" already has a position; a contribution places only features nobody has located'
    ]
  ])('refuses %s with a clear error and merges nothing', (name, message) => {
    const folder = folderWith('good.geojson', name);
    expect(() => buildGeodataFiles({ contributedDir: folder })).toThrow(message);
    expect(() => buildGeodataFiles({ contributedDir: folder })).toThrow(
      /^geodata\/contributed: nothing merged, nothing written/
    );
  });

  it('gives each problem in Chinese too', () => {
    expect(() => buildGeodataFiles({ contributedDir: folderWith('no-basis.geojson') })).toThrow(
      'no-basis.geojson：第 1 个要素 (baigu-village)：缺少 locationBasis：请说明位置的来源'
    );
  });
});

describe('makeContribution', () => {
  it('writes a file that the merge accepts', () => {
    const file = makeContribution(
      { id: 'baigu-village', name: '百股村' },
      { type: 'Point', coordinates: [121.23, 41.13] },
      '  村委会门牌 ',
      '2026-12-01T23:00:00.000Z'
    );
    expect(file.features[0].properties.locationBasis).toBe('村委会门牌');
    const rules = { knownIds: new Set(['baigu-village']), inJinzhou: () => true };
    expect(validateContribution('baigu-village.geojson', file, rules)).toEqual([]);
    expect(validateContribution('x.geojson', { type: 'Feature' }, rules)[0].message).toBe(
      'x.geojson: is not a GeoJSON FeatureCollection'
    );
  });
});
