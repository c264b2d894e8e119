/**
 * The UI's one message catalogue: every string a component shows comes from here (or, for data,
 * from the bilingual labels of the plan layers and the import messages), in Chinese and English.
 * Components call `t('key')` (or `t('key', params)`), which follows the chosen language.
 *
 * Why not @inlang/paraglide-js: its compiler loads the message-format plugin from a CDN named in
 * project.inlang/settings.json, which an offline machine (CI here, government intranets) cannot
 * reach; a typed object gives the same compile-time key and parameter checks.
 *
 * @example t('nav.plan') // '规划全文' or 'Plan text'
 * @example t('map.featureNotFound', { id: 'x' })
 */
import { locale } from './locale.svelte';
import type { Bilingual } from './types';
import { common } from './catalog/common';
import { importReport } from './catalog/import-report';
import { map } from './catalog/map';
import { search } from './catalog/search';
import { plan } from './catalog/plan';
import { audit } from './catalog/audit';
import { features } from './catalog/features';
import { landmarks } from './catalog/landmarks';
import { importUi } from './catalog/import-ui';
import { draw } from './catalog/draw';
import { parks } from './catalog/parks';
import { sheet } from './catalog/sheet';
import { placing } from './catalog/placing';

export type Entry = Bilingual | ((params: never) => Bilingual);

export const catalog = {
  ...common,
  ...importReport,
  ...map,
  ...search,
  ...plan,
  ...audit,
  ...features,
  ...landmarks,
  ...importUi,
  ...draw,
  ...parks,
  ...sheet,
  ...placing
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalog;
type ArgsOf<K extends MessageKey> = (typeof catalog)[K] extends (params: infer P) => Bilingual
  ? [params: P]
  : [];

/** Both languages of a message: for files, exports and reports, which keep both. */
export function bilingual<K extends MessageKey>(key: K, ...args: ArgsOf<K>): Bilingual {
  const entry: Entry = catalog[key];
  return typeof entry === 'function' ? (entry as (params: unknown) => Bilingual)(args[0]) : entry;
}

/** The message in the chosen language; reactive inside components. */
export function t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
  return locale.pick(bilingual(key, ...args));
}
