// PLACEHOLDER — filled in by its owner.
import type { ExpandableMap, Route } from '../types.js';

export const routes: Route[] = [];
export const expandable: ExpandableMap = {};
