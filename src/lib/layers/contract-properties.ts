/**
 * The property rules of the layer contract (contract.ts): the required texts, a slug id, a known
 * kind, the file's layer, an accuracy, plan references that exist, and lists of strings.
 */
import { FEATURE_KINDS } from './kinds';
import { ACCURACIES, type LayerId } from './types';
import { show, type FeatureRef, type ParagraphIndex, type Report } from './contract-report';

/** Stable English slugs: lower-case words joined by single hyphens. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const REQUIRED_TEXT = ['id', 'name', 'nameEn', 'kind', 'locationBasis', 'source'] as const;

/** The texts every feature has, and its id a slug. */
export function checkTexts(
  report: Report,
  where: FeatureRef,
  properties: Record<string, unknown>
): void {
  for (const field of REQUIRED_TEXT) {
    const value = properties[field];
    if (typeof value !== 'string' || value.trim() === '') {
      report.add(
        where,
        field,
        `${field} must be a non-empty string, got ${show(value)}`,
        `${field} 应为非空字符串，实际为 ${show(value)}`
      );
    }
  }
  if (where.id && !ID_PATTERN.test(where.id)) {
    report.add(
      where,
      'id',
      `id "${where.id}" is not a lower-case slug like "zijing-industrial-park"`,
      `id "${where.id}" 不是小写英文短名（如 "zijing-industrial-park"）`
    );
  }
}

/** The kind, layer and accuracy: values from fixed lists (the layer: the file's). */
export function checkClassification(
  report: Report,
  where: FeatureRef,
  properties: Record<string, unknown>,
  layer: LayerId | null
): void {
  const kind = properties.kind;
  if (typeof kind === 'string' && kind && !(kind in FEATURE_KINDS)) {
    report.add(
      where,
      'kind',
      `kind "${kind}" is not in FEATURE_KINDS (src/lib/layers/kinds.ts)`,
      `kind "${kind}" 不在 FEATURE_KINDS（src/lib/layers/kinds.ts）中`
    );
  }
  if (layer && properties.layer !== layer) {
    report.add(
      where,
      'layer',
      `layer ${show(properties.layer)} should be "${layer}" in this file`,
      `layer ${show(properties.layer)} 在此文件中应为 "${layer}"`
    );
  }
  if (!(ACCURACIES as readonly unknown[]).includes(properties.accuracy)) {
    report.add(
      where,
      'accuracy',
      `accuracy ${show(properties.accuracy)} is not one of ${ACCURACIES.join(', ')}`,
      `accuracy ${show(properties.accuracy)} 不在 ${ACCURACIES.join('、')} 之中`
    );
  }
}

/** Checks `planRefs`; returns the refs that are paragraphs of the plan, each once. */
export function checkPlanRefs(
  report: Report,
  where: FeatureRef,
  refs: unknown,
  paragraphs: ParagraphIndex
): string[] {
  const knownRefs: string[] = [];
  if (!Array.isArray(refs) || refs.length === 0) {
    report.add(
      where,
      'planRefs',
      'planRefs must list at least one paragraph id',
      'planRefs 至少要列出一个段落 id'
    );
    return knownRefs;
  }
  for (const [i, ref] of refs.entries()) {
    if (typeof ref !== 'string' || !paragraphs.has(ref)) {
      report.add(
        where,
        `planRefs[${i}]`,
        `planRefs[${i}] ${show(ref)} is not a paragraph of the plan`,
        `planRefs[${i}] ${show(ref)} 不是规划中的段落`
      );
    } else if (knownRefs.includes(ref)) {
      report.add(
        where,
        `planRefs[${i}]`,
        `planRefs[${i}] "${ref}" is listed twice`,
        `planRefs[${i}] "${ref}" 重复`
      );
    } else {
      knownRefs.push(ref);
    }
  }
  return knownRefs;
}

/** `aliases` and `mentions`, when given, are lists of non-empty strings. */
export function checkStringLists(
  report: Report,
  where: FeatureRef,
  properties: Record<string, unknown>
): void {
  for (const field of ['aliases', 'mentions'] as const) {
    const strings = properties[field];
    if (
      strings !== undefined &&
      (!Array.isArray(strings) || strings.some((a) => typeof a !== 'string' || a.trim() === ''))
    ) {
      report.add(
        where,
        field,
        `${field} must be a list of non-empty strings`,
        `${field} 应为非空字符串的列表`
      );
    }
  }
}
