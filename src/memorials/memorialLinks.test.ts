import { describe, expect, it } from "vitest";
import { hashWithMemorial, memorialIdFromHash, memorialShareUrl, shareLink, type ShareEnvironment } from "./memorialLinks";

describe("memorial links", () => {
  it("reads and writes memorial= without touching the other parameters", () => {
    expect(memorialIdFromHash("#v=11/29.7/105.7&memorial=memorial-hu-zaiguo&lang=en")).toBe("memorial-hu-zaiguo");
    expect(memorialIdFromHash("#v=11/29.7/105.7")).toBeNull();
    expect(memorialIdFromHash("#memorial=")).toBeNull();
    expect(hashWithMemorial("#v=11/29.7/105.7&lang=en", "memorial-hu-zaiguo")).toBe("#v=11/29.7/105.7&lang=en&memorial=memorial-hu-zaiguo");
    expect(hashWithMemorial("#memorial=a&layers=district", "b")).toBe("#memorial=b&layers=district");
    expect(hashWithMemorial("#layers=district&memorial=a", null)).toBe("#layers=district");
    expect(hashWithMemorial("#memorial=a", null)).toBe("");
  });

  it("shares a fresh link to the card, in English only when the sharer reads English", () => {
    const page = "https://example.org/dazu/index.html?data=geodata/#v=12/29.5/105.6&layers=district&memorial=old";
    expect(memorialShareUrl(page, "memorial-yang-shengjin", "zh")).toBe(
      "https://example.org/dazu/index.html?data=geodata/#memorial=memorial-yang-shengjin",
    );
    expect(memorialShareUrl(page, "memorial-yang-shengjin", "en")).toBe(
      "https://example.org/dazu/index.html?data=geodata/#memorial=memorial-yang-shengjin&lang=en",
    );
    expect(memorialIdFromHash(new URL(memorialShareUrl(page, "memorial-su-chaomiao", "zh")).hash)).toBe("memorial-su-chaomiao");
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
