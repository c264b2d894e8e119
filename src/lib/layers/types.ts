/**
 * The public data contract of every plan feature (issue #3). Planners replace geometries with
 * their own, so these names are an API: change them only with a migration note in the README.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** How good a feature's position is. */
export type Accuracy = 'boundary' | 'derived' | 'schematic' | 'imported' | 'contributed';

export const ACCURACIES: readonly Accuracy[] = [
  'boundary',
  'derived',
  'schematic',
  'imported',
  'contributed'
];

/** The largest `uncertaintyM` that still says where a place is (a few km; beyond, leave it unlocated). */
export const MAX_UNCERTAINTY_M = 5000;

/** Units the plan writes spatial figures in. */
export type FigureUnit = '亩' | '平方公里' | '平方米' | '万平方米' | '公顷' | '公里' | '米';

/** A spatial figure the plan states for a feature, e.g. 835亩 in c5s1p4. */
export interface PlanFigure {
  value: number;
  unit: FigureUnit;
  quantity: 'area' | 'length';
  /** Stable paragraph id in the plan model, e.g. `c5s1p4`. */
  paragraphId: string;
  /** The words of the plan that state the figure, verbatim. */
  quote: string;
}

export type LayerId = 'structure' | 'rivers' | 'parks' | 'projects';

export interface PlanFeatureProperties {
  /** Stable slug, unique across all layers, e.g. `zijing-industrial-park`. */
  id: string;
  name: string;
  nameEn: string;
  layer: LayerId;
  /** What the feature is, a key of FEATURE_KINDS (src/lib/layers/kinds.ts). */
  kind: string;
  /** Ids of every plan paragraph that mentions the feature. */
  planRefs: string[];
  figures: PlanFigure[];
  accuracy: Accuracy;
  /** One sentence: what the position rests on (a quote or a gazetteer source). */
  locationBasis: string;
  /**
   * How far the place may lie from what is drawn, in metres: a point for a place with an extent
   * (a park, a campus), or a street drawn through a few listed points. The popup states it
   * (位置约 ±150 m) and the map draws a point's as a halo.
   */
  uncertaintyM?: number;
  /** Where the data came from (plan paragraph, gazetteer, package, …). */
  source: string;
  /** Other spellings the plan uses for the same place (e.g. `古玩城`), for linking text to features. */
  aliases?: string[];
  /**
   * Other words by which a paragraph refers to it without naming it (e.g. `一区三园` for each of
   * the parks): used to quote the right sentence, never to link text to the feature.
   */
  mentions?: string[];
}

export type PlanFeature = Feature<Geometry | null, PlanFeatureProperties>;
export type PlanFeatureCollection = FeatureCollection<Geometry | null, PlanFeatureProperties>;
