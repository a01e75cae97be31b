import { describe, expect, it } from "vitest";
import { encodeGbk } from "./gbk";

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).toUpperCase().padStart(2, "0")).join(" ");

describe("encodeGbk", () => {
  it("writes 大足 as the GBK bytes B4 F3 D7 E3 and ASCII as itself", () => {
    const { bytes, replaced } = encodeGbk("大足 A1,");
    expect(hex(bytes)).toBe("B4 F3 D7 E3 20 41 31 2C");
    expect(replaced).toBe(0);
  });

  it("round-trips the texts of a summary through the platform's GBK decoder", () => {
    const text = "地块名称,宗地编号,面积（亩）\r\n宝顶镇测试地块,DZ-001,1500.00,？ 无法判定,○ 区外不适用,〔2023〕13号,— 无数据,“引号”、；\r\n";
    const { bytes, replaced } = encodeGbk(text);
    expect(replaced).toBe(0);
    expect(new TextDecoder("gbk").decode(bytes)).toBe(text);
  });

  it("writes our status marks and m² as their nearest GBK characters, uncounted", () => {
    const { bytes, replaced } = encodeGbk("✔ 未涉及 ✖ 受限制 ⚠ m²");
    expect(new TextDecoder("gbk").decode(bytes)).toBe("√ 未涉及 × 受限制 ! m2");
    expect(replaced).toBe(0);
  });

  it("writes a character GBK lacks as one ? each and counts it, a character outside the BMP included", () => {
    // 𠀀 (U+20000) is one character of two UTF-16 units; 😀 likewise; ẞ (U+1E9E) has no GBK code.
    const { bytes, replaced } = encodeGbk("地块𠀀😀ẞ号");
    expect(new TextDecoder("gbk").decode(bytes)).toBe("地块???号");
    expect(replaced).toBe(3);
  });

  it("writes the euro sign as the single byte 80, as code page 936 does", () => {
    expect(hex(encodeGbk("€").bytes)).toBe("80");
  });
});
