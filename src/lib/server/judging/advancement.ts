// Which entries go on to the next round. A cut never falls inside a tie: the tie-break order has
// already separated every entry it can, and entries it could not are equal by every published
// rule, so dropping one of them would be arbitrary.

export interface AdvancementRule {
	/** 'top_n': the N best; 'top_percent': the best `value` % (rounded up). */
	kind: 'top_n' | 'top_percent';
	value: number;
	/** Apply the rule in each age band separately (entries without a band form one group). */
	perBand: boolean;
}

/**
 * The advancing entry ids. Ranks are competition ranks (1, 2, 2, 4), best first; with perBand
 * they are re-derived inside each band from the given order, so both overall and per-band ranks
 * work as input. An entry advances when its rank within its group is ≤ the cut, where
 *
 *     cut = N                                   (top_n)
 *     cut = ⌈value/100 · group size⌉            (top_percent)
 *
 * so every entry tied at the cut goes through.
 */
export function selectAdvancing(
	ranked: readonly { entryId: string; rank: number; bandId: string | null }[],
	rule: AdvancementRule
): Set<string> {
	if (!Number.isFinite(rule.value) || rule.value < 0) throw new RangeError('a negative cut');
	if (rule.kind === 'top_n' && !Number.isInteger(rule.value))
		throw new RangeError('N must be whole');
	if (rule.kind === 'top_percent' && rule.value > 100) throw new RangeError('more than 100 %');

	const groups = new Map<string | null, { entryId: string; rank: number }[]>();
	for (const row of ranked) {
		const group = rule.perBand ? row.bandId : null;
		const list = groups.get(group);
		if (list) list.push(row);
		else groups.set(group, [row]);
	}
	const advancing = new Set<string>();
	for (const list of groups.values()) {
		const sorted = [...list].sort((a, b) => a.rank - b.rank);
		const cut =
			rule.kind === 'top_n'
				? rule.value
				: Math.ceil(Math.round((rule.value / 100) * sorted.length * 1e9) / 1e9);
		// Competition rank inside the group: position of the first entry with the same rank.
		let groupRank = 0;
		sorted.forEach((row, i) => {
			if (i === 0 || row.rank !== (sorted[i - 1] as { rank: number }).rank) groupRank = i + 1;
			if (groupRank <= cut) advancing.add(row.entryId);
		});
	}
	return advancing;
}
