// A tiny seeded random number generator, so a drill can be replayed from its seed.
// mulberry32: 32 bits of state, good enough to vary lessons, and the same on every platform.

/** The largest seed; seeds are unsigned 32-bit numbers. */
export const maxSeed = 0xFF_FF_FF_FF;

export type Random = {
	/** A number in [0, 1). */
	next(): number;
	/** A whole number from min to max, both included. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** `count` different items, in random order. */
	sample<T>(items: readonly T[], count: number): T[];
	chance(probability: number): boolean;
};

export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function seededRandom(seed: number): Random {
	const next = mulberry32(seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick(items) {
			if (items.length === 0) {
				throw new RangeError('pick needs at least one item');
			}

			return items[int(0, items.length - 1)]!;
		},
		sample(items, count) {
			if (count > items.length) {
				throw new RangeError(`cannot take ${count} different items from ${items.length}`);
			}

			// A partial Fisher–Yates shuffle of a copy.
			const pool = [...items];
			for (let index = 0; index < count; index++) {
				const other = int(index, pool.length - 1);
				[pool[index], pool[other]] = [pool[other]!, pool[index]!];
			}

			return pool.slice(0, count);
		},
		chance: probability => next() < probability,
	};
}
