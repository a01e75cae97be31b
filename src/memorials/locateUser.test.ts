import { describe, expect, it } from "vitest";
import { locateFailureOf, locateUser, type LocateEnvironment } from "./locateUser";

function fakeGeolocation(answer: { position?: { longitude: number; latitude: number; accuracy: number }; errorCode?: number; throws?: boolean }): Geolocation {
  return {
    getCurrentPosition: (success: PositionCallback, failure?: PositionErrorCallback | null) => {
      if (answer.throws) throw new Error("blocked by policy");
      if (answer.position) {
        success({ coords: { ...answer.position }, timestamp: 1000 } as unknown as GeolocationPosition);
      } else {
        failure?.({ code: answer.errorCode ?? 2, message: "" } as GeolocationPositionError);
      }
    },
    watchPosition: () => 0,
    clearWatch: () => undefined,
  };
}

const secure = (geolocation: Geolocation | undefined): LocateEnvironment => ({ geolocation, isSecureContext: true });

describe("locateUser", () => {
  it("returns the fix as [longitude, latitude] with its accuracy", async () => {
    const location = await locateUser(secure(fakeGeolocation({ position: { longitude: 105.665, latitude: 29.54, accuracy: 30 } })));
    expect(location).toEqual({ type: "located", lngLat: [105.665, 29.54], accuracyMetres: 30, timestamp: 1000 });
  });

  it("names each failure instead of throwing", async () => {
    expect(await locateUser(secure(fakeGeolocation({ errorCode: 1 })))).toEqual({ type: "failed", reason: "denied" });
    expect(await locateUser(secure(fakeGeolocation({ errorCode: 2 })))).toEqual({ type: "failed", reason: "unavailable" });
    expect(await locateUser(secure(fakeGeolocation({ errorCode: 3 })))).toEqual({ type: "failed", reason: "timeout" });
    expect(await locateUser(secure(fakeGeolocation({ throws: true })))).toEqual({ type: "failed", reason: "unavailable" });
    expect(await locateUser(secure(undefined))).toEqual({ type: "failed", reason: "unsupported" });
    expect(await locateUser({ geolocation: fakeGeolocation({ errorCode: 1 }), isSecureContext: false })).toEqual({
      type: "failed",
      reason: "insecure",
    });
  });

  it("maps the error codes", () => {
    expect([1, 2, 3, 99].map(locateFailureOf)).toEqual(["denied", "unavailable", "timeout", "unavailable"]);
  });
});
