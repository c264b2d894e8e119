/**
 * Colours and line weights of the map, in one place. The style functions read only this, so a
 * second theme (print, high contrast) is a new object, not new code.
 */
export interface Theme {
  background: string;
  context: { fill: string; line: string; lingheFill: string; lingheLine: string; label: string };
  structure: { fill: string; line: string; corridor: string };
  water: { line: string; fill: string };
  green: { fill: string; line: string };
  project: { point: string; pointStroke: string; fill: string; line: string };
  label: { color: string; halo: string };
  /** The reference layer (参考地标): quieter than any plan layer. */
  landmark: { point: string; stroke: string; label: string };
  /** The halo that shows how far a point's place may reach (its `uncertaintyM`). */
  uncertainty: { fillOpacity: number; strokeOpacity: number };
  highlight: string;
  /** Opacity of fills whose geometry is schematic: weak on purpose, with hatching over it. */
  schematicFillOpacity: number;
  /** Dash pattern for outlines of schematic geometry, in line widths. */
  schematicDash: [number, number];
  /** Layers the user imported: solid, each in one colour of the palette (chosen by layer id). */
  imported: {
    palette: string[];
    fillOpacity: number;
    lineWidth: number;
    pointStroke: string;
    /**
     * The zoom from which a big layer (drawn from tiles) is drawn as vectors, with outlines, and
     * its features can be clicked; below it, as a painted overview of its fills
     * (raster-tile-writer.ts).
     */
    bigLayerDetailMinZoom: number;
    /** The zoom from which a big layer's features are labelled (small layers: every zoom). */
    bigLayerLabelMinZoom: number;
  };
}

export const defaultTheme: Theme = {
  background: '#f4f1ea',
  context: {
    fill: '#e9e4d8',
    line: '#b9ae98',
    lingheFill: '#fffdf7',
    lingheLine: '#8a5a2b',
    label: '#7a6e5a'
  },
  structure: { fill: '#d9534f', line: '#b02a25', corridor: '#c8963e' },
  water: { line: '#3b82c4', fill: '#a9cdee' },
  green: { fill: '#5fa35a', line: '#2f6f2b' },
  project: { point: '#6a4c93', pointStroke: '#ffffff', fill: '#8e7cc3', line: '#5b3f8c' },
  label: { color: '#2b2b2b', halo: '#ffffff' },
  landmark: { point: '#8a8478', stroke: '#ffffff', label: '#5f5a50' },
  uncertainty: { fillOpacity: 0.08, strokeOpacity: 0.35 },
  highlight: '#ffb000',
  schematicFillOpacity: 0.18,
  schematicDash: [2, 2],
  // Hues the plan layers do not use (they are red, blue, green, purple and amber).
  imported: {
    palette: ['#d81b60', '#00897b', '#f4511e', '#3949ab', '#6d4c41', '#0097a7', '#7cb342'],
    fillOpacity: 0.3,
    lineWidth: 2.5,
    pointStroke: '#ffffff',
    // Zoomed out, the parcels of a big layer are a few pixels across: a 2.5 px outline only
    // covers their fill (100 000 parcels at the district view drew in 1.7 s instead of 5 s with
    // software GL without outlines), and triangulating their fills cost MapLibre ~250 MB and a
    // ~1 s frame — for what a painted picture shows as well (bench:import).
    bigLayerDetailMinZoom: 13,
    // A parcel of ~50 m is ~20 px wide from here: room for its name.
    bigLayerLabelMinZoom: 16
  }
};
