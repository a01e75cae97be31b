import { describe, expect, it } from "vitest";
import { featureSelection, SELECTION_NONE } from "./selection";
import { layerDefaultsOf } from "./layersSlice";
import { fixtureManifest } from "../../tests/support/testManifest";
import { formatHash, hashStateOf, layersFromHash, parseHash, withHashParameter, type ShareableState } from "./urlHash";

const manifest = fixtureManifest();
const layerOrder = manifest.layers.map((layer) => layer.id);
const layerDefaults = layerDefaultsOf(manifest);

function shareable(overrides: Partial<ShareableState> = {}): ShareableState {
  return {
    camera: null,
    layers: layerDefaults,
    layerDefaults,
    layerOrder,
    basemap: "none",
    language: "zh",
    selection: SELECTION_NONE,
    ...overrides,
  };
}

describe("URL hash", () => {
  it("is empty when everything is default", () => {
    expect(formatHash(hashStateOf(shareable()))).toBe("");
  });

  it("writes a compact, readable hash", () => {
    const layers = {
      ...layerDefaults,
      towns: { visible: false, opacity: 0.9 },
      "fee-zones": { visible: true, opacity: 0.7 },
    };
    const hash = formatHash(
      hashStateOf(
        shareable({
          camera: { center: [105.718104, 29.709702], zoom: 11.234, bearing: 0, pitch: 0 },
          layers,
          basemap: "osm",
          language: "en",
          selection: featureSelection("memorials", "memorial-dazu"),
        }),
      ),
    );
    expect(hash).toBe(
      "#v=11.23/29.7097/105.7181&layers=district,fee-zones,exploration-blocks,memorials&op=fee-zones:0.7&base=osm&lang=en&sel=memorials/memorial-dazu",
    );
  });

  it("round-trips store state through the hash", () => {
    const original = shareable({
      camera: { center: [105.71811, 29.70972], zoom: 12.5, bearing: -30.5, pitch: 40 },
      layers: { ...layerDefaults, "development-axes": { visible: true, opacity: 0.25 }, district: { visible: false, opacity: 1 } },
      basemap: "tianditu-imagery",
      language: "en",
      selection: featureSelection("towns", "gulong"),
    });
    const parsed = parseHash(formatHash(hashStateOf(original))).state;
    expect(parsed.camera).toEqual(original.camera);
    expect(layersFromHash(parsed, layerDefaults)).toEqual(original.layers);
    expect(parsed.basemap).toBe("tianditu-imagery");
    expect(parsed.language).toBe("en");
    expect(parsed.selection).toEqual(original.selection);
  });

  it("distinguishes 'all layers hidden' from 'defaults'", () => {
    const hidden = Object.fromEntries(layerOrder.map((id) => [id, { visible: false, opacity: layerDefaults[id]!.opacity }]));
    const hash = formatHash(hashStateOf(shareable({ layers: hidden })));
    expect(hash).toBe("#layers=");
    expect(layersFromHash(parseHash(hash).state, layerDefaults)).toEqual(hidden);
    expect(layersFromHash(parseHash("").state, layerDefaults)).toEqual(layerDefaults);
  });

  it("keeps parameters it does not own, after its own", () => {
    const parsed = parseHash("#feature=towns/gulong&lang=en&doc=dzf-2023-13%23s1.p1");
    expect(parsed.otherParameters).toEqual([
      ["feature", "towns/gulong"],
      ["doc", "dzf-2023-13#s1.p1"],
    ]);
    expect(formatHash(parsed.state, parsed.otherParameters)).toBe("#lang=en&feature=towns/gulong&doc=dzf-2023-13%23s1.p1");
  });

  it("ignores malformed values one by one", () => {
    const { state } = parseHash("#v=abc/1/2&layers=towns&op=towns:2,district:x,memorials:0.5&base=google&lang=fr&sel=towns&%E0%A4%A=1");
    expect(state).toEqual({ visibleLayers: ["towns"], opacities: { memorials: 0.5 } });
    expect(parseHash("#v=11/95/105").state.camera).toBeUndefined();
    expect(parseHash("#v=11/29.7/105.7/10").state.camera).toBeUndefined();
    expect(parseHash("garbage").state).toEqual({});
  });

  it("drops unknown layer ids when applying", () => {
    const layers = layersFromHash(parseHash("#layers=towns,ghost&op=ghost:0.1").state, layerDefaults);
    expect(Object.keys(layers)).toEqual(layerOrder);
    expect(layers.towns?.visible).toBe(true);
    expect(layers.district?.visible).toBe(false);
  });

  it("lets other modules set their own parameter without touching the rest", () => {
    expect(withHashParameter("#v=10/29.7/105.7&lang=en", "feature", "towns/gulong")).toBe("#v=10/29.7/105.7&lang=en&feature=towns/gulong");
    expect(withHashParameter("#feature=a&lang=en", "feature", "b")).toBe("#feature=b&lang=en");
    expect(withHashParameter("#feature=a&lang=en", "feature", null)).toBe("#lang=en");
    expect(withHashParameter("#feature=a", "feature", null)).toBe("");
    expect(withHashParameter("", "doc", "dzf-2023-13#s1.p1")).toBe("#doc=dzf-2023-13%23s1.p1");
  });
});
