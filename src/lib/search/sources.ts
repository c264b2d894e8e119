/**
 * This site's search sources, at build time: the plan features, the plan text and — when the
 * build has geodata/layers/landmarks.geojson (the 参考地标 reference layer) — its landmarks.
 */
import { allFeatures } from '$lib/layers/catalog';
import { locationLabel, plan } from '$lib/plan';
import {
  landmarksFromGeoJSON,
  placesFromFeatures,
  placesFromLandmarks,
  type LandmarkSource
} from './documents';
import type { SearchSources } from './build';

/** The landmarks file, if this build has one: a glob matches nothing when it is absent. */
const landmarkFiles: Record<string, unknown> = import.meta.glob(
  '/geodata/layers/landmarks.geojson',
  { eager: true, import: 'default' }
);

export const landmarks: LandmarkSource[] =
  Object.values(landmarkFiles).flatMap(landmarksFromGeoJSON);

export const searchSources: SearchSources = {
  places: [...placesFromFeatures(allFeatures), ...placesFromLandmarks(landmarks)],
  plan,
  locationLabel
};
