/** Strings of the printed map sheet and its export panel (issue #14). */
import { addMessages } from '../message-store';
export const sheet = addMessages({
  'sheet.note': {
    zh: '按所选纸张和分辨率重新绘制当前视图，附图例、比例尺、指北针、数据来源、免责声明和本视图的链接。',
    en: 'Draws the current view anew for the paper and resolution you choose, with legend, scale bar, north arrow, sources, disclaimer and a link to this view.'
  },
  'sheet.paper': { zh: '纸张', en: 'Paper' },
  'sheet.orientation': { zh: '方向', en: 'Orientation' },
  'sheet.portrait': { zh: '纵向', en: 'Portrait' },
  'sheet.landscape': { zh: '横向', en: 'Landscape' },
  'sheet.resolution': { zh: '分辨率', en: 'Resolution' },
  'sheet.format': { zh: '格式', en: 'Format' },
  'sheet.formatPdf': { zh: 'PDF（可检索文字）', en: 'PDF (searchable text)' },
  'sheet.formatPng': { zh: 'PNG 图片', en: 'PNG image' },
  'sheet.pixels': (p: { width: number; height: number }) => ({
    zh: `${p.width} × ${p.height} 像素`,
    en: `${p.width} × ${p.height} pixels`
  }),
  'sheet.export': { zh: '导出', en: 'Export' },
  'sheet.cancel': { zh: '取消', en: 'Cancel' },
  'sheet.stage.map': {
    zh: '正在按纸张分辨率绘制地图…',
    en: 'Drawing the map at paper resolution…'
  },
  'sheet.stage.font': { zh: '正在载入中文字体…', en: 'Loading the Chinese font…' },
  'sheet.stage.compose': { zh: '正在排版…', en: 'Laying out the sheet…' },
  'sheet.stage.save': { zh: '正在生成文件…', en: 'Writing the file…' },
  'sheet.done': (p: { file: string }) => ({ zh: `已导出 ${p.file}`, en: `Exported ${p.file}` }),
  'sheet.cancelled': { zh: '已取消导出。', en: 'Export cancelled.' },
  'sheet.failed': (p: { reason: string }) => ({
    zh: `导出失败：${p.reason}`,
    en: `The export failed: ${p.reason}`
  }),
  'sheet.tooLarge': {
    zh: '此设备无法生成这么大的图像。请选择 150 dpi、较小的纸张或 PDF 格式。',
    en: 'This device cannot make an image this large. Choose 150 dpi, smaller paper or PDF.'
  },
  'sheet.mapTimeout': {
    zh: '地图在 60 秒内未能绘制完成。',
    en: 'The map did not finish drawing within 60 seconds.'
  },
  // What the sheet itself says.
  'sheet.title': {
    zh: '锦州市凌河区“十四五”规划纲要 · 规划示意图',
    en: 'Linghe District 14th Five-Year Plan · schematic planning map'
  },
  'sheet.subtitleView': { zh: '当前地图视图', en: 'The current map view' },
  'sheet.subtitleFeature': (p: { name: string }) => ({
    zh: `要素：${p.name}`,
    en: `Feature: ${p.name}`
  }),
  'sheet.date': (p: { date: string }) => ({ zh: `制图日期 ${p.date}`, en: `Made on ${p.date}` }),
  'sheet.legend': { zh: '图例', en: 'Legend' },
  'sheet.sources': { zh: '数据来源与精度', en: 'Sources and accuracy' },
  'sheet.accuracy': {
    zh: '精度：各要素的位置依据与精度等级见网站“要素列表”。示意位置按规划文字推定，误差可达数百米。',
    en: 'Accuracy: each feature’s basis and accuracy class are in the site’s feature table. Schematic positions are inferred from the plan’s words and may be off by hundreds of metres.'
  },
  'sheet.basemap': (p: { text: string }) => ({ zh: `底图：${p.text}`, en: `Basemap: ${p.text}` }),
  'sheet.link': { zh: '在线查看此视图', en: 'This view online' },
  'sheet.north': { zh: '北', en: 'N' },
  'sheet.scale': (p: { scale: string }) => ({
    zh: `比例尺 ${p.scale}（按原尺寸打印，图幅中心）`,
    en: `Scale ${p.scale} (printed at 100 %, at the centre)`
  }),
  'sheet.noScale': {
    zh: '倾斜视图：无统一比例尺',
    en: 'Tilted view: no single scale'
  }
});
