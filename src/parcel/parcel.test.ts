import { createHash } from "node:crypto";
import { gaussKrugerRectangle as gkRectangle } from "../geo/gaussKrugerRectangle";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import type { CheckReport, LayerFinding } from "../check/types";
import { importBoundaryTxt } from "../import/importBoundaryTxt";
import { boundaryText } from "./boundaryText";
import { estimateFee } from "../check/fee";
import { feeTownsOf } from "./feeTowns";
import { mineralRules, mineralsOf, parseMiningPolicy, sameMineral } from "./miningPolicy";
import { decodeParcelFromHash, encodeParcelForHash } from "./parcelHash";
import { buildReport } from "../siteCheck/report/buildReport";
import { csvField, reportCsv } from "../siteCheck/report/reportCsv";
import { plain, sectionOf } from "../siteCheck/report/reportModel";
import { renderText } from "../siteCheck/report/reportText";
import { findingCitations, labelledVertices, type ReportInput } from "./reportInput";
import { sha256Fallback, sha256Hex, shortFileHash } from "./sha256";
import type { SiteParcel } from "./types";
import miningPolicyJson from "../../geodata/mining-policy.json";
import { importMessageText } from "../i18n/messages.import";

const square = gkRectangle(569_000, 3_287_000, 569_100, 3_287_100);

