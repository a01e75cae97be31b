/**
 * PMTiles v3 tile ids: every tile of lower zooms first, then the tile's position along the zoom's Hilbert curve,
 * so tiles near each other on the map sit near each other in the archive.
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > 26) throw new Error(`zoom ${z} is above the 26 PMTiles supports`);
  const side = 2 ** z;
  if (x < 0 || y < 0 || x >= side || y >= side) throw new Error(`tile ${z}/${x}/${y} is outside zoom ${z}`);
  // Tiles on all lower zooms: 4⁰ + 4¹ + … + 4^(z−1).
  const before = (4 ** z - 1) / 3;
  let distance = 0;
  let column = x;
  let row = y;
  for (let half = side / 2; half >= 1; half /= 2) {
    const right = (column & half) > 0 ? 1 : 0;
    const lower = (row & half) > 0 ? 1 : 0;
    distance += half * half * ((3 * right) ^ lower);
    // Rotate the quadrant so the curve continues where the previous one ended.
    if (lower === 0) {
      if (right === 1) {
        column = side - 1 - column;
        row = side - 1 - row;
      }
      [column, row] = [row, column];
    }
  }
  return before + distance;
}
