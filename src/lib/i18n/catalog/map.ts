/** The map page: panel, sheet, layers, feature list, details, basemap. */
export const map = {
  'map.title': { zh: '凌河规划地图', en: 'Linghe Plan Map' },
  'map.label': { zh: '凌河区规划地图', en: 'Linghe District plan map' },
  'map.panel': { zh: '图层与要素', en: 'Layers and features' },
  'map.sheetHandle': { zh: '调整面板高度', en: 'Resize the panel' },
  'map.sidebarToggle': { zh: '显示或隐藏侧栏', en: 'Show or hide the sidebar' },
  'map.back': { zh: '返回列表', en: 'Back to the list' },
  'map.featureNotFound': (p: { id: string }) => ({
    zh: `未找到要素“${p.id}”，请从列表中选择。`,
    en: `No feature with id "${p.id}"; pick one from the list.`
  }),
  'map.viewRefused': {
    zh: '链接中的地图视图或图层无效，已显示默认视图。',
    en: 'The view or layers in the link are not valid; showing the default view.'
  },
  'map.attribution': {
    zh: '规划示意图，非测绘成果',
    en: 'Schematic planning map, not a survey'
  },
  'layers.heading': { zh: '图层', en: 'Layers' },
  'layers.keySolid': {
    zh: '实线：边界数据或推定位置',
    en: 'Solid: boundary data or derived position'
  },
  'layers.keySchematic': {
    zh: '虚线、斜线填充：示意位置，非测绘',
    en: 'Dashed, hatched: schematic position, not a survey'
  },
  'features.heading': { zh: '规划要素', en: 'Plan features' },
  'features.unlocated': { zh: '未上图', en: 'Not on the map' },
  'features.unlocatedTitle': { zh: '无位置依据，未上图', en: 'No basis for a position; not drawn' },
  'features.tableLink': { zh: '以表格查看全部要素', en: 'All features as a table' },
  'map.openFullMap': { zh: '打开完整地图', en: 'Open the full map' },
  'share.summary': { zh: '分享', en: 'Share' },
  'share.note': {
    zh: '链接保存当前的视图、图层、所选要素和语言。',
    en: 'The link keeps the current view, layers, selected feature and language.'
  },
  'share.link': { zh: '链接', en: 'Link' },
  'share.copy': { zh: '复制链接', en: 'Copy link' },
  'share.copied': { zh: '已复制', en: 'Copied' },
  'share.manual': { zh: '请手动复制上面的链接', en: 'Copy the link above by hand' },
  'share.qrLabel': { zh: '当前视图链接的二维码', en: 'QR code of the link to this view' },
  'download.label': { zh: '下载数据', en: 'Download data' },
  'download.visibleHeading': {
    zh: '下载可见图层的规划要素',
    en: 'Download the plan features of the visible layers'
  },
  'download.geojson': { zh: '下载 GeoJSON', en: 'Download GeoJSON' },
  'download.csv': { zh: '下载 CSV', en: 'Download CSV' },
  'basemap.summary': { zh: '在线底图', en: 'Online basemap' },
  'basemap.on': { zh: '已开启', en: 'on' },
  'basemap.off': { zh: '关闭', en: 'off' },
  'basemap.offlineNote': {
    zh: '默认不加载任何在线底图，本图可完全离线使用。开启后，页面会重新载入一次，之后只从您填写的地址加载瓦片。',
    en: 'Off by default: the map fetches nothing from other sites. Turned on, the page reloads once and then loads tiles from the address below only.'
  },
  'basemap.preset': { zh: '预设', en: 'Preset' },
  'basemap.url': { zh: '瓦片地址', en: 'Tile URL' },
  'basemap.attribution': { zh: '署名', en: 'Attribution' },
  'basemap.turnOn': { zh: '开启', en: 'Turn on' },
  'basemap.turnOff': { zh: '关闭', en: 'Turn off' },
  'basemap.offsetNote': {
    zh: '高德、腾讯、百度瓦片为 GCJ-02/BD-09 偏移坐标，会错开约 500 米，不支持。',
    en: 'AMap, Tencent and Baidu tiles are offset (GCJ-02/BD-09) and not supported.'
  },
  // The map's industry and theme filter (issue #13).
  'parks.filter.label': { zh: '按产业和主题筛选', en: 'Filter by industry and theme' },
  'parks.filter.industry': { zh: '产业', en: 'Industry' },
  'parks.filter.theme': { zh: '主题', en: 'Theme' },
  'parks.filter.any': { zh: '全部', en: 'All' },
  'parks.filter.count': (p: { n: number }) => ({
    zh: `符合条件的规划要素：${p.n}个`,
    en: `${p.n} plan features match`
  }),
  'parks.filter.clear': { zh: '清除筛选', en: 'Clear filter' },
  // Dropping a file on the map (the import itself loads with the tools).
  'import.drop.label': {
    zh: '地图（可拖入文件导入）',
    en: 'Map (drop a file to import it)'
  },
  'import.drop.overlay': {
    zh: '松开鼠标导入文件：GeoJSON、KML/KMZ、压缩的 Shapefile 或备份',
    en: 'Drop to import: GeoJSON, KML/KMZ, zipped Shapefile or a backup'
  },
  // The sheet panel's title (its form loads when opened).
  'sheet.summary': { zh: '打印 / 导出地图', en: 'Print / export map' }
};
