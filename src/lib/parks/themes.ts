/**
 * Themes for filtering the map (商贸, 物流, 文旅, 生态, 民生 …), taken from the plan's own chapters,
 * sections and the lead sentences of its paragraphs (issue #13): a theme is a list of plan ids,
 * and a feature has the theme when one of its `planRefs` lies in one of them. The 第一章 review of
 * the past five years gives no theme (it names nearly everything once).
 *
 * @example themesOf(['c5s2p2', 'c1s1p2']) // ['commerce', 'logistics']
 */
import type { Bilingual } from '$lib/i18n/types';

export interface Theme {
  id: string;
  label: Bilingual;
  /** Chapter (`c6`), section (`c5s3`) or paragraph (`c5s2p7`) ids whose text makes the theme. */
  refs: readonly string[];
}

export const THEMES: readonly Theme[] = [
  { id: 'industry', label: { zh: '工业', en: 'Industry' }, refs: ['c5s3', 'c5s1p4'] },
  {
    id: 'commerce',
    label: { zh: '商贸', en: 'Commerce' },
    refs: ['c5s2p2', 'c5s2p3', 'c5s2p4', 'c5s2p6', 'c5s2p9']
  },
  { id: 'logistics', label: { zh: '物流', en: 'Logistics' }, refs: ['c5s2p2', 'c5s4p3', 'c5s1p3'] },
  { id: 'finance', label: { zh: '金融', en: 'Finance' }, refs: ['c5s2p5'] },
  { id: 'innovation', label: { zh: '科技创新', en: 'Innovation' }, refs: ['c4'] },
  { id: 'digital', label: { zh: '数字经济', en: 'Digital economy' }, refs: ['c5s3p5', 'c8s2p3'] },
  { id: 'tourism', label: { zh: '文旅', en: 'Culture and tourism' }, refs: ['c5s2p7', 'c8s6'] },
  { id: 'health', label: { zh: '健康养老', en: 'Health and care' }, refs: ['c5s2p8', 'c8s4'] },
  { id: 'agriculture', label: { zh: '农业', en: 'Farming' }, refs: ['c5s4'] },
  { id: 'ecology', label: { zh: '生态', en: 'Ecology' }, refs: ['c6', 'c5s1p5', 'c3s1p5'] },
  { id: 'renewal', label: { zh: '城区更新', en: 'Urban renewal' }, refs: ['c5s5'] },
  {
    id: 'livelihood',
    label: { zh: '民生', en: 'Public services' },
    refs: ['c8', 'c5s5p3', 'c5s5p4']
  }
];

/** Whether plan id `id` lies in `ref` (itself, or inside the chapter or section `ref`). */
export function liesIn(id: string, ref: string): boolean {
  if (id === ref) return true;
  if (!id.startsWith(ref)) return false;
  const next = id.charAt(ref.length);
  return next === 's' || next === 'p';
}

/** Ids of the themes any of `planRefs` lies in, in THEMES order. */
export function themesOf(planRefs: readonly string[]): string[] {
  return THEMES.filter((theme) =>
    planRefs.some((id) => theme.refs.some((ref) => liesIn(id, ref)))
  ).map((theme) => theme.id);
}
