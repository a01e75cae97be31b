import type { Position } from "geojson";
import type { ParcelGeometry } from "../check/types";
import { lngLatToGaussKruger } from "../geo/crs";
import { areaFigures, toHectares } from "../geo/measure";

/** Eastings in the exchange file carry the zone number, as 带号=35 in its header says (EPSG:4523). */
const ZONE_PREFIX_METRES = 35_000_000;

export interface BoundaryTextOptions {
  name: string;
  /** yyyy-mm-dd, the 数据产生日期. */
  date: string;
  /** 地块编号; defaults to the name. */
  code?: string;
}

function clean(field: string): string {
  // Commas and @ are the format's separators; a name must not contain them.
  return field.replace(/[,，@\r\n]/g, " ").trim();
}

function ringsOf(geometry: ParcelGeometry): { kind: "面" | "线" | "点"; rings: Position[][] } {
  switch (geometry.type) {
    case "Point":
      return { kind: "点", rings: [[geometry.coordinates]] };
    case "LineString":
      return { kind: "线", rings: [geometry.coordinates] };
    case "Polygon":
      return { kind: "面", rings: geometry.coordinates };
    case "MultiPolygon":
      return { kind: "面", rings: geometry.coordinates.flat() };
  }
}

function isClosed(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

/**
 * The parcel as a 界址点坐标 exchange TXT: CGCS2000 3° Gauss–Krüger zone 35, one row `J<n>,<ring>,X,Y` per vertex
 * with X the northing first and Y the easting with its zone number, millimetres; each polygon ring repeats its first
 * point at the end, as surveyors' files do. MultiPolygon parts and holes are numbered rings in order.
 */
export function boundaryText(geometry: ParcelGeometry, options: BoundaryTextOptions): string {
  const { kind, rings } = ringsOf(geometry);
  const rows: string[] = [];
  let label = 0;
  let points = 0;
  rings.forEach((ring, ringIndex) => {
    const closed = kind === "面" && isClosed(ring);
    const open = closed ? ring.slice(0, -1) : ring;
    const firstLabel = label + 1;
    const format = (position: Position, name: number) => {
      const [easting, northing] = lngLatToGaussKruger([position[0]!, position[1]!]);
      points++;
      return `J${name},${ringIndex + 1},${northing.toFixed(3)},${(easting + ZONE_PREFIX_METRES).toFixed(3)}`;
    };
    for (const position of open) rows.push(format(position, ++label));
    if (kind === "面" && open.length > 0) rows.push(format(open[0]!, firstLabel));
  });
  const hectares = kind === "面" ? toHectares(areaFigures(geometry).gaussKrugerSquareMetres).toFixed(4) : "";
  const name = clean(options.name);
  return [
    "[属性描述]",
    "格式版本号=1.01版本",
    "数据产生单位=",
    `数据产生日期=${options.date}`,
    "坐标系=2000国家大地坐标系",
    "几度分带=3",
    "投影类型=高斯克吕格",
    "计量单位=米",
    "带号=35",
    "精度=0.001",
    "转换参数=,,,,,,",
    "[地块坐标]",
    `${points},${hectares},${clean(options.code ?? name)},${name},${kind},,,,@`,
    ...rows,
    "",
  ].join("\r\n");
}
