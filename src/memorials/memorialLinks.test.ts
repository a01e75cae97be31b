import { describe, expect, it } from "vitest";
import { memorialCodec, memorialShareUrl, shareLink, type ShareEnvironment } from "./memorialLinks";

describe("memorial links", () => {
  it("reads memorial= from its own parameter, ignores an empty one, and writes nothing for no card", () => {
    expect(memorialCodec.parse(new Map([["memorial", "memorial-hu-zaiguo"]]))).toBe("memorial-hu-zaiguo");
    expect(memorialCodec.parse(new Map())).toBeNull();
    expect(memorialCodec.parse(new Map([["memorial", ""]]))).toBeNull();
    expect(memorialCodec.format("memorial-hu-zaiguo")).toEqual([["memorial", "memorial-hu-zaiguo"]]);
    expect(memorialCodec.format(null)).toEqual([]);
  });

  it("shares a fresh link to the card, in English only when the sharer reads English", () => {
    const page = "https://example.org/dazu/index.html?data=geodata/#v=12/29.5/105.6&layers=district&memorial=old";
    expect(memorialShareUrl(page, "memorial-yang-shengjin", "zh")).toBe("https://example.org/dazu/index.html?data=geodata/#memorial=memorial-yang-shengjin");
    expect(memorialShareUrl(page, "memorial-yang-shengjin", "en")).toBe(
      "https://example.org/dazu/index.html?data=geodata/#memorial=memorial-yang-shengjin&lang=en",
    );
    expect(new URL(memorialShareUrl(page, "memorial-su-chaomiao", "zh")).hash).toBe("#memorial=memorial-su-chaomiao");
  });
});

describe("shareLink", () => {
  const data = { title: "胡在国烈士墓", text: "胡在国烈士墓（大足府办发〔2023〕47号）", url: "https://example.org/#memorial=memorial-hu-zaiguo" };

  function environment(parts: { share?: "ok" | "abort" | "fail"; clipboard?: "ok" | "fail" }) {
    const calls: string[] = [];
    const env: ShareEnvironment = {};
    if (parts.share) {
      env.share = async (shared) => {
        calls.push(`share ${shared.url}`);
        if (parts.share === "abort") throw new DOMException("cancelled", "AbortError");
        if (parts.share === "fail") throw new DOMException("not allowed", "NotAllowedError");
      };
    }
    if (parts.clipboard) {
      env.writeClipboard = async (text) => {
        calls.push(`copy ${text}`);
        if (parts.clipboard === "fail") throw new Error("denied");
      };
    }
    return { env, calls };
  }

  it("uses the share sheet where there is one", async () => {
    const { env, calls } = environment({ share: "ok", clipboard: "ok" });
    expect(await shareLink(data, env)).toBe("shared");
    expect(calls).toEqual([`share ${data.url}`]);
  });

  it("treats a cancelled share sheet as nothing to report", async () => {
    const { env, calls } = environment({ share: "abort", clipboard: "ok" });
    expect(await shareLink(data, env)).toBe("cancelled");
    expect(calls).toHaveLength(1);
  });

  it("falls back to the clipboard, then to copying by hand", async () => {
    expect(await shareLink(data, environment({ share: "fail", clipboard: "ok" }).env)).toBe("copied");
    expect(await shareLink(data, environment({ clipboard: "ok" }).env)).toBe("copied");
    expect(await shareLink(data, environment({ clipboard: "fail" }).env)).toBe("manual");
    expect(await shareLink(data, environment({}).env)).toBe("manual");
  });
});
