import { localized } from "../../../i18n/translate";
import type { BatchEntry } from "../batchEntry";
import type { BatchExportInput } from "./batchExportInput";
import { summaryTable } from "./summaryTable";
import { worksheetXml, XLSX_STYLES, xmlText } from "./xlsxSheet";

const SHEET_NAME = { zh: "核查汇总", en: "Summary" };

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const PACKAGE_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function workbookXml(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/**
 * The summary as an Excel workbook (one sheet; areas as numbers). Written here over JSZip, which the file importers
 * already use, and loaded only when a workbook is asked for: a spreadsheet library would add 95–270 KB gzip for
 * the one sheet written here.
 */
export async function batchXlsx(input: BatchExportInput<BatchEntry>): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const table = summaryTable(input);
  const zip = new JSZip();
  // Parts only, no folder entries: the package format has no folders.
  const FILE = { createFolders: false };
  zip.file("[Content_Types].xml", CONTENT_TYPES, FILE);
  zip.file("_rels/.rels", PACKAGE_RELATIONSHIPS, FILE);
  zip.file("xl/workbook.xml", workbookXml(localized(SHEET_NAME, input.language)), FILE);
  zip.file("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS, FILE);
  zip.file("xl/styles.xml", XLSX_STYLES, FILE);
  zip.file("xl/worksheets/sheet1.xml", worksheetXml(table.header, table.rows), FILE);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
