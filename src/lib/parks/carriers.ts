/**
 * Which plan features an investor looks at as a *carrier* (载体): the 三园, the “双凌” zone, the
 * logistics, digital and start-up parks and the commerce cluster (issue #13). Chosen by the
 * feature's `kind`, so a park added to geodata/layers/ gets a profile without touching this file.
 *
 * Also: the words by which the plan names several carriers at once (`三园`, `一区三园` …), read
 * from the features' own `mentions`, so “assigned to the 三园 together” is found, not typed.
 *
 * @example
 * const carriers = carriersOf(allFeatures);
 * carriers[0].id // 'zijing-industrial-park'
 * groupTerms(carriers).get('三园') // ['zijing-industrial-park', 'songling-…', 'military-…']
 */
import type { PlanFeature } from '$lib/layers/types';

/** Kinds of feature that are carriers, in the order the list page shows them. */
export const CARRIER_KINDS = [
  'industrial-park',
  'demo-zone',
  'logistics-park',
  'digital-park',
  'innovation-space'
] as const;

/**
 * Carriers of another kind, with the features that make them up. The commerce cluster is a
 * `commercial` feature; the plan builds it “以辽西小商品批发市场、服装批发市场和锦州古玩城为中心”
 * (c5s2p2), so a sentence naming those markets speaks about the cluster.
 */
export const EXTRA_CARRIERS: Readonly<Record<string, { members: readonly string[] }>> = {
  'provincial-commerce-cluster': {
    members: [
      'liaoxi-small-commodities-market',
      'clothing-wholesale-market',
      'jinzhou-antiques-city'
    ]
  }
};

/** Where a carrier sits in the plan's spatial structure. */
export type CarrierGroup = 'three-parks' | 'zone' | 'other';

export interface Carrier {
  /** The feature id, also the profile's URL slug: `/parks/zijing-industrial-park`. */
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  group: CarrierGroup;
  /** Its name and aliases: the spellings that name it in the text. */
  names: readonly string[];
  /** Features whose names also name this carrier (the markets of the commerce cluster). */
  members: readonly string[];
  feature: PlanFeature;
}

const groupOf = (kind: string): CarrierGroup =>
  kind === 'industrial-park' ? 'three-parks' : kind === 'demo-zone' ? 'zone' : 'other';

const rankOf = (feature: PlanFeature): number => {
  const at = (CARRIER_KINDS as readonly string[]).indexOf(feature.properties.kind);
  return at >= 0 ? at : CARRIER_KINDS.length;
};

/** The carriers among `features`: by kind order, then in file order. */
export function carriersOf(features: readonly PlanFeature[]): Carrier[] {
  const chosen = features.filter(
    (f) =>
      (CARRIER_KINDS as readonly string[]).includes(f.properties.kind) ||
      Object.hasOwn(EXTRA_CARRIERS, f.properties.id)
  );
  return chosen
    .map((feature, order) => ({ feature, order }))
    .sort((a, b) => rankOf(a.feature) - rankOf(b.feature) || a.order - b.order)
    .map(({ feature }) => {
      const p = feature.properties;
      return {
        id: p.id,
        name: p.name,
        nameEn: p.nameEn,
        kind: p.kind,
        group: groupOf(p.kind),
        names: [p.name, ...(p.aliases ?? [])],
        members: EXTRA_CARRIERS[p.id]?.members ?? [],
        feature
      };
    });
}

/**
 * Words that name several carriers at once (`三园`, `一区三园`, `一城一区三园一带`) or one carrier by
 * its place in the structure (`“一区”`), from the carriers' `mentions`: term → carrier ids.
 */
export function groupTerms(carriers: readonly Carrier[]): Map<string, string[]> {
  const terms = new Map<string, string[]>();
  for (const carrier of carriers) {
    for (const term of carrier.feature.properties.mentions ?? []) {
      const ids = terms.get(term) ?? [];
      ids.push(carrier.id);
      terms.set(term, ids);
    }
  }
  return terms;
}
