/**
 * Placing a plan feature nobody has located, and exporting it as a data contribution
 * (PlaceOnMap, PlacementsOnMap; src/lib/placing/).
 */
import { addMessages } from '../message-store';
export const placing = addMessages({
  'placing.heading': { zh: '您知道它在哪里吗？', en: 'Do you know where it is?' },
  'placing.intro': {
    zh: '在地图上标注它的位置。标注只保存在本浏览器中，可随备份导出，也可导出为数据贡献交给维护者。',
    en: 'Place it on the map. Your placement stays in this browser, goes with your backup, and can be exported as a data contribution for the maintainers.'
  },
  'placing.place': { zh: '在地图上标注', en: 'Place on the map' },
  'placing.as': { zh: '标注为', en: 'Place as' },
  'placing.tool.point': { zh: '点', en: 'Point' },
  'placing.tool.linestring': { zh: '线', en: 'Line' },
  'placing.tool.polygon': { zh: '面', en: 'Polygon' },
  'placing.hint.point': {
    zh: '在地图上单击放置该点。',
    en: 'Click the map where it is.'
  },
  'placing.hint.linestring': {
    zh: '单击添加点；再次单击最后一个点完成。',
    en: 'Click to add points; click the last point again to finish.'
  },
  'placing.hint.polygon': {
    zh: '单击添加顶点；单击第一个顶点完成。',
    en: 'Click to add vertices; click the first vertex to finish.'
  },
  'placing.hint.edit': {
    zh: '拖动标注（或其顶点）到正确位置，然后点“完成”。',
    en: 'Drag the placement (or its vertices) to where it belongs, then press Done.'
  },
  'placing.yourPlacement': { zh: '您的标注', en: 'Your placement' },
  'placing.show': { zh: '在地图上查看', en: 'Show on the map' },
  'placing.cancel': { zh: '取消', en: 'Cancel' },
  'placing.done': { zh: '完成', en: 'Done' },
  'placing.bar': { zh: '正在标注', en: 'Placing' },
  'placing.yours': {
    zh: '由您标注，非官方数据',
    en: 'Placed by you — not official data'
  },
  'placing.noteLabel': {
    zh: '这个位置的依据（您从哪里知道的？）',
    en: 'Where does this knowledge come from?'
  },
  'placing.notePlaceholder': {
    zh: '例如：村委会门牌，本人 2026 年 11 月到过',
    en: 'e.g. the village committee’s sign; I was there in November 2026'
  },
  'placing.noNote': { zh: '（尚未说明依据）', en: '(no basis given yet)' },
  'placing.saveNote': { zh: '保存依据', en: 'Save note' },
  'placing.noteSaved': { zh: '依据已保存。', en: 'Note saved.' },
  'placing.noteTooLong': (p: { max: number; length: number }) => ({
    zh: `依据最长 ${p.max} 个字符（现为 ${p.length}）。`,
    en: `The note may have at most ${p.max} characters (this one has ${p.length}).`
  }),
  'placing.move': { zh: '移动或修改', en: 'Move or edit' },
  'placing.remove': { zh: '删除标注', en: 'Remove placement' },
  'placing.removeQuestion': {
    zh: '删除您的这个标注？',
    en: 'Remove your placement?'
  },
  'placing.removed': { zh: '标注已删除。', en: 'Placement removed.' },
  'placing.saved': { zh: '标注已保存在本浏览器中。', en: 'Placement saved in this browser.' },
  'placing.export': { zh: '导出为数据贡献', en: 'Export as a data contribution' },
  'placing.exportHint': {
    zh: '得到一个 GeoJSON 文件：维护者将其放入 geodata/contributed/ 并运行 npm run geodata 后，它会以“用户标注”显示给所有人。',
    en: 'You get a GeoJSON file: once a maintainer puts it in geodata/contributed/ and runs npm run geodata, everyone sees it, marked as contributed.'
  },
  'placing.exported': (p: { file: string }) => ({
    zh: `已导出 ${p.file}。`,
    en: `Exported ${p.file}.`
  }),
  'placing.cannotExport': { zh: '还不能导出：', en: 'It cannot be exported yet:' },
  'placing.problem': (p: { why: string }) => ({
    zh: `无法保存标注：${p.why}`,
    en: `The placement could not be saved: ${p.why}`
  }),
  'placing.loadFailed': (p: { error: string }) => ({
    zh: `无法加载标注工具：${p.error}`,
    en: `The placing tools could not be loaded: ${p.error}`
  })
});
