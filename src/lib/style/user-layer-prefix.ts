/**
 * Every style layer and source of the user's own data starts with this, so the map's plan-feature
 * click handler can tell that a user layer lies on top and leave the click to it. A module of its
 * own, so the map's first view need not load the styles of user layers (imported-style.ts).
 */
export const USER_LAYER_PREFIX = 'user-';
