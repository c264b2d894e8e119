import { describe, expect, it } from 'vitest';
import { boundaryTargets, targetLabel } from '../../src/lib/draw/boundary-targets';
import { allFeatures } from '../../src/lib/layers/catalog';

describe('boundaryTargets', () => {
  const targets = boundaryTargets(allFeatures);

  it('puts the plan features with a stated area first: the three parks', () => {
    expect(targets.withArea.map((t) => t.name)).toEqual([
      '紫荆产业园',
      '“松凌”飞地经济产业园',
      '军民融合产业园'
    ]);
    expect(targets.withArea.map((t) => t.areaFigures)).toEqual([
      ['6.9平方公里'],
      ['835亩'],
      ['1161亩'] // the plan states it twice; once is enough in a list
    ]);
  });

  it('offers every other plan feature too, once, and none with an area among them', () => {
    const ids = [...targets.withArea, ...targets.others].map((t) => t.id);
    expect(new Set(ids).size).toBe(allFeatures.length);
    expect(targets.others.every((t) => t.areaFigures.length === 0)).toBe(true);
    // Length figures are not areas: the Baigu works (7.5公里) are an ordinary choice.
    expect(targets.others.map((t) => t.id)).toContain('baigu-embankment-road-works');
  });

  it('labels a target with the area the plan states', () => {
    expect(targetLabel(targets.withArea[1]).zh).toBe('“松凌”飞地经济产业园（规划 835亩）');
    expect(targetLabel(targets.withArea[1]).en).toBe(
      `“松凌”飞地经济产业园 ${targets.withArea[1].nameEn} (plan: 835亩)`
    );
    expect(targetLabel(targets.others[0]).zh).toBe(targets.others[0].name);
    expect(targetLabel(targets.others[0]).en).toBe(
      `${targets.others[0].name} ${targets.others[0].nameEn}`
    );
  });
});
