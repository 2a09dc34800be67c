/** Age bands typed one per line: "6-8", "9–11 Little sprouts", "12-15: 初中组". */

export const MIN_AGE = 4;
export const MAX_AGE = 18;
export const MAX_BANDS = 10;
export const MAX_LABEL_LENGTH = 40;

export interface AgeBand {
	label: string;
	minAge: number;
	maxAge: number;
}

export type AgeBandError =
	| 'contests.error.ageBand.format'
	| 'contests.error.ageBand.range'
	| 'contests.error.ageBand.overlap'
	| 'contests.error.ageBand.label'
	| 'contests.error.ageBand.tooMany';

export type AgeBandResult =
	{ ok: true; bands: AgeBand[] } | { ok: false; error: AgeBandError; line: number };

// Hyphen, en and em dash, tilde, full-width tilde and 至/到 all read as "to".
const LINE = /^(\d{1,2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2})(?:\s*[:：,，|]?\s*(.*))?$/;

export function parseAgeBands(text: string): AgeBandResult {
	const bands: (AgeBand & { line: number })[] = [];
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!.trim();
		if (raw === '') continue;
		const line = i + 1;
		const m = LINE.exec(raw);
		if (!m) return { ok: false, error: 'contests.error.ageBand.format', line };
		const minAge = Number(m[1]);
		const maxAge = Number(m[2]);
		if (minAge < MIN_AGE || maxAge > MAX_AGE || minAge > maxAge)
			return { ok: false, error: 'contests.error.ageBand.range', line };
		const label = (m[3] ?? '').trim() || `${minAge}–${maxAge}`;
		if (label.length > MAX_LABEL_LENGTH)
			return { ok: false, error: 'contests.error.ageBand.label', line };
		if (bands.length === MAX_BANDS)
			return { ok: false, error: 'contests.error.ageBand.tooMany', line };
		const clash = bands.find((b) => minAge <= b.maxAge && b.minAge <= maxAge);
		if (clash) return { ok: false, error: 'contests.error.ageBand.overlap', line };
		bands.push({ label, minAge, maxAge, line });
	}
	return {
		ok: true,
		bands: bands
			.sort((a, b) => a.minAge - b.minAge)
			.map(({ label, minAge, maxAge }) => ({ label, minAge, maxAge }))
	};
}

/** Back to the textarea form, one band per line; a default label is left implicit. */
export function formatAgeBands(bands: readonly AgeBand[]): string {
	return bands
		.map((b) => {
			const range = `${b.minAge}-${b.maxAge}`;
			return b.label === `${b.minAge}–${b.maxAge}` ? range : `${range} ${b.label}`;
		})
		.join('\n');
}
