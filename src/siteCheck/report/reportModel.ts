import type { BuildingUse } from "../../check/fee";
import type { FindingReason, FindingStatus } from "../../check/types";
import type { MessageKey } from "../../i18n/messages";
import type { LocalizedText } from "../../layers/manifestTypes";
import type { FindingOverride } from "../../parcel/types";

/**
 * Text in the report model: a message code with its parameters, or a value the renderer formats in the reader's
 * language. Names from the data (`plain`) are shown as they are, never translated and never parsed as markup.
 */
export type ReportText =
  | { message: MessageKey; params?: Record<string, ReportText> }
  | { reason: FindingReason }
  | { plain: string }
  /** The document's own words (a mineral or unit as 专栏2 prints them): shown as written, marked as Chinese. */
  /** The document's own words, with an English name where the data gives one (a mineral): shown beside them in English. */
  | { quoted: string; en?: string }
  /** A document's own 文号 (大足府办发〔2023〕32号), cited as printed in either language. */
  | { documentNumber: string }
  | { localized: LocalizedText }
  | { squareMetres: number; unit?: "m2" | "ha" | "mu" | "all" }
  | { distanceMetres: number }
  | { share: number }
  | { number: number; decimals: number }
  | { yuan: number }
  | { date: string }
  | { join: ReportText[]; separator?: "list" | "space" | "line" | "names" };

/** What an input on screen changes: each is one action of the site-check service (`SiteCheckService.dispatch`). */
export type ReportTarget =
  | { action: "caution-distance" }
  | { action: "floor-area"; use: BuildingUse }
  | { action: "fee-question"; question: "town" | "park" | "urban" }
  | { action: "mineral" };

/** An input the screen draws in place of a value (the printed report shows the value). */
export type ReportControl =
  | { type: "number"; target: ReportTarget; value: number | null; min: number; max?: number; step: string; unit?: string }
  | { type: "choice"; target: ReportTarget; options: Array<{ value: string; label: ReportText }>; chosen: string };

/**
 * A cell may carry a data attribute for the page (e.g. `file-hash` → `data-file-hash="<file>"`), an input in its
 * place on screen, and the clause it cites (the screen links it to the reader).
 */
export interface ReportCell {
  text: ReportText;
  attribute?: { name: string; value: string };
  control?: ReportControl;
  citation?: string;
}

export interface ReportTableRow {
  id: string;
  status?: FindingStatus;
  cells: ReportCell[];
  /**
   * What the screen shows with a row it draws as a card (a finding's overlaps, the clauses it rests on, the officer's
   * decision); the printed table and the CSV show the row's cells only.
   */
  details?: ReportBlock[];
}

/** `screen`: what the officer fills in or reads while working, left out of the printed and exported report. */
export type ReportMedia = "screen" | "print";

type Shown = { media?: ReportMedia };

export type ReportBlock = Shown &
  (
    | { type: "facts"; id: string; caption?: ReportText; rows: Array<{ id: string; label: ReportText; value: ReportCell }> }
    | { type: "table"; id: string; columns: ReportText[]; rows: ReportTableRow[]; footer?: ReportTableRow }
    | {
        type: "quote";
        citation: string;
        documentNumber: string | null;
        documentTitle?: LocalizedText | null;
        clause: LocalizedText | null;
        text: string | null;
      }
    | { type: "note"; id: string; text: ReportText }
    | { type: "question"; id: string; question: ReportText; answer: ReportText | null; control?: ReportControl; evidence?: ReportCell }
    | { type: "warning"; id: string; text: ReportText }
    /** The officer's "does not apply" on a finding: the decision with its reason, or null while there is none. */
    | { type: "override"; id: string; layerId: string; override: FindingOverride | null }
  );

export interface ReportSection extends Shown {
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

/** Every block of a section, found by section id. */
export function sectionOf(model: ReportModel, id: string): ReportSection | undefined {
  return model.sections.find((section) => section.id === id);
}

/** Whether a section or block belongs in the given rendering: `screen` ones only on screen, `print` ones only on paper. */
export function shownIn(item: Shown, media: ReportMedia): boolean {
  return item.media === undefined || item.media === media;
}
