/** The location registry (SPEC 3.5): security-zone locations and cameras. */
import { LOCATION_DIRECTIONS, SECURITY_ZONES } from '../data/security-zones';
import type { Rng } from '../rng';
import { pad } from './ids';

export interface SecurityLocation {
  readonly id: string;
  readonly zone: number;
  readonly detail: string;
}

export interface Locations {
  readonly all: readonly SecurityLocation[];
  /** Indices into `all` of the locations of each zone. */
  readonly byZone: readonly (readonly number[])[];
  /** Camera ids of each zone. */
  readonly cameras: readonly (readonly string[])[];
}

/** Builds the registry; each zone's camera count U{5..20} comes from the floor stream. */
export function buildLocations(rng: Rng): Locations {
  const all: SecurityLocation[] = [];
  const byZone: number[][] = [];
  const cameras: string[][] = [];
  let camera = 0;
  SECURITY_ZONES.forEach((z, zi) => {
    const indices: number[] = [];
    for (let j = 1; j <= z.locations; j++) {
      indices.push(all.length);
      all.push({ id: `LOC-${z.code}${100 + j}`, zone: zi, detail: `${z.name} - ${LOCATION_DIRECTIONS[(j - 1) % 5]}` });
    }
    byZone.push(indices);
    const count = rng.int(5, 20);
    cameras.push(Array.from({ length: count }, () => `CAM-${pad(++camera, 4)}`));
  });
  return { all, byZone, cameras };
}
