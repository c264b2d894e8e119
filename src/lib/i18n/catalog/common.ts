/** Site-wide strings: header, navigation, language switch, disclaimers. */
export const common = {
  'site.name': { zh: '凌河规划地图', en: 'Linghe Plan Map' },
  'site.description': {
    zh: '锦州市凌河区“十四五”规划纲要的交互式空间地图',
    en: 'An interactive map of the Linghe District 14th Five-Year Plan'
  },
  'nav.label': { zh: '主导航', en: 'Main' },
  'nav.map': { zh: '地图', en: 'Map' },
  'nav.plan': { zh: '规划全文', en: 'Plan text' },
  'nav.features': { zh: '要素列表', en: 'Feature table' },
  'nav.audit': { zh: '指标核对', en: 'Land-figure audit' },
  'lang.switchTo': { zh: 'English', en: '中文' },
  'lang.switchLabel': { zh: 'Switch to English', en: '切换到中文' },
  'common.close': { zh: '关闭', en: 'Close' },
  'disclaimer.title': { zh: '规划示意图', en: 'Schematic planning map' },
  'disclaimer.body': {
    zh: '位置多为按规划文字示意，不作为权属、面积或用地审批依据。',
    en: 'Most positions are schematic and are no basis for land rights, areas or approvals.'
  },
  // The header links to every page.
  'nav.parks': { zh: '园区', en: 'Parks' }
};
