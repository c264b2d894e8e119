/** The import report's own words (the problems themselves come from src/lib/import/messages.ts). */
import { addMessages } from '../message-store';
export const importReport = addMessages({
  'report.file': { zh: '文件', en: 'File' },
  'report.crs': { zh: '坐标系', en: 'From' },
  'report.problems': (p: { count: number; rejected: number; warnings: number }) => ({
    zh: `问题 ${p.count} 个：${p.rejected} 个要素未导入，${p.warnings} 个提示`,
    en: `${p.count} problem(s): ${p.rejected} feature(s) left out, ${p.warnings} remark(s)`
  }),
  'report.byCode': { zh: '按类型', en: 'By kind' },
  'report.example': { zh: '例如', en: 'e.g.' },
  'report.showMore': (p: { left: number }) => ({
    zh: `显示更多（还有 ${p.left} 个）`,
    en: `Show more (${p.left} more)`
  }),
  'report.unlisted': (p: { count: number }) => ({
    zh: `另有 ${p.count} 个问题只计数、未逐条列出（见上方按类型的统计）。`,
    en: `${p.count} more problem(s) are counted but not listed one by one (see the counts by kind above).`
  }),
  'report.exportCsv': { zh: '导出问题列表（CSV）', en: 'Export the problems (CSV)' }
});
