/**
 * The figure rules of the layer contract (contract.ts): each figure a positive number in a plan
 * unit that fits its quantity, from a paragraph the feature refers to, quoted verbatim with the
 * number and unit written out.
 */
import type { FigureUnit } from './types';
import {
  isRecord,
  show,
  type FeatureRef,
  type ParagraphIndex,
  type Report
} from './contract-report';

/** Which quantity each plan unit measures. */
export const UNIT_QUANTITY: Readonly<Record<FigureUnit, 'area' | 'length'>> = {
  亩: 'area',
  平方公里: 'area',
  平方米: 'area',
  万平方米: 'area',
  公顷: 'area',
  公里: 'length',
  米: 'length'
};

/** Value, unit and quantity of one figure (`field`: `figures[i]`). */
function checkMeasure(
  report: Report,
  where: FeatureRef,
  field: string,
  figure: Record<string, unknown>
): void {
  const { value, unit, quantity } = figure;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    report.add(
      where,
      `${field}.value`,
      `${field}.value ${show(value)} is not a positive number`,
      `${field}.value ${show(value)} 不是正数`
    );
  }
  const unitQuantity = typeof unit === 'string' ? UNIT_QUANTITY[unit as FigureUnit] : undefined;
  if (!unitQuantity) {
    report.add(
      where,
      `${field}.unit`,
      `${field}.unit ${show(unit)} is not a plan unit (${Object.keys(UNIT_QUANTITY).join(', ')})`,
      `${field}.unit ${show(unit)} 不是规划使用的单位（${Object.keys(UNIT_QUANTITY).join('、')}）`
    );
  }
  if (quantity !== 'area' && quantity !== 'length') {
    report.add(
      where,
      `${field}.quantity`,
      `${field}.quantity ${show(quantity)} is not "area" or "length"`,
      `${field}.quantity ${show(quantity)} 应为 "area" 或 "length"`
    );
  } else if (unitQuantity && quantity !== unitQuantity) {
    report.add(
      where,
      `${field}.quantity`,
      `${field}.quantity "${quantity}" does not match unit "${String(unit)}" (a ${unitQuantity})`,
      `${field}.quantity "${quantity}" 与单位 "${String(unit)}"（${unitQuantity === 'area' ? '面积' : '长度'}）不符`
    );
  }
}

/** Where one figure is stated: a paragraph of the plan, in planRefs, quoted verbatim. */
function checkSource(
  report: Report,
  where: FeatureRef,
  field: string,
  figure: Record<string, unknown>,
  planRefs: readonly string[],
  paragraphs: ParagraphIndex
): void {
  const { value, unit, paragraphId, quote } = figure;
  if (typeof paragraphId !== 'string' || !paragraphs.has(paragraphId)) {
    report.add(
      where,
      `${field}.paragraphId`,
      `${field}.paragraphId ${show(paragraphId)} is not a paragraph of the plan`,
      `${field}.paragraphId ${show(paragraphId)} 不是规划中的段落`
    );
    return;
  }
  if (!planRefs.includes(paragraphId)) {
    report.add(
      where,
      `${field}.paragraphId`,
      `${field}.paragraphId "${paragraphId}" is not in planRefs`,
      `${field}.paragraphId "${paragraphId}" 不在 planRefs 中`
    );
  }
  if (typeof quote !== 'string' || quote.trim() === '') {
    report.add(where, `${field}.quote`, `${field}.quote is missing`, `${field}.quote 缺失`);
  } else if (!(paragraphs.get(paragraphId) ?? '').includes(quote)) {
    report.add(
      where,
      `${field}.quote`,
      `${field}.quote ${show(quote)} does not occur in ${paragraphId}`,
      `${field}.quote ${show(quote)} 不在段落 ${paragraphId} 中`
    );
  } else if (
    typeof value === 'number' &&
    typeof unit === 'string' &&
    !quote.includes(`${value}${unit}`)
  ) {
    report.add(
      where,
      `${field}.quote`,
      `${field}.quote does not state ${value}${unit}`,
      `${field}.quote 未写明 ${value}${unit}`
    );
  }
}

/** Every figure of a feature (`planRefs`: its refs that are paragraphs of the plan). */
export function checkFigures(
  report: Report,
  where: FeatureRef,
  figures: unknown,
  planRefs: readonly string[],
  paragraphs: ParagraphIndex
): void {
  if (!Array.isArray(figures)) {
    report.add(
      where,
      'figures',
      'figures is not an array (use [] when there are none)',
      'figures 不是数组（没有时写 []）'
    );
    return;
  }
  for (const [i, figure] of figures.entries()) {
    const field = `figures[${i}]`;
    if (!isRecord(figure)) {
      report.add(where, field, `${field} is not an object`, `${field} 不是对象`);
      continue;
    }
    checkMeasure(report, where, field, figure);
    checkSource(report, where, field, figure, planRefs, paragraphs);
  }
}