describe("parcel link encoding", () => {
  const rounded = (value: number) => Number(value.toFixed(6));

  it("round-trips a polygon at 6 decimals and uses only URL-safe characters", () => {
    const encoded = encodeParcelForHash(square);
    expect(encoded).toMatch(/^a[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(40);
    const decoded = decodeParcelFromHash(encoded);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.geometry).toEqual({ type: "Polygon", coordinates: [square.coordinates[0]!.map(([x, y]) => [rounded(x!), rounded(y!)])] });
  });

  it("round-trips holes, multipolygons, lines, points and negative deltas", () => {
    const outer = gkRectangle(569_000, 3_287_000, 569_300, 3_287_300).coordinates[0]!;
    const hole = gkRectangle(569_100, 3_287_100, 569_200, 3_287_200).coordinates[0]!.slice().reverse();
    const other = gkRectangle(560_000, 3_280_000, 560_050, 3_280_050).coordinates[0]!;
    const geometries = [
      { type: "Polygon" as const, coordinates: [outer, hole] },
      { type: "MultiPolygon" as const, coordinates: [[outer, hole], [other]] },
      {
        type: "LineString" as const,
        coordinates: [
          [105.9, 29.8],
          [105.5, 29.4],
          [105.7, 29.6],
        ],
      },
      { type: "Point" as const, coordinates: [105.718123, 29.709712] },
    ];
    for (const geometry of geometries) {
      const decoded = decodeParcelFromHash(encodeParcelForHash(geometry));
      if (!decoded.ok) throw new Error(decoded.reason);
      expect(JSON.stringify(decoded.geometry)).toBe(
        JSON.stringify(JSON.parse(JSON.stringify(geometry), (_key, value: unknown) => (typeof value === "number" ? rounded(value) : value))),
      );
    }
  });

  it("refuses malformed values with a reason", () => {
    expect(decodeParcelFromHash("")).toMatchObject({ ok: false });
    expect(decodeParcelFromHash("x123")).toMatchObject({ ok: false, reason: 'unknown kind "x"' });
    expect(decodeParcelFromHash("a!!")).toMatchObject({ ok: false });
    expect(decodeParcelFromHash("aAAAA")).toMatchObject({ ok: false, reason: "a polygon ring needs 3 vertices" });
    expect(decodeParcelFromHash("pg")).toMatchObject({ ok: false, reason: "truncated number" });
    expect(decodeParcelFromHash(encodeParcelForHash({ type: "Point", coordinates: [200, 29] }))).toMatchObject({
      ok: false,
      reason: "coordinate out of range",
    });
  });
});

describe("界址点 text export", () => {
  it("writes J<n>,<ring>,X(northing),Y(easting with zone 35), closes rings, and imports back to the same parcel", () => {
    const text = boundaryText(square, { name: "测试地块", date: "2023-06-01" });
    const lines = text.split("\r\n");
    expect(lines).toContain("5,1.0000,测试地块,测试地块,面,,,,@");
    expect(lines).toContain("J1,1,3287000.000,35569000.000");
    expect(lines).toContain("J2,1,3287000.000,35569100.000");
    expect(lines.filter((line) => line.startsWith("J1,1,"))).toHaveLength(2);
    const imported = importBoundaryTxt(text, "export.txt");
    if (!imported.ok) throw new Error(importMessageText(imported.error, "en"));
    expect(imported.crs.code).toBe("EPSG:4523");
    const ring = (imported.parcels[0]!.geometry as Polygon).coordinates[0]!;
    ring.forEach((position, index) => {
      expect(position[0]).toBeCloseTo(square.coordinates[0]![index]![0]!, 8);
      expect(position[1]).toBeCloseTo(square.coordinates[0]![index]![1]!, 8);
    });
  });

  it("numbers holes as further rings and keeps commas out of the header", () => {
    const outer = gkRectangle(569_000, 3_287_000, 569_300, 3_287_300).coordinates[0]!;
    const hole = gkRectangle(569_100, 3_287_100, 569_200, 3_287_200).coordinates[0]!;
    const text = boundaryText({ type: "Polygon", coordinates: [outer, hole] }, { name: "a,b@c", date: "2023-06-01" });
    expect(text).toContain("10,8.0000,a b c,a b c,面,,,,@");
    expect(text).toContain("J5,2,3287100.000,35569100.000");
    expect(text.split("\r\n").filter((line) => line.startsWith("J5,2,"))).toHaveLength(2);
  });
});

describe("SHA-256", () => {
  it("agrees with Node's for empty, short and multi-block input", async () => {
    for (const text of ["", "abc", "大足区".repeat(100), "x".repeat(55), "x".repeat(56), "x".repeat(64)]) {
      const bytes = new TextEncoder().encode(text);
      const expected = createHash("sha256").update(bytes).digest("hex");
      expect(Buffer.from(sha256Fallback(bytes)).toString("hex"), JSON.stringify(text.slice(0, 10))).toBe(expected);
      expect(await sha256Hex(bytes)).toBe(expected);
    }
    expect(await shortFileHash(new TextEncoder().encode("abc"))).toBe("ba7816bf8f01");
  });
});

const report: CheckReport = {
  parcel: { gaussKrugerSquareMetres: 10_000, ellipsoidalSquareMetres: 10_001.5, lengthMetres: 400, vertexCount: 4 },
  reliesOnSchematic: true,
  options: { cautionDistanceMetres: 50, useSpatialIndex: true },
  findings: [
    {
      layerId: "memorials",
      title: { zh: "烈士纪念设施", en: "Memorials" },
      role: "restricts",
      geometryQuality: "schematic",
      qualityNote: { zh: "示意", en: "Schematic" },
      positionalAccuracyM: 5000,
      status: "clear",
      reason: { code: "site.reason.clear", params: {} },
      overlaps: [],
      nearest: {
        featureId: "m1",
        name: "纪念碑",
        source: ["dzfb-2023-47#s1"],
        distanceMetres: 9000,
        uncertaintyMetres: 100,
        withinCaution: false,
        cannotExclude: false,
      },
    },
    {
      layerId: "fee-tiers",
      title: { zh: "配套费", en: "Fee tiers" },
      role: "informs",
      geometryQuality: "schematic",
      qualityNote: { zh: "示意", en: "Schematic" },
      positionalAccuracyM: 2000,
      status: "info",
      reason: { code: "site.reason.informs", params: { names: "三驱镇、智凤街道", share: { share: 1 } } },
      overlaps: [
        {
          featureId: "town-500111104",
          name: "三驱镇",
          source: ["dzf-2023-13#s1.p2", "dzfb-2023-50#s1.p3.n3.i2"],
          overlapSquareMetres: 2500,
          shareOfParcel: 0.25,
          tolerance: "substantive",
          properties: { fee_tier: 150, fee_split: false, park_candidates: ["大足高新区"] },
        },
        {
          featureId: "town-500111006",
          name: "智凤街道",
          source: ["dzf-2023-13#s1.p1", "dzf-2023-13#s1.p2"],
          overlapSquareMetres: 7500,
          shareOfParcel: 0.75,
          tolerance: "substantive",
          properties: { fee_tier: 210, fee_split: true, park_candidates: [] },
        },
      ],
    },
    {
      layerId: "mining-key-zone",
      title: { zh: "重点开采区", en: "Key mining zone" },
      role: "restricts",
      geometryQuality: "schematic",
      qualityNote: { zh: "示意", en: "Schematic" },
      positionalAccuracyM: 2000,
      status: "restricted",
      reason: { code: "site.reason.overlapsSchematic", params: { names: '重点开采区 "the zone"', share: { share: 0.5 }, accuracy: { distanceMetres: 2000 } } },
      overlaps: [
        {
          featureId: "zone",
          name: "西山背斜渝蓉高速以北重点开采区",
          source: ["dzfb-2023-32#s4.n1.para2"],
          overlapSquareMetres: 5000,
          shareOfParcel: 0.5,
          tolerance: "substantive",
          properties: {},
        },
      ],
    },
  ],
};

const parcel: SiteParcel = { name: "测试,地块", geometry: square, origin: "drawn" };

function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    parcel,
    report,
    checkedAt: "2024-05-01T08:00:00.000Z",
    dataPackageVersion: "2023.1.0",
    overrides: { "mining-key-zone": { reason: "已取得矿业权人同意", at: "2024-05-01T08:01:00.000Z" } },
    layerDocuments: (layerId) => (layerId === "fee-tiers" ? ["dzf-2023-13"] : layerId === "mining-key-zone" ? ["dzfb-2023-32"] : ["dzfb-2023-47"]),
    quotes: new Map([
      [
        "dzfb-2023-32#s4.n1.para2",
        {
          citation: "dzfb-2023-32#s4.n1.para2",
          documentId: "dzfb-2023-32",
          clauseId: "s4.n1.para2",
          docNumber: "大足府办发〔2023〕32号",
          shortTitle: null,
          text: "……面积16.55平方千米……",
          label: { zh: "四、（一）第2段", en: "4 (1) para. 2" },
        },
      ],
    ]),
    feeTowns: feeTownsOf(report),
    fee: null,
    feeAnswers: {},
    mining: null,
    layerFileHashes: [{ file: "layers/mining-key-zone.geojson", sha256: "0123456789ab" }],
    notChecked: [],
    link: "https://example.org/#parcel=aAAA",
    ...overrides,
  };
}

