/**
 * The rules behind the park profiles (issue #13), on small made-up texts: which sentences speak
 * about which carrier, the industry words, the themes.
 */
import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '$lib/layers/types';
import { carriersOf, groupTerms } from '$lib/parks/carriers';
import { attributeParagraph, sentencesOf, type AttributionContext } from '$lib/parks/sentences';
import { industriesIn } from '$lib/parks/industries';
import { liesIn, themesOf } from '$lib/parks/themes';
import { placeNamesOf } from '$lib/plan/link-places';

function feature(id: string, name: string, kind: string, mentions?: string[]): PlanFeature {
  return {
    type: 'Feature',
    geometry: null,
    properties: {
      id,
      name,
      nameEn: id,
      layer: kind === 'industrial-park' ? 'structure' : 'projects',
      kind,
      planRefs: [],
      figures: [],
      accuracy: 'schematic',
      locationBasis: '',
      source: '',
      ...(mentions ? { mentions } : {})
    }
  };
}

const features = [
  feature('a', '甲产业园', 'industrial-park', ['两园']),
  feature('b', '乙产业园', 'industrial-park', ['两园']),
  feature('co', '丙公司', 'company'),
  feature('mk', '丁市场', 'market')
];
const carriers = carriersOf(features);
const context: AttributionContext = {
  carriers,
  places: placeNamesOf(features),
  groups: groupTerms(carriers),
  kinds: new Map(features.map((f) => [f.properties.id, f.properties.kind]))
};
const about = (text: string) =>
  attributeParagraph({ id: 'c5s3p1', chapter: 5, text }, context).map(
    (s) => `${s.carrierIds.join('+')}${s.direct ? '' : s.lead ? '<' : '~'}:${s.text}`
  );

describe('which sentences speak about a carrier', () => {
  it('splits at 。；！？ and the ASCII ; the plan also uses, losing nothing', () => {
    const text = '甲。乙;丙；丁！戊?己';
    expect(sentencesOf(text)).toEqual(['甲。', '乙;', '丙；', '丁！', '戊?', '己']);
    expect(sentencesOf(text).join('')).toBe(text);
  });

  it('gives the naming sentence, its lead and what goes on about it', () => {
    expect(about('建设桥头堡。高起点建设甲产业园，发展化工。到2025年，建成集群。')).toEqual([
      'a<:建设桥头堡。',
      'a:高起点建设甲产业园，发展化工。',
      'a~:到2025年，建成集群。'
    ]);
  });

  it('keeps a passage going past a company, and ends it at another place', () => {
    expect(
      about('推进甲产业园建设。依托丙公司优势，拉长产业链。以丁市场为中心，发展商贸。其他。')
    ).toEqual(['a:推进甲产业园建设。', 'a~:依托丙公司优势，拉长产业链。']);
  });

  it('switches to the next carrier named, and shares a sentence naming two or a group word', () => {
    expect(about('甲产业园发展医药;乙产业园发展新能源。两园共建平台。')).toEqual([
      'a:甲产业园发展医药;',
      'b:乙产业园发展新能源。',
      'a+b:两园共建平台。'
    ]);
    const [shared] = attributeParagraph({ id: 'x', chapter: 5, text: '两园共建平台。' }, context);
    expect(shared.groupTerm).toBe('两园');
  });

  it('blanks place names before industries are looked for', () => {
    const [s] = attributeParagraph({ id: 'x', chapter: 5, text: '甲产业园在丙公司旁。' }, context);
    expect(s.unnamed).toBe('〇在〇旁。');
  });
});

describe('industries and themes', () => {
  it('finds the plan’s industry words', () => {
    expect(industriesIn('重点发展精细化工等相关产业，引进制氢及配套产业项目。')).toEqual([
      'fine-chemicals',
      'new-energy'
    ]);
    expect(industriesIn('重点发展医药中间体研发生产')).toEqual(['pharma']);
    expect(industriesIn('完善市场监管方式')).toEqual([]);
  });

  it('places a paragraph in the chapters and sections that make a theme', () => {
    expect(liesIn('c5s2p2', 'c5s2')).toBe(true);
    expect(liesIn('c5s20p1', 'c5s2')).toBe(false);
    expect(liesIn('c8s6p2', 'c8')).toBe(true);
    expect(themesOf(['c5s2p2', 'c1s1p2'])).toEqual(['commerce', 'logistics']);
    expect(themesOf(['c6s2p2'])).toEqual(['ecology']);
    expect(themesOf(['c1s1p3'])).toEqual([]);
  });
});
