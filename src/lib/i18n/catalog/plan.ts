/** The plan text page (/plan): its reader, table of contents and copy-link control. */
export const plan = {
  'plan.pageTitle': { zh: '规划纲要全文', en: 'Plan text' },
  'plan.description': {
    zh: '锦州市凌河区“十四五”规划和二〇三五年远景目标纲要全文，每段都有可引用的链接。',
    en: 'The full text of the Linghe District 14th Five-Year Plan and Vision 2035, every paragraph with a link of its own.'
  },
  'plan.source': {
    zh: '来源：锦州市凌河区人民政府公开文件，全文照录，未作改动。',
    en: "Source: public document of the Linghe District People's Government, shown verbatim."
  },
  'plan.textNote': {
    zh: '规划原文为中文。',
    en: 'The plan text is in Chinese; feature names are given in English beside it.'
  },
  'plan.toc.heading': { zh: '目录', en: 'Contents' },
  'plan.toc.show': { zh: '目录', en: 'Contents' },
  'plan.toc.hide': { zh: '收起目录', en: 'Hide contents' },
  'plan.toc.preamble': { zh: '序言', en: 'Preamble' },
  'plan.viewOnMap': { zh: '在地图上查看', en: 'View on the map' },
  'plan.chips.label': { zh: '本段在地图上的要素', en: 'Features of this paragraph on the map' },
  'plan.chip': { zh: '在地图上查看', en: 'On the map:' },
  'plan.copyLink.title': (p: { where: string }) => ({
    zh: `复制本段链接 · ${p.where}`,
    en: `Copy link · ${p.where}`
  }),
  'plan.copyLink.label': (p: { where: string }) => ({
    zh: `复制本段链接：${p.where}`,
    en: `Copy link to ${p.where}`
  }),
  'plan.copied': { zh: '已复制', en: 'Copied' },
  'plan.copyManually': { zh: '请手动复制：', en: 'Copy manually:' }
};
