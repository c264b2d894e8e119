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
import { addMessages, entryOf } from './message-store';
import { common } from './catalog/common';
import { map } from './catalog/map';
import { search } from './catalog/search';
import { plan } from './catalog/plan';
import { landmarks } from './catalog/landmarks';
import type { importReport } from './catalog/import-report';
import type { audit } from './catalog/audit';
import type { features } from './catalog/features';
import type { importUi } from './catalog/import-ui';
import type { draw } from './catalog/draw';
import type { parks } from './catalog/parks';
import type { sheet } from './catalog/sheet';
import type { details } from './catalog/details';
import type { placing } from './catalog/placing';

/**
 * Every key of every part, for the compile-time checks. At run time the map's first view holds
 * only the parts it shows (below); the others come with the code that shows them: a module that
 * uses a key of a later part imports that part (`import '$lib/i18n/catalog/draw'`), which adds
 * itself (./message-store.ts) — tests/unit/i18n.test.ts checks that every module does.
 */
type Catalog = typeof common &
  typeof map &
  typeof search &
  typeof plan &
  typeof landmarks &
  typeof importReport &
  typeof audit &
  typeof features &
  typeof importUi &
  typeof draw &
  typeof parks &
  typeof sheet &
  typeof placing &
  typeof details;

for (const part of [common, map, search, plan, landmarks]) addMessages(part);

export type MessageKey = keyof Catalog;
type ArgsOf<K extends MessageKey> = Catalog[K] extends (params: infer P) => Bilingual
  ? [params: P]
  : [];

/** Both languages of a message: for files, exports and reports, which keep both. */
export function bilingual<K extends MessageKey>(key: K, ...args: ArgsOf<K>): Bilingual {
  const entry = entryOf(key);
  if (entry === undefined) {
    // A module used a key of a part it did not import: say so, and show the key, not nothing.
    console.error(`message ${key} is not loaded: import its part of src/lib/i18n/catalog/`);
    return { zh: key, en: key };
  }
  return typeof entry === 'function' ? (entry as (params: unknown) => Bilingual)(args[0]) : entry;
}

/** The message in the chosen language; reactive inside components. */
export function t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
  return locale.pick(bilingual(key, ...args));
}
