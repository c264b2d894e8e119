// Builds a small PMTiles v3 archive at test time from known vector tiles: roads, water, earth
// and a place label around 凌河区, in the Protomaps basemap schema, so the browser test can drop
// a real basemap.pmtiles beside the build. The writer follows the PMTiles v3 spec (header,
// root directory of varint columns, tile data); pmtiles' own reader reads it back in the test.

import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

/** The area the archive covers, [west, south, east, north]. */
export const ARCHIVE_BOUNDS = [120.9, 40.9, 121.5, 41.3];
export const ARCHIVE_MAX_ZOOM = 14;

/** @returns {Record<string, import('geojson').FeatureCollection>} one collection per tile layer */
function basemapFeatures() {
  /** @param {string} kind @param {number[][]} line @param {string} name */
  const road = (kind, line, name) => ({
    type: /** @type {const} */ ('Feature'),
    properties: { kind, name, 'name:zh-Hans': name, min_zoom: 5 },
    geometry: { type: /** @type {const} */ ('LineString'), coordinates: line }
  });
  return {
    earth: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'earth' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [120.9, 40.9],
                [121.5, 40.9],
                [121.5, 41.3],
                [120.9, 41.3],
                [120.9, 40.9]
              ]
            ]
          }
        }
      ]
    },
    water: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'water', name: '测试湖', 'name:zh-Hans': '测试湖' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.14, 41.125],
                [121.2, 41.125],
                [121.2, 41.15],
                [121.14, 41.15],
                [121.14, 41.125]
              ]
            ]
          }
        }
      ]
    },
    roads: {
      type: 'FeatureCollection',
      features: [
        road(
          'highway',
          [
            [121.12, 41.118],
            [121.26, 41.118]
          ],
          '测试高速'
        ),
        road(
          'major_road',
          [
            [121.16, 41.095],
            [121.16, 41.155]
          ],
          '测试大街'
        ),
        road(
          'major_road',
          [
            [121.13, 41.135],
            [121.25, 41.105]
          ],
          '测试斜路'
        )
      ]
    },
    places: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            kind: 'locality',
            name: '测试凌河',
            'name:zh-Hans': '测试凌河',
            script: 'Han',
            min_zoom: 5,
            population_rank: 10
          },
          geometry: { type: 'Point', coordinates: [121.19, 41.13] }
        }
      ]
    }
  };
}

/** @param {number[]} bytes @param {number} value */
function writeVarint(bytes, value) {
  let v = value;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
}

/**
 * The root directory, as the spec lays it out: count, tile id deltas, run lengths, lengths,
 * offsets (0 = right after the previous tile, else offset + 1).
 * @param {{ tileId: number, offset: number, length: number }[]} entries sorted by tileId
 */
function serializeDirectory(entries) {
  /** @type {number[]} */
  const bytes = [];
  writeVarint(bytes, entries.length);
  let last = 0;
  for (const entry of entries) {
    writeVarint(bytes, entry.tileId - last);
    last = entry.tileId;
  }
  for (let i = 0; i < entries.length; i++) writeVarint(bytes, 1);
  for (const entry of entries) writeVarint(bytes, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    const follows = previous && entry.offset === previous.offset + previous.length;
    writeVarint(bytes, follows ? 0 : entry.offset + 1);
  });
  return Buffer.from(bytes);
}

/** @param {number} lon @param {number} zoom */
const tileX = (lon, zoom) => Math.floor(((lon + 180) / 360) * 2 ** zoom);
/** @param {number} lat @param {number} zoom */
const tileY = (lat, zoom) => {
  const phi = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** zoom);
};

/**
 * A PMTiles v3 archive of uncompressed MVT tiles, z0–14, over ARCHIVE_BOUNDS.
 * @returns {{ archive: Buffer, tileCount: number }}
 */
export function buildBasemapArchive() {
  const layers = Object.entries(basemapFeatures()).map(([name, collection]) => [
    name,
    new GeoJSONVT(collection, { maxZoom: ARCHIVE_MAX_ZOOM, indexMaxZoom: 4, extent: 4096 })
  ]);
  const [west, south, east, north] = ARCHIVE_BOUNDS;
  /** @type {{ tileId: number, data: Buffer }[]} */
  const tiles = [];
  for (let z = 0; z <= ARCHIVE_MAX_ZOOM; z++) {
    for (let x = tileX(west, z); x <= tileX(east, z); x++) {
      for (let y = tileY(north, z); y <= tileY(south, z); y++) {
        /** @type {Record<string, any>} */
        const tileLayers = {};
        for (const [name, index] of layers) {
          const tile = /** @type {GeoJSONVT} */ (index).getTile(z, x, y);
          if (tile && tile.features.length) tileLayers[/** @type {string} */ (name)] = tile;
        }
        if (!Object.keys(tileLayers).length) continue;
        const data = Buffer.from(fromGeojsonVt(tileLayers, { version: 2, extent: 4096 }));
        tiles.push({ tileId: zxyToTileId(z, x, y), data });
      }
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map(({ tileId, data }) => {
    const entry = { tileId, offset, length: data.length };
    offset += data.length;
    return entry;
  });
  const directory = serializeDirectory(entries);
  const metadata = Buffer.from(
    JSON.stringify({
      name: 'test basemap around 凌河区',
      attribution: '© OpenStreetMap contributors',
      // Every layer of the Protomaps schema, as a real extract lists them; four have data.
      vector_layers: [
        'boundaries',
        'buildings',
        'earth',
        'landcover',
        'landuse',
        'places',
        'pois',
        'roads',
        'transit',
        'water'
      ].map((id) => ({ id, fields: {} }))
    })
  );
  const tileData = Buffer.concat(tiles.map((t) => t.data));

  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = (/** @type {number} */ at, /** @type {number} */ value) =>
    header.writeBigUInt64LE(BigInt(value), at);
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(0, 100);
  header.writeUInt8(ARCHIVE_MAX_ZOOM, 101);
  const e7 = (/** @type {number} */ at, /** @type {number} */ degrees) =>
    header.writeInt32LE(Math.round(degrees * 1e7), at);
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  header.writeUInt8(12, 118);
  e7(119, 121.19);
  e7(123, 41.125);
  return {
    archive: Buffer.concat([header, directory, metadata, tileData]),
    tileCount: tiles.length
  };
}
