import type { LocateFailure, UserLocation } from "../state/fieldSlice";

/** The parts of the browser locating uses, so tests can hand in fakes. */
export interface LocateEnvironment {
  geolocation: Geolocation | undefined;
  isSecureContext: boolean;
}

export function browserLocateEnvironment(): LocateEnvironment {
  return {
    geolocation: typeof navigator !== "undefined" && "geolocation" in navigator ? navigator.geolocation : undefined,
    isSecureContext: typeof window === "undefined" || window.isSecureContext,
  };
}

/** `GeolocationPositionError.code` → why; 1 PERMISSION_DENIED, 2 POSITION_UNAVAILABLE, 3 TIMEOUT. */
export function locateFailureOf(code: number): LocateFailure {
  return code === 1 ? "denied" : code === 3 ? "timeout" : "unavailable";
}

/** A fresh fix in the field matters more than speed; an old one (≤ 1 min) is fine when walking. */
const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 };

/** Asks the browser once for the user's position. Never rejects: every failure is a `failed` location with its reason. */
export function locateUser(environment: LocateEnvironment = browserLocateEnvironment()): Promise<UserLocation> {
  if (!environment.isSecureContext) return Promise.resolve({ type: "failed", reason: "insecure" });
  const geolocation = environment.geolocation;
  if (!geolocation || typeof geolocation.getCurrentPosition !== "function") {
    return Promise.resolve({ type: "failed", reason: "unsupported" });
  }
  return new Promise((resolve) => {
    try {
      geolocation.getCurrentPosition(
        (position) =>
          resolve({
            type: "located",
            lngLat: [position.coords.longitude, position.coords.latitude],
            accuracyMetres: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : 0,
            timestamp: position.timestamp,
          }),
        (error) => resolve({ type: "failed", reason: locateFailureOf(error.code) }),
        POSITION_OPTIONS,
      );
    } catch {
      resolve({ type: "failed", reason: "unavailable" });
    }
  });
}
