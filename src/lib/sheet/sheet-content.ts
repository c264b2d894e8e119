/**
 * What a map sheet says, in the chosen language: title, legend of the layers that are on (from the
 * layer registry), key to the schematic hatching, scale, sources and accuracy, disclaimer, date
 * and the link to the view with its QR code. Plain data, so the PDF worker can lay it out.
 */
import { t } from '$lib/i18n/messages';
import '$lib/i18n/catalog/sheet';
import { locale } from '$lib/i18n/locale.svelte';
import { legendEntries } from '$lib/layers/legend';
import { layerRegistry } from '$lib/layers/registry';
import { qrPath } from '$lib/share/qr-path';
import type { Theme } from '$lib/style/theme';
import type { SheetContent } from './layout';
import { formatScale, metresPerPaperMm, scaleBar, scaleDenominator } from './scale';

export interface SheetView {
  lat: number;
  /** The zoom the sheet's map is drawn at (96 CSS pixels to the inch on paper). */
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface SheetContentInput {
  view: SheetView;
  visible: Readonly<Record<string, boolean>>;
  /** The selected plan feature's name, when one is open. */
  featureName: string | null;
  /** Attribution of the sources drawn (plan layers, basemap), as the map shows them. */
  attributions: string[];
  link: string;
  date: Date;
  /** How long the scale bar may be, mm. */
  scaleBarMaxMm: number;
  theme: Theme;
}

/**
 * A date as the sheet prints it, in the reader's time zone.
 * @example isoDate(new Date(2026, 11, 2)) // '2026-12-02'
 */
export function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Attribution as plain text: a source's attribution may carry links (`<a href>…</a>`), which a
 * sheet prints as their words. The text is never parsed as HTML, only stripped of tags.
 * @example plainAttribution('<a href="https://osm.org">© OpenStreetMap</a>') // '© OpenStreetMap'
 */
export function plainAttribution(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sheetContent(input: SheetContentInput): SheetContent {
  const { view, theme } = input;
  const tilted = view.pitch > 0.5;
  const metresPerMm = metresPerPaperMm(view.lat, view.zoom);
  const sources = [...new Set(input.attributions.map(plainAttribution).filter(Boolean))];
  return {
    title: t('sheet.title'),
    subtitle: input.featureName
      ? t('sheet.subtitleFeature', { name: input.featureName })
      : t('sheet.subtitleView'),
    date: t('sheet.date', { date: isoDate(input.date) }),
    legendTitle: t('sheet.legend'),
    legend: legendEntries(layerRegistry, input.visible, theme).map((entry) => ({
      label: locale.pick(entry.label),
      note: locale.pick(entry.legend),
      swatch: entry.swatch
    })),
    keySolid: t('layers.keySolid'),
    keySchematic: t('layers.keySchematic'),
    hatchColor: '#8a6a4a',
    sourcesTitle: t('sheet.sources'),
    sources: [...sources, t('sheet.accuracy')],
    disclaimer: `${t('disclaimer.title')}${locale.current === 'zh' ? '：' : ': '}${t('disclaimer.body')}`,
    linkLabel: t('sheet.link'),
    link: input.link,
    qr: qrPath(input.link),
    scale: tilted
      ? null
      : {
          bar: scaleBar(metresPerMm, input.scaleBarMaxMm),
          text: t('sheet.scale', { scale: formatScale(scaleDenominator(metresPerMm)) })
        },
    noScale: t('sheet.noScale'),
    bearing: view.bearing,
    north: t('sheet.north')
  };
}

/**
 * @example sheetFileStem(new Date(2026, 11, 2), 'A4') // 'linghe-plan-map-A4-2026-12-02'
 */
export function sheetFileStem(date: Date, paper: string): string {
  return `linghe-plan-map-${paper}-${isoDate(date)}`;
}
