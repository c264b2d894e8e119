/**
 * The plan model of the shipped plan text (issue #2), built at import time so the map,
 * the reader and the tests all see the same ids. See ./parse.ts for the id rule.
 */
import text from '$geodata/plan/linghe-14th-five-year-plan.txt?raw';
import { parsePlan } from './parse';
import { createPlanLookup } from './lookup';

export type { Chapter, Paragraph, Plan, Section } from './types';
export { PARAGRAPH_ID_PATTERN, PLAN_ID_PATTERN } from './lookup';

export const PLAN_SOURCE_PATH = 'geodata/plan/linghe-14th-five-year-plan.txt';

export const plan = parsePlan(text, PLAN_SOURCE_PATH);

const lookup = createPlanLookup(plan);

/** The paragraph with this id, e.g. `paragraphById('c5s1p4')`, or undefined. */
export const paragraphById = lookup.paragraphById;
/** The chapter (`c5`) or section (`c5s1`) with this id, or undefined. */
export const headingById = lookup.headingById;
/** The chapter an id belongs to (undefined for the preamble and unknown ids). */
export const chapterOf = lookup.chapterOf;
/** The section an id belongs to (undefined outside sections and for unknown ids). */
export const sectionOf = lookup.sectionOf;
/** `第五章 第一节 第4段` for `c5s1p4`, `序言 第1段` for `c0p1`; undefined for unknown ids. */
export const locationLabel = lookup.locationLabel;
/** The same in both languages, for the UI: `{ zh: '第五章 第一节 第4段', en: 'Chapter 5, section 1, paragraph 4' }`. */
export const locationLabels = lookup.locationLabels;
