import type { Accuracy } from './types';

/** What each accuracy class means, for badges, legends and popups. */
export const ACCURACY_LABELS: Record<Accuracy, { zh: string; en: string; note: string }> = {
  boundary: {
    zh: '边界',
    en: 'Boundary',
    note: '来自公开的边界数据 / from published boundary data'
  },
  derived: {
    zh: '推定',
    en: 'Derived',
    note: '由其他数据推定，位置大致可信 / derived from other data; position roughly right'
  },
  schematic: {
    zh: '示意',
    en: 'Schematic',
    note: '仅按规划文字示意，不是测绘 / placed from the plan’s words only; not a survey'
  },
  imported: {
    zh: '导入',
    en: 'Imported',
    note: '用户导入的边界 / a boundary the user imported'
  },
  contributed: {
    zh: '用户标注',
    en: 'Contributed',
    note: '由用户标注、经维护者合并，非官方数据 / placed by a user and merged by a maintainer; not official data'
  }
};
