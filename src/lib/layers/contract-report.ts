/**
 * How the layer contract (contract.ts) words and collects its problems: one list per file,
 * each problem prefixed with the file and the feature, in English and Chinese.
 */

export interface ContractProblem {
  /** File name as given, e.g. `structure.geojson`. */
  file: string;
  /** 1-based position in `features`, or null for a problem with the whole file. */
  featureIndex: number | null;
  featureId: string | null;
  /** The property or member at fault, e.g. `figures[0].unit`, or null. */
  field: string | null;
  /** e.g. `structure.geojson: feature #3 (zijing-industrial-park): figures[0].unit "平方千米" is not a plan unit` */
  message: string;
  /** The same in Chinese. */
  messageZh: string;
}

/** Paragraph id → paragraph text, for resolving planRefs and finding figure quotes. */
export type ParagraphIndex = ReadonlyMap<string, string>;

/** Which feature a problem is about: its 1-based position and, when it has one, its id. */
export interface FeatureRef {
  index: number;
  id: string | null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value quoted in a message, cut to 60 characters. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Collects problems for one file, prefixing each with where it is. */
export class Report {
  readonly problems: ContractProblem[] = [];
  constructor(readonly file: string) {}

  add(feature: FeatureRef | null, field: string | null, en: string, zh: string) {
    const where = feature
      ? { en: `feature #${feature.index}`, zh: `第 ${feature.index} 个要素` }
      : null;
    const idPart = feature?.id ? ` (${feature.id})` : '';
    this.problems.push({
      file: this.file,
      featureIndex: feature?.index ?? null,
      featureId: feature?.id ?? null,
      field,
      message: where ? `${this.file}: ${where.en}${idPart}: ${en}` : `${this.file}: ${en}`,
      messageZh: where ? `${this.file}：${where.zh}${idPart}：${zh}` : `${this.file}：${zh}`
    });
  }
}
