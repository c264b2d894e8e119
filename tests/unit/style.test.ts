import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { layerRegistry } from '$lib/layers/registry';
import {
  buildStyle,
  HATCH_IMAGE,
  interactiveLayersOf,
  landmarkPointLayerId,
  MAP_SOURCE,
  styleLayersOf,
  uncertaintyRadius
} from '$lib/style/build-style';
import { hatchPattern } from '$lib/style/hatch';
import { SELECTION_SOURCE, selectionBeforeId, selectionLayers } from '$lib/style/selection-style';
import { defaultTheme } from '$lib/style/theme';

describe('buildStyle', () => {
  const style = buildStyle(layerRegistry, defaultTheme);

  it('passes the MapLibre style-spec validator', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('fetches nothing: no glyphs, sprite, tiles or source URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('has one source for every registry layer, each style layer on its own features', () => {
    // Every source costs a stencil pass a frame and a frame of its own as its tiles arrive; the
    // selection's comes with the first selection.
    expect(Object.keys(style.sources)).toEqual([MAP_SOURCE]);
    const source = style.sources[MAP_SOURCE] as { data: FeatureCollection; attribution: string };
    const counts = new Map<string, number>();
    for (const feature of source.data.features) {
      const layer = String(feature.properties?.layer);
      counts.set(layer, (counts.get(layer) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(layerRegistry.map((layer) => [layer.id, layer.data.features.length]))
    );
    for (const declaration of layerRegistry) {
      if (declaration.attribution) expect(source.attribution).toContain(declaration.attribution);
    }
    // Each style layer keeps to its own registry layer's features.
    for (const layer of style.layers.filter((l) => l.type !== 'background')) {
      const owner = layerRegistry.find((declaration) =>
        styleLayersOf(declaration, defaultTheme).includes(layer.id)
      );
      expect(owner, layer.id).toBeDefined();
      expect(JSON.stringify((layer as { filter?: unknown }).filter), layer.id).toContain(
        `["==",["get","layer"],"${owner?.id}"]`
      );
    }
  });

  it('adds the selection above every fill and line and below the labels, in a valid style', () => {
    const before = selectionBeforeId(style.layers);
    expect(before).toBe(style.layers.find((layer) => layer.type === 'symbol')?.id);
    expect(selectionBeforeId([{ id: 'background', type: 'background' }])).toBeUndefined();
    const index = style.layers.findIndex((layer) => layer.id === before);
    const withSelection = {
      ...style,
      sources: {
        ...style.sources,
        [SELECTION_SOURCE]: {
          type: 'geojson' as const,
          data: { type: 'FeatureCollection', features: [] }
        }
      },
      layers: [
        ...style.layers.slice(0, index),
        ...selectionLayers(defaultTheme),
        ...style.layers.slice(index)
      ]
    };
    expect(validateStyleMin(withSelection as typeof style)).toEqual([]);
    expect(
      selectionLayers(defaultTheme).every(
        (layer) => 'source' in layer && layer.source === SELECTION_SOURCE
      )
    ).toBe(true);
  });

  it('draws fills without their own outline pass: a line layer outlines each', () => {
    // fill-antialias draws every fill twice (and compiles two more shaders) under software GL.
    const fills = style.layers.filter((layer) => layer.type === 'fill');
    expect(fills.length).toBeGreaterThan(4);
    for (const fill of fills) {
      expect((fill as { paint?: Record<string, unknown> }).paint?.['fill-antialias'], fill.id).toBe(
        false
      );
      const source = (fill as { source: string }).source;
      expect(
        style.layers.some(
          (layer) => layer.type === 'line' && 'source' in layer && layer.source === source
        ),
        fill.id
      ).toBe(true);
    }
  });

  it('needs one shader program per kind of layer, the points and halos apart', () => {
    // MapLibre links a program per layer type, variant (pattern, dashes) and pattern of constant
    // and data-driven paint properties; each one costs the first content frame under software GL.
    const kindOf = (type: string, property: string, value: unknown) => {
      if (!expression.isExpression(value)) return 'constant';
      const spec = (latest as unknown as Record<string, Record<string, object>>)[`paint_${type}`][
        property
      ];
      const compiled = expression.createPropertyExpression(
        value,
        `paint.${property}`,
        spec as never
      );
      if (compiled.result !== 'success') throw new Error(`${property}: ${JSON.stringify(value)}`);
      return (compiled.value as { kind: string }).kind;
    };
    const programs = new Map<string, string[]>();
    for (const layer of style.layers) {
      const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
      const variant = paint['fill-pattern'] ? 'pattern' : paint['line-dasharray'] ? 'dashed' : '';
      // Properties left out are constant, zoom-only ones are uniforms: only the data-driven ones
      // (kind source or composite) tell programs apart.
      const driven = Object.entries(paint)
        .map(([property, value]) => `${property}:${kindOf(layer.type, property, value)}`)
        .filter((entry) => entry.endsWith(':source') || entry.endsWith(':composite'))
        .sort();
      const key = [layer.type, variant, ...driven].join(' ');
      programs.set(key, [...(programs.get(key) ?? []), layer.id]);
    }
    const ofType = (type: string) => [...programs.keys()].filter((key) => key.startsWith(type));
    expect(ofType('fill '), JSON.stringify([...programs])).toHaveLength(2); // plain, hatched
    expect(ofType('line '), JSON.stringify([...programs])).toHaveLength(2); // solid, dashed
    expect(ofType('circle '), JSON.stringify([...programs])).toHaveLength(2); // points, halos
    expect(ofType('symbol '), JSON.stringify([...programs])).toHaveLength(1);
    expect(programs.get('circle  circle-radius:composite')).toContain('landmarks-uncertainty');
    expect(programs.get('circle  circle-radius:composite')).toContain('projects-uncertainty');
  });

  it('draws labels above every fill and line', () => {
    const types = style.layers.map((layer) => layer.type);
    const firstSymbol = types.indexOf('symbol');
    expect(firstSymbol).toBeGreaterThan(0);
    expect(types.slice(firstSymbol).every((type) => type === 'symbol')).toBe(true);
  });

  it('draws schematic geometry dashed and hatched, and only schematic geometry', () => {
    for (const layer of layerRegistry.filter(
      (declaration) => declaration.role !== 'context' && declaration.role !== 'landmark'
    )) {
      const dashed = style.layers.find((l) => l.id === `${layer.id}-outline-schematic`);
      const hatch = style.layers.find((l) => l.id === `${layer.id}-hatch`);
      const solid = style.layers.find((l) => l.id === `${layer.id}-outline`);
      expect(dashed && 'paint' in dashed && dashed.paint).toMatchObject({
        'line-dasharray': defaultTheme.schematicDash
      });
      expect(JSON.stringify(dashed && 'filter' in dashed && dashed.filter)).toContain(
        '"==",["get","accuracy"],"schematic"'
      );
      expect(hatch && 'paint' in hatch && hatch.paint).toMatchObject({
        'fill-pattern': HATCH_IMAGE
      });
      expect(JSON.stringify(solid && 'filter' in solid && solid.filter)).toContain(
        '"!=",["get","accuracy"],"schematic"'
      );
      expect(solid && 'paint' in solid && solid.paint).not.toHaveProperty('line-dasharray');
    }
  });

  it('hides a layer that is switched off, and only its style layers', () => {
    const hidden = buildStyle(layerRegistry, defaultTheme, { visible: { projects: false } });
    const projects = layerRegistry.find((layer) => layer.id === 'projects')!;
    const projectLayers = new Set(styleLayersOf(projects, defaultTheme));
    for (const layer of hidden.layers) {
      const shown = (layer.layout as { visibility?: string } | undefined)?.visibility;
      if (projectLayers.has(layer.id)) expect(shown).toBe('none');
      else expect(shown ?? 'visible').toBe('visible');
    }
  });

  it('makes plan layers clickable and the context not', () => {
    const context = layerRegistry.find((layer) => layer.id === 'context')!;
    const parks = layerRegistry.find((layer) => layer.id === 'parks')!;
    expect(interactiveLayersOf(context, defaultTheme)).toEqual([]);
    expect(interactiveLayersOf(parks, defaultTheme)).toEqual(
      expect.arrayContaining(['parks-fill', 'parks-outline', 'parks-point'])
    );
    expect(interactiveLayersOf(parks, defaultTheme)).not.toContain('parks-label');
  });

  it('draws the landmarks under every plan layer, smaller and greyer, and keeps them out of plan clicks', () => {
    const ids = style.layers.map((layer) => layer.id);
    const landmarkPoint = ids.indexOf('landmarks-point');
    expect(landmarkPoint).toBeGreaterThan(ids.indexOf('context-fill'));
    for (const plan of ['structure-fill', 'parks-point', 'projects-point']) {
      expect(ids.indexOf(plan)).toBeGreaterThan(landmarkPoint);
    }
    // Among labels, a later layer is placed first: plan labels win over landmark labels.
    expect(ids.indexOf('projects-label')).toBeGreaterThan(ids.indexOf('landmarks-label'));
    const paint = (id: string) =>
      style.layers.find((l) => l.id === id)!.paint as Record<string, unknown>;
    const layout = (id: string) =>
      style.layers.find((l) => l.id === id)!.layout as Record<string, unknown>;
    expect(paint('landmarks-point')['circle-radius']).toBeLessThan(
      paint('projects-point')['circle-radius'] as number
    );
    expect(layout('landmarks-label')['text-size']).toBeLessThan(
      layout('projects-label')['text-size'] as number
    );
    const landmarks = layerRegistry.find((layer) => layer.id === 'landmarks')!;
    expect(interactiveLayersOf(landmarks, defaultTheme)).toEqual([]);
    expect(landmarkPointLayerId(layerRegistry)).toBe('landmarks-point');
    expect(landmarks.attribution).toContain('© OpenStreetMap contributors');
    for (const declaration of layerRegistry) {
      expect(interactiveLayersOf(declaration, defaultTheme).join()).not.toMatch(/uncertainty/);
    }
  });

  it('draws an uncertainty halo of the stated metres on the ground, at any zoom', () => {
    const compiled = expression.createExpression(uncertaintyRadius, {
      ...latest.paint_circle['circle-radius'],
      type: 'number'
    } as never);
    if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
    const feature = { type: 'Point', properties: { uncertaintyM: 150 } } as never;
    // Web Mercator metres per pixel at 41.12°N with 512-px tiles: 40075016.686·cos φ / 512 / 2^z.
    const metresPerPixel = (z: number) =>
      (40075016.686 * Math.cos((41.12 * Math.PI) / 180)) / 512 / 2 ** z;
    for (const zoom of [10, 13, 14.5, 17]) {
      const radius = compiled.value.evaluate({ zoom } as never, feature) as number;
      expect(radius * metresPerPixel(zoom)).toBeCloseTo(150, 6);
    }
    for (const id of ['landmarks-uncertainty', 'parks-uncertainty', 'projects-uncertainty']) {
      const layer = style.layers.find((l) => l.id === id);
      expect(JSON.stringify(layer && 'filter' in layer && layer.filter), id).toContain(
        '["has","uncertaintyM"]'
      );
    }
  });

  it('gives every style layer a unique id', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('hatchPattern', () => {
  it('draws a diagonal of opaque pixels and leaves the rest transparent', () => {
    const image = hatchPattern(4, [10, 20, 30], 255);
    expect(image.data.length).toBe(4 * 4 * 4);
    const alphaAt = (x: number, y: number) => image.data[(y * 4 + x) * 4 + 3];
    expect([alphaAt(0, 0), alphaAt(3, 1), alphaAt(2, 2), alphaAt(1, 3)]).toEqual([
      255, 255, 255, 255
    ]);
    expect([alphaAt(1, 0), alphaAt(0, 1), alphaAt(2, 3)]).toEqual([0, 0, 0]);
    expect(Array.from(image.data.slice(0, 3))).toEqual([10, 20, 30]);
  });
});
