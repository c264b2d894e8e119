/**
 * The feature table (/features) without the DOM: one row per plan feature, the filters and the
 * sort, and their round trip through the URL (`?q=&layer=&accuracy=&sort=`) so a view can be
 * shared. Values from the URL are untrusted: anything not exactly known is ignored.
 */
import { formatArea } from '$lib/geo/units.js';
import type { Bilingual, Locale } from '$lib/i18n/types';
import { locationLabels } from '$lib/plan';
import { ACCURACY_LABELS } from './accuracy';
import { measure, type MeasuredSize } from './feature-info';
import { FEATURE_KINDS } from './kinds';
import { layerRegistry } from './registry';
import { ACCURACIES, type Accuracy, type LayerId, type PlanFeature } from './types';

export const SORT_KEYS = ['name', 'layer', 'kind', 'accuracy', 'size', 'refs'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableSort {
  key: SortKey;
  descending: boolean;
}

export interface TableQuery {
  /** Free text matched against names, English names, other spellings and the id. */
  q: string;
  layer: LayerId | null;
  accuracy: Accuracy | null;
  sort: TableSort;
}

export interface FeatureRow {
  id: string;
  name: string;
  nameEn: string;
  layer: LayerId;
  layerLabel: Bilingual;
  kind: Bilingual;
  accuracy: Accuracy;
  accuracyLabel: Bilingual;
  /** What the accuracy means, in plain words. */
  accuracyMeaning: Bilingual;
  /** Ellipsoidal area or geodesic length; null for points and features not on the map. */
  measured: MeasuredSize | null;
  /** `835亩 · 0.557平方公里` / `835 mu · 0.557 km²`, or a length; null when not measured. */
  size: Bilingual | null;
  refs: { id: string; label: Bilingual }[];
  located: boolean;
  /** Text the filter searches, lower-cased. */
  haystack: string;
  /** Position in the catalogue (layer order, then file order): the tie-breaker of every sort. */
  order: number;
}

/** The plan's layers that hold features, in the map's order. */
export const TABLE_LAYERS: { id: LayerId; label: Bilingual }[] = layerRegistry
  .filter(
    (declaration): declaration is typeof declaration & { id: LayerId } =>
      declaration.id !== 'context'
  )
  .map((declaration) => ({ id: declaration.id, label: declaration.label }));

export const DEFAULT_SORT: TableSort = { key: 'layer', descending: false };
export const DEFAULT_QUERY: TableQuery = { q: '', layer: null, accuracy: null, sort: DEFAULT_SORT };
/** Longer filter text is cut: no name is this long, and the URL stays short. */
export const MAX_QUERY_CHARS = 100;

/** An area in 亩 and km², or a length, in both spellings. */
function sizeOf(measured: MeasuredSize | null): Bilingual | null {
  if (!measured) return null;
  if (measured.quantity === 'length') return measured.texts;
  const line = (latin: boolean) =>
    `${formatArea(measured.ellipsoidal, '亩', { latin })} · ${formatArea(measured.ellipsoidal, '平方公里', { latin })}`;
  return { zh: line(false), en: line(true) };
}

const normalize = (text: string) =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** One row per feature, measured with the same engine as the map's popups (feature-info). */
export function featureRows(features: readonly PlanFeature[]): FeatureRow[] {
  return features.map((feature, order) => {
    const p = feature.properties;
    const measured = measure(feature.geometry);
    const layer = TABLE_LAYERS.find((entry) => entry.id === p.layer);
    return {
      id: p.id,
      name: p.name,
      nameEn: p.nameEn,
      layer: p.layer,
      layerLabel: layer?.label ?? { zh: p.layer, en: p.layer },
      kind: FEATURE_KINDS[p.kind] ?? { zh: p.kind, en: p.kind },
      accuracy: p.accuracy,
      accuracyLabel: ACCURACY_LABELS[p.accuracy],
      accuracyMeaning: ACCURACY_LABELS[p.accuracy].meaning,
      measured,
      size: sizeOf(measured),
      refs: p.planRefs.map((id) => ({ id, label: locationLabels(id) ?? { zh: id, en: id } })),
      located: feature.geometry !== null,
      haystack: normalize([p.name, p.nameEn, p.id, ...(p.aliases ?? [])].join(' ')),
      order
    };
  });
}

/** Rows that pass the text, layer and accuracy filters, in their current order. */
export function filterRows(rows: readonly FeatureRow[], query: TableQuery): FeatureRow[] {
  const words = normalize(query.q).split(' ').filter(Boolean);
  return rows.filter(
    (row) =>
      (query.layer === null || row.layer === query.layer) &&
      (query.accuracy === null || row.accuracy === query.accuracy) &&
      words.every((word) => row.haystack.includes(word))
  );
}

const collators: Record<Locale, Intl.Collator> = {
  zh: new Intl.Collator('zh-CN'),
  en: new Intl.Collator('en', { sensitivity: 'base' })
};
const layerRank = (id: LayerId) => TABLE_LAYERS.findIndex((entry) => entry.id === id);

/**
 * Orders rows by one column. Names sort by the Chinese name (pinyin order) in Chinese and by the
 * English name in English; kinds by their label in the chosen language; layers and accuracy in
 * their fixed order; sizes areas then lengths, each by measure (descending reverses both);
 * references by how many. Rows without a measure stay last either way; ties keep the catalogue
 * order.
 */
export function sortRows(
  rows: readonly FeatureRow[],
  sort: TableSort,
  locale: Locale
): FeatureRow[] {
  const collator = collators[locale];
  const compare: Record<SortKey, (a: FeatureRow, b: FeatureRow) => number> = {
    name: (a, b) =>
      locale === 'zh' ? collator.compare(a.name, b.name) : collator.compare(a.nameEn, b.nameEn),
    layer: (a, b) => layerRank(a.layer) - layerRank(b.layer),
    kind: (a, b) => collator.compare(a.kind[locale], b.kind[locale]),
    accuracy: (a, b) => ACCURACIES.indexOf(a.accuracy) - ACCURACIES.indexOf(b.accuracy),
    size: (a, b) => {
      const rank = (row: FeatureRow) => (row.measured?.quantity === 'area' ? 0 : 1);
      return rank(a) - rank(b) || a.measured!.ellipsoidal - b.measured!.ellipsoidal;
    },
    refs: (a, b) => a.refs.length - b.refs.length
  };
  const direction = sort.descending ? -1 : 1;
  const unmeasuredLast = sort.key === 'size';
  return [...rows].sort((a, b) => {
    if (unmeasuredLast && (a.measured === null || b.measured === null)) {
      return Number(a.measured === null) - Number(b.measured === null) || a.order - b.order;
    }
    return direction * compare[sort.key](a, b) || a.order - b.order;
  });
}

/** What the table shows for a query: filtered, then sorted. */
export function tableRows(
  rows: readonly FeatureRow[],
  query: TableQuery,
  locale: Locale
): FeatureRow[] {
  return sortRows(filterRows(rows, query), query.sort, locale);
}

/** The next sort when a column's button is pressed: ascending first, then the other way. */
export function toggledSort(current: TableSort, key: SortKey): TableSort {
  return current.key === key
    ? { key, descending: !current.descending }
    : { key, descending: false };
}

const isLayer = (value: string | null): value is LayerId =>
  TABLE_LAYERS.some((entry) => entry.id === value);
const isAccuracy = (value: string | null): value is Accuracy =>
  (ACCURACIES as readonly string[]).includes(value ?? '');

/** `name`, `-size` …: a sort from the URL, or the default when it is not one. */
export function parseSort(value: string | null): TableSort {
  const descending = value?.startsWith('-') ?? false;
  const key = descending ? value!.slice(1) : value;
  return (SORT_KEYS as readonly string[]).includes(key ?? '')
    ? { key: key as SortKey, descending }
    : DEFAULT_SORT;
}

/**
 * A query from a URL's search string; unknown layers, accuracies and sorts fall back to the
 * default, text is cut to MAX_QUERY_CHARS and shown only as text.
 * @example parseTableQuery('?q=园&layer=parks&sort=-size')
 */
export function parseTableQuery(search: string): TableQuery {
  const params = new URLSearchParams(search);
  const layer = params.get('layer');
  const accuracy = params.get('accuracy');
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_CHARS),
    layer: isLayer(layer) ? layer : null,
    accuracy: isAccuracy(accuracy) ? accuracy : null,
    sort: parseSort(params.get('sort'))
  };
}

/** The query as URL parameters (defaults left out), e.g. `q=%E5%9B%AD&sort=-size`; '' for the default view. */
export function tableQueryString(query: TableQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim() !== '') params.set('q', query.q);
  if (query.layer) params.set('layer', query.layer);
  if (query.accuracy) params.set('accuracy', query.accuracy);
  const isDefaultSort =
    query.sort.key === DEFAULT_SORT.key && query.sort.descending === DEFAULT_SORT.descending;
  if (!isDefaultSort) params.set('sort', `${query.sort.descending ? '-' : ''}${query.sort.key}`);
  return params.toString();
}
