import type { FindingReason, FindingStatus } from "../../check/types";
import type { MessageKey } from "../../i18n/messages";
import type { LocalizedText } from "../../layers/manifestTypes";

/**
 * Text in the report model: a message code with its parameters, or a value the renderer formats in the reader's
 * language. Names from the data (`plain`) are shown as they are, never translated and never parsed as markup.
 */
export type ReportText =
  | { message: MessageKey; params?: Record<string, ReportText> }
  | { reason: FindingReason }
  | { plain: string }
  | { localized: LocalizedText }
  | { squareMetres: number; unit?: "m2" | "ha" | "mu" | "all" }
  | { distanceMetres: number }
  | { share: number }
  | { number: number; decimals: number }
  | { yuan: number }
  | { date: string }
  | { join: ReportText[]; separator?: "list" | "space" | "line" | "names" };

/** A cell may carry a data attribute for the page (e.g. `file-hash` → `data-file-hash="<file>"`). */
export interface ReportCell {
  text: ReportText;
  attribute?: { name: string; value: string };
}

export interface ReportTableRow {
  id: string;
  status?: FindingStatus;
  cells: ReportCell[];
}

export type ReportBlock =
  | { type: "facts"; id: string; rows: Array<{ id: string; label: ReportText; value: ReportCell }> }
  | { type: "table"; id: string; columns: ReportText[]; rows: ReportTableRow[]; footer?: ReportTableRow }
  | { type: "quote"; citation: string; documentNumber: string | null; clause: LocalizedText | null; text: string | null }
  | { type: "note"; id: string; text: ReportText }
  | { type: "question"; id: string; question: ReportText; answer: ReportText | null }
  | { type: "warning"; id: string; text: ReportText };

export interface ReportSection {
  id: string;
  heading: ReportText | null;
  blocks: ReportBlock[];
}

export const REPORT_FORMAT = "dazu-site-check-report";
/** 2: the report as sections of typed blocks with message codes (1 was a flat record with bilingual strings). */
export const REPORT_FORMAT_VERSION = 2;

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  sections: ReportSection[];
}

export const message = (code: MessageKey, params?: Record<string, ReportText>): ReportText => (params ? { message: code, params } : { message: code });
export const plain = (text: string): ReportText => ({ plain: text });
export const cell = (text: ReportText, attribute?: { name: string; value: string }): ReportCell => (attribute ? { text, attribute } : { text });

/** Every block of a section, found by section id (the screen renders some sections in its own layout). */
export function sectionOf(model: ReportModel, id: string): ReportSection | undefined {
  return model.sections.find((section) => section.id === id);
}
