/**
 * A small static map of a carrier in its district (issue #13): SVG path data computed at build
 * time from the geometry, so the profile page needs no map library and reads without JavaScript.
 * Neighbouring districts are clipped to the frame (turf's bboxClip).
 * Longitude is scaled by cos(latitude) at the frame's centre (an equirectangular view, fine for a
 * frame of a few kilometres); coordinates are rounded to 0.1 px.
 *
 * @example
 * const map = miniMap(districts, feature, 320);
 * map.viewBox // '0 0 320 214'
 * map.shape?.kind // 'area' for the 三园, undefined when the feature has no geometry
 */
import { bboxClip } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  Polygon,
  MultiPolygon,
  Position
} from 'geojson';

export interface MiniMapDistrict {
  name: string;
  /** The district the plan is about (凌河区). */
  emphasised: boolean;
  d: string;
}

export interface MiniMap {
  width: number;
  height: number;
  viewBox: string;
  districts: MiniMapDistrict[];
  /** The carrier: an outline, a line or a point; null when it has no geometry. */
  shape: { kind: 'area' | 'line'; d: string } | { kind: 'point'; x: number; y: number } | null;
}

type Box = [minLon: number, minLat: number, maxLon: number, maxLat: number];

function positionsOf(geometry: Geometry | null): Position[] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

function boxOf(positions: readonly Position[]): Box | null {
  if (positions.length === 0) return null;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const round = (value: number) => Math.round(value * 10) / 10;

/** Path data for rings or lines, dropping points that round onto the previous one. */
function pathOf(
  lines: readonly Position[][],
  project: (p: Position) => [number, number],
  close: boolean
): string {
  return lines
    .map((line) => {
      const out: string[] = [];
      let last = '';
      for (const position of line) {
        const [x, y] = project(position);
        const point = `${round(x)} ${round(y)}`;
        if (point !== last) out.push(point);
        last = point;
      }
      return out.length < 2 ? '' : `M${out.join('L')}${close ? 'Z' : ''}`;
    })
    .join('');
}

function linesOf(geometry: Geometry): { lines: Position[][]; closed: boolean } {
  switch (geometry.type) {
    case 'Polygon':
      return { lines: geometry.coordinates, closed: true };
    case 'MultiPolygon':
      return { lines: geometry.coordinates.flat(), closed: true };
    case 'LineString':
      return { lines: [geometry.coordinates], closed: false };
    case 'MultiLineString':
      return { lines: geometry.coordinates, closed: false };
    default:
      return { lines: [], closed: false };
  }
}

/**
 * The mini map of `feature` among `districts` (properties `name`, `isLinghe`): framed on 凌河区 and
 * the feature together, with 8 % margin, `width` px wide.
 */
export function miniMap(
  districts: FeatureCollection<Geometry, { name: string; isLinghe?: boolean }>,
  feature: Feature<Geometry | null>,
  width = 320
): MiniMap {
  const home = districts.features.filter((d) => d.properties.isLinghe);
  const frame = boxOf([
    ...home.flatMap((d) => positionsOf(d.geometry)),
    ...positionsOf(feature.geometry)
  ]);
  if (!frame) return { width, height: 0, viewBox: `0 0 ${width} 0`, districts: [], shape: null };
  const kx = Math.cos((((frame[1] + frame[3]) / 2) * Math.PI) / 180);
  const spanX = (frame[2] - frame[0]) * kx;
  const spanY = frame[3] - frame[1];
  const margin = 0.08 * Math.max(spanX, spanY);
  const scale = width / (spanX + 2 * margin);
  const height = Math.round((spanY + 2 * margin) * scale);
  const project = ([lon, lat]: Position): [number, number] => [
    ((lon - frame[0]) * kx + margin) * scale,
    (frame[3] - lat + margin) * scale
  ];
  const seen: Box = [
    frame[0] - margin / kx,
    frame[1] - margin,
    frame[2] + margin / kx,
    frame[3] + margin
  ];
  const drawn = districts.features
    .filter((d) => {
      const box = boxOf(positionsOf(d.geometry));
      return box !== null && overlaps(box, seen);
    })
    .map((d) => {
      // Clipped to what the frame shows: a big neighbour (凌海市) would otherwise send its whole outline.
      const clipped = bboxClip(d as Feature<Polygon | MultiPolygon>, seen).geometry;
      const { lines } = linesOf(clipped);
      return {
        name: d.properties.name,
        emphasised: d.properties.isLinghe === true,
        d: pathOf(lines, project, true)
      };
    });
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    districts: drawn,
    shape: shapeOf(feature.geometry, project)
  };
}

function shapeOf(
  geometry: Geometry | null,
  project: (p: Position) => [number, number]
): MiniMap['shape'] {
  if (!geometry) return null;
  if (geometry.type === 'Point') {
    const [x, y] = project(geometry.coordinates);
    return { kind: 'point', x: round(x), y: round(y) };
  }
  const { lines, closed } = linesOf(geometry);
  if (lines.length === 0) return null;
  return { kind: closed ? 'area' : 'line', d: pathOf(lines, project, closed) };
}
