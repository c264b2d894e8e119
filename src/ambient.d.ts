declare module '*.geojson' {
  const value: import('geojson').FeatureCollection;
  export default value;
}

// The compression middleware (scripts/serve.js), typed for plain node:http; @types/compression
// would bring all of Express's types along.
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  type Filter = (request: IncomingMessage, response: ServerResponse) => boolean;
  interface Options {
    level?: number;
    threshold?: number | string;
    filter?: Filter;
  }
  interface Compression {
    (options?: Options): Middleware;
    filter: Filter;
  }
  const compression: Compression;
  export default compression;
}
