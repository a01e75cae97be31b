import { isMadeUpParcelName, parcelNameText as localizedParcelName } from "../../i18n/defaultParcelName";
import type { FeeQuestion } from "../../check/fee";
import type { FindingStatus, LayerFinding } from "../../check/types";
import { describeCrs } from "../../geo/crsDetect";
import type { MessageKey } from "../../i18n/messages";
import { findingCitations, labelledVertices, sortFindings, type ReportInput } from "../../parcel/reportInput";
import {
  cell,
  message,
  plain,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type ReportBlock,
  type ReportModel,
  type ReportSection,
  type ReportTableRow,
  type ReportText,
} from "./reportModel";

export const STATUS_MESSAGES: Record<FindingStatus, MessageKey> = {
  restricted: "site.status.restricted",
  caution: "site.status.caution",
  undecided: "site.status.undecided",
  info: "site.status.info",
  "no-data": "site.status.noData",
  outside: "site.status.outside",
  clear: "site.status.clear",
};

/** A parcel's name: the input's own as it is, a default name as the word in the reader's language. */
function parcelNameText(name: string): ReportText {
  return isMadeUpParcelName(name) ? { localized: localizedParcelName(name) } : plain(name);
}

function quoteBlocks(citations: readonly string[], input: ReportInput): ReportBlock[] {
  return citations.map((citation) => {
    const quote = input.quotes.get(citation);
    return { type: "quote", citation, documentNumber: quote?.docNumber ?? null, clause: quote?.label ?? null, text: quote?.text ?? null };
  });
}

function districtSection(input: ReportInput): ReportSection | null {
  const district = input.report.district;
  if (!district || district.position === "inside") return null;
  const outside = { squareMetres: district.outsideSquareMetres, unit: "all" as const };
  const text =
    district.position === "outside"
      ? message("site.district.outside", { outside })
      : message("site.district.partly", { inside: { squareMetres: district.insideSquareMetres, unit: "all" }, outside });
  return { id: "district", heading: null, blocks: [{ type: "warning", id: `district-${district.position}`, text }] };
}

function parcelSection(input: ReportInput): ReportSection {
  const { parcel, report } = input;
  const polygonal = parcel.geometry.type === "Polygon" || parcel.geometry.type === "MultiPolygon";
  const origin: ReportText =
    parcel.origin === "file" ? message("site.origin.file", { name: plain(parcel.fileName ?? "") }) : message(`site.origin.${parcel.origin}`);
  const rows: Array<{ id: string; label: ReportText; value: ReturnType<typeof cell> }> = [
    { id: "name", label: message("site.print.parcelName"), value: cell(parcelNameText(parcel.name)) },
    { id: "origin", label: message("site.print.source"), value: cell(origin) },
    {
      id: "input-crs",
      label: message("site.parcel.inputCrs"),
      value: cell(
        parcel.crs
          ? { join: [{ localized: describeCrs(parcel.crs.code) }, ...(parcel.crs.swappedAxes ? [message("site.import.swapped")] : [])], separator: "list" }
          : { localized: describeCrs("EPSG:4326") },
      ),
    },
  ];
  if (polygonal) {
    rows.push({ id: "area-gk", label: message("site.parcel.areaGk"), value: cell({ squareMetres: report.parcel.gaussKrugerSquareMetres, unit: "all" }) });
    rows.push({
      id: "area-ellipsoid",
      label: message("site.parcel.areaEllipsoid"),
      value: cell({ squareMetres: report.parcel.ellipsoidalSquareMetres, unit: "all" }),
    });
  }
  if (parcel.geometry.type !== "Point") {
    rows.push({
      id: "length",
      label: message(polygonal ? "site.parcel.perimeter" : "site.parcel.length"),
      value: cell({ distanceMetres: report.parcel.lengthMetres }),
    });
  }
  rows.push({ id: "vertices", label: message("site.parcel.vertices"), value: cell({ number: labelledVertices(parcel).length, decimals: 0 }) });
  rows.push({ id: "caution-distance", label: message("site.parcel.cautionDistance"), value: cell({ distanceMetres: report.options.cautionDistanceMetres }) });
  if (parcel.statedAreaHectares !== undefined) {
    rows.push({ id: "stated-area", label: message("site.parcel.statedArea"), value: cell({ squareMetres: parcel.statedAreaHectares * 10_000, unit: "ha" }) });
  }
  return { id: "parcel", heading: message("site.print.parcelHeading"), blocks: [{ type: "facts", id: "parcel-facts", rows }] };
}

