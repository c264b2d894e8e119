/**
 * The page's narrowing content security policy for connections and images (issue #16).
 *
 * The policy the server and each prerendered page's <meta> send (scripts/csp.js) is fixed at
 * build time, so it cannot know the online basemap a user may configure in this browser: it
 * allows `https:` and `http:` for connections and images. A page may add policies but never
 * widen one, and every policy in force must allow a request (the effective set is their
 * intersection). So the app, as it starts and before it makes any request, adds one more
 * <meta http-equiv="Content-Security-Policy"> allowing only the site itself plus the saved
 * basemap's origins — with no basemap, nothing foreign at all. Turning a basemap on therefore
 * needs a reload (the page's policy cannot be widened); turning it off narrows at once.
 */
import type { BasemapConfig } from './basemap';

/**
 * What the page itself needs: connections to the site only (the app fetches nothing else; the
 * workers' own policy comes with their scripts, scripts/csp.js); images from the site, data:
 * (MapLibre's control icons) and blob: (MapLibre decodes tiles through a blob: image where
 * createImageBitmap is missing).
 */
const LOCAL_CONNECT = ["'self'"];
const LOCAL_IMAGES = ["'self'", 'data:', 'blob:'];

const MARK = 'data-basemap-policy';

/**
 * The origins a basemap's tiles come from (its URL and overlay URL), in order, without repeats.
 * @example basemapOrigins({ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '' }) // ['https://tile.openstreetmap.org']
 */
export function basemapOrigins(config: BasemapConfig | null): string[] {
  if (!config) return [];
  const origins = [config.url, config.overlayUrl]
    .filter((template): template is string => Boolean(template))
    .map((template) => new URL(template.replace(/\{(z|x|y|key)\}/g, '0')).origin);
  return [...new Set(origins)];
}

/**
 * The narrowing policy text for a basemap (or none).
 * @example narrowingPolicy(null) // "connect-src 'self'; img-src 'self' data: blob:"
 */
export function narrowingPolicy(config: BasemapConfig | null): string {
  const origins = basemapOrigins(config);
  return [
    ['connect-src', ...LOCAL_CONNECT, ...origins].join(' '),
    ['img-src', ...LOCAL_IMAGES, ...origins].join(' ')
  ].join('; ');
}

/**
 * Adds the narrowing policy for `config` to the document (call as the app starts, before any
 * request; again when the basemap is turned off). Policies only add up, so the origins allowed
 * afterwards are those every added policy allows.
 */
export function addNarrowingPolicy(doc: Document, config: BasemapConfig | null): void {
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = narrowingPolicy(config);
  meta.setAttribute(MARK, basemapOrigins(config).join(' '));
  doc.head.append(meta);
}

/**
 * Whether the policies this page has added allow every origin of `config`: false means the
 * basemap can only be shown after a reload (which starts with a policy that includes it).
 */
export function pageAllows(doc: Document, config: BasemapConfig): boolean {
  const added = [...doc.head.querySelectorAll(`meta[${MARK}]`)].map((meta) =>
    (meta.getAttribute(MARK) ?? '').split(' ').filter(Boolean)
  );
  return basemapOrigins(config).every((origin) => added.every((list) => list.includes(origin)));
}
