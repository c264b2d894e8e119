/** The reader's paragraph component renders links to the map as anchors and text as text (issue #3). */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import PlanParagraph from '$lib/components/PlanParagraph.svelte';
import type { PlanFeature } from '$lib/layers/types';
import type { Paragraph } from '$lib/plan/types';

const paragraph: Paragraph = {
  id: 'c5s1p4',
  text: '“三园”,即紫荆产业园、军民融合产业园。紫荆产业园规划面积6.9平方公里<b>。',
  lead: '“三园”,即紫荆产业园、军民融合产业园。',
  chapter: 5,
  section: 1,
  n: 4
};

const park = {
  type: 'Feature',
  geometry: null,
  properties: {
    id: 'zijing-industrial-park',
    name: '紫荆产业园',
    nameEn: 'Zijing Industrial Park',
    layer: 'structure',
    kind: 'industrial-park',
    planRefs: ['c5s1p4'],
    figures: [],
    accuracy: 'schematic',
    locationBasis: 'synthetic',
    source: 'test'
  }
} satisfies PlanFeature;

function html(features: PlanFeature[]) {
  return render(PlanParagraph, {
    props: {
      paragraph,
      label: '第五章 第一节 第4段',
      features,
      places: [{ featureId: 'zijing-industrial-park', names: ['紫荆产业园'] }],
      targeted: true
    }
  }).body;
}

describe('PlanParagraph', () => {
  it('carries the paragraph id and the target class', () => {
    expect(html([])).toMatch(/<div class="paragraph[^"]*is-target[^"]*" id="c5s1p4">/);
  });

  it('links place names in the lead and the body to the map', () => {
    const links = html([]).match(
      /<a class="place[^"]*" href="\/\?feature=zijing-industrial-park"/g
    );
    expect(links).toHaveLength(2);
    expect(html([])).toMatch(/<strong class="lead[^>]*>.*“三园”,即.*<\/strong>/s);
  });

  it('shows a map chip per linked feature', () => {
    const chip =
      /<a href="\/\?feature=zijing-industrial-park"[^>]*>在地图上查看 <span class="feature-name"><span lang="zh-CN">紫荆产业园<\/span>/;
    expect(html([])).not.toMatch(chip);
    expect(html([park])).toMatch(chip);
    // Chinese by default: the English name appears only in English mode.
    expect(html([park])).not.toContain('Zijing Industrial Park');
  });

  it('renders markup in the text as text', () => {
    expect(html([])).toContain('&lt;b>');
    expect(html([])).not.toContain('<b>');
  });
});
