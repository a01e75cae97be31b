import { describe, expect, it } from "vitest";
import { createInlineChecker, type ParcelChecker } from "../check/checkClient";
import type { CheckLayer, ParcelGeometry } from "../check/types";
import { fetchFixture } from "../../tests/fixtures/layers/readFixture";
import type { DataPackage } from "../layers/layerData";
import { loadDataPackage } from "../layers/loadDataPackage";
import { invalid, valid } from "../layers/validation";
import { createFakeMapAdapter } from "../../tests/support/fakeMapAdapter";
import { encodeParcelForHash } from "../parcel/parcelHash";
import type { ParcelStorage, SavedSiteQuery, SiteDraft } from "../state/parcelStorage";
import { createAppStore } from "../state/store";
import { createCheckEngine, type ReadNearbyLayer } from "./checkEngine";
import { buildReport } from "./report/buildReport";
import { sectionOf } from "./report/reportModel";
import { createSiteCheckService, type SiteCheckService } from "./siteCheckService";

/** The fixture package plus one large layer, read per check from its (faked) indexed file. */
async function fixturePackage(): Promise<DataPackage> {
  const loaded = await loadDataPackage("valid/", fetchFixture);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  const template = loaded.value.manifest.layers.find((layer) => layer.id === "exploration-blocks")!;
  const large = { ...template, id: "large-blocks", title: { zh: "大图层", en: "Large layer" } };
  const layers = new Map(loaded.value.layers);
  layers.set(large.id, { type: "tiled", tilesUrl: "data/large.pmtiles", sourceLayer: "large", checkUrl: "data/large.fgb", featureCount: 1 });
  return { manifest: { ...loaded.value.manifest, layers: [...loaded.value.manifest.layers, large] }, layers };
}

function memoryStorage(): ParcelStorage & { draft: SiteDraft | null } {
  const saved: SavedSiteQuery[] = [];
  const storage = {
    draft: null as SiteDraft | null,
    list: async () => ({ ok: true as const, value: saved }),
    save: async (query: SavedSiteQuery | Omit<SavedSiteQuery, "id" | "name" | "savedAt" | "schemaVersion">, name: string) => {
      const record: SavedSiteQuery = { ...query, schemaVersion: 1, id: String(saved.length + 1), name, savedAt: "2024-05-01T08:00:00.000Z" };
      saved.push(record);
      return { ok: true as const, value: record };
    },
    remove: async () => ({ ok: true as const, value: undefined }),
    loadDraft: async () => ({ ok: true as const, value: storage.draft }),
    saveDraft: async (query: SiteDraft["query"], sketch: SiteDraft["sketch"]) => {
      storage.draft = { schemaVersion: 1, savedAt: "2024-05-01T08:00:00.000Z", query, sketch };
      return { ok: true as const, value: undefined };
    },
  };
  return storage;
}

/** A checker in this thread that records what it is sent. */
function recordingChecker() {
  const sent = { setLayers: 0, extra: [] as CheckLayer[][] };
  const inner = createInlineChecker();
  const checker: ParcelChecker = {
    setLayers: (layers) => {
      sent.setLayers++;
      inner.setLayers(layers);
    },
    check: (parcel, options, extra = []) => {
      sent.extra.push(extra);
      return inner.check(parcel, options, extra);
    },
    dispose: () => undefined,
  };
  return { checker, sent };
}

/** 600 m square near 大足 town centre (WGS-84). */
const SQUARE: ParcelGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [105.715, 29.705],
      [105.721, 29.705],
      [105.721, 29.711],
      [105.715, 29.711],
      [105.715, 29.705],
    ],
  ],
};
const BOW_TIE: ParcelGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [105.7, 29.7],
      [105.71, 29.71],
      [105.71, 29.7],
      [105.7, 29.71],
      [105.7, 29.7],
    ],
  ],
};

async function setUp(options: { map?: boolean; readNearby?: ReadNearbyLayer } = {}) {
  const dataPackage = await fixturePackage();
  const store = createAppStore();
  store.getState().initializeLayers(dataPackage.manifest);
  const fake = createFakeMapAdapter();
  const { checker, sent } = recordingChecker();
  const readNearby: ReadNearbyLayer = options.readNearby ?? (async () => invalid(["could not read data/large.fgb (HTTP 404)"]));
  const links: Array<string | null> = [];
  const storage = memoryStorage();
  const service: SiteCheckService = createSiteCheckService({
    store,
    dataPackage,
    engine: createCheckEngine(dataPackage, async () => checker, readNearby),
    map: options.map === false ? null : fake.adapter,
    storage,
    readDataFile: async (file) => new TextEncoder().encode(file),
    readJson: async () => invalid(["offline"]),
    dataBaseUrl: "data/",
    writeLink: (payload) => links.push(payload),
    drawnParcelName: () => "绘制地块",
    linkedParcelName: () => "链接地块",
    now: () => new Date("2024-05-01T08:00:00.000Z"),
  });
  return { store, fake, sent, links, storage, service, dataPackage };
}

