/** The search box (src/lib/components/SearchBox.svelte). */
export const search = {
  'search.label': { zh: '搜索', en: 'Search' },
  'search.placeholder': {
    zh: '搜索地点、规划原文（可用拼音）',
    en: 'Search places and the plan (pinyin works)'
  },
  'search.placeholderPlan': {
    zh: '筛选规划原文（可用拼音搜地点）',
    en: 'Filter the plan text (pinyin finds places)'
  },
  'search.places': { zh: '地点', en: 'Places' },
  'search.paragraphs': { zh: '规划原文', en: 'Plan text' },
  'search.loading': { zh: '正在载入搜索索引…', en: 'Loading the search index…' },
  'search.loadFailed': {
    zh: '搜索索引载入失败，请检查网络后重试。',
    en: 'The search index could not be loaded; check the connection and try again.'
  },
  'search.retry': { zh: '重试', en: 'Retry' },
  'search.none': { zh: '没有找到匹配的地点或段落。', en: 'No place or paragraph matches.' },
  'search.noneInPlan': {
    zh: '规划原文中没有匹配的段落。',
    en: 'No paragraph of the plan matches.'
  },
  'search.clear': { zh: '清除搜索', en: 'Clear the search' },
  'search.unlocated': { zh: '未上图', en: 'not on the map' },
  'search.landmark': { zh: '参考地标', en: 'landmark' },
  'search.alias': { zh: '又称', en: 'also' },
  'search.heading': { zh: '标题', en: 'heading' },
  'search.showAll': (p: { n: number }) => ({
    zh: `在规划全文中查看全部 ${p.n} 处`,
    en: `Show all ${p.n} in the plan text`
  }),
  'search.found': (p: { places: number; paragraphs: number }) => ({
    zh: `找到 ${p.places} 个地点、${p.paragraphs} 处原文`,
    en: `${p.places} places, ${p.paragraphs} passages found`
  }),
  'search.matchesInPlan': (p: { n: number }) => ({
    zh: `规划原文中有 ${p.n} 处匹配`,
    en: `${p.n} matches in the plan text`
  })
};
