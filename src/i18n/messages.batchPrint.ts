import { messageTable } from "./messageTable";

/**
 * UI strings of the combined print of a batch (the summary, then one 查询告知单 per parcel), loaded with the print's
 * module and read through `translateBatchPrint`; Chinese is the source, the English table carries the same keys.
 */
const zh = {
  "batchPrint.title": "地块核查汇总",
  "batchPrint.meta": "文件：{file} · 共 {count} 宗地块 · 核查时间 {checkedAt} · 数据版本 {version}",
  "batchPrint.selection": "本次打印的是表中筛选显示的 {count} 宗（{filters}；本批共 {total} 宗），按表中的顺序排列。",
  "batchPrint.summary": "汇总表",
  "batchPrint.summaryNote": "每宗地块的核查报告与查询告知单附后，每宗另起一页。合并打印不含地图图像；需要地图时请单独打印该宗地块。",
  "batchPrint.parcelOf": "第 {index} 宗，共 {count} 宗",
} as const;

const en: Record<keyof typeof zh, string> = {
  "batchPrint.title": "Site check summary",
  "batchPrint.meta": "File: {file} · {count} parcels · checked {checkedAt} · data version {version}",
  "batchPrint.selection": "This print holds the {count} parcels the filtered table showed ({filters}; {total} in the batch), in the table's order.",
  "batchPrint.summary": "Summary",
  "batchPrint.summaryNote":
    "Each parcel's report and query receipt follow, each on a new page. The combined print has no map pictures; print a parcel on its own for its map.",
  "batchPrint.parcelOf": "Parcel {index} of {count}",
};

export const BATCH_PRINT_MESSAGES = { zh, en };

/** The translator of this table, typed on its keys. */
export const translateBatchPrint = messageTable(BATCH_PRINT_MESSAGES);
