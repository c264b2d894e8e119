/**
 * Test support: the user-tile worker in-process. Its UserTileWorkerApi is exposed with comlink
 * on one end of a MessageChannel and the page's UserTileServer talks to the other, so every call
 * and answer is cloned (and transferred) as between the page and a real worker.
 */
import { expose } from 'comlink';
import type { TileWorkerLike } from '../../../src/lib/tiles/user-tiles-client';
import { UserTileWorkerApi } from '../../../src/lib/tiles/user-tiles-protocol';
import type { MakeRasterCanvas } from '../../../src/lib/tiles/user-tiles';

/** A call the page made: the method's name and its arguments (the page's own objects). */
export interface WorkerCall {
  method: string;
  args: unknown[];
}

/** comlink's message for a method call (only what is read here). */
interface ApplyMessage {
  type?: string;
  path?: string[];
  argumentList?: { value?: unknown }[];
}

export class InProcessWorker implements TileWorkerLike {
  /** What the page asked of the worker, in the order it was asked. */
  readonly calls: WorkerCall[] = [];
  terminated = false;
  readonly #page: MessagePort;
  readonly #worker: MessagePort;
  readonly #errorListeners: ((event: ErrorEvent) => void)[] = [];

  constructor(makeCanvas: MakeRasterCanvas | null = null) {
    const { port1, port2 } = new MessageChannel();
    this.#page = port1;
    this.#worker = port2;
    expose(new UserTileWorkerApi(makeCanvas), port2);
    // Node keeps an open port's process alive; a test's worker must not.
    for (const port of [port1, port2]) (port as { unref?: () => void }).unref?.();
  }

  /** The methods called, in order. */
  get methods(): string[] {
    return this.calls.map((call) => call.method);
  }

  /** Records a method call as the page sends it (in the caller's task), then sends it. */
  postMessage(message: ApplyMessage, transfer: Transferable[] = []): void {
    if (message.type === 'APPLY') {
      const args = (message.argumentList ?? []).map((argument) => argument.value);
      this.calls.push({ method: (message.path ?? []).join('.'), args });
    }
    if (!this.terminated) this.#page.postMessage(message, transfer);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'error') this.#errorListeners.push(listener as (event: ErrorEvent) => void);
    else this.#page.addEventListener(type, listener);
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.#page.removeEventListener(type, listener);
  }
  start(): void {
    this.#page.start();
  }
  /** Crashes the worker, as an `error` event says. */
  fail(message: string): void {
    for (const listener of this.#errorListeners) listener({ message } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
    this.#page.close();
    this.#worker.close();
  }
}
