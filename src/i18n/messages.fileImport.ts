/**
 * UI strings of the file-import component (drop zone, progress, cancel, coordinate-system correction) shared by the
 * site check and the official-data form; merged into `MESSAGES` (messages.ts). English carries the same keys.
 */
const zh = {
  "fileImport.drop": "把文件拖到这里，或点击选择文件",
  "fileImport.cancel": "取消",
  "fileImport.progress.starting": "正在准备…",
  "fileImport.progress.reading": "读取文件",
  "fileImport.progress.parsing": "解析内容",
  "fileImport.progress.converting": "转换坐标",
  "fileImport.progress.validating": "检查地块",
  "fileImport.override": "坐标系不对？更正后重新读取",
  "fileImport.crsLabel": "坐标系",
  "fileImport.auto": "自动识别",
  "fileImport.swap": "第一个数是北坐标 X / 纬度（X、Y 对调）",
  "fileImport.reread": "按此重新读取",
  "fileImport.rereading": "正在按所选坐标系重新读取…",
} as const;

const en: Record<keyof typeof zh, string> = {
  "fileImport.drop": "Drop a file here, or click to choose one",
  "fileImport.cancel": "Cancel",
  "fileImport.progress.starting": "Starting…",
  "fileImport.progress.reading": "Reading the file",
  "fileImport.progress.parsing": "Parsing",
  "fileImport.progress.converting": "Converting coordinates",
  "fileImport.progress.validating": "Checking the parcels",
  "fileImport.override": "Wrong coordinate system? Correct it and read again",
  "fileImport.crsLabel": "Coordinate system",
  "fileImport.auto": "Detect automatically",
  "fileImport.swap": "First number is the northing X / latitude (X and Y swapped)",
  "fileImport.reread": "Read again with this",
  "fileImport.rereading": "Reading again in the chosen coordinate system…",
};

export const FILE_IMPORT_MESSAGES = { zh, en };
