/**
 * "导出为数据贡献 / Export as a data contribution": the GeoJSON file a maintainer drops into
 * geodata/contributed/ for a feature the user placed. It is written by `makeContribution` and
 * checked with `validateContribution` and the same 锦州 rule (`inDistricts`) that `npm run geodata`
 * uses (src/lib/layers/contribution.js), so a file this exports is a file the build merges.
 */
import { downloadText } from '$lib/share/download';
import districts from '$geodata/context/jinzhou-districts.geojson';
import type { Bilingual } from '$lib/i18n/types';
import { allFeatures } from '$lib/layers/catalog';
import {
  inDistricts,
  makeContribution,
  validateContribution,
  type ContributionRules
} from '$lib/layers/contribution.js';
import type { Placement } from './placements';

/** The name the file is saved under: the plan feature's id, as geodata/contributed/ keeps them. */
export function contributionFileName(planFeatureId: string): string {
  return `${planFeatureId}.geojson`;
}

let rules: ContributionRules | null = null;

/** The build's rules, from the app's own copy of the plan features and 锦州's districts. */
function contributionRules(): ContributionRules {
  rules ??= {
    knownIds: new Set(allFeatures.map((f) => f.properties.id)),
    unlocatedIds: new Set(allFeatures.filter((f) => !f.geometry).map((f) => f.properties.id)),
    inJinzhou: inDistricts(districts as { features: { geometry: unknown }[] })
  };
  return rules;
}

export type ContributionOutcome =
  { ok: true; fileName: string; text: string } | { ok: false; problems: Bilingual[] };

/**
 * The contribution file for a placement, or what keeps it from being one (no note yet, a position
 * outside 锦州, …) in both languages.
 *
 * @example contributionFile(placement, { id: 'baigu-village', name: '百股村' }, new Date())
 */
export function contributionFile(
  placement: Placement,
  feature: { id: string; name: string },
  now: Date
): ContributionOutcome {
  const fileName = contributionFileName(feature.id);
  const json = makeContribution(feature, placement.geometry, placement.note, now.toISOString());
  const problems = validateContribution(fileName, json, contributionRules());
  if (problems.length > 0) {
    return { ok: false, problems: problems.map((p) => ({ zh: p.messageZh, en: p.message })) };
  }
  return { ok: true, fileName, text: `${JSON.stringify(json, null, 2)}\n` };
}

/**
 * Makes the contribution file and, when it passes the contract, downloads it.
 * @example downloadContribution(placement, { id, name }, new Date()).ok // true
 */
export function downloadContribution(
  ...args: Parameters<typeof contributionFile>
): ReturnType<typeof contributionFile> {
  const outcome = contributionFile(...args);
  if (outcome.ok) downloadText(outcome.text, outcome.fileName, 'application/geo+json');
  return outcome;
}