describe("site check service (no DOM)", () => {
  it("checks a finished drawing: skips context layers, lists an unreadable large layer as not checked, shows the parcel and writes the link", async () => {
    const { store, fake, links, service } = await setUp();
    fake.changeSketch({
      shape: { kind: "polygon", vertices: SQUARE.coordinates[0]!.slice(0, -1) as Array<[number, number]>, finished: true },
      dragging: false,
      canUndo: true,
      canRedo: false,
      canFinish: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await service.check();
    const check = store.getState().siteCheck;
    expect(check.type).toBe("done");
    if (check.type !== "done") return;
    const layerIds = check.report.findings.map((finding) => finding.layerId);
    expect(layerIds).not.toContain("district");
    expect(layerIds).not.toContain("towns");
    expect(layerIds).toContain("fee-zones");
    expect(service.state().notChecked.map((layer) => layer.layerId)).toEqual(["large-blocks"]);
    expect(store.getState().siteParcel?.origin).toBe("drawn");
    expect(store.getState().siteParcel?.name).toBe("绘制地块");
    expect(fake.calls.some(([method]) => method === "showParcel")).toBe(true);
    expect(links.at(-1)).toBe(encodeParcelForHash(SQUARE));
  });

  it("sends the static layers to the checker once and only the large layer's nearby features with each check", async () => {
    const nearby: CheckLayer[] = [];
    const { sent, service, dataPackage } = await setUp({
      readNearby: async (definition) => {
        const layer: CheckLayer = { definition, features: [], nearbyOnly: true };
        nearby.push(layer);
        return valid(layer);
      },
    });
    await service.setParcel({ name: "A", geometry: SQUARE, origin: "pasted" }, { fit: false });
    await service.check();
    await service.setCautionDistance(200);
    expect(sent.setLayers).toBe(1);
    expect(sent.extra).toHaveLength(3);
    expect(sent.extra.map((extra) => extra.map((layer) => layer.definition.id))).toEqual([["large-blocks"], ["large-blocks"], ["large-blocks"]]);
    expect(service.state().notChecked).toEqual([]);
    expect(dataPackage.manifest.layers.some((layer) => layer.id === "large-blocks")).toBe(true);
  });

  it("refuses a self-crossing drawing with the crossing named and keeps the current parcel", async () => {
    const { store, service } = await setUp();
    await service.setParcel({ name: "A", geometry: SQUARE, origin: "pasted" }, { fit: false });
    await service.setDrawnGeometry(BOW_TIE);
    expect(service.state().problem?.source).toBe("sketch");
    expect(service.state().problem?.messages[0]?.code).toBe("self-intersection");
    expect(store.getState().siteParcel?.name).toBe("A");
  });

  it("runs with no map at all", async () => {
    const { store, service } = await setUp({ map: false });
    await service.setParcel({ name: "A", geometry: SQUARE, origin: "pasted" }, { fit: true });
    expect(store.getState().siteCheck.type).toBe("done");
    expect(await service.refreshSnapshot()).toBeNull();
  });

  it("carries fee answers, overrides and the caution distance in the link, and a link reopens them", async () => {
    const first = await setUp();
    await first.service.setParcel({ name: "A", geometry: SQUARE, origin: "pasted" }, { fit: false });
    first.service.answerFee({ townId: "fee-longgang", park: "none" });
    first.service.override("memorials", { reason: "已现场核实", at: "2024-05-01T09:00:00.000Z" });
    await first.service.setCautionDistance(120);
    first.service.setFloorArea("office", 1000);
    const payload = first.service.linkPayload();
    expect(payload).not.toBeNull();
    expect(payload!.startsWith(encodeParcelForHash(SQUARE))).toBe(true);

    const second = await setUp();
    expect(await second.service.openLink(payload!)).toBe(true);
    const state = second.store.getState();
    expect(state.siteParcel?.origin).toBe("link");
    expect(state.feeInputs.answers).toEqual({ townId: "fee-longgang", park: "none" });
    expect(state.feeInputs.floorAreas).toEqual({ office: 1000 });
    expect(state.findingOverrides).toEqual({ memorials: { reason: "已现场核实", at: "2024-05-01T09:00:00.000Z" } });
    expect(state.cautionDistanceMetres).toBe(120);
    expect(state.siteCheck.type).toBe("done");
  });

  it("opens an old link that carries the geometry only", async () => {
    const { store, service } = await setUp();
    expect(await service.openLink(encodeParcelForHash(SQUARE))).toBe(true);
    expect(store.getState().siteParcel?.geometry).toEqual(SQUARE);
    expect(store.getState().findingOverrides).toEqual({});
  });

  it("on a reload, the unsaved work wins over the link of the same parcel (the link rounds coordinates)", async () => {
    const precise: ParcelGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [105.7150001234, 29.705],
          [105.721, 29.705],
          [105.721, 29.711],
          [105.715, 29.711],
          [105.7150001234, 29.705],
        ],
      ],
    };
    const { store, service, storage } = await setUp();
    storage.draft = {
      schemaVersion: 1,
      savedAt: "2024-05-01T08:00:00.000Z",
      query: { parcel: { name: "东界地块", geometry: precise, origin: "file" }, overrides: {}, fee: { floorAreas: {}, answers: {} }, mineral: null },
      sketch: null,
    };
    expect(await service.start({ fit: false, linked: encodeParcelForHash(precise) })).toBe(true);
    expect(store.getState().siteParcel?.name).toBe("东界地块");
    expect(store.getState().siteParcel?.geometry).toEqual(precise);
  });

  it("takes the report's inputs through its controls: a value each control's target stands for, an out-of-range distance refused", async () => {
    const { store, service } = await setUp();
    await service.setParcel({ name: "A", geometry: SQUARE, origin: "pasted" }, { fit: false });
    const model = buildReport(service.reportInput()!, service.isPointLayer);
    const controls = model.sections.flatMap((section) =>
      section.blocks.flatMap((block) =>
        block.type === "facts"
          ? block.rows.flatMap((row) => (row.value.control ? [row.value.control] : []))
          : block.type === "question" && block.control
            ? [block.control]
            : [],
      ),
    );
    // The fixture's site lies in no fee town: the caution distance is the one input, the fee section a note on screen.
    expect(controls.map((control) => control.target.action)).toEqual(["caution-distance"]);
    expect(sectionOf(model, "fee")).toMatchObject({ media: "screen", blocks: [{ id: "no-town" }] });
    expect(service.act({ action: "floor-area", use: "office" }, "1000")).toBe(true);
    expect(store.getState().feeInputs.floorAreas).toEqual({ office: 1000 });
    expect(service.act({ action: "fee-question", question: "park" }, "none")).toBe(true);
    expect(service.act({ action: "fee-question", question: "urban" }, "inside")).toBe(true);
    expect(store.getState().feeInputs.answers).toEqual({ park: "none", insideUrbanConstructionLand: true });
    expect(service.act({ action: "fee-question", question: "urban" }, "unknown")).toBe(true);
    expect(service.act({ action: "fee-question", question: "urban" }, "perhaps")).toBe(false);
    expect(store.getState().feeInputs.answers).toEqual({ park: "none" });
    // Choosing a town drops the answers that belonged to the other one.
    expect(service.act({ action: "fee-question", question: "town" }, "fee-longgang")).toBe(true);
    expect(store.getState().feeInputs.answers).toEqual({ townId: "fee-longgang" });
    expect(service.act({ action: "caution-distance" }, "20000")).toBe(false);
    expect(service.act({ action: "caution-distance" }, "")).toBe(false);
    expect(store.getState().cautionDistanceMetres).toBe(50);
    expect(service.act({ action: "mineral" }, "地热")).toBe(true);
    expect(store.getState().intendedMineral).toBe("地热");
  });

  it("saves the query and keeps the unsaved work as a draft", async () => {
    const { service, storage } = await setUp();
    await service.setParcel({ name: "A", geometry: SQUARE, origin: "pasted" }, { fit: false });
    service.flushDraft();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(storage.draft?.query?.parcel.name).toBe("A");
    expect(await service.save("地块甲")).toBe(true);
    expect((await storage.list()).ok && (await storage.list())).toMatchObject({ value: [{ name: "地块甲" }] });
    service.dispose();
  });
});
