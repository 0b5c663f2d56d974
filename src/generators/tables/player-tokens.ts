/**
 * Identity tokens of players (SPEC 11.2) as the financial and compliance rows show them, computed
 * once per player and world: an HMAC per row would dominate those tables' generation time.
 */
import { perWorld } from '../world/per-world';
import type { World } from '../world';
import { identity } from '../world/population';

type Kind = 'name' | 'address' | 'id' | 'ssn';

const VALUE: Record<Kind, (world: World, i: number) => string> = {
  name: (w, i) => identity.fullName(w.population, i),
  address: (w, i) => identity.fullAddress(w.population, i),
  id: (w, i) => identity.idDocument(w.population, i),
  ssn: (w, i) => identity.ssnText(w.population, i),
};

const tokensOf = perWorld(() => new Map<Kind, (string | undefined)[]>());

export function playerToken(world: World, kind: Kind, player: number): string {
  const kinds = tokensOf(world);
  let tokens = kinds.get(kind);
  if (!tokens) kinds.set(kind, (tokens = []));
  return (tokens[player] ??= world.token(kind, VALUE[kind](world, player)));
}
