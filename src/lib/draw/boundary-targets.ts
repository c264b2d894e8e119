/**
 * The plan features a drawn polygon can become the boundary of, for the “用作…的边界 / Use as the
 * boundary of…” choice: those for which the plan states an area come first (their area can then
 * be checked against the drawing), then every other plan feature.
 */
import type { Bilingual } from '$lib/i18n/types';
import type { PlanFeature } from '$lib/layers/types';

export interface BoundaryTarget {
  /** `PlanFeatureProperties.id` */
  id: string;
  name: string;
  nameEn: string;
  /** The areas the plan states for it, as written (`6.9平方公里`), without repeats. */
  areaFigures: string[];
}

export interface BoundaryTargets {
  withArea: BoundaryTarget[];
  others: BoundaryTarget[];
}

function toTarget(feature: PlanFeature): BoundaryTarget {
  const { id, name, nameEn, figures } = feature.properties;
  const areaFigures = [
    ...new Set(figures.filter((f) => f.quantity === 'area').map((f) => `${f.value}${f.unit}`))
  ];
  return { id, name, nameEn, areaFigures };
}

/**
 * Splits plan features into those with an area figure and the rest, each in catalog order.
 * @example boundaryTargets(allFeatures).withArea.map((t) => t.name)
 * // ['紫荆产业园', '“松凌”飞地经济产业园', '军民融合产业园']
 */
export function boundaryTargets(features: readonly PlanFeature[]): BoundaryTargets {
  const targets = features.map(toTarget);
  return {
    withArea: targets.filter((t) => t.areaFigures.length > 0),
    others: targets.filter((t) => t.areaFigures.length === 0)
  };
}

/**
 * The text of a target in a list: its name (in English mode with the English name beside it) and,
 * when the plan states one, its area as the plan writes it.
 * @example targetLabel(zijing).zh // '紫荆产业园（规划 6.9平方公里）'
 * @example targetLabel(zijing).en // '紫荆产业园 Zijing Industrial Park (plan: 6.9平方公里)'
 */
export function targetLabel(target: BoundaryTarget): Bilingual {
  const figures = target.areaFigures;
  return figures.length > 0
    ? {
        zh: `${target.name}（规划 ${figures.join('、')}）`,
        en: `${target.name} ${target.nameEn} (plan: ${figures.join(', ')})`
      }
    : { zh: target.name, en: `${target.name} ${target.nameEn}` };
}
