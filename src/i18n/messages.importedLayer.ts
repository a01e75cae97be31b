import type { BilingualText } from "../geo/crsTypes";
import type { LocalizedText } from "./language";

/** The geometry type of a layer an official dataset stands in for. */
type LayerKind = "polygon" | "line" | "point";

/** The parameters of the official-data form's checks of an imported layer (src/workspace/buildImportedLayer.ts). */
export interface ImportedLayerParams {
  "provenance-required": Record<string, never>;
  "invalid-accuracy": Record<string, never>;
  "no-citations": Record<string, never>;
  "wrong-geometry-type": { layer: LocalizedText; kind: LayerKind };
  "features-of-other-type": { dropped: number; kind: LayerKind };
}

const KIND_TEXT: Record<LayerKind, BilingualText> = {
  polygon: { zh: "面", en: "polygons" },
  line: { zh: "线", en: "lines" },
  point: { zh: "点", en: "points" },
};

export const IMPORTED_LAYER_TEXT: { [Key in keyof ImportedLayerParams]: (params: ImportedLayerParams[Key]) => BilingualText } = {
  "provenance-required": () => ({
    zh: "请填写数据来源（发布机关、日期或文号），报告将引用它。",
    en: "State where the data comes from (issuing office, date or reference number); reports cite it.",
  }),
  "invalid-accuracy": () => ({ zh: "位置精度应为 0 至 10000 米之间的数。", en: "The positional accuracy must be a number of metres from 0 to 10 000." }),
  "no-citations": () => ({ zh: "目标图层没有可引用的政策条款。", en: "The target layer cites no policy clause." }),
  "wrong-geometry-type": ({ layer, kind }) => ({
    zh: `「${layer.zh}」是${KIND_TEXT[kind].zh}图层，文件中没有${KIND_TEXT[kind].zh}要素。`,
    en: `"${layer.en}" is a layer of ${KIND_TEXT[kind].en}; the file has none.`,
  }),
  "features-of-other-type": ({ dropped, kind }) => ({
    zh: `文件中有 ${dropped} 个要素不是${KIND_TEXT[kind].zh}，未导入。`,
    en: `${dropped} feature${dropped === 1 ? "" : "s"} in the file ${dropped === 1 ? "is" : "are"} not ${KIND_TEXT[kind].en} and ${dropped === 1 ? "was" : "were"} not imported.`,
  }),
};
