/**
 * Builds the four plan layers (issue #3) from the feature list in plan-features.js: computes
 * each feature's planRefs from the plan text, checks its figures against the text, and draws
 * the geometry the list asks for. Throws, naming the feature, on anything inconsistent.
 */
import { PLAN_FEATURES } from './plan-features.js';
import { planParagraphs } from './plan-paragraphs.js';
import { planPlaces } from './plan-places.js';
import { roundGeometry, windRightHand } from './shapes.js';
import { CONTRIBUTED_BY_USER } from '../../src/lib/layers/contribution.js';

/** @typedef {import('./plan-features.js').FeatureSpec} FeatureSpec */
/** @typedef {import('./plan-paragraphs.js').PlanParagraph} PlanParagraph */

export const LAYER_IDS = /** @type {const} */ (['structure', 'rivers', 'parks', 'projects']);

/**
 * Ids of the paragraphs that mention a feature: those containing its name, an alias or a term,
 * not counting text inside `notWithin` names (which belong to other features).
 * @example planRefsFor({ name: '紫荆产业园', … }, paragraphs) // ['c1s1p2', 'c3s1p4', …]
 * @param {Pick<FeatureSpec, 'name' | 'aliases' | 'terms' | 'notWithin'>} spec
 * @param {PlanParagraph[]} paragraphs
 * @returns {string[]} in reading order
 */
export function planRefsFor(spec, paragraphs) {
  const terms = [spec.name, ...(spec.aliases ?? []), ...(spec.terms ?? [])];
  return paragraphs
    .filter(({ text }) => {
      const masked = (spec.notWithin ?? []).reduce(
        (t, longer) => t.split(longer).join('\u0000'.repeat(longer.length)),
        text
      );
      return terms.some((term) => masked.includes(term));
    })
    .map(({ id }) => id);
}

/**
 * @param {FeatureSpec} spec
 * @param {Map<string, string>} textById
 */
function checkFigures(spec, textById) {
  for (const [i, figure] of (spec.figures ?? []).entries()) {
    const where = `${spec.id}: figures[${i}]`;
    const text = textById.get(figure.paragraphId);
    if (text === undefined) throw new Error(`${where}: unknown paragraph ${figure.paragraphId}`);
    if (!text.includes(figure.quote)) {
      throw new Error(`${where}: quote is not in ${figure.paragraphId}: ${figure.quote}`);
    }
    if (!figure.quote.includes(`${figure.value}${figure.unit}`)) {
      throw new Error(`${where}: quote does not state ${figure.value}${figure.unit}`);
    }
  }
}

/**
 * A position contributed for a plan feature (geodata/contributed/, checked by
 * src/lib/layers/contribution.js before it gets here).
 * @typedef {{ file: string, feature: { properties: { id: string, locationBasis: string, source: string },
 *   geometry: import('geojson').Geometry } }} Contribution
 */

/**
 * A feature's properties and geometry with a contributed position put in: accuracy
 * `contributed`, the contributor's basis and source kept (and said to be theirs).
 * @param {Record<string, any>} properties
 * @param {Contribution} contribution
 */
function contributed(properties, { file, feature }) {
  const { uncertaintyM: _dropped, ...rest } = properties;
  return {
    properties: {
      ...rest,
      accuracy: 'contributed',
      locationBasis: `Contributed (${CONTRIBUTED_BY_USER}): ${feature.properties.locationBasis.trim()}`,
      source: `${properties.source.split(';')[0]}; position contributed by ${feature.properties.source.trim()} (geodata/contributed/${file})`
    },
    geometry: windRightHand(roundGeometry(feature.geometry))
  };
}

/**
 * @param {string} planText the plan file
 * @param {Parameters<typeof planPlaces>[0]} context the context layer (jinzhou-context.js)
 * @param {Contribution[]} [contributions] positions contributed for plan features, by id
 * @returns {Record<(typeof LAYER_IDS)[number], { type: 'FeatureCollection', metadata: object, features: any[] }>}
 */
export function buildPlanLayers(planText, context, contributions = []) {
  const contributionById = new Map(contributions.map((c) => [c.feature.properties.id, c]));
  const paragraphs = planParagraphs(planText);
  const textById = new Map(paragraphs.map((p) => [p.id, p.text]));
  const places = planPlaces(context);
  const seen = new Set();

  /** @type {Record<string, any[]>} */
  const featuresByLayer = Object.fromEntries(LAYER_IDS.map((id) => [id, []]));
  for (const spec of PLAN_FEATURES) {
    if (seen.has(spec.id)) throw new Error(`${spec.id}: id used twice`);
    seen.add(spec.id);
    const planRefs = planRefsFor(spec, paragraphs);
    if (planRefs.length === 0) throw new Error(`${spec.id}: no paragraph mentions it`);
    checkFigures(spec, textById);
    const figureParagraphs = (spec.figures ?? []).map((f) => f.paragraphId);
    const missing = figureParagraphs.filter((id) => !planRefs.includes(id));
    if (missing.length) throw new Error(`${spec.id}: figure paragraphs ${missing} not in planRefs`);
    const built = {
      properties: {
        id: spec.id,
        name: spec.name,
        nameEn: spec.nameEn,
        layer: spec.layer,
        kind: spec.kind,
        accuracy: spec.accuracy,
        locationBasis: spec.locationBasis,
        ...(spec.uncertaintyM ? { uncertaintyM: spec.uncertaintyM } : {}),
        planRefs,
        figures: spec.figures ?? [],
        ...(spec.aliases ? { aliases: spec.aliases } : {}),
        ...(spec.terms ? { mentions: spec.terms } : {}),
        source: spec.source
      },
      geometry: spec.geometry ? windRightHand(spec.geometry(places)) : null
    };
    const contribution = contributionById.get(spec.id);
    const { properties, geometry } = contribution ? contributed(built.properties, contribution) : built;
    featuresByLayer[spec.layer].push({ type: 'Feature', properties, geometry });
  }

  return /** @type {any} */ (
    Object.fromEntries(
      LAYER_IDS.map((layer) => [
        layer,
        {
          type: 'FeatureCollection',
          metadata: {
            layer,
            crs: 'WGS-84 longitude/latitude (RFC 7946), 6 decimals',
            generator:
              'scripts/build-geodata.js (npm run geodata) from scripts/geodata/plan-features.js',
            contract: 'geodata/README.md; checked by src/lib/layers/contract.ts'
          },
          features: featuresByLayer[layer]
        }
      ])
    )
  );
}
