/** How the app addresses an entity in its URLs: by its first identifier (`scheme:value`), else its id. */
import type { Identifier } from '../api.js';

export function entityRef(entity: { id: string; identifiers: readonly Identifier[] }): string {
  const first = entity.identifiers[0];
  return first === undefined ? entity.id : `${first.scheme}:${first.value}`;
}

export function entityHref(entity: { id: string; identifiers: readonly Identifier[] }): string {
  return `/entities/${encodeURIComponent(entityRef(entity))}`;
}