describe("report model", () => {
  it("puts restrictions first, keeps overridden findings with their reason, and quotes clauses by the document's numbering", () => {
    const model = buildReport(reportInput());
    expect(model).toMatchObject({ format: "dazu-site-check-report", formatVersion: 2 });
    const findings = sectionOf(model, "findings")!;
    const table = findings.blocks[0]!;
    if (table.type !== "table") throw new Error("findings table expected");
    expect(table.rows.map((row) => row.id)).toEqual(["mining-key-zone", "fee-tiers", "memorials"]);
    const zone = table.rows[0]!;
    expect(zone.status).toBe("restricted");
    expect(renderText(zone.cells[4]!.text, "zh")).toContain("已取得矿业权人同意");
    expect(renderText(zone.cells[3]!.text, "zh")).toBe("西山背斜渝蓉高速以北重点开采区：5,000.00 m² / 0.5000 公顷 / 7.50 亩，占地块 50.0%，实质重叠");
    const quote = findings.blocks.find((block) => block.type === "quote");
    expect(quote).toEqual({
      type: "quote",
      citation: "dzfb-2023-32#s4.n1.para2",
      documentNumber: "大足府办发〔2023〕32号",
      clause: { zh: "四、（一）第2段", en: "4 (1) para. 2" },
      text: "……面积16.55平方千米……",
    });
    const head = sectionOf(model, "head")!;
    expect(head.blocks.map((block) => (block.type === "quote" ? block.citation : block.id))).toEqual(["reference-only", "schematic-caveat"]);
    const parcelFacts = sectionOf(model, "parcel")!.blocks[0]!;
    if (parcelFacts.type !== "facts") throw new Error("facts expected");
    expect(renderText(parcelFacts.rows.find((row) => row.id === "area-gk")!.value.text, "zh")).toBe("10,000.00 m² / 1.0000 公顷 / 15.00 亩");
  });

  it("cites only the layer's own documents, and a clear finding's nearest feature not at all", () => {
    expect(findingCitations(report.findings[1]!, ["dzf-2023-13"])).toEqual(["dzf-2023-13#s1.p2", "dzf-2023-13#s1.p1"]);
    expect(findingCitations(report.findings[0]!, ["dzfb-2023-47"])).toEqual([]);
    const caution: LayerFinding = { ...report.findings[0]!, status: "caution" };
    expect(findingCitations(caution, ["dzfb-2023-47"])).toEqual(["dzfb-2023-47#s1"]);
  });

  it("lists vertices with labels, GK X (northing) and Y (easting), without the closing repeat", () => {
    const vertices = labelledVertices(parcel);
    expect(vertices.map((vertex) => vertex.label)).toEqual(["J1", "J2", "J3", "J4"]);
    expect(vertices[1]!.gaussKruger.x).toBeCloseTo(3_287_000, 3);
    expect(vertices[1]!.gaussKruger.y).toBeCloseTo(569_100, 3);
    const imported: SiteParcel = {
      ...parcel,
      origin: "file",
      sourceCoordinates: [
        [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [7, 8],
          ],
        ],
      ],
      vertexLabels: [[["A", "B", "C", "D"]]],
    };
    expect(labelledVertices(imported).map((vertex) => [vertex.label, vertex.source])).toEqual([
      ["A", [1, 2]],
      ["B", [3, 4]],
      ["C", [5, 6]],
      ["D", [7, 8]],
    ]);
  });

  it("serialises to JSON and back unchanged (the JSON export is the model)", () => {
    const model = buildReport(reportInput());
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it("says at the top that a site partly outside 大足区 is, with the areas inside and outside", () => {
    const partly = buildReport(reportInput({ report: { ...report, district: { position: "partly", insideSquareMetres: 6000, outsideSquareMetres: 4000 } } }));
    expect(partly.sections[1]!.id).toBe("district");
    const warning = partly.sections[1]!.blocks[0]!;
    if (warning.type !== "warning") throw new Error("warning expected");
    expect(renderText(warning.text, "zh")).toBe(
      "地块部分位于大足区以外：区内 6,000.00 m² / 0.6000 公顷 / 9.00 亩，区外 4,000.00 m² / 0.4000 公顷 / 6.00 亩。本报告所列政策对区外部分不适用，各项结论只就区内部分而言。",
    );
    expect(reportCsv(partly, "en")).toContain("partly outside");
    expect(sectionOf(buildReport(reportInput()), "district")).toBeUndefined();
  });
});

describe("report model: fee answers beside the estimate", () => {
  it("prints which town the officer chose and the 智凤 answer beside the estimate", () => {
    const towns = feeTownsOf(report);
    const answers = { townId: towns.find((town) => town.split)!.townId, insideUrbanConstructionLand: false };
    const estimate = estimateFee(towns, [{ use: "office", squareMetres: 1000 }], answers);
    const model = buildReport(reportInput({ fee: estimate, feeAnswers: answers }));
    const fee = sectionOf(model, "fee")!;
    const questions = fee.blocks.filter((block) => block.type === "question");
    expect(questions.map((block) => block.type === "question" && [block.id, block.answer ? renderText(block.answer, "zh") : null])).toEqual([
      ["town", "智凤街道"],
      ["urban", "范围外（150 元/m²）"],
    ]);
    const lines = fee.blocks.find((block) => block.type === "table")!;
    if (lines.type !== "table") throw new Error("table expected");
    expect(renderText(lines.footer!.cells[3]!.text, "zh")).toBe("150,000.00 元");
    expect(reportCsv(model, "zh")).toContain("智凤街道");
  });
});

describe("report model: what the screen fills in, and the mining section", () => {
  const work = { floorAreas: {}, officialParks: { overlaps: [], imported: false }, miningPolicy: null, mineral: null };

  it("asks the fee questions with their choices, names towns and parks in English, and prints the fee only once floor areas are given", () => {
    const named: CheckReport = {
      ...report,
      findings: report.findings.map((finding) =>
        finding.layerId === "fee-tiers"
          ? {
              ...finding,
              overlaps: finding.overlaps.map((overlap) => ({ ...overlap, nameEn: overlap.name === "三驱镇" ? "Sanqu Town" : "Zhifeng Subdistrict" })),
            }
          : finding,
      ),
    };
    const model = buildReport(reportInput({ report: named, feeTowns: feeTownsOf(named), feeAnswers: { townId: "town-500111104" }, work }));
    const fee = sectionOf(model, "fee")!;
    expect(fee.media).toBe("screen");
    const choices = (id: string) => {
      const block = fee.blocks.find((candidate) => candidate.type === "question" && candidate.id === id);
      if (block?.type !== "question" || block.control?.type !== "choice") throw new Error(`question ${id} expected`);
      return { chosen: block.control.chosen, options: block.control.options.map((option) => renderText(option.label, "en")) };
    };
    expect(choices("town")).toEqual({ chosen: "town-500111104", options: ["Zhifeng Subdistrict", "Sanqu Town"] });
    expect(choices("park")).toEqual({ chosen: "unknown", options: ["Inside the bounds of Dazu High-tech Zone", "Not inside any park's bounds", "Not sure"] });
    const floorAreas = fee.blocks.find((block) => block.type === "facts" && block.id === "floor-areas");
    expect(floorAreas?.media).toBe("screen");
    expect(reportCsv(model, "en")).not.toContain("Urban infrastructure charge");
    const withAreas = buildReport(
      reportInput({
        report: named,
        feeTowns: feeTownsOf(named),
        feeAnswers: { townId: "town-500111104", park: "none" },
        fee: estimateFee(feeTownsOf(named), [{ use: "office", squareMetres: 100 }], { townId: "town-500111104", park: "none" }),
        work: { ...work, floorAreas: { office: 100 } },
      }),
    );
    expect(sectionOf(withAreas, "fee")?.media).toBeUndefined();
    expect(reportCsv(withAreas, "en")).toContain("Sanqu Town 25.0% (¥150/m²)");
  });

  it("quotes the chosen mineral's policy classes and lists its 专栏2 minimum scales; with no mineral chosen nothing is printed", () => {
    const policy = parseMiningPolicy(miningPolicyJson)!;
    const chosen = buildReport(reportInput({ mining: mineralRules(policy, "地热"), work: { ...work, miningPolicy: policy, mineral: "地热" } }));
    const mining = sectionOf(chosen, "mining")!;
    expect(mining.media).toBeUndefined();
    expect(mining.blocks.map((block) => (block.type === "quote" ? block.citation : block.id))).toEqual([
      "mineral",
      "class-key-exploration",
      "dzfb-2023-32#s3.p1.para1",
      "class-key-extraction",
      "dzfb-2023-32#s3.p1.para2",
      "mining-scales",
    ]);
    const classNote = mining.blocks[1]!;
    expect(classNote.type === "note" && renderText(classNote.text, "en")).toBe("Policy class: Priority exploration");
    const quote = mining.blocks[2]!;
    expect(quote.type === "quote" && quote.text).toBe(policy.policy_classes[0]!.text);
    expect(reportCsv(chosen, "zh")).toContain("30 万立方米/年");
    // The mineral is named in English beside the document's own word; in Chinese, the word alone.
    const mineral = mining.blocks[0]!;
    const chosenText = mineral.type === "facts" ? mineral.rows[0]!.value.text : plain("");
    expect(renderText(chosenText, "en")).toBe("Geothermal energy (地热)");
    expect(renderText(chosenText, "zh")).toBe("地热");
    expect(reportCsv(chosen, "en")).toContain("Geothermal energy (地热)");
    const none = sectionOf(buildReport(reportInput({ work: { ...work, miningPolicy: policy } })), "mining")!;
    expect(none.media).toBe("screen");
    expect(none.blocks.map((block) => (block.type === "quote" ? block.citation : block.id))).toEqual(["mineral"]);
  });
});

describe("report CSV", () => {
  it("quotes fields with commas and quotes, and defuses formulas", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(null)).toBe("");
  });

  it("renders the model's findings table with the override and the areas, in the reader's language", () => {
    const csv = reportCsv(buildReport(reportInput()), "zh");
    expect(csv.startsWith("\uFEFF当前地块") || csv.startsWith("\uFEFF地块信息") || csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toContain("结果,图层,说明,面积与距离,人工判定,几何质量");
    const zone = lines.find((line) => line.startsWith("✖ 受限制"))!;
    expect(zone).toContain("西山背斜渝蓉高速以北重点开采区：5,000.00 m² / 0.5000 公顷 / 7.50 亩，占地块 50.0%，实质重叠");
    expect(zone).toContain("经办人判定不适用：已取得矿业权人同意");
    expect(reportCsv(buildReport(reportInput()), "en")).toContain('"Overlaps 重点开采区 ""the zone"": 50.0% of the parcel');
  });
});

