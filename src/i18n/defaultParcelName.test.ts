import { describe, expect, it } from "vitest";
import { importPastedCoordinates } from "../import/pasteCoordinates";
import { defaultParcelName, defaultParcelOrdinal, drawnParcelName, isMadeUpParcelName, linkedParcelName, parcelName } from "./defaultParcelName";
import { importMessageText } from "./messages.import";

describe("default parcel name", () => {
  it("is 地块 in Chinese and Parcel in English, numbered when the input held several", () => {
    expect(parcelName(defaultParcelName(), "zh")).toBe("地块");
    expect(parcelName(defaultParcelName(), "en")).toBe("Parcel");
    expect(parcelName(defaultParcelName(12), "zh")).toBe("地块12");
    expect(parcelName(defaultParcelName(12), "en")).toBe("Parcel 12");
  });

  it("names a drawn site by its time and a linked site, in the reader's language", () => {
    expect(parcelName(drawnParcelName("14:05"), "zh")).toBe("绘制地块 14:05");
    expect(parcelName(drawnParcelName("14:05"), "en")).toBe("Drawn site 14:05");
    expect(parcelName(linkedParcelName(), "zh")).toBe("链接中的地块");
    expect(parcelName(linkedParcelName(), "en")).toBe("Site from a link");
    expect([drawnParcelName("09:30"), linkedParcelName(), defaultParcelName(3)].every(isMadeUpParcelName)).toBe(true);
  });

  it("leaves a name the input gave as it is, in both languages", () => {
    for (const name of ["地块", "地块2", "宝顶测试地块", "#2", "parcel", "⟨parcel⟩ 2", "⟨drawn 9:30⟩", "绘制地块 14:05", ""]) {
      expect(defaultParcelOrdinal(name)).toBeUndefined();
      expect(isMadeUpParcelName(name)).toBe(false);
      expect(parcelName(name, "en")).toBe(name);
    }
  });

  it("names a pasted parcel without a name line with the marker", () => {
    const result = importPastedCoordinates("105.70 29.70\n105.71 29.70\n105.71 29.71\n105.70 29.71");
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    expect(defaultParcelOrdinal(result.parcels[0]!.name)).toBeNull();
    expect(parcelName(result.parcels[0]!.name, "en")).toBe("Parcel");
  });
});
