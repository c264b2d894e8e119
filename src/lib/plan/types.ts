/** The plan text model (issue #2). Ids are stable: see README “Paragraph ids”. */

export interface Paragraph {
  /** `c0p{n}` preamble, `c{ch}p{n}` before a chapter's first section, `c{ch}s{sec}p{n}` in a section. */
  id: string;
  /** The paragraph exactly as in the source file. */
  text: string;
  /** The opening sentence when the paragraph opens with a short lead (“提高办事效率。”), else null. */
  lead: string | null;
  /** 0 for the preamble. */
  chapter: number;
  /** null outside sections. */
  section: number | null;
  /** 1-based position inside its container (preamble, chapter intro or section). */
  n: number;
}

export interface Section {
  /** `c{ch}s{sec}` */
  id: string;
  chapter: number;
  number: number;
  /** Heading as written, e.g. `第一节 实现城区科学布局`. */
  heading: string;
  /** Title without the ordinal, e.g. `实现城区科学布局`. */
  title: string;
  paragraphs: Paragraph[];
}

export interface Chapter {
  /** `c{ch}` */
  id: string;
  number: number;
  heading: string;
  title: string;
  /** Paragraphs before the first section. */
  intro: Paragraph[];
  sections: Section[];
}

export interface Plan {
  /** The document title (the first lines of the file), joined. */
  title: string;
  preamble: Paragraph[];
  chapters: Chapter[];
  /** Every paragraph in reading order. */
  paragraphs: Paragraph[];
}
