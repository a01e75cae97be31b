import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { formatGaussKruger, formatWgs84 } from "./formatCoordinates";

describe("coordinate formatting", () => {
  it("prints WGS-84 degrees to 5 decimals with hemispheres", () => {
    expect(formatWgs84([105.7181, 29.7097])).toBe("29.70970°N 105.71810°E");
    expect(formatWgs84([-0.123456, -33.9])).toBe("33.90000°S 0.12346°W");
  });

  it("prints CGCS2000 GK CM105°E metres matching an independent proj4 transform", () => {
    const seat: [number, number] = [105.7181, 29.7097];
    const [easting, northing] = proj4(
      "+proj=longlat +ellps=GRS80 +no_defs",
      "+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
      seat,
    ) as [number, number];
    expect(formatGaussKruger(seat)).toBe(`E ${easting.toFixed(1)} N ${northing.toFixed(1)}`);
    expect(formatGaussKruger(seat)).toMatch(/^E 569\d{3}\.\d N 3288\d{3}\.\d$/);
  });

  it("gives no projected figures outside the 3° zone", () => {
    expect(formatGaussKruger([107, 29.7])).toBeNull();
    expect(formatGaussKruger([103.4, 29.7])).toBeNull();
  });
});
