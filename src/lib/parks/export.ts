/**
 * The profiles as files (issue #13): one profile as JSON, all of them as one CSV with a row per
 * fact (UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese text), each row with the
 * paragraph id and the plan's words.
 *
 * @example profilesToCsv(parkProfiles, nameOf).split('\r\n')[0] // '\uFEFF园区编号 (park id),…'
 */
import { csvCell, csvText } from '$lib/plan/figure-audit';
import { industryById } from './industries';
import type { Citation, ParkProfile } from './profile';

/** Bumped when the JSON's shape changes. */
export const PROFILE_FORMAT_VERSION = 1;

/** One profile as pretty-printed JSON, with where it comes from. */
export function profileToJson(profile: ParkProfile, source: string): string {
  return JSON.stringify({ formatVersion: PROFILE_FORMAT_VERSION, source, profile }, null, 2) + '\n';
}

type Fact = 'area' | 'positioning' | 'industry' | 'project' | 'commitment' | 'progress';

interface FactRow {
  fact: Fact;
  value: string;
  citation: Pick<Citation, 'paragraphId' | 'quote'> & Partial<Citation>;
}

const HEADERS = [
  '园区编号 (park id)',
  '园区名称 (park name)',
  '事项 (fact)',
  '内容 (value)',
  '段落编号 (paragraph id)',
  '规划原文 (plan quote)',
  '直接提及 (names the park itself)',
  '共同对象 (said together with)'
];

function factRows(profile: ParkProfile): FactRow[] {
  const rows: FactRow[] = [];
  for (const area of profile.areas) {
    const value = `${area.value}${area.unit} = ${area.mu}亩 = ${area.hectares}公顷 = ${area.squareKilometres}平方公里`;
    for (const source of area.sources) rows.push({ fact: 'area', value, citation: source });
  }
  for (const c of profile.positioning) rows.push({ fact: 'positioning', value: '', citation: c });
  for (const claim of profile.industries) {
    const label = industryById(claim.id)?.label.zh ?? claim.id;
    rows.push({ fact: 'industry', value: label, citation: claim.evidence });
  }
  for (const project of profile.projects) {
    for (const c of project.citations)
      rows.push({ fact: 'project', value: project.name, citation: c });
  }
  for (const c of profile.commitments)
    rows.push({ fact: 'commitment', value: c.topic, citation: c });
  for (const c of profile.progress) rows.push({ fact: 'progress', value: '', citation: c });
  return rows;
}

/** Every fact of every profile as CSV; `nameOf` turns a carrier id into its name. */
export function profilesToCsv(
  profiles: readonly ParkProfile[],
  nameOf: (id: string) => string
): string {
  const lines = [HEADERS.map(csvCell)];
  for (const profile of profiles) {
    for (const { fact, value, citation } of factRows(profile)) {
      const direct = citation.direct === undefined ? '' : citation.direct ? 'yes' : 'no';
      const together = (citation.sharedWith ?? []).map(nameOf).join('、');
      lines.push(
        [
          profile.id,
          csvText(profile.name),
          fact,
          csvText(value),
          citation.paragraphId,
          csvText(citation.quote),
          direct,
          csvText(together)
        ].map(csvCell)
      );
    }
  }
  return '\uFEFF' + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
