import type { LayerSpecification, SourceSpecification } from "@maplibre/maplibre-gl-style-spec";

export const SKETCH_SOURCE_ID = "site-sketch";
export const PARCEL_SOURCE_ID = "site-parcel";

/** The checked parcel's colour: a magenta no manifest layer uses, legible on every basemap. */
export const PARCEL_COLOR = "#c2007a";
const CASING_COLOR = "#ffffff";

export const SKETCH_VERTEX_LAYER_ID = "site-sketch:vertex";
export const SKETCH_MIDPOINT_LAYER_ID = "site-sketch:midpoint";

export function emptySource(): SourceSpecification {
  return { type: "geojson", data: { type: "FeatureCollection", features: [] } };
}

/** The checked parcel (under the sketch, over every data layer): a light fill, a cased outline, a point marker. */
export function parcelLayers(): LayerSpecification[] {
  const source = PARCEL_SOURCE_ID;
  return [
    {
      id: "site-parcel:fill",
      type: "fill",
      source,
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": PARCEL_COLOR, "fill-opacity": 0.18 },
    },
    {
      id: "site-parcel:casing",
      type: "line",
      source,
      filter: ["!=", ["geometry-type"], "Point"],
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": CASING_COLOR, "line-width": 5 },
    },
    {
      id: "site-parcel:outline",
      type: "line",
      source,
      filter: ["!=", ["geometry-type"], "Point"],
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": PARCEL_COLOR, "line-width": 2.5 },
    },
    {
      id: "site-parcel:point",
      type: "circle",
      source,
      filter: ["==", ["geometry-type"], "Point"],
      paint: { "circle-color": PARCEL_COLOR, "circle-radius": 7, "circle-stroke-color": CASING_COLOR, "circle-stroke-width": 2.5 },
    },
  ];
}

/** The sketch being drawn or edited, on top of everything: area, edges, rubber band, midpoints, vertices. */
export function sketchLayers(): LayerSpecification[] {
  const source = SKETCH_SOURCE_ID;
  const role = (value: string) => ["==", ["get", "role"], value] as ["==", ["get", string], string];
  return [
    { id: "site-sketch:area", type: "fill", source, filter: role("area"), paint: { "fill-color": PARCEL_COLOR, "fill-opacity": 0.12 } },
    {
      id: "site-sketch:edge",
      type: "line",
      source,
      filter: role("edge"),
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": PARCEL_COLOR, "line-width": 2 },
    },
    {
      id: "site-sketch:rubber-band",
      type: "line",
      source,
      filter: role("rubber-band"),
      paint: { "line-color": PARCEL_COLOR, "line-width": 1.5, "line-dasharray": [2, 2] },
    },
    {
      id: SKETCH_MIDPOINT_LAYER_ID,
      type: "circle",
      source,
      filter: role("midpoint"),
      paint: { "circle-color": CASING_COLOR, "circle-opacity": 0.85, "circle-radius": 4, "circle-stroke-color": PARCEL_COLOR, "circle-stroke-width": 1 },
    },
    {
      id: SKETCH_VERTEX_LAYER_ID,
      type: "circle",
      source,
      filter: role("vertex"),
      paint: {
        "circle-color": ["case", ["==", ["get", "first"], true], PARCEL_COLOR, CASING_COLOR],
        "circle-radius": 6,
        "circle-stroke-color": PARCEL_COLOR,
        "circle-stroke-width": 2,
      },
    },
  ];
}
