/**
 * Which sentences of the plan speak about which carrier (issue #13): the plan's facts about a park
 * are the sentences that name it, and the sentences of the same paragraph that go on about it
 * without naming it again (“高起点建设“松凌”飞地经济产业园…。“十四五”期间，加快发展…精细化工产业”).
 *
 * The rule, per paragraph, sentence by sentence (a sentence ends at 。；！？):
 * - a sentence that names carriers (by name, alias, a member such as 锦州古玩城 for the commerce
 *   cluster, or a group word such as `三园`) speaks about exactly those: `direct`;
 * - a sentence that names none continues the last one that did (`direct: false`), until a
 *   sentence names some other place or project (a company does not end it: companies act inside
 *   a park, “依托凯美能源产品优势…”);
 * - a short heading-like sentence (the plan's run-in leads, “建设向海发展的“桥头堡”。”, by the rule of
 *   `leadOf` in src/lib/plan/parse.ts) speaks about what the next sentence names, if it names any.
 * A sentence about several carriers at once is *shared*; the profile says so instead of
 * pretending it is specific.
 *
 * @example
 * attributeParagraph({ id: 'c5s3p3', chapter: 5, text: '建设桥头堡。高起点建设甲园，发展化工。到2025年，建成集群。' }, context)
 * // three sentences, all about 甲园: the lead (lead), the naming one (direct), the last (neither)
 */
import { linkPlaces, type PlaceName } from '$lib/plan/link-places';
import { leadOf } from '$lib/plan/parse';
import type { Paragraph } from '$lib/plan/types';
import type { Carrier } from './carriers';

export interface AttributedSentence {
  paragraphId: string;
  chapter: number;
  /** 0-based position of the sentence in its paragraph. */
  index: number;
  /** The sentence verbatim, with its closing mark. */
  text: string;
  /** The carriers it speaks about, in the order they are first named. */
  carrierIds: string[];
  /** Whether it names them itself (otherwise it continues a sentence that does, or leads one). */
  direct: boolean;
  /** A heading-like sentence that leads the next one (“建设军民融合产业基地。”). */
  lead: boolean;
  /** The group word it names them by (`三园`, `一区三园` …), if it names them so. */
  groupTerm: string | null;
  /** Other features it names (companies, markets, projects), by id, in reading order. */
  featureIds: string[];
  /** The sentence with every place name blanked (〇): what to look for industries in, so that
   * `军民融合产业园` does not make a sentence about 军民融合. */
  unnamed: string;
}

/** Kinds of feature that may be named inside a carrier's passage without ending it. */
const ACTOR_KINDS = new Set(['company']);

/**
 * A paragraph's sentences, each with its closing mark: 。；！？ and the ASCII ; ! ? the plan also
 * uses (“…先行区;“松凌”飞地经济产业园规划面积835亩…”). Joined, they give back the text.
 */
export function sentencesOf(text: string): string[] {
  return text.match(/[^。；;！!？?]+[。；;！!？?]?/g) ?? [];
}

interface SentenceFacts {
  unnamed: string;
  carrierIds: string[];
  groupTerm: string | null;
  featureIds: string[];
  /** Names a place or project that is neither a carrier, a carrier's member nor a company. */
  namesOtherPlace: boolean;
}

export interface AttributionContext {
  carriers: readonly Carrier[];
  /** Every feature's names, for linkPlaces (carriers included). */
  places: readonly PlaceName[];
  /** Group word → carrier ids (see groupTerms in ./carriers). */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Feature id → kind, for every feature. */
  kinds: ReadonlyMap<string, string>;
}

function factsOf(sentence: string, context: AttributionContext): SentenceFacts {
  const carrierIds: string[] = [];
  const add = (id: string) => {
    if (!carrierIds.includes(id)) carrierIds.push(id);
  };
  const segments = linkPlaces(sentence, context.places);
  const named = segments.flatMap((s) => ('featureId' in s ? [s.featureId] : []));
  const unnamed = segments.map((s) => ('featureId' in s ? '〇' : s.text)).join('');
  const featureIds: string[] = [];
  let namesOtherPlace = false;
  for (const id of named) {
    const carrier = context.carriers.find((c) => c.id === id);
    const owners = context.carriers.filter((c) => c.members.includes(id));
    if (carrier) add(carrier.id);
    owners.forEach((owner) => add(owner.id));
    if (carrier) continue;
    if (!featureIds.includes(id)) featureIds.push(id);
    if (owners.length === 0 && !ACTOR_KINDS.has(context.kinds.get(id) ?? '')) {
      namesOtherPlace = true;
    }
  }
  let groupTerm: string | null = null;
  let groupAt = Infinity;
  for (const [term, ids] of context.groups) {
    const at = sentence.indexOf(term);
    if (at < 0) continue;
    ids.forEach(add);
    // The longest word at the first position: `一区三园` rather than the `三园` inside it.
    if (
      ids.length > 1 &&
      (at < groupAt || (at === groupAt && term.length > (groupTerm ?? '').length))
    ) {
      groupTerm = term;
      groupAt = at;
    }
  }
  return { unnamed, carrierIds, groupTerm, featureIds, namesOtherPlace };
}

/** The sentences of one paragraph that speak about carriers. */
export function attributeParagraph(
  paragraph: Pick<Paragraph, 'id' | 'text' | 'chapter'>,
  context: AttributionContext
): AttributedSentence[] {
  const sentences = sentencesOf(paragraph.text);
  const facts = sentences.map((s) => factsOf(s, context));
  const out: AttributedSentence[] = [];
  let current: { carrierIds: string[]; groupTerm: string | null } | null = null;
  let offset = 0;
  sentences.forEach((text, index) => {
    const f = facts[index];
    const rest = paragraph.text.slice(offset);
    offset += text.length;
    if (text.trim() === '') return;
    const base = {
      paragraphId: paragraph.id,
      chapter: paragraph.chapter,
      index,
      text,
      unnamed: f.unnamed
    };
    if (f.carrierIds.length > 0) {
      current = { carrierIds: f.carrierIds, groupTerm: f.groupTerm };
      out.push({ ...base, ...current, direct: true, lead: false, featureIds: f.featureIds });
      return;
    }
    if (f.namesOtherPlace) current = null;
    const next = facts[index + 1];
    if (next && next.carrierIds.length > 0 && leadOf(rest) === text) {
      const { carrierIds, groupTerm } = next;
      out.push({
        ...base,
        carrierIds,
        groupTerm,
        direct: false,
        lead: true,
        featureIds: f.featureIds
      });
      return;
    }
    if (current)
      out.push({ ...base, ...current, direct: false, lead: false, featureIds: f.featureIds });
  });
  return out;
}

/** Every sentence of the plan that speaks about a carrier, in reading order. */
export function attributeSentences(
  paragraphs: readonly Pick<Paragraph, 'id' | 'text' | 'chapter'>[],
  context: AttributionContext
): AttributedSentence[] {
  return paragraphs.flatMap((p) => attributeParagraph(p, context));
}
