/**
 * Step 5 of the import, per checked feature: self-intersection, conversion to WGS-84, range
 * check, area/length. In WGS-84 the kept features are the checked ones as they are, picked from
 * the packed segments without unpacking them; any other CRS makes new features, packed as they
 * are made.
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { toWgs84, type Crs } from '../geo/crs.js';
import { isGeographic } from '../formats/crs-names';
import { PackedFeatures, PackedFeatureBuilder } from '../storage/packed-features';
import { emptyLayerSummary } from '../storage/user-layers';
import type { CheckedFeatures } from './check-features';
import { mergeBbox, outsideDegrees, type Bbox } from './extent';
import type { ImportRun } from './import-run';
import { addToSummary, measureGeometry } from './measure-features';
import { featureProblem } from './messages';
import type { CrsId, FeatureMeasurement } from './types';
import { extendBbox, firstOutOfRange, formatPosition } from './validate';

function withoutBbox(geometry: Geometry): Geometry {
  const copy = { ...geometry } as Geometry;
  delete copy.bbox;
  if (copy.type === 'GeometryCollection') copy.geometries = copy.geometries.map(withoutBbox);
  return copy;
}

class FeatureConverter {
  private wgs84Box: Bbox | null = null;
  readonly measurements: FeatureMeasurement[] = [];
  readonly summary = emptyLayerSummary();
  /** Which checked features are output as they are (WGS-84 only). */
  readonly kept: Uint8Array;
  readonly converted: PackedFeatureBuilder<Blob> | null;
  private readonly geographic: boolean;

  constructor(
    private readonly run: ImportRun,
    private readonly checked: CheckedFeatures,
    private readonly crs: CrsId
  ) {
    this.kept = new Uint8Array(checked.features.count);
    this.converted = crs === 'wgs84' ? null : new PackedFeatureBuilder(undefined, run.shelf);
    this.geographic = isGeographic(crs);
  }

  private projected(k: number): boolean {
    const e = this.checked.extents;
    return outsideDegrees(e[k * 4], e[k * 4 + 1], e[k * 4 + 2], e[k * 4 + 3]);
  }

  /**
   * Whether the k-th checked feature gets past the checks made without its coordinates (CRS
   * consistency, self-intersection found in step 3); their problems are reported here.
   */
  passes(k: number): boolean {
    const { run, checked } = this;
    if (!this.geographic && !this.projected(k)) {
      // Degrees read as metres would land near the equator, in range: refuse instead.
      run.problems.push(featureProblem('crs-inconsistent', checked.indexes[k], checked.ids[k]));
      return false;
    }
    const topology = checked.topologies[k];
    if (topology.length === 0) return true;
    for (const problem of topology) run.problems.push(problem);
    return !topology.some((p) => p.severity === 'error');
  }

  /**
   * Degrees are range-checked as written (so the message shows the file's numbers); projected
   * numbers after conversion. Only then is the feature itself needed.
   */
  private needsFeature(k: number): boolean {
    return (this.geographic && this.projected(k)) || this.crs !== 'wgs84';
  }

  /** Whether convert(k) reads the checked feature (to be made ready first when shelved). */
  needsChecked(k: number): boolean {
    return (
      this.needsFeature(k) ||
      (this.run.measure && !this.converted && !this.checked.measuredAsWgs84[k])
    );
  }

  /** The geometry in WGS-84 (null: the checked one as it is), or false if the feature is refused. */
  private convertedGeometry(k: number, feature: Feature | null): Geometry | null | false {
    const { run, checked, crs } = this;
    let geometry: Geometry | null = feature?.geometry ?? null;
    // For degrees, `projected` means some position is out of range.
    let outside =
      feature && this.geographic && this.projected(k) ? firstOutOfRange(feature.geometry) : null;
    if (feature && !outside && crs !== 'wgs84') {
      try {
        geometry = withoutBbox(toWgs84(feature.geometry as Geometry, crs as Crs));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        run.problems.push(
          featureProblem('conversion-failed', checked.indexes[k], checked.ids[k], { detail })
        );
        return false;
      }
      outside = firstOutOfRange(geometry);
    }
    if (outside) {
      run.problems.push(
        featureProblem('coordinate-out-of-range', checked.indexes[k], checked.ids[k], {
          at: formatPosition([outside[0], outside[1]])
        })
      );
      return false;
    }
    return geometry;
  }

  /** Converts the k-th checked feature and counts it in, unless it is refused. */
  convert(k: number): void {
    const { run, checked, crs } = this;
    const feature = this.needsFeature(k) ? checked.features.get(k) : null;
    const geometry = this.convertedGeometry(k, feature);
    if (geometry === false) return;
    if (this.converted && feature && geometry) {
      const output: Feature<Geometry, GeoJsonProperties> = {
        type: 'Feature',
        geometry,
        properties: feature.properties
      };
      if (feature.id !== undefined) output.id = feature.id;
      this.converted.add(output);
    } else {
      // Nothing changes: the checked feature (in normal form, see inspectFeature) is the output.
      this.kept[k] = 1;
    }
    run.result.featureIndexes.push(checked.indexes[k]);
    const type = geometry?.type ?? checked.types[k];
    const types = run.result.stats.geometryTypes;
    types[type] = (types[type] ?? 0) + 1;
    // wgs84/cgcs2000 numbers are not changed by the conversion.
    const e = checked.extents;
    this.wgs84Box =
      crs === 'wgs84' || crs === 'cgcs2000' || !geometry
        ? mergeBbox(this.wgs84Box, e[k * 4], e[k * 4 + 1], e[k * 4 + 2], e[k * 4 + 3])
        : extendBbox(this.wgs84Box, geometry);
    if (run.measure) this.measureInto(k, geometry);
  }

  private measureInto(k: number, geometry: Geometry | null): void {
    const asWritten = !this.converted ? this.checked.measuredAsWgs84[k] : null;
    const measurement =
      asWritten ?? measureGeometry(geometry ?? this.checked.features.get(k).geometry);
    addToSummary(this.summary, measurement);
    // Packed into a Blob, the features go to a layer that needs only the totals.
    if (!this.run.shelf) this.measurements.push(measurement);
  }

  /** The output features (packed, or in a Blob), their extent and summary, into the result. */
  async finish(): Promise<void> {
    const { run, checked, converted } = this;
    const result = run.result;
    const usable = result.featureIndexes.length;
    if (run.shelf) {
      const blobs = converted
        ? await converted.shelvedSelection(new Uint8Array(usable).fill(1))
        : await checked.features.shelvedSelection(this.kept);
      result.packedBlob = new Blob(blobs, { type: 'application/octet-stream' });
    } else {
      result.features = new PackedFeatures(
        converted ? converted.records() : checked.features.select(this.kept)
      );
    }
    result.measurements = this.measurements;
    result.stats.bbox = this.wgs84Box;
    if (run.measure) {
      this.summary.featureCount = usable;
      this.summary.bbox = this.wgs84Box ? [...this.wgs84Box] : null;
      result.summary = this.summary;
    }
  }
}

/** Step 5 over every checked feature, in `crs`; the usable ones become the result's features. */
export async function convertFeatures(
  run: ImportRun,
  checked: CheckedFeatures,
  crs: CrsId
): Promise<void> {
  const converter = new FeatureConverter(run, checked, crs);
  const count = checked.features.count;
  for (let k = 0; k < count; k++) {
    if (run.pauseDue(k)) await run.pauseAt('convert', k, count);
    if (!converter.passes(k)) continue;
    if (run.shelf && converter.needsChecked(k)) await checked.features.ready(k);
    converter.convert(k);
  }
  run.progress('convert', count, count);
  await converter.finish();
}
