import { afterEach, describe, expect, inject, it } from "vitest";
import { appState, waitForApp, whenIdle } from "./app";
import { openApp, type AppSession, type OpenOptions } from "./driver";

const baseUrl = inject("baseUrl");
const RAO_GUOLIANG = "memorial-rao-guoliang";

const sessions: AppSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function openReady(options: OpenOptions = {}): Promise<AppSession> {
  const session = await openApp(baseUrl, "/", options);
  sessions.push(session);
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

interface ViewState {
  layers: Record<string, { visible: boolean; opacity: number }>;
  view: { type: "district" | "camera"; center?: [number, number]; zoom?: number };
  language: string;
  selection: { type: string; layerId?: string; featureId?: string };
  reader: { type: string; documentId?: string };
}

describe("share the current view", () => {
  it("copies a link that opens a new page on the same view: camera, layers, selection and language", async () => {
    // A camera of its own, off the district's default view, so the reopened camera cannot be the default one.
    const { page, consoleErrors } = await openReady({ hash: `#v=12.5/29.62/105.75&feature=memorials/${RAO_GUOLIANG}` });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl).origin });
    await expect.poll(() => page.locator("[data-inspector-name]").innerText(), { timeout: 30_000 }).toBe("饶国梁烈士纪念碑");

    await page.locator('[data-action="toggle-language"]').click();
    const shareButton = page.locator('[data-action="share-view"]');
    expect(await shareButton.innerText()).toBe("Share");
    // A layer shown by default, switched off: the link must say so.
    const before = (await appState(page)) as ViewState;
    const hiddenId = Object.keys(before.layers).find((id) => id !== "memorials" && before.layers[id]!.visible)!;
    await page.locator(`[data-layer-toggle="${hiddenId}"]`).uncheck();
    await whenIdle(page);

    await shareButton.click();
    await expect.poll(() => page.locator("[data-share-view-status]").innerText(), { timeout: 10_000 }).toContain("Link to this view copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(baseUrl)).toBe(true);
    const hash = new URL(copied).hash;
    expect(hash).toContain("lang=en");
    expect(hash).toContain(`feature=memorials/${RAO_GUOLIANG}`);
    expect(hash).toContain("v=12.5/29.62/105.75");
    expect(hash).toMatch(/(?:^#|&)layers=/);
    const shared = (await appState(page)) as ViewState;

    const reopened = await openReady({ hash });
    const state = (await appState(reopened.page)) as ViewState;
    expect(state.language).toBe("en");
    expect(state.selection).toEqual({ type: "feature", layerId: "memorials", featureId: RAO_GUOLIANG });
    expect(state.layers[hiddenId]?.visible).toBe(false);
    for (const [id, layer] of Object.entries(shared.layers)) expect(state.layers[id]?.visible, `${id} visible`).toBe(layer.visible);
    expect(state.view.type).toBe("camera");
    expect(state.view.zoom).toBeCloseTo(shared.view.zoom!, 1);
    expect(state.view.center![0]).toBeCloseTo(shared.view.center![0], 4);
    expect(state.view.center![1]).toBeCloseTo(shared.view.center![1], 4);
    await expect.poll(() => reopened.page.locator("[data-inspector-name]").innerText(), { timeout: 30_000 }).toBe("Monument to Martyr Rao Guoliang");
    expect(await reopened.page.locator('[data-action="share-view"]').innerText()).toBe("Share");
    expect(consoleErrors).toEqual([]);
  });

  it("shows the link to copy by hand when the clipboard refuses", async () => {
    const { page } = await openReady({ hash: "#lang=en" });
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } });
    });
    await page.locator('[data-action="share-view"]').click();
    const field = page.locator("[data-share-view-link]");
    await expect.poll(() => field.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(new URL(await field.inputValue()).hash).toBe("#lang=en");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-share-view-link"))).toBe(true);
    await page.keyboard.press("Escape");
    expect(await field.count()).toBe(0);
  });

  it("opening a text search result drops the feature link of the selection before it", async () => {
    const { page } = await openReady({ hash: `#feature=memorials/${RAO_GUOLIANG}` });
    await expect.poll(async () => ((await appState(page)) as ViewState).selection.type, { timeout: 30_000 }).toBe("feature");
    const input = page.locator("[data-search-input]");
    await input.click();
    await input.pressSequentially("饶国梁");
    const clauseHit = page.locator('[data-search-group="clause"] [data-result-key="clause:dzfb-2023-47#s1"]');
    await expect.poll(() => clauseHit.count(), { timeout: 30_000 }).toBe(1);
    await clauseHit.click();

    await expect
      .poll(async () => ((await appState(page)) as ViewState).reader, { timeout: 30_000 })
      .toMatchObject({ type: "open", documentId: "dzfb-2023-47" });
    expect(((await appState(page)) as ViewState).selection.type).toBe("none");
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toContain("doc=dzfb-2023-47");
    expect(new URL(page.url()).hash).not.toContain("feature=");
  });
});
