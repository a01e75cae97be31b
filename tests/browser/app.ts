import type { Page, ScreenBox } from "./driver";

/** The test hook the app installs on `window` (see the viewer tests). */
export interface DazuTestHook {
  ready: Promise<void>;
  whenIdle(): Promise<void>;
  renderedFeatureCount(layerId: string): number;
  districtScreenBox(): ScreenBox;
  getState(): unknown;
  loadErrors(): string[];
}

/** `window` as the tests see it; not a global augmentation, so the app may declare the hook its own way. */
type HookedWindow = { __dazuTest?: DazuTestHook };

/** Waits for the hook, then for `ready` (manifest and layers loaded, first idle map). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as HookedWindow).__dazuTest !== undefined, undefined, { timeout: 90_000 });
  await page.evaluate(async () => {
    await (window as unknown as HookedWindow).__dazuTest!.ready;
  });
}

export async function whenIdle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (window as unknown as HookedWindow).__dazuTest!.whenIdle();
  });
}

export async function renderedFeatureCount(page: Page, layerId: string): Promise<number> {
  return page.evaluate((id) => (window as unknown as HookedWindow).__dazuTest!.renderedFeatureCount(id), layerId);
}

export async function districtScreenBox(page: Page): Promise<ScreenBox> {
  return page.evaluate(() => (window as unknown as HookedWindow).__dazuTest!.districtScreenBox());
}

export async function appState(page: Page): Promise<unknown> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as HookedWindow).__dazuTest!.getState())) as unknown);
}

export async function loadErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as HookedWindow).__dazuTest!.loadErrors());
}

async function hasTestHook(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as HookedWindow).__dazuTest !== undefined);
}