function figuresOf(finding: LayerFinding, isPointLayer: boolean): ReportText {
  const lines: ReportText[] = finding.overlaps.map((overlap) =>
    message("site.report.overlapFigures", {
      name: plain(overlap.name),
      area: { squareMetres: overlap.overlapSquareMetres, unit: "all" },
      share: { share: overlap.shareOfParcel },
      tolerance: message(`site.tolerance.${overlap.tolerance}`, { metres: { number: finding.positionalAccuracyM, decimals: 0 } }),
    }),
  );
  if (finding.overlaps.length === 0 && finding.nearest && finding.status === "info") {
    lines.push(
      message(isPointLayer ? "site.finding.nearest" : "site.finding.nearBoundary", {
        name: plain(finding.nearest.name),
        distance: { distanceMetres: finding.nearest.distanceMetres },
        uncertainty: { distanceMetres: finding.nearest.uncertaintyMetres },
      }),
    );
  }
  return { join: lines, separator: "line" };
}

function findingsSection(input: ReportInput, isPointLayer: (layerId: string) => boolean): ReportSection {
  const sorted = sortFindings(input.report.findings);
  const rows: ReportTableRow[] = sorted.map((finding) => {
    const override = input.overrides[finding.layerId];
    return {
      id: finding.layerId,
      status: finding.status,
      cells: [
        cell(message(STATUS_MESSAGES[finding.status])),
        cell({ localized: finding.title }),
        cell({ reason: finding.reason }),
        cell(figuresOf(finding, isPointLayer(finding.layerId))),
        cell(override ? message("site.report.overrideCell", { reason: plain(override.reason), at: { date: override.at } }) : plain("")),
        cell(
          finding.geometryQuality === "official"
            ? {
                join: [
                  message("site.report.quality", {
                    quality: message(`quality.${finding.geometryQuality}`),
                    metres: { number: finding.positionalAccuracyM, decimals: 0 },
                  }),
                  { localized: finding.qualityNote },
                ],
                separator: "line",
              }
            : message("site.report.quality", {
                quality: message(`quality.${finding.geometryQuality}`),
                metres: { number: finding.positionalAccuracyM, decimals: 0 },
              }),
          finding.geometryQuality === "official" ? { name: "print-provenance", value: finding.layerId } : undefined,
        ),
      ],
    };
  });
  const blocks: ReportBlock[] = [
    {
      type: "table",
      id: "findings",
      columns: [
        message("site.print.status"),
        message("site.print.layer"),
        message("site.print.finding"),
        message("site.report.figures"),
        message("site.report.override"),
        message("site.print.quality"),
      ],
      rows,
    },
  ];
  if (input.notChecked.length > 0) {
    blocks.push({
      type: "warning",
      id: "not-checked",
      text: message("site.findings.notChecked", { layers: { join: input.notChecked.map((layer) => ({ localized: layer.title })), separator: "list" } }),
    });
  }
  const citations = [
    ...new Set(sorted.filter((finding) => finding.status !== "clear").flatMap((finding) => findingCitations(finding, input.layerDocuments(finding.layerId)))),
  ];
  blocks.push(...quoteBlocks(citations, input));
  return { id: "findings", heading: message("site.findings.heading"), blocks };
}

function questionText(question: FeeQuestion["id"]): MessageKey {
  return question === "town" ? "site.fee.questionTown" : question === "park" ? "site.fee.questionPark" : "site.fee.questionUrban";
}

/** The officer's answers to the fee questions, each beside its question, unanswered ones said to be open. */
function feeAnswerBlocks(input: ReportInput): ReportBlock[] {
  const answers = input.feeAnswers;
  const present = input.feeTowns.filter((town) => town.share > 0);
  const blocks: ReportBlock[] = [];
  if (present.length > 1) {
    const chosen = present.find((town) => town.townId === answers.townId);
    blocks.push({ type: "question", id: "town", question: message(questionText("town")), answer: chosen ? plain(chosen.name) : null });
  }
  const town = input.fee?.town ?? (present.length === 1 ? present[0]! : null);
  if (town && town.parks.length > 0) {
    const answer =
      answers.park === undefined
        ? null
        : answers.park === "none"
          ? message("site.fee.parkNone")
          : message("site.fee.parkInside", { park: plain(answers.park) });
    blocks.push({ type: "question", id: "park", question: message(questionText("park")), answer });
  }
  if (
    town?.split &&
    (answers.insideUrbanConstructionLand !== undefined || input.fee?.questions.some((question) => question.id === "urban-construction-land"))
  ) {
    const inside = answers.insideUrbanConstructionLand;
    blocks.push({
      type: "question",
      id: "urban",
      question: message(questionText("urban-construction-land")),
      answer: inside === undefined ? null : message(inside ? "site.fee.inside" : "site.fee.outside"),
    });
  }
  return blocks;
}

