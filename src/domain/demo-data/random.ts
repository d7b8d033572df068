/**
 * A small seeded pseudo-random source for demo data: the same seed always yields the same sequence, on every
 * platform, so generated files are byte-identical between runs. Not for anything security-related.
 */

/** One weighted alternative of {@link Random.weighted}. */
export type Weighted<T> = readonly [weight: number, value: T];

/** A mulberry32 generator with the draws the demo data needs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * One value of a weighted table; weights need not sum to 1.
   *
   * @example rng.weighted([[3, 'B'], [1, 'A']]) // 'B' three times as often as 'A'
   */
  weighted<T>(table: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [weight] of table) total += weight;
    let roll = this.next() * total;
    for (const [weight, value] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (table[table.length - 1] as Weighted<T>)[1];
  }

  /**
   * A heavy-tailed count ≥ 1: the floor of a Pareto draw with scale 1 and shape `alpha`, capped at `cap`.
   * With alpha 1.5 about 3% of draws reach 10.
   */
  pareto(alpha: number, cap: number): number {
    const u = 1 - this.next();
    return Math.min(cap, Math.floor(u ** (-1 / alpha)));
  }
}

/**
 * A bijection of [0, modulus) that scatters consecutive serial numbers across the range, so identifiers minted
 * from serials 0, 1, 2… are unique without a set and do not look sequential.
 *
 * @example new Spread(100).at(1, 0) !== new Spread(100).at(2, 0) // always: distinct inputs, distinct outputs
 */
export class Spread {
  private readonly multiplier: number;

  constructor(readonly modulus: number) {
    // About the golden-ratio fraction of the range, but small enough that index × multiplier stays exact,
    // and coprime to the modulus, which is what makes the map a bijection.
    let multiplier = Math.max(1, Math.floor(Math.min(modulus * 0.618, Number.MAX_SAFE_INTEGER / modulus - 1)));
    while (gcd(multiplier, modulus) !== 1) multiplier--;
    this.multiplier = multiplier;
  }

  /** The image of `index` (taken modulo the range), shifted by `offset`. */
  at(index: number, offset: number): number {
    return ((index % this.modulus) * this.multiplier + (offset % this.modulus)) % this.modulus;
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Derives an independent 32-bit seed for a named stream (FNV-1a over the name, keyed by `seed`), so that the
 * same seed gives unrelated data for different nodes.
 */
export function deriveSeed(seed: number, stream: string): number {
  let hash = (seed >>> 0) ^ 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
