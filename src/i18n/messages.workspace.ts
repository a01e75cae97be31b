/**
 * UI strings of the workspace (工作区): settings kept in this browser, and the export/import of everything stored as
 * one file; merged into `MESSAGES` (messages.ts). Chinese is the source; the English table must carry the same keys.
 */
const zh = {
  "workspace.heading": "工作区",
  "workspace.hint": "把本浏览器中保存的地块、导入的图层、未保存的草稿和设置导出为一个 JSON 文件，可在另一台电脑或浏览器中导入。天地图密钥不会导出。",
  "workspace.contents": "本浏览器中：已保存地块 {queries} 个，导入图层 {layers} 个，未保存的草稿 {drafts} 个，以及语言、底图、图层显示和警示距离设置。",
  "workspace.contentsUnknown": "本浏览器的存储无法读取。",
  "workspace.export": "导出工作区",
  "workspace.import": "导入工作区",
  "workspace.importLabel": "选择要导入的工作区文件（.json）",
  "workspace.reading": "正在读取 {name}…",
  "workspace.importFailed": "无法导入工作区，本浏览器中的数据未改变。",
  "workspace.confirm.heading": "导入“{name}”？",
  "workspace.confirm.exportedAt": "导出于 {date}，数据包版本 {version}。",
  "workspace.confirm.queries": "已保存地块 {count} 个：与本浏览器中的地块合并，编号相同的以文件为准。",
  "workspace.confirm.layers": "导入图层 {count} 个：编号相同的图层以文件为准，其他图层保留。",
  "workspace.confirm.settings": "设置（语言、底图、图层显示、警示距离）：替换本浏览器中的设置。",
  "workspace.confirm.noSettings": "文件不含设置：本浏览器中的设置将恢复为默认。",
  "workspace.confirm.draft": "未保存的草稿：替换本浏览器中的草稿。",
  "workspace.confirm.noDraft": "文件不含未保存的草稿：本浏览器中的草稿将被清除。",
  "workspace.confirm.skipped": "{count} 条记录无法读取，将被跳过：",
  "workspace.confirm.reload": "导入后页面将重新加载。",
  "workspace.confirm.ok": "导入并替换",
  "workspace.confirm.cancel": "取消",
  "notice.workspaceExported": "工作区已导出：{name}",
  "notice.workspaceStorageQuota": "浏览器存储空间已满，工作区未能导入，原有数据未改变。请删除不再需要的地块或图层后重试。",
  "notice.workspaceStorageUnavailable": "本浏览器无法使用存储（存储不可用），无法导出或导入工作区。",
  "notice.workspaceStorageFailed": "工作区操作失败：{message}。原有数据未改变。",
  "notice.settingsStorageQuota": "浏览器存储空间已满，设置未能保存。请删除不再需要的地块或图层。",
  "notice.settingsStorageUnavailable": "本浏览器无法保存设置（存储不可用）：关闭页面后设置将恢复默认。",
  "notice.settingsStorageFailed": "设置未能保存：{message}",
} as const;

const en: Record<keyof typeof zh, string> = {
  "workspace.heading": "Workspace",
  "workspace.hint":
    "Export the sites, imported layers, unsaved draft and settings kept in this browser as one JSON file, to import on another computer or browser. The Tianditu key is not exported.",
  "workspace.contents":
    "In this browser: saved sites {queries}, imported layers {layers}, unsaved drafts {drafts}, and the language, basemap, layer display and caution distance settings.",
  "workspace.contentsUnknown": "This browser's storage could not be read.",
  "workspace.export": "Export workspace",
  "workspace.import": "Import workspace",
  "workspace.importLabel": "Choose a workspace file to import (.json)",
  "workspace.reading": "Reading {name}…",
  "workspace.importFailed": "The workspace could not be imported; nothing in this browser was changed.",
  "workspace.confirm.heading": "Import “{name}”?",
  "workspace.confirm.exportedAt": "Exported {date}, data package version {version}.",
  "workspace.confirm.queries": "Saved sites ({count}): merged with this browser's; where the id is the same, the file's replaces it.",
  "workspace.confirm.layers": "Imported layers ({count}): where the id is the same, the file's replaces it; other layers stay.",
  "workspace.confirm.settings": "Settings (language, basemap, layer display, caution distance): replace this browser's settings.",
  "workspace.confirm.noSettings": "The file has no settings: this browser's settings go back to the defaults.",
  "workspace.confirm.draft": "Unsaved draft: replaces this browser's draft.",
  "workspace.confirm.noDraft": "The file has no unsaved draft: this browser's draft is cleared.",
  "workspace.confirm.skipped": "Records that cannot be read and will be skipped ({count}):",
  "workspace.confirm.reload": "The page reloads after the import.",
  "workspace.confirm.ok": "Import and replace",
  "workspace.confirm.cancel": "Cancel",
  "notice.workspaceExported": "Workspace exported: {name}",
  "notice.workspaceStorageQuota":
    "The browser's storage is full, so the workspace was not imported; nothing was changed. Delete sites or layers you no longer need and try again.",
  "notice.workspaceStorageUnavailable": "This browser cannot use storage (storage unavailable), so workspaces cannot be exported or imported.",
  "notice.workspaceStorageFailed": "The workspace operation failed: {message}. Nothing was changed.",
  "notice.settingsStorageQuota": "The browser's storage is full, so the settings were not saved. Delete sites or layers you no longer need.",
  "notice.settingsStorageUnavailable": "This browser cannot store settings (storage unavailable): they go back to the defaults when the page closes.",
  "notice.settingsStorageFailed": "The settings could not be saved: {message}",
};

export const WORKSPACE_MESSAGES = { zh, en };
