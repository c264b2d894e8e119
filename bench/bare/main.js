/// <reference types="vite/client" />
// The smallest honest MapLibre page: one GeoJSON layer, no basemap, bundled by Vite like the app.
// bench/load.js compares the app's load time and bytes against this baseline.

import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { LINGHE_BOUNDS } from '../../src/lib/layers/map-config';
// Provided by bench/load.js at build time (with a bbox), typed by the project's *.geojson module.
import districts from 'virtual:bench/districts.geojson';

setWorkerUrl(workerUrl);

const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: { districts: { type: 'geojson', data: districts } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
      {
        id: 'districts-fill',
        type: 'fill',
        source: 'districts',
        paint: { 'fill-color': '#8fb8de', 'fill-opacity': 0.5 }
      },
      {
        id: 'districts-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': '#2b5d8a', 'line-width': 1.5 }
      }
    ]
  },
  // The app's own first camera, so the comparison is of what the app adds, not of the view.
  bounds: LINGHE_BOUNDS,
  fitBoundsOptions: { padding: 24 }
});

// Same readiness signal as the app: the first time the map has loaded and gone idle.
map.once('idle', () => {
  document.body.dataset.mapReady = 'true';
});