function feeSection(input: ReportInput): ReportSection | null {
  const estimate = input.fee;
  if (!estimate) return null;
  const towns: ReportText = {
    join: input.feeTowns.map((town) => message("site.report.townShare", { name: plain(town.name), share: { share: town.share } })),
    separator: "list",
  };
  const lines: ReportTableRow[] = estimate.lines.map((line) => ({
    id: line.use,
    cells: [
      cell(message(`site.fee.use.${line.use}`)),
      cell(message("site.report.floorArea", { area: { number: line.squareMetres, decimals: 2 } })),
      cell(line.rate === null ? message("site.fee.open") : message("site.fee.rate", { rate: { number: line.rate, decimals: 0 } })),
      cell(line.exemptPendingConfirmation ? message("site.fee.exempt") : line.amount === null ? message("site.fee.open") : { yuan: line.amount }),
    ],
  }));
  return {
    id: "fee",
    heading: message("site.fee.heading"),
    blocks: [
      { type: "facts", id: "fee-towns", rows: [{ id: "towns", label: message("site.fee.towns"), value: cell(towns) }] },
      ...feeAnswerBlocks(input),
      {
        type: "table",
        id: "fee-lines",
        columns: [message("site.fee.use"), message("site.fee.floorArea"), message("site.fee.unitRate"), message("site.fee.amount")],
        rows: lines,
        footer: {
          id: "total",
          cells: [
            cell(message("site.fee.total")),
            cell(plain("")),
            cell(plain("")),
            cell(estimate.total === null ? message("site.fee.pending") : { yuan: estimate.total }),
          ],
        },
      },
      ...quoteBlocks([...new Set(estimate.lines.map((line) => line.citation))], input),
    ],
  };
}

/** The case number and the officer, each when given, first on the receipt. */
function caseRows(input: ReportInput): Array<{ id: string; label: ReportText; value: ReturnType<typeof cell> }> {
  const details = input.caseDetails;
  if (!details) return [];
  return [
    ...(details.caseNumber.trim() ? [{ id: "case-number", label: message("site.case.number"), value: cell(plain(details.caseNumber.trim())) }] : []),
    ...(details.officer.trim() ? [{ id: "officer", label: message("site.case.officer"), value: cell(plain(details.officer.trim())) }] : []),
  ];
}

function receiptSection(input: ReportInput): ReportSection {
  const vertices = labelledVertices(input.parcel);
  const hashes: ReportTableRow[] = input.layerFileHashes.map((entry) => ({
    id: entry.file,
    cells: [cell(plain(entry.file)), cell(entry.sha256 ? plain(entry.sha256) : message("site.print.hashRanged"), { name: "file-hash", value: entry.file })],
  }));
  return {
    id: "receipt",
    heading: message("site.print.receipt"),
    blocks: [
      { type: "note", id: "reference-only", text: message("site.report.referenceOnly") },
      {
        type: "facts",
        id: "receipt-facts",
        rows: [
          ...caseRows(input),
          { id: "checked-at", label: message("site.print.checkedAt"), value: cell({ date: input.checkedAt }) },
          { id: "data-version", label: message("site.print.dataVersion"), value: cell(plain(input.dataPackageVersion)) },
          {
            id: "parcel",
            label: message("site.print.parcelName"),
            value: cell(
              message("site.report.parcelSummary", {
                name: parcelNameText(input.parcel.name),
                count: { number: vertices.length, decimals: 0 },
                area: { squareMetres: input.report.parcel.gaussKrugerSquareMetres, unit: "m2" },
              }),
            ),
          },
        ],
      },
      hashes.length > 0
        ? { type: "table", id: "file-hashes", columns: [message("site.report.file"), message("site.print.fileHashes")], rows: hashes }
        : { type: "note", id: "hashes-pending", text: message("site.print.hashesPending") },
      { type: "note", id: "link", text: input.link ? plain(input.link) : message("site.print.linkTooLong") },
    ],
  };
}

/**
 * The report, built once from the check, the officer's answers and overrides, and what was loaded for it (clause
 * texts, file hashes): sections of typed blocks whose text is message codes with parameters. The screen, the print
 * layout, the JSON export (this model as it is) and the CSV export render it.
 */
export function buildReport(input: ReportInput, isPointLayer: (layerId: string) => boolean = () => false): ReportModel {
  const sections: Array<ReportSection | null> = [
    {
      id: "head",
      heading: message("site.print.title"),
      blocks: [
        { type: "note", id: "reference-only", text: message("site.report.referenceOnly") },
        ...(input.report.reliesOnSchematic ? [{ type: "warning" as const, id: "schematic-caveat", text: message("site.report.schematicCaveat") }] : []),
      ],
    },
    districtSection(input),
    parcelSection(input),
    findingsSection(input, isPointLayer),
    feeSection(input),
    receiptSection(input),
  ];
  return { format: REPORT_FORMAT, formatVersion: REPORT_FORMAT_VERSION, sections: sections.filter((section): section is ReportSection => section !== null) };
}
