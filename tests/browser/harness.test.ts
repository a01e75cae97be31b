import { afterEach, describe, expect, inject, it } from "vitest";
import { openApp, webgl2Renderer, type AppSession } from "./driver";

const baseUrl = inject("baseUrl");
let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("browser harness", () => {
  it("serves the built page on loopback and gives it a WebGL2 context", async () => {
    session = await openApp(baseUrl, "/");
    expect(new URL(session.page.url()).hostname).toBe("127.0.0.1");
    await expect.poll(() => session!.page.locator("#map").count(), { timeout: 30_000 }).toBe(1);
    expect(await webgl2Renderer(session.page)).toMatch(/\S/);
    expect(session.httpErrors).toEqual([]);
  });

  it("aborts and records requests that leave the machine", async () => {
    session = await openApp(baseUrl, "/");
    const outcome = await session.page.evaluate(() =>
      fetch("https://tile.openstreetmap.org/0/0/0.png").then(
        () => "loaded",
        () => "failed",
      ),
    );
    expect(outcome).toBe("failed");
    expect(session.offHostRequests).toEqual(["https://tile.openstreetmap.org/0/0/0.png"]);
  });

  it("answers faked paths without reaching the server", async () => {
    session = await openApp(baseUrl, "/", {
      fakeResponses: [{ pathEndsWith: "/geodata/harness-probe.json", body: '{"faked":true}' }],
    });
    const body = await session.page.evaluate(() => fetch("./geodata/harness-probe.json").then((response) => response.json()));
    expect(body).toEqual({ faked: true });
    expect(session.fakedRequests).toHaveLength(1);
  });
});
