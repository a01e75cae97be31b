import { isMadeUpParcelName, parcelNameText as localizedParcelName } from "../../i18n/defaultParcelName";
import { BUILDING_USES, estimateFee, FEE_CITATIONS, parkName, type FeeQuestion, type FeeTown } from "../../check/fee";
import type { FeatureOverlap, FindingStatus, LayerFinding } from "../../check/types";
import { CRS_NAME_TEXT } from "../../i18n/messages.crs";
import type { MessageKey } from "../../i18n/messages";
import { mineralsOf } from "../../parcel/miningPolicy";
import { findingCitations, labelledVertices, sortFindings, type ReportInput } from "../../parcel/reportInput";
import {
  cell,
  message,
  plain,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type ReportBlock,
  type ReportCell,
  type ReportControl,
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

/** A cited clause; `text` given where the words are kept with the rule (the mining classes), else the loaded clause. */
function quoteBlock(citation: string, input: ReportInput, text?: string): ReportBlock {
  const quote = input.quotes.get(citation);
  return {
    type: "quote",
    citation,
    documentNumber: quote?.docNumber ?? null,
    ...(quote?.shortTitle ? { documentTitle: quote.shortTitle } : {}),
    clause: quote?.label ?? null,
    text: text ?? quote?.text ?? null,
  };
}

function quoteBlocks(citations: readonly string[], input: ReportInput): ReportBlock[] {
  return citations.map((citation) => quoteBlock(citation, input));
}

/** A feature's name in the reader's language (its `name_en`, when the data gives one). */
function featureName(feature: Pick<FeatureOverlap, "name" | "nameEn">): ReportText {
  return { localized: { zh: feature.name, en: feature.nameEn ?? feature.name } };
}

function townName(town: Pick<FeeTown, "name" | "nameEn">): ReportText {
  return featureName(town);
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
          ? { join: [{ localized: CRS_NAME_TEXT[parcel.crs.code] }, ...(parcel.crs.swappedAxes ? [message("site.import.swapped")] : [])], separator: "list" }
          : { localized: CRS_NAME_TEXT["EPSG:4326"] },
      ),
    },
  ];
  if (polygonal) {
    rows.push({
      id: "area-gk",
      label: message("site.parcel.areaGk"),
      value: cell({ squareMetres: report.parcel.gaussKrugerSquareMetres, unit: "all" }, { name: "site-area", value: "gk" }),
    });
    rows.push({
      id: "area-ellipsoid",
      label: message("site.parcel.areaEllipsoid"),
      value: cell({ squareMetres: report.parcel.ellipsoidalSquareMetres, unit: "all" }, { name: "site-area", value: "ellipsoid" }),
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
  // Editable on screen: a change checks the parcel again.
  const caution: ReportControl = {
    type: "number",
    target: { action: "caution-distance" },
    value: report.options.cautionDistanceMetres,
    min: 0,
    max: 10_000,
    step: "10",
    unit: "m",
  };
  rows.push({
    id: "caution-distance",
    label: message("site.parcel.cautionDistance"),
    value: { ...cell({ distanceMetres: report.options.cautionDistanceMetres }), control: caution },
  });
  if (parcel.statedAreaHectares !== undefined) {
    rows.push({ id: "stated-area", label: message("site.parcel.statedArea"), value: cell({ squareMetres: parcel.statedAreaHectares * 10_000, unit: "ha" }) });
  }
  return { id: "parcel", heading: message("site.print.parcelHeading"), blocks: [{ type: "facts", id: "parcel-facts", rows }] };
}

function figuresOf(finding: LayerFinding, isPointLayer: boolean): ReportText {
  const lines: ReportText[] = finding.overlaps.map((overlap) =>
    message("site.report.overlapFigures", {
      name: featureName(overlap),
      area: { squareMetres: overlap.overlapSquareMetres, unit: "all" },
      share: { share: overlap.shareOfParcel },
      tolerance: message(`site.tolerance.${overlap.tolerance}`, { metres: { number: finding.positionalAccuracyM, decimals: 0 } }),
    }),
  );
  if (finding.overlaps.length === 0 && finding.nearest && finding.status === "info") {
    lines.push(
      message(isPointLayer ? "site.finding.nearest" : "site.finding.nearBoundary", {
        name: featureName(finding.nearest),
        distance: { distanceMetres: finding.nearest.distanceMetres },
        uncertainty: { distanceMetres: finding.nearest.uncertaintyMetres },
      }),
    );
  }
  return { join: lines, separator: "line" };
}

/**
 * What the screen shows with a finding: the officer's decision, the features it overlaps (area and share each), the
 * nearest one when the layer only informs, the published counts of a layer without geometry, the geometry quality
 * relied on, and the clauses quoted.
 */
function findingDetails(finding: LayerFinding, input: ReportInput, isPointLayer: boolean): ReportBlock[] {
  const blocks: ReportBlock[] = [{ type: "override", id: "override", layerId: finding.layerId, override: input.overrides[finding.layerId] ?? null }];
  if (finding.overlaps.length > 0) {
    const accuracy = { number: finding.positionalAccuracyM, decimals: 0 };
    blocks.push({
      type: "table",
      id: "overlaps",
      columns: [message("site.overlap.feature"), message("site.overlap.area"), message("site.overlap.share")],
      rows: finding.overlaps.map((overlap) => ({
        id: overlap.featureId,
        cells: [
          cell({ join: [featureName(overlap), message(`site.tolerance.${overlap.tolerance}`, { metres: accuracy })], separator: "line" }),
          cell(overlap.overlapSquareMetres > 0 ? { squareMetres: overlap.overlapSquareMetres, unit: "all" } : plain("—")),
          cell({ share: overlap.shareOfParcel }, { name: "share", value: (overlap.shareOfParcel * 100).toFixed(2) }),
        ],
      })),
    });
  }
  // The engine's reason already gives the distance when it decided on it; an informing layer's does not.
  if (finding.nearest && finding.status === "info") {
    blocks.push({
      type: "note",
      id: "nearest",
      text: message(isPointLayer ? "site.finding.nearest" : "site.finding.nearBoundary", {
        name: featureName(finding.nearest),
        distance: { distanceMetres: finding.nearest.distanceMetres },
        uncertainty: { distanceMetres: finding.nearest.uncertaintyMetres },
      }),
    });
  }
  if (finding.summary) {
    blocks.push({
      type: "note",
      id: "summary",
      text: {
        join: finding.summary.map((row) => message("site.finding.summaryRow", { label: { localized: row.label }, count: { number: row.count, decimals: 0 } })),
        separator: "line",
      },
    });
  }
  blocks.push({
    type: "note",
    id: "quality",
    text: {
      join: [qualityMessage("site.finding.quality", finding), { localized: finding.qualityNote }],
      separator: "space",
    },
  });
  blocks.push(...quoteBlocks(findingCitations(finding, input.layerDocuments(finding.layerId)), input));
  return blocks;
}

/** The layer's geometry quality and positional accuracy, in the wording of `key`. */
function qualityMessage(key: "site.finding.quality" | "site.report.quality", finding: LayerFinding): ReportText {
  return message(key, { quality: message(`quality.${finding.geometryQuality}`), metres: { number: finding.positionalAccuracyM, decimals: 0 } });
}

function findingsSection(input: ReportInput, isPointLayer: (layerId: string) => boolean): ReportSection {
  const sorted = sortFindings(input.report.findings);
  const rows: ReportTableRow[] = sorted.map((finding) => {
    const override = input.overrides[finding.layerId];
    return {
      id: finding.layerId,
      status: finding.status,
      details: findingDetails(finding, input, isPointLayer(finding.layerId)),
      cells: [
        cell(message(STATUS_MESSAGES[finding.status])),
        cell({ localized: finding.title }),
        cell({ reason: finding.reason }),
        cell(figuresOf(finding, isPointLayer(finding.layerId))),
        cell(override ? message("site.report.overrideCell", { reason: plain(override.reason), at: { date: override.at } }) : plain("")),
        cell(
          finding.geometryQuality === "official"
            ? {
                join: [qualityMessage("site.report.quality", finding), { localized: finding.qualityNote }],
                separator: "line",
              }
            : qualityMessage("site.report.quality", finding),
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

const QUESTION_ORDER: ReadonlyArray<FeeQuestion["id"]> = ["town", "park", "urban-construction-land"];

function choice(target: ReportControl["target"], options: Array<{ value: string; label: ReportText }>, chosen: string): ReportControl {
  return { type: "choice", target, options, chosen };
}

/** Imported official park boundaries the site overlaps: evidence for the park question (the officer's answer decides). */
function parkEvidence(input: ReportInput): ReportCell {
  const parks = input.work?.officialParks;
  const overlaps = parks?.overlaps ?? [];
  const text: ReportText =
    overlaps.length > 0
      ? message("site.fee.officialParks", {
          parks: {
            join: overlaps.map((overlap) => ({ join: [plain(overlap.name), { share: overlap.shareOfParcel }], separator: "space" as const })),
            separator: "names",
          },
          file: { join: [...new Set(overlaps.map((overlap) => overlap.fileName))].map(plain), separator: "names" },
        })
      : parks?.imported
        ? message("site.fee.officialParksNone")
        : plain("");
  return cell(text, { name: "site-park-evidence", value: String(overlaps.length) });
}

/**
 * The questions the data cannot answer (which town, a park's 四至, 智凤's 城市建设用地范围), open or answered — an
 * answered one stays so the officer can change it — each with its choices and the answer given.
 */
function feeQuestionBlocks(input: ReportInput, questions: readonly FeeQuestion[], town: FeeTown | null): ReportBlock[] {
  const answers = input.feeAnswers;
  const present = input.feeTowns.filter((candidate) => candidate.share > 0);
  const shown = new Set(questions.map((question) => question.id));
  const all: FeeQuestion[] = [...questions];
  if (!shown.has("town") && present.length > 1) all.push({ id: "town", options: present.map(({ townId, name }) => ({ townId, name })) });
  if (town && !shown.has("park") && town.parks.length > 0) all.push({ id: "park", options: town.parks });
  if (town?.split && !shown.has("urban-construction-land") && answers.insideUrbanConstructionLand !== undefined) all.push({ id: "urban-construction-land" });
  all.sort((a, b) => QUESTION_ORDER.indexOf(a.id) - QUESTION_ORDER.indexOf(b.id));
  return all.map((question): ReportBlock => {
    switch (question.id) {
      case "town": {
        const chosen = present.find((candidate) => candidate.townId === answers.townId);
        return {
          type: "question",
          id: "town",
          question: message("site.fee.questionTown"),
          answer: chosen ? townName(chosen) : null,
          control: choice(
            { action: "fee-question", question: "town" },
            present.map((candidate) => ({ value: candidate.townId, label: townName(candidate) })),
            answers.townId ?? "",
          ),
        };
      }
      case "park": {
        const answer =
          answers.park === undefined
            ? null
            : answers.park === "none"
              ? message("site.fee.parkNone")
              : message("site.fee.parkInside", { park: { localized: parkName(answers.park) } });
        return {
          type: "question",
          id: "park",
          question: message("site.fee.questionPark"),
          answer,
          control: choice(
            { action: "fee-question", question: "park" },
            [
              ...question.options.map((park) => ({ value: park, label: message("site.fee.parkInside", { park: { localized: parkName(park) } }) })),
              { value: "none", label: message("site.fee.parkNone") },
              { value: "unknown", label: message("site.fee.unknown") },
            ],
            answers.park ?? "unknown",
          ),
          evidence: parkEvidence(input),
        };
      }
      case "urban-construction-land": {
        const inside = answers.insideUrbanConstructionLand;
        return {
          type: "question",
          id: "urban",
          question: message("site.fee.questionUrban"),
          answer: inside === undefined ? null : message(inside ? "site.fee.inside" : "site.fee.outside"),
          control: choice(
            { action: "fee-question", question: "urban" },
            [
              { value: "inside", label: message("site.fee.inside") },
              { value: "outside", label: message("site.fee.outside") },
              { value: "unknown", label: message("site.fee.unknown") },
            ],
            inside === undefined ? "unknown" : inside ? "inside" : "outside",
          ),
        };
      }
    }
  });
}

/**
 * 城市基础设施配套费 under 13号: the towns the site lies in with their shares and rates, the floor areas by use (filled
 * in on screen), the questions the data cannot answer, the lines, the total and the rules quoted. Exempt lines say
 * 经确认后免缴. Without floor areas the section is the screen's form only: nothing is printed.
 */
function feeSection(input: ReportInput): ReportSection | null {
  const estimate = input.fee ?? (input.work ? estimateFee([...input.feeTowns], [], input.feeAnswers) : null);
  if (!estimate) return null;
  const media = input.fee ? {} : { media: "screen" as const };
  const heading = message("site.fee.heading");
  if (input.feeTowns.length === 0) return { id: "fee", heading, ...media, blocks: [{ type: "note", id: "no-town", text: message("site.fee.noTown") }] };
  const towns: ReportText = {
    join: input.feeTowns.map((town) =>
      message("site.fee.townShare", {
        name: townName(town),
        share: { share: town.share },
        rate: town.rate === null ? message("site.fee.rateSplit") : message("site.fee.rate", { rate: { number: town.rate, decimals: 0 } }),
      }),
    ),
    separator: "list",
  };
  const blocks: ReportBlock[] = [
    { type: "facts", id: "fee-towns", rows: [{ id: "towns", label: message("site.fee.towns"), value: cell(towns, { name: "site-fee-towns", value: "" }) }] },
  ];
  const work = input.work;
  if (work) {
    blocks.push({
      type: "facts",
      id: "floor-areas",
      media: "screen",
      caption: message("site.fee.floorAreas"),
      rows: BUILDING_USES.map((use) => ({
        id: use,
        label: message(`site.fee.use.${use}`),
        value: {
          text: work.floorAreas[use] ? { number: work.floorAreas[use]!, decimals: 2 } : plain(""),
          control: { type: "number", target: { action: "floor-area", use }, value: work.floorAreas[use] ?? null, min: 0, step: "any" },
        },
      })),
    });
  }
  blocks.push(...feeQuestionBlocks(input, estimate.questions, estimate.town));
  if (estimate.lines.length === 0) blocks.push({ type: "note", id: "no-areas", media: "screen", text: message("site.fee.noAreas") });
  else
    blocks.push({
      type: "table",
      id: "fee-lines",
      columns: [message("site.fee.use"), message("site.fee.floorArea"), message("site.fee.unitRate"), message("site.fee.amount")],
      rows: estimate.lines.map((line) => ({
        id: line.use,
        cells: [
          cell(message(`site.fee.use.${line.use}`)),
          cell(message("site.report.floorArea", { area: { number: line.squareMetres, decimals: 2 } })),
          cell(line.rate === null ? message("site.fee.open") : message("site.fee.rate", { rate: { number: line.rate, decimals: 0 } })),
          cell(line.exemptPendingConfirmation ? message("site.fee.exempt") : line.amount === null ? message("site.fee.open") : { yuan: line.amount }),
        ],
      })),
      footer: {
        id: "total",
        cells: [
          cell(message("site.fee.total")),
          cell(plain("")),
          cell(plain("")),
          cell(estimate.total === null ? message("site.fee.pending") : { yuan: estimate.total }, { name: "site-fee-total", value: "" }),
        ],
      },
    });
  const rules = [...new Set(estimate.lines.map((line) => line.citation))];
  blocks.push(...quoteBlocks(rules.length > 0 ? rules : [FEE_CITATIONS.tier210], input));
  blocks.push({ type: "note", id: "fee-notice", media: "screen", text: message("site.fee.notice") });
  return { id: "fee", heading, ...media, blocks };
}

/** "大足府办发〔2023〕32号 · box2.r1": the 文号 as printed once the corpus gives it, else the document id. */
function citationText(documentNumber: string | null, documentId: string, clauseId: string): ReportText {
  return {
    join: [documentNumber ? { documentNumber } : plain(documentId), plain(`· ${clauseId}`)],
    separator: "space",
  };
}

/**
 * 32号's rules for the mineral the officer intends to explore or mine (geodata/mining-policy.json): its policy
 * classes (重点勘查 / 重点开采 / 限制开采 / 禁止开采), each quoted, and its minimum mining scales from 专栏2. On screen
 * the choice of mineral; printed only once a mineral is chosen.
 */
function miningSection(input: ReportInput): ReportSection | null {
  const work = input.work;
  if (!work) return null;
  const policy = work.miningPolicy;
  const heading = message("site.mining.heading");
  if (policy === "failed")
    return { id: "mining", heading, media: "screen", blocks: [{ type: "warning", id: "mining-failed", text: message("site.mining.failed") }] };
  if (!policy) return { id: "mining", heading, media: "screen", blocks: [{ type: "note", id: "mining-loading", text: message("site.quote.loading") }] };
  const rules = input.mining;
  const mineralText = (mineral: string): ReportText => ({ quoted: mineral, en: policy.mineral_names_en[mineral] ?? "" });
  const blocks: ReportBlock[] = [
    {
      type: "facts",
      id: "mineral",
      rows: [
        {
          id: "mineral",
          label: message("site.mining.mineral"),
          value: {
            text: rules ? mineralText(rules.mineral) : message("site.mining.none"),
            control: choice(
              { action: "mineral" },
              [{ value: "", label: message("site.mining.none") }, ...mineralsOf(policy).map((mineral) => ({ value: mineral, label: mineralText(mineral) }))],
              work.mineral ?? "",
            ),
          },
        },
      ],
    },
  ];
  if (!rules) return { id: "mining", heading, media: "screen", blocks };
  if (rules.classes.length === 0) blocks.push({ type: "note", id: "no-class", text: message("site.mining.noClass", { mineral: mineralText(rules.mineral) }) });
  for (const policyClass of rules.classes) {
    blocks.push({
      type: "note",
      id: `class-${policyClass.id}`,
      text: message("site.mining.class", { name: { localized: { zh: policyClass.name, en: policyClass.name_en } } }),
    });
    // The class text is verbatim in mining-policy.json; the corpus adds the document number once loaded.
    blocks.push(quoteBlock(policyClass.clause, input, policyClass.text));
  }
  if (rules.minimumScales.length === 0)
    blocks.push({ type: "note", id: "no-minimum", text: message("site.mining.noMinimum", { mineral: mineralText(rules.mineral) }) });
  else
    blocks.push({
      type: "table",
      id: "mining-scales",
      columns: [
        message("site.mining.columnMineral"),
        message("site.mining.columnKind"),
        message("site.mining.columnMinimum"),
        message("site.mining.columnRemark"),
      ],
      rows: rules.minimumScales.map((row) => {
        const [documentId = "", clauseId = ""] = row.source.split("#");
        return {
          id: row.source,
          cells: [
            cell(mineralText(row.mineral)),
            cell(row.sub_kind ? { quoted: row.sub_kind } : plain("—")),
            cell({ join: [{ number: row.minimum, decimals: 0 }, { quoted: row.unit }], separator: "space" }),
            {
              text: {
                join: [...(row.remark ? [{ quoted: row.remark }] : []), citationText(input.quotes.get(row.source)?.docNumber ?? null, documentId, clauseId)],
                separator: "line",
              },
              citation: row.source,
            },
          ],
        };
      }),
    });
  return { id: "mining", heading, blocks };
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
    media: "print",
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
    miningSection(input),
    receiptSection(input),
  ];
  return { format: REPORT_FORMAT, formatVersion: REPORT_FORMAT_VERSION, sections: sections.filter((section): section is ReportSection => section !== null) };
}
