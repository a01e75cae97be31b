import { describe, expect, it } from "vitest";
import { dbfEncoding } from "./importShapefile";
import { decodeText, htmlToText, pickName, plainProperties, statedAreaFromProperties } from "./text";

/** "大足" in GBK: B4 F3 D7 E3. */
const DAZU_GBK = new Uint8Array([0xb4, 0xf3, 0xd7, 0xe3]);

describe("decodeText", () => {
  it("reads UTF-8, with or without BOM, and falls back to GBK", () => {
    expect(decodeText(new TextEncoder().encode("大足"))).toEqual({ text: "大足", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("大足")]))).toEqual({ text: "大足", encoding: "utf-8" });
    expect(decodeText(DAZU_GBK)).toEqual({ text: "大足", encoding: "gbk" });
  });
});

describe("htmlToText and plainProperties", () => {
  it("drops tags and scripts and decodes entities", () => {
    expect(htmlToText("<table><tr><td>用途</td><td>工业</td></tr></table><script>x()</script>&lt;1&gt; &#x5927;&#36275;")).toBe("用途 工业\n<1> 大足");
    expect(htmlToText("<p>a < b</p><!-- <b>hidden</b> --><STYLE>p{}</STYLE>c<br/>d")).toBe("a < b\nc\nd");
  });

  it("reduces HTML only under the keys named as HTML", () => {
    expect(plainProperties({ description: "<p>用途：<b>工业</b></p>", name: "<b>宝顶</b>" }, new Set(), new Set(["description"]))).toEqual({
      description: "用途：工业",
      name: "<b>宝顶</b>",
    });
  });

  it("takes linear time on hostile markup", () => {
    for (const hostile of [
      "<".repeat(100_000),
      "<script".repeat(20_000),
      `<b>${"\u3000".repeat(50_000)}x`,
      "<a".repeat(50_000),
      "<script></script>".repeat(6_000),
    ]) {
      const started = performance.now();
      htmlToText(hostile);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });

  it("writes nested values as bounded JSON text, however deep", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    expect(plainProperties({ deep, wide: Array.from({ length: 1000 }, (_, index) => index) })).toEqual({
      deep: "[[[[[[[[[…]]]]]]]]]",
      wide: `[${Array.from({ length: 100 }, (_, index) => index).join(",")},"…"]`,
    });
  });

  it("keeps only strings and finite numbers, without unsafe keys", () => {
    const properties = plainProperties(JSON.parse('{"__proto__":{"polluted":1},"a":1,"b":NaN,"c":true,"d":"<i>x</i>","e":""}'.replace("NaN", "null")));
    expect(properties).toEqual({ a: 1, c: "true", d: "<i>x</i>" });
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(plainProperties({ n: Number.POSITIVE_INFINITY, date: new Date("2023-06-01T00:00:00Z") })).toEqual({ date: "2023-06-01" });
  });

  it("picks a Chinese name field first", () => {
    expect(pickName({ id: 7, 名称: "宝顶" }, "x")).toBe("宝顶");
    expect(pickName({}, "默认")).toBe("默认");
  });

  it("reads a stated area only when the field says its unit", () => {
    expect(statedAreaFromProperties({ "面积(公顷)": 12.5 })).toBe(12.5);
    expect(statedAreaFromProperties({ 面积亩: 150 })).toBe(10);
    expect(statedAreaFromProperties({ "面积(平方米)": 25_000 })).toBe(2.5);
    expect(statedAreaFromProperties({ 面积: 12.5 })).toBeUndefined();
  });
});

describe("dbfEncoding", () => {
  const header = (languageDriver: number, body: Uint8Array): Uint8Array => {
    const bytes = new Uint8Array(32 + body.length);
    bytes[29] = languageDriver;
    bytes.set(body, 32);
    return bytes;
  };
  it("honours the .cpg, then the language driver, then checks for UTF-8, then falls back to GBK", () => {
    expect(dbfEncoding("GBK", header(0, DAZU_GBK))).toEqual({ label: "gbk", source: "cpg" });
    expect(dbfEncoding("936", header(0, DAZU_GBK))).toEqual({ label: "gbk", source: "cpg" });
    expect(dbfEncoding("UTF-8\r\n", header(0, DAZU_GBK))).toEqual({ label: "utf-8", source: "cpg" });
    expect(dbfEncoding(undefined, header(0x4d, DAZU_GBK))).toEqual({ label: "gbk", source: "language-driver" });
    expect(dbfEncoding(undefined, header(0, new TextEncoder().encode("大足")))).toEqual({ label: "utf-8", source: "utf-8-check" });
    expect(dbfEncoding("ANSI", header(0x57, DAZU_GBK))).toEqual({ label: "gbk", source: "gbk-fallback" });
  });
});