describe("fee towns", () => {
  it("takes each town's share, rate (null when split) and parks from the fee-tier overlaps, largest share first", () => {
    expect(feeTownsOf(report)).toEqual([
      { townId: "town-500111006", name: "智凤街道", share: 0.75, rate: null, split: true, parks: [] },
      { townId: "town-500111104", name: "三驱镇", share: 0.25, rate: 150, split: false, parks: ["大足高新区"] },
    ]);
  });
});

describe("mining policy", () => {
  const policy = parseMiningPolicy(miningPolicyJson)!;

  it("reads geodata/mining-policy.json and lists its minerals once each", () => {
    expect(policy).not.toBeNull();
    const minerals = mineralsOf(policy);
    expect(new Set(minerals).size).toBe(minerals.length);
    expect(minerals).toEqual(expect.arrayContaining(["地热", "砖瓦用粘土", "建筑石料用灰岩", "砖瓦用页岩"]));
    expect(parseMiningPolicy({ document: "x" })).toBeNull();
    expect(policy.mineral_names_en["建筑石料用灰岩"]).toBe("Limestone for building stone");
    // A file that leaves a mineral without its English name is refused, not shown half in Chinese.
    const { 锶矿: _strontium, ...withoutOne } = policy.mineral_names_en;
    expect(parseMiningPolicy({ ...miningPolicyJson, mineral_names_en: withoutOne })).toBeNull();
    expect(parseMiningPolicy({ ...miningPolicyJson, mineral_names_en: undefined })).toBeNull();
  });

  it("gives 地热 both of its classes and its 30 万立方米/年 minimum; 石灰岩 the 灰岩 rows; 砖瓦用粘土 none", () => {
    const geothermal = mineralRules(policy, "地热");
    expect(geothermal.classes.map((policyClass) => policyClass.name)).toEqual(["重点勘查", "重点开采"]);
    expect(geothermal.minimumScales.map((row) => [row.minimum, row.unit, row.source])).toEqual([[30, "万立方米/年", "dzfb-2023-32#box2.r5"]]);
    expect(mineralRules(policy, "石灰岩").minimumScales.map((row) => row.minimum)).toEqual([100, 51]);
    const clay = mineralRules(policy, "砖瓦用粘土");
    expect(clay.classes.map((policyClass) => policyClass.name)).toEqual(["禁止开采"]);
    expect(clay.minimumScales).toEqual([]);
    expect(sameMineral("砖瓦用粘土", "砖瓦用页岩")).toBe(false);
  });
});
