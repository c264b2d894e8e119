/**
 * What a feature is called, for every caller: map labels and popups of imported layers
 * (src/lib/storage/user-layers.ts) and the `linghe-audit` command. Chinese survey and planning
 * data name parcels DKMC (地块名称) and projects XMMC (项目名称); other data name, 名称, title ….
 */

/** Properties that name a feature, in the order they are tried. */
export const NAME_KEYS = /** @type {const} */ ([
  'name',
  'Name',
  'NAME',
  '名称',
  'title',
  'label',
  'DKMC',
  'XMMC'
]);

/**
 * True for a property value that can name a feature: text that is not blank, or a finite number.
 * @param {unknown} value
 * @returns {value is string | number}
 */
export function isNameValue(value) {
  return (typeof value === 'string' && value.trim() !== '') || Number.isFinite(value);
}

/**
 * The key of the first property that names the feature, or null.
 * @param {Record<string, unknown> | null | undefined} properties
 * @returns {string | null}
 */
export function nameKeyOf(properties) {
  if (!properties) return null;
  return NAME_KEYS.find((key) => isNameValue(properties[key])) ?? null;
}

/**
 * The feature's name as text (the first of NAME_KEYS it fills), or null.
 * @param {Record<string, unknown> | null | undefined} properties
 * @returns {string | null}
 * @example featureName({ DKMC: '紫荆产业园地块' }) // '紫荆产业园地块'
 */
export function featureName(properties) {
  const key = nameKeyOf(properties);
  return key === null ? null : String(/** @type {Record<string, unknown>} */ (properties)[key]);
}
