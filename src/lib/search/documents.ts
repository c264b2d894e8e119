/**
 * What the search box searches, as documents: places (plan features, and reference landmarks
 * when the build has them) and the plan's text (paragraphs and headings), from any source that
 * has the fields below. Pure: the pinyin function is passed in (pinyin-pro at build time).
 */
import type { PlanFeature } from '$lib/layers/types';
import type { Plan } from '$lib/plan/types';

/** Where a place comes from: the plan layers, or the 参考地标 reference layer. */
export type PlaceOrigin = 'feature' | 'landmark';

/** A place as the search needs it, from either origin. */
export interface PlaceSource {
  id: string;
  origin: PlaceOrigin;
  name: string;
  nameEn: string;
  aliases: string[];
  /** Has a geometry (is on the map). */
  located: boolean;
  /** How many plan paragraphs mention it: more-mentioned places rank first among equals. */
  mentions: number;
  /** Landmarks: where the point is ([lon, lat], WGS-84), to fly to. Features: null (see selectedId). */
  point: [number, number] | null;
}

/** A reference landmark: a named point on the map (the 参考地标 layer). */
export interface LandmarkSource {
  id: string;
  name: string;
  nameEn: string;
  /** [lon, lat], WGS-84. */
  point: [number, number];
}

/** A name or alias with its pinyin, one unit per code point (see ./pinyin.ts). */
export interface Label {
  text: string;
  units: string[];
}

export interface PlaceDocument {
  /** Unique in the index: `feature:<id>` or `landmark:<id>`. */
  key: string;
  id: string;
  origin: PlaceOrigin;
  name: string;
  nameEn: string;
  /** Aliases, one a line. */
  aliases: string;
  /** The name, then each alias, with pinyin units, for highlighting. */
  labels: Label[];
  located: boolean;
  mentions: number;
  point: [number, number] | null;
  /** Full pinyin of each label from each syllable on: `zijingchanyeyuan jingchanyeyuan …`. */
  pinyin: string;
  /** Initials likewise: `zjcyy jcyy cyy yy y`. */
  initials: string;
  /** The same for the aliases: an alias's pinyin counts for less than the name's. */
  aliasPinyin: string;
  aliasInitials: string;
}

export type PlanTextKind = 'paragraph' | 'heading';

export interface ParagraphDocument {
  /** The plan id (`c5s1p4`, `c5s1`, `c5`), the anchor on /plan. */
  id: string;
  kind: PlanTextKind;
  /** Where it is, as readers cite it: `第五章 第一节 第4段`. */
  label: string;
  text: string;
}

export function placesFromFeatures(features: readonly PlanFeature[]): PlaceSource[] {
  return features.map(({ properties: p, geometry }) => ({
    id: p.id,
    origin: 'feature',
    name: p.name,
    nameEn: p.nameEn,
    aliases: p.aliases ?? [],
    located: geometry !== null,
    mentions: p.planRefs.length,
    point: null
  }));
}

export function placesFromLandmarks(landmarks: readonly LandmarkSource[]): PlaceSource[] {
  return landmarks.map((l) => ({
    id: l.id,
    origin: 'landmark',
    name: l.name,
    nameEn: l.nameEn,
    aliases: [],
    located: true,
    mentions: 0,
    point: l.point
  }));
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** [lon, lat] of a Point's coordinates, or null when they are not two finite numbers in range. */
function pointOf(coordinates: unknown): [number, number] | null {
  if (!Array.isArray(coordinates)) return null;
  const [lon, lat] = coordinates;
  const ok = (v: unknown, max: number) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max;
  return ok(lon, 180) && ok(lat, 90) ? [lon, lat] : null;
}

/**
 * The landmarks of a GeoJSON FeatureCollection (geodata/layers/landmarks.geojson): every feature
 * with a point and string `id` and `name` properties (`nameEn` may be missing). Anything else
 * is skipped, so a malformed landmark cannot break the build of the search index.
 */
export function landmarksFromGeoJSON(collection: unknown): LandmarkSource[] {
  const features = (collection as { features?: unknown })?.features;
  if (!Array.isArray(features)) return [];
  const landmarks: LandmarkSource[] = [];
  for (const feature of features) {
    const p = (feature as { properties?: Record<string, unknown> } | null)?.properties;
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)
      ?.geometry;
    const point = geometry?.type === 'Point' ? pointOf(geometry.coordinates) : null;
    if (!p || !isText(p.id) || !isText(p.name) || !point) continue;
    landmarks.push({ id: p.id, name: p.name, nameEn: isText(p.nameEn) ? p.nameEn : '', point });
  }
  return landmarks;
}

/** Each suffix of `parts` joined, from each part on: ['zi','jing'] → 'zijing jing'. */
function suffixes(parts: string[]): string[] {
  return parts.map((_, i) => parts.slice(i).join(''));
}

/** Full pinyin and initials of some labels, each from every syllable on (see PlaceDocument). */
function pinyinFields(labels: Label[]): { pinyin: string; initials: string } {
  const pinyin = new Set<string>();
  const initials = new Set<string>();
  for (const { units } of labels) {
    const syllables = units.filter((unit) => unit !== '');
    for (const term of suffixes(syllables)) pinyin.add(term);
    for (const term of suffixes(syllables.map((unit) => unit[0]))) initials.add(term);
  }
  return { pinyin: [...pinyin].join(' '), initials: [...initials].join(' ') };
}

export function placeDocument(
  place: PlaceSource,
  unitsOf: (label: string) => string[]
): PlaceDocument {
  const labels = [place.name, ...place.aliases].map((text) => ({ text, units: unitsOf(text) }));
  const name = pinyinFields(labels.slice(0, 1));
  const aliases = pinyinFields(labels.slice(1));
  return {
    key: `${place.origin}:${place.id}`,
    id: place.id,
    origin: place.origin,
    name: place.name,
    nameEn: place.nameEn,
    aliases: place.aliases.join('\n'),
    labels,
    located: place.located,
    mentions: place.mentions,
    point: place.point,
    pinyin: name.pinyin,
    initials: name.initials,
    aliasPinyin: aliases.pinyin,
    aliasInitials: aliases.initials
  };
}

/** Every heading and paragraph of the plan, in reading order. */
export function paragraphDocuments(
  plan: Plan,
  locationLabel: (id: string) => string | undefined
): ParagraphDocument[] {
  const docs: ParagraphDocument[] = [];
  const paragraph = (p: Plan['paragraphs'][number]) =>
    docs.push({ id: p.id, kind: 'paragraph', label: locationLabel(p.id) ?? p.id, text: p.text });
  const heading = (id: string, text: string) =>
    docs.push({ id, kind: 'heading', label: locationLabel(id) ?? id, text });
  plan.preamble.forEach(paragraph);
  for (const chapter of plan.chapters) {
    heading(chapter.id, chapter.heading);
    chapter.intro.forEach(paragraph);
    for (const section of chapter.sections) {
      heading(section.id, section.heading);
      section.paragraphs.forEach(paragraph);
    }
  }
  return docs;
}
