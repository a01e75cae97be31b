/**
 * UI strings of the search box, the map tooltip and policy links; merged into `MESSAGES` (messages.ts). Those of the
 * inspector and the reader, which load on demand, are in messages.inspector.ts. Chinese is the source; the English
 * table must carry the same keys.
 */
const zh = {
  "tooltip.more": "另有 {count} 项",
  "search.label": "搜索",
  "search.open": "搜索",
  "search.cancel": "取消",
  "search.placeholder": "搜索镇街、纪念设施、区域、图层、文件全文",
  "search.loadingDocuments": "正在加载文件全文…",
  "search.documentsFailed": "文件全文无法加载，只搜索地图要素和图层。",
  "search.none": "没有找到“{query}”。",
  "search.count": "{count} 个结果",
  "search.group.place": "镇街",
  "search.group.memorial": "烈士纪念设施",
  "search.group.zone": "区域",
  "search.group.layer": "图层",
  "search.group.clause": "文件条文",
  "notice.linkFeatureUnknown": "链接中的要素“{id}”不存在，可能已更名或删除。",
  "notice.linkFeatureMalformed": "链接中的要素参数无效：{value}",
  "notice.linkDocumentUnknown": "链接中的文件“{id}”不存在。",
  "notice.linkDocumentMalformed": "链接中的文件参数无效：{value}",
  "notice.linkClauseUnknown": "{document}中没有条款“{clause}”，已打开文件开头。",
} as const;

const en: Record<keyof typeof zh, string> = {
  "tooltip.more": "+{count} more",
  "search.label": "Search",
  "search.open": "Search",
  "search.cancel": "Cancel",
  "search.placeholder": "Search places, memorials, zones, layers, document text",
  "search.loadingDocuments": "Loading the document text…",
  "search.documentsFailed": "The document text could not be loaded; searching map features and layers only.",
  "search.none": "Nothing found for “{query}”.",
  "search.count": "{count} results",
  "search.group.place": "Towns and streets",
  "search.group.memorial": "Martyr memorials",
  "search.group.zone": "Zones",
  "search.group.layer": "Layers",
  "search.group.clause": "Document clauses",
  "notice.linkFeatureUnknown": "The linked feature “{id}” does not exist; it may have been renamed or removed.",
  "notice.linkFeatureMalformed": "The feature in the link is not valid: {value}",
  "notice.linkDocumentUnknown": "The linked document “{id}” does not exist.",
  "notice.linkDocumentMalformed": "The document in the link is not valid: {value}",
  "notice.linkClauseUnknown": "{document} has no clause “{clause}”; showing its beginning.",
};

export const POLICY_MESSAGES = { zh, en };
