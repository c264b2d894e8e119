/**
 * The terra-draw modes of a DrawController (draw-controller.ts) in its accent colours: polygon
 * (refusing a self-crossing click), line, point, and select with the edits it allows. Browser only,
 * like the controller that loads it.
 */
import {
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting
} from 'terra-draw';

export type HexColour = `#${string}`;

/**
 * The modes, named as DrawTool names them ('polygon', 'linestring', 'point', 'select').
 * @param accent outline, point and vertex colour
 * @param accentLight fill colour
 */
export function drawModes(accent: HexColour, accentLight: HexColour) {
  const polygonStyles = {
    fillColor: accentLight,
    fillOpacity: 0.25,
    outlineColor: accent,
    outlineWidth: 2,
    closingPointColor: accent,
    closingPointOutlineColor: '#ffffff',
    closingPointWidth: 6,
    coordinatePointColor: accent
  } as const;
  return [
    new TerraDrawPolygonMode({
      styles: polygonStyles,
      // A boundary that crosses itself has no meaningful area; refuse the crossing click.
      validation: (feature) => ValidateNotSelfIntersecting(feature)
    }),
    new TerraDrawLineStringMode({
      styles: { lineStringColor: accent, lineStringWidth: 3, closingPointColor: accent }
    }),
    new TerraDrawPointMode({
      styles: { pointColor: accent, pointWidth: 7, pointOutlineColor: '#ffffff' }
    }),
    new TerraDrawSelectMode({
      flags: {
        point: { feature: { draggable: true } },
        polygon: {
          feature: {
            draggable: true,
            selfIntersectable: false,
            coordinates: { midpoints: true, draggable: true, deletable: true }
          }
        },
        linestring: {
          feature: {
            draggable: true,
            coordinates: { midpoints: true, draggable: true, deletable: true }
          }
        }
      },
      // Deleting a whole drawing goes through the panel's confirm step, never a stray key.
      keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
      styles: {
        selectedPolygonColor: accentLight,
        selectedPolygonFillOpacity: 0.35,
        selectedPolygonOutlineColor: accent,
        selectedPolygonOutlineWidth: 3,
        selectedLineStringColor: accent,
        selectedLineStringWidth: 4,
        selectedPointColor: accent,
        selectedPointWidth: 8,
        selectedPointOutlineColor: '#ffffff',
        selectionPointColor: accent,
        selectionPointOutlineColor: '#ffffff',
        selectionPointWidth: 5,
        midPointColor: '#ffffff',
        midPointOutlineColor: accent,
        midPointWidth: 4
      }
    })
  ];
}
