/**
 * One carrier's profile, assembled from the sentences that speak about it (./sentences.ts) and the
 * figures the plan states (src/lib/plan/figures.ts) — every fact carries its paragraph id and the
 * plan's words (issue #13). Plain data: the pages, the JSON and CSV downloads and the comparison
 * all read the same object.
 *
 * @example
 * const profile = buildProfile(carrier, { carriers, sentences, figures, features, paragraphs });
 * profile.areas[0].mu // 835 for the “松凌” park
 * profile.industries.find((i) => i.id === 'fine-chemicals')?.shared // false: c5s3p3 names it alone
 */
import type { FoundFigure } from '$lib/plan/figures';
import type { Accuracy, PlanFeature } from '$lib/layers/types';
import { isAreaUnit, toSquareMetres, SQUARE_METRES_PER_MU } from '$lib/geo/units.js';
import type { Carrier, CarrierGroup } from './carriers';
import type { AttributedSentence } from './sentences';
import { industriesIn } from './industries';
import { themesOf } from './themes';

/** A sentence of the plan about the carrier. */
export interface Citation {
  paragraphId: string;
  /** The sentence verbatim. */
  quote: string;
  /** It names the carrier itself (false: it continues or leads a sentence that does). */
  direct: boolean;
  /** Other carriers it speaks about at the same time (empty: it is about this one alone). */
  sharedWith: string[];
  /** The plan's word for the group it is said of (`三园`, `一区三园` …), or null. */
  groupTerm: string | null;
}

export interface AreaFigure {
  /** As the plan writes it: 6.9 and 平方公里. */
  value: number;
  unit: string;
  squareMetres: number;
  mu: number;
  hectares: number;
  squareKilometres: number;
  /** Every clause that states it (the same figure can be stated twice, 1161亩 in c1s1p2 and c5s1p4). */
  sources: { paragraphId: string; quote: string }[];
}

export interface IndustryClaim {
  id: string;
  /** Paragraphs whose sentences about this carrier name the industry, in reading order. */
  paragraphIds: string[];
  /** True when every such sentence speaks about several carriers at once. */
  shared: boolean;
  /** True when a sentence naming the carrier itself names the industry (not only its context). */
  direct: boolean;
  /** The group word when shared (`三园`), or null. */
  groupTerm: string | null;
  /** The sentence to quote for it: the first specific one, else the first. */
  evidence: Citation;
}

export interface NamedProject {
  featureId: string;
  name: string;
  kind: string;
  citations: Citation[];
}

export type CommitmentTopic = 'infrastructure' | 'policy' | 'development';

/** What the page says about the position: a key of the parks catalogue (`parks.accuracy.*`). */
export type PositionNote =
  'at-plan-size' | 'schematic' | 'unlocated' | 'derived' | 'boundary' | 'imported' | 'contributed';

export interface ParkProfile {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  group: CarrierGroup;
  areas: AreaFigure[];
  positioning: Citation[];
  industries: IndustryClaim[];
  projects: NamedProject[];
  commitments: (Citation & { topic: CommitmentTopic })[];
  /** What 第一章 (the review of 2016–2020) reports as done. */
  progress: Citation[];
  themes: string[];
  accuracy: Accuracy;
  position: PositionNote;
  locationBasis: string;
  hasGeometry: boolean;
  /** Every paragraph the profile cites, in reading order. */
  planRefs: string[];
}

/** “打造…”, “建设成…”, “发展成为…”: the plan's sentences of what a place is to become. */
const POSITIONING = /打造|建设成|建成|发展成为/;
/** A lead that says what is built: “建设向海发展的“桥头堡”。”, “建设军民融合产业基地。”. */
const BUILD_LEAD = /^建设/;
/** ““一区”,指“双凌”协同发展示范区。”: a definition of a term, not a commitment. */
const DEFINITION = /^“[^”]+”[,，]\s*(?:指|即)/;
const INFRASTRUCTURE = /基础设施|承载能力|路网|变电站|热源|基站|二期|三期|立体工业园|用地/;
const POLICY = /体制|机制|政策|改革|申报|招商|优惠|运营模式|管理|审批|扶持/;

const topicOf = (text: string): CommitmentTopic =>
  INFRASTRUCTURE.test(text) ? 'infrastructure' : POLICY.test(text) ? 'policy' : 'development';

