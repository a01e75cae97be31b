/** Image id of the diagonal hatch used where a feature's `hatchProperty` is true. */
export const HATCH_IMAGE_ID = "dazu-hatch";

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
  pixelRatio: number;
}

/**
 * Draws the hatch tile pixel by pixel: 45° stripes that join seamlessly across tiles, anti-aliased by distance,
 * at device pixel ratio 2. Plain pixels need no canvas and no network, and can be tested.
 */
export function createHatchPattern(
  color: [red: number, green: number, blue: number] = [55, 65, 81],
  alpha = 0.8,
  sizeCssPixels = 10,
  pixelRatio = 2,
): PatternImage {
  const size = sizeCssPixels * pixelRatio;
  const halfLineWidth = 0.75 * pixelRatio;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance from the pixel centre to the nearest stripe x + y ≡ 0 (mod size), measured across the stripe.
      const offset = (x + y + 1) % size;
      const distance = Math.min(offset, size - offset) / Math.SQRT2;
      const coverage = Math.max(0, Math.min(1, halfLineWidth + 0.5 - distance));
      const index = (y * size + x) * 4;
      data[index] = color[0];
      data[index + 1] = color[1];
      data[index + 2] = color[2];
      data[index + 3] = Math.round(255 * alpha * coverage);
    }
  }
  return { width: size, height: size, data, pixelRatio };
}
