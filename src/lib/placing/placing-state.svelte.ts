/**
 * What the map page must know while a plan feature is being placed or moved: whether a placing
 * tool is on (map clicks then belong to it, not to the plan layers) and which feature's saved
 * placement is being moved (the placements layer leaves it to the tool meanwhile).
 */
export class PlacingState {
  active = $state(false);
  movingId = $state<string | null>(null);
}
