/**
 * The profiles as files (issue #13): one profile as JSON, all of them as one CSV with a row per
 * fact (UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese text), each row with the
 * paragraph id and the plan's words.
 *
 * @example profilesToCsv(parkProfiles, nameOf).split('\r\n')[0] // '\uFEFF园区编号 (park id),…'
 */
import { csvDocument, csvText, type CsvColumn } from '$lib/csv';
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

interface CsvRow extends FactRow {
  profile: ParkProfile;
  together: string;
}

const COLUMNS: CsvColumn<CsvRow>[] = [
  ['园区编号 (park id)', (r) => r.profile.id],
  ['园区名称 (park name)', (r) => csvText(r.profile.name)],
  ['事项 (fact)', (r) => r.fact],
  ['内容 (value)', (r) => csvText(r.value)],
  ['段落编号 (paragraph id)', (r) => r.citation.paragraphId],
  ['规划原文 (plan quote)', (r) => csvText(r.citation.quote)],
  [
    '直接提及 (names the park itself)',
    (r) => (r.citation.direct === undefined ? '' : r.citation.direct ? 'yes' : 'no')
  ],
  ['共同对象 (said together with)', (r) => csvText(r.together)]
];

/** Every fact of every profile as CSV; `nameOf` turns a carrier id into its name. */
export function profilesToCsv(
  profiles: readonly ParkProfile[],
  nameOf: (id: string) => string
): string {
  const rows = profiles.flatMap((profile) =>
    factRows(profile).map((row) => ({
      ...row,
      profile,
      together: (row.citation.sharedWith ?? []).map(nameOf).join('、')
    }))
  );
  return csvDocument(COLUMNS, rows);
}
