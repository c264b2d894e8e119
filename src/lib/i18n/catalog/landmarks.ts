/** The reference layer 参考地标, positions' uncertainty, and the offline street basemap. */
export const landmarks = {
  'place.uncertainty': (p: { m: number }) => ({
    zh: `位置约 ±${p.m} m`,
    en: `Position good to about ±${p.m} m`
  }),
  'landmark.badge': { zh: '参考地标 · 非规划内容', en: 'Landmark · not part of the plan' },
  'landmark.evidence': { zh: '位置依据', en: 'Where it is' },
  'landmark.source': { zh: '来源', en: 'Source' },
  'landmark.licence': { zh: '许可', en: 'Licence' },
  'landmark.kind.station': { zh: '火车站', en: 'Railway station' },
  'landmark.kind.park': { zh: '公园', en: 'Park' },
  'landmark.kind.square': { zh: '广场', en: 'Square' },
  'landmark.kind.zoo': { zh: '动物园', en: 'Zoo' },
  'landmark.kind.heritage': { zh: '古迹', en: 'Heritage site' },
  'landmark.kind.attraction': { zh: '景点', en: 'Attraction' },
  'landmark.kind.campus': { zh: '校园', en: 'Campus' },
  'basemap.overlay': { zh: '注记图层（可选）', en: 'Labels overlay (optional)' },
  'basemap.key': { zh: '密钥', en: 'Key' },
  'basemap.keyNote': {
    zh: '密钥只保存在本浏览器中，只随瓦片请求发给该服务。',
    en: 'The key is kept only in this browser and sent only with the tile requests.'
  }
};
