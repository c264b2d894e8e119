/** Test support: web-mercator tile addresses. */

export type TileAddress = [z: number, x: number, y: number];

/** The web-mercator tile at zoom z holding lon/lat (degrees). */
export function tileOf(lon: number, lat: number, z: number): TileAddress {
  const size = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * size;
  return [z, Math.floor(((lon + 180) / 360) * size), Math.floor(y)];
}
