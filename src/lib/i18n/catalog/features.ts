/** The feature table (/features): every plan feature, sortable and filterable, without the map. */
import { addMessages } from '../message-store';
export const features = addMessages({
  'features.pageTitle': { zh: '要素列表', en: 'Feature table' },
  'features.description': {
    zh: '凌河区“十四五”规划的全部空间要素：名称、图层、类型、位置精度、图上面积或长度、规划原文出处。',
    en: 'Every place in the Linghe District 14th Five-Year Plan: name, layer, kind, accuracy, measured area or length, and where the plan mentions it.'
  },
  'features.intro': {
    zh: '规划提到的每一个地点，包括位置未知、没有上图的。面积按 CGCS2000 椭球面计算；示意图形按规划文字绘制，不是测绘。',
    en: 'Every place the plan mentions, including those with no known location. Areas are measured on the CGCS2000 ellipsoid; schematic shapes follow the plan’s words and are no survey.'
  },
  'features.noscript': {
    zh: '排序和筛选需要 JavaScript；下表列出全部要素。',
    en: 'Sorting and filtering need JavaScript; the table lists every feature.'
  },
  'features.filters': { zh: '筛选', en: 'Filter' },
  'features.filter.text': { zh: '名称', en: 'Name' },
  'features.filter.textPlaceholder': { zh: '例如 紫荆', en: 'e.g. Zijing' },
  'features.filter.layer': { zh: '图层', en: 'Layer' },
  'features.filter.accuracy': { zh: '精度', en: 'Accuracy' },
  'features.filter.all': { zh: '全部', en: 'All' },
  'features.filter.reset': { zh: '清除筛选', en: 'Clear filters' },
  'features.count': (p: { shown: number; total: number }) => ({
    zh: `显示 ${p.shown} / 共 ${p.total} 个要素`,
    en: `Showing ${p.shown} of ${p.total} features`
  }),
  'features.caption': { zh: '规划要素', en: 'Plan features' },
  'features.col.name': { zh: '名称', en: 'Name' },
  'features.col.layer': { zh: '图层', en: 'Layer' },
  'features.col.kind': { zh: '类型', en: 'Kind' },
  'features.col.accuracy': { zh: '位置精度', en: 'Accuracy' },
  'features.col.size': { zh: '图上面积或长度', en: 'Measured area or length' },
  'features.col.refs': { zh: '规划出处', en: 'Plan references' },
  'features.col.map': { zh: '地图', en: 'Map' },
  'features.sortBy': (p: { column: string }) => ({
    zh: `按“${p.column}”排序`,
    en: `Sort by ${p.column}`
  }),
  'features.openOnMap': { zh: '在地图上查看', en: 'Open on the map' },
  'features.notOnMap': { zh: '未上图', en: 'not on the map' },
  'features.none': { zh: '没有符合筛选条件的要素。', en: 'No feature matches the filters.' }
});
