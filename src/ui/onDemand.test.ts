import { describe, expect, it, vi } from "vitest";
import { onDemand } from "./onDemand";

describe("onDemand", () => {
  it("starts the load once, whoever asks, and tells onLoaded once", async () => {
    const start = vi.fn(async () => ({ answer: 42 }));
    const onLoaded = vi.fn();
    const module = onDemand(start, onLoaded);
    expect(module.loaded()).toBeNull();
    expect(module.requested()).toBe(false);
    expect(start).not.toHaveBeenCalled();
    const loading = module.load();
    expect(module.requested()).toBe(true);
    expect(module.loaded()).toBeNull();
    const [first, second] = await Promise.all([loading, module.load()]);
    expect(first).toBe(second);
    expect(module.loaded()).toEqual({ answer: 42 });
    await module.load();
    expect(start).toHaveBeenCalledTimes(1);
    expect(onLoaded).toHaveBeenCalledTimes(1);
    expect(onLoaded).toHaveBeenCalledWith({ answer: 42 });
  });

  it("keeps a failed load failed rather than starting it again", async () => {
    const start = vi.fn(async () => {
      throw new Error("offline");
    });
    const module = onDemand(start);
    await expect(module.load()).rejects.toThrow("offline");
    await expect(module.load()).rejects.toThrow("offline");
    expect(start).toHaveBeenCalledTimes(1);
    expect(module.loaded()).toBeNull();
  });
});