function citationOf(sentence: AttributedSentence, carrierId: string): Citation {
  return {
    paragraphId: sentence.paragraphId,
    quote: sentence.text,
    direct: sentence.direct,
    sharedWith: sentence.carrierIds.filter((id) => id !== carrierId),
    groupTerm: sentence.groupTerm
  };
}

/**
 * Area figures stated for the carrier: the figure belongs to the carrier named last before it in
 * its sentence (`紫荆产业园规划面积6.9平方公里,打造…;“松凌”飞地经济产业园规划面积835亩` gives each
 * park its own). The quote runs from that name to the figure, as the plan words it.
 */
export function areasOf(
  carrier: Pick<Carrier, 'id'>,
  carriers: readonly Pick<Carrier, 'id' | 'names'>[],
  figures: readonly FoundFigure[],
  textOf: (paragraphId: string) => string | undefined
): AreaFigure[] {
  const areas: AreaFigure[] = [];
  for (const figure of figures) {
    if (figure.quantity !== 'area' || !isAreaUnit(figure.unit)) continue;
    const text = textOf(figure.paragraphId);
    if (text === undefined) continue;
    const named = nameBefore(text, figure.offset, carriers);
    if (!named || named.id !== carrier.id) continue;
    const source = {
      paragraphId: figure.paragraphId,
      quote: text.slice(named.at, figure.offset + figure.written.length)
    };
    const same = areas.find((a) => a.value === figure.value && a.unit === figure.unit);
    if (same) {
      same.sources.push(source);
      continue;
    }
    const squareMetres = toSquareMetres(figure.value, figure.unit);
    areas.push({
      value: figure.value,
      unit: figure.unit,
      squareMetres,
      mu: round(squareMetres / SQUARE_METRES_PER_MU, 1),
      hectares: round(squareMetres / 1e4, 2),
      squareKilometres: round(squareMetres / 1e6, 4),
      sources: [source]
    });
  }
  return areas;
}

