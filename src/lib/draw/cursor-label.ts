/**
 * A small label that follows the pointer over the map, showing the live measurement while the
 * user draws or drags. Text only (textContent), never markup: the text is built from numbers, but
 * the rule holds for everything shown.
 */
export class CursorLabel {
  readonly #element: HTMLDivElement;

  constructor(container: HTMLElement) {
    const element = document.createElement('div');
    element.className = 'draw-cursor-label';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'off'); // the panel announces; this would repeat each move
    Object.assign(element.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      zIndex: '3',
      pointerEvents: 'none',
      padding: '2px 6px',
      font: '12px/1.4 system-ui, sans-serif',
      background: 'rgba(255, 255, 255, 0.92)',
      border: '1px solid #c2410c',
      borderRadius: '3px',
      color: '#222',
      whiteSpace: 'nowrap',
      display: 'none'
    } satisfies Partial<CSSStyleDeclaration>);
    container.appendChild(element);
    this.#element = element;
  }

  /** Shows `text` a little below-right of the pointer at (x, y) in container pixels. */
  show(text: string, x: number, y: number): void {
    if (this.#element.textContent !== text) this.#element.textContent = text;
    this.#element.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y + 14)}px)`;
    this.#element.style.display = 'block';
  }

  hide(): void {
    this.#element.style.display = 'none';
  }

  destroy(): void {
    this.#element.remove();
  }
}
