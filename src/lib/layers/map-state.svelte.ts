import { layerRegistry, type LayerDeclaration } from './registry';

type LayerKey = LayerDeclaration['id'];

/** What the map page shares between its map, panels and popup. */
export class MapState {
  visible = $state<Record<LayerKey, boolean>>(
    Object.fromEntries(layerRegistry.map((layer) => [layer.id, layer.defaultVisible])) as Record<
      LayerKey,
      boolean
    >
  );
  /** Id of the plan feature shown in the popup or details panel. */
  selectedId = $state<string | null>(null);
  /** A polite message for the user (an unknown `?feature=` id, a bad view in a link), or null. */
  notice = $state<{ kind: 'featureNotFound'; id: string } | { kind: 'viewRefused' } | null>(null);
  /** Ids of the plan features the industry/theme filter keeps (issue #13); null: all of them. */
  keptIds = $state.raw<ReadonlySet<string> | null>(null);

  toggle(id: LayerKey): void {
    this.visible[id] = !this.visible[id];
  }
}
