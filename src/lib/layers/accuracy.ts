import type { Bilingual } from '$lib/i18n/types';
import type { Accuracy } from './types';

export interface AccuracyLabel extends Bilingual {
  /** What the class means, in plain words. */
  meaning: Bilingual;
}

const label = (zh: string, en: string, meaning: Bilingual): AccuracyLabel => ({ zh, en, meaning });

/**
 * The classes a position can be shown with: the data contract's (`Accuracy`), and `user` for a
 * position the user placed themself in this browser (src/lib/placing/) — never in a data file.
 */
export type ShownAccuracy = Accuracy | 'user';

/** What each accuracy class means, for badges, legends, popups and the feature table. */
export const ACCURACY_LABELS: Record<ShownAccuracy, AccuracyLabel> = {
  boundary: label('边界', 'Boundary', {
    zh: '来自公开的边界数据',
    en: 'from published boundary data'
  }),
  derived: label('推定', 'Derived', {
    zh: '由其他数据推定，位置大致可信',
    en: 'derived from other data; position roughly right'
  }),
  schematic: label('示意', 'Schematic', {
    zh: '仅按规划文字示意，不是测绘',
    en: 'placed from the plan’s words only; not a survey'
  }),
  imported: label('导入', 'Imported', {
    zh: '用户导入的边界',
    en: 'a boundary the user imported'
  }),
  contributed: label('用户标注', 'Contributed', {
    zh: '由用户标注、经维护者合并，非官方数据',
    en: 'placed by a user and merged by a maintainer; not official data'
  }),
  user: label('由您标注', 'Placed by you', {
    zh: '由您标注，非官方数据（只在本浏览器中）',
    en: 'Placed by you — not official data (kept in this browser only)'
  })
};