/** The carrier named last before `offset` in the same sentence, with where its name starts. */
function nameBefore(
  text: string,
  offset: number,
  carriers: readonly Pick<Carrier, 'id' | 'names'>[]
): { id: string; at: number } | null {
  const sentenceStart =
    Math.max(...[...'。；;！!？?'].map((mark) => text.lastIndexOf(mark, offset - 1))) + 1;
  const sentence = text.slice(sentenceStart, offset);
  let best: { id: string; at: number; length: number } | null = null;
  for (const carrier of carriers) {
    for (const name of carrier.names) {
      const at = sentence.lastIndexOf(name);
      if (at < 0) continue;
      // The name ending later wins; ending at the same place, the longer one
      // (锦州军民融合产业园 over the 军民融合产业园 inside it).
      const end = at + name.length;
      const bestEnd = best ? best.at + best.length : -1;
      if (end > bestEnd || (end === bestEnd && name.length > (best?.length ?? 0))) {
        best = { id: carrier.id, at, length: name.length };
      }
    }
  }
  return best && { id: best.id, at: sentenceStart + best.at };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function industriesFrom(
  sentences: readonly AttributedSentence[],
  carrierId: string
): IndustryClaim[] {
  const claims = new Map<string, IndustryClaim>();
  for (const sentence of sentences) {
    if (sentence.chapter === 1) continue;
    const specific = sentence.carrierIds.length === 1;
    for (const id of industriesIn(sentence.unnamed)) {
      const citation = citationOf(sentence, carrierId);
      const claim = claims.get(id) ?? {
        id,
        paragraphIds: [],
        shared: true,
        direct: false,
        groupTerm: sentence.groupTerm,
        evidence: citation
      };
      if (!claim.paragraphIds.includes(sentence.paragraphId))
        claim.paragraphIds.push(sentence.paragraphId);
      claim.direct ||= sentence.direct;
      // The quoted evidence is the most specific sentence: about this carrier alone, naming it.
      if (specific && (claim.shared || (sentence.direct && !claim.evidence.direct))) {
        claim.shared = false;
        claim.groupTerm = null;
        claim.evidence = citation;
      }
      claims.set(id, claim);
    }
  }
  return [...claims.values()];
}

/**
 * Projects and companies named in the sentences about the carrier. In 第一章's lists of what was
 * done (“碧桂园辽西区域总部成功入驻,思凯农副产品国际物流园一期投入运营”) only what is named after the
 * carrier counts (“…示范区完成空间规划编制,66千伏变电站投入运行”).
 */
function projectsFrom(
  sentences: readonly AttributedSentence[],
  carrier: Pick<Carrier, 'id' | 'names'>,
  features: ReadonlyMap<string, PlanFeature>
): NamedProject[] {
  const carrierId = carrier.id;
  const projects = new Map<string, NamedProject>();
  for (const sentence of sentences) {
    if (sentence.chapter === 1 && !sentence.direct) continue;
    for (const featureId of sentence.featureIds) {
      const feature = features.get(featureId);
      if (!feature || feature.properties.layer !== 'projects') continue;
      if (sentence.chapter === 1 && !namedAfter(sentence.text, feature, carrier)) continue;
      const project = projects.get(featureId) ?? {
        featureId,
        name: feature.properties.name,
        kind: feature.properties.kind,
        citations: []
      };
      project.citations.push(citationOf(sentence, carrierId));
      projects.set(featureId, project);
    }
  }
  return [...projects.values()];
}

function namedAfter(text: string, feature: PlanFeature, carrier: Pick<Carrier, 'names'>): boolean {
  const first = (names: readonly string[]) =>
    Math.min(...names.map((n) => text.indexOf(n)).filter((at) => at >= 0));
  const { name, aliases = [] } = feature.properties;
  return first([name, ...aliases]) > first(carrier.names);
}

/** What is said of this carrier alone before what is said of it with others; else reading order. */
function ownFirst<T extends Citation>(citations: T[]): T[] {
  const alone = (c: T) => (c.sharedWith.length === 0 ? 0 : 1);
  return citations
    .map((c, i) => ({ c, i }))
    .sort((a, b) => alone(a.c) - alone(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

function positionNote(feature: PlanFeature, areas: readonly AreaFigure[]): PositionNote {
  const { accuracy } = feature.properties;
  if (!feature.geometry) return 'unlocated';
  if (accuracy !== 'schematic') return accuracy;
  const polygon = feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon';
  return polygon && areas.length > 0 ? 'at-plan-size' : 'schematic';
}

/** The profile of one carrier from the sentences about it (any carrier's; others are skipped). */
export interface ProfileSources {
  carriers: readonly Carrier[];
  sentences: readonly AttributedSentence[];
  figures: readonly FoundFigure[];
  features: ReadonlyMap<string, PlanFeature>;
  /** Paragraph id → its text and its place in reading order. */
  paragraphs: ReadonlyMap<string, { text: string; order: number }>;
}

export function buildProfile(carrier: Carrier, sources: ProfileSources): ParkProfile {
  const { sentences: allSentences, figures, features, paragraphs } = sources;
  const sentences = allSentences.filter((s) => s.carrierIds.includes(carrier.id));
  const planned = sentences.filter((s) => s.chapter !== 1);
  const areas = areasOf(carrier, sources.carriers, figures, (id) => paragraphs.get(id)?.text);
  const positioning = planned.filter(
    (s) => POSITIONING.test(s.text) || (s.lead && BUILD_LEAD.test(s.text))
  );
  const commitments = planned
    .filter((s) => !positioning.includes(s) && !DEFINITION.test(s.text))
    .map((s) => ({ ...citationOf(s, carrier.id), topic: topicOf(s.text) }));
  const progress = sentences.filter((s) => s.chapter === 1 && s.direct);
  const refs = new Set([
    ...sentences.map((s) => s.paragraphId),
    ...areas.flatMap((a) => a.sources.map((s) => s.paragraphId))
  ]);
  const orderOf = (id: string) => paragraphs.get(id)?.order ?? 0;
  const planRefs = [...refs].sort((a, b) => orderOf(a) - orderOf(b));
  const p = carrier.feature.properties;
  return {
    id: carrier.id,
    name: carrier.name,
    nameEn: carrier.nameEn,
    kind: carrier.kind,
    group: carrier.group,
    areas,
    positioning: ownFirst(positioning.map((s) => citationOf(s, carrier.id))),
    industries: industriesFrom(sentences, carrier.id),
    projects: projectsFrom(sentences, carrier, features),
    commitments: ownFirst(commitments),
    progress: progress.map((s) => citationOf(s, carrier.id)),
    themes: themesOf(planRefs),
    accuracy: p.accuracy,
    position: positionNote(carrier.feature, areas),
    locationBasis: p.locationBasis,
    hasGeometry: carrier.feature.geometry !== null,
    planRefs
  };
}
