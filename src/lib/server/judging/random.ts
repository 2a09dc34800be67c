// A small seeded generator for the judging modules: assignment, calibration, pair choice and
// split-half must be reproducible for a seed (so a rebalance can be replayed and a test can pin
// it), which Math.random cannot give. Not for secrets: handles use HMAC instead.

/** Mulberry32: 32-bit state, passes the usual statistical batteries, and is tiny and fast. */
export function createRandom(seed: number): () => number {
	let state = Math.trunc(seed) >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Uniform integer in [0, n). */
export function randomIndex(random: () => number, n: number): number {
	return Math.floor(random() * n);
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomIndex(random, i + 1);
		const tmp = out[i] as T;
		out[i] = out[j] as T;
		out[j] = tmp;
	}
	return out;
}

/** A stable key for an unordered pair, so (a, b) and (b, a) are the same comparison. */
export function pairKey(a: string, b: string): string {
	return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
