// Statistics, the printed table and .bench/<name>.json in the shape of /work/shared/BENCH.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
	id: string;
	value: number;
	unit: string;
	/** The target, e.g. `<= 50`; absent where the issue sets none. */
	target?: string;
	baseline?: number;
	/** How many times better than the baseline (baseline / value; value / baseline for rates). */
	ratio?: number;
	note?: string;
}

/**
 * The parts of a bench to run: BENCH_PARTS=a,b selects some of `known` (to iterate on one
 * figure); unset or empty means all of them. An unknown name is an error, not a silent skip.
 */
export function benchParts(known: readonly string[]): ReadonlySet<string> {
	const asked = (process.env.BENCH_PARTS ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	const unknown = asked.filter((part) => !known.includes(part));
	if (unknown.length)
		throw new Error(`BENCH_PARTS: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
	return new Set(asked.length ? asked : known);
}

export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (rank - lo);
}

export function median(values: readonly number[]): number {
	return percentile(values, 50);
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

/** Whether `value` meets a target written as `<= n` or `>= n`. */
export function meets(value: number, target: string): boolean {
	const match = /^(<=|>=)\s*([\d.]+)$/.exec(target);
	if (!match) return false;
	const bound = Number(match[2]);
	return match[1] === '<=' ? value <= bound : value >= bound;
}

export function printTable(figures: readonly Figure[]): void {
	const rows = figures.map((f) => [
		f.id,
		`${round(f.value)} ${f.unit}`,
		f.target ? `${f.target} ${meets(f.value, f.target) ? 'ok' : 'MISSED'}` : '',
		f.baseline === undefined
			? ''
			: `${round(f.baseline)}${f.note?.includes('lower bound') ? ' (≥)' : ''}`,
		f.ratio === undefined ? '' : `${f.ratio}×`
	]);
	const head = ['figure', 'value', 'target', 'baseline', 'ratio'];
	const widths = head.map((h, i) =>
		Math.max(h.length, ...rows.map((r) => (r[i] as string).length))
	);
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
	console.log(line(head));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
}

export function writeReport(root: string, name: string, figures: readonly Figure[]): string {
	const dir = path.join(root, '.bench');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.json`);
	const report = {
		name,
		when: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		node: process.version,
		figures: figures.map((f) => ({
			...f,
			value: round(f.value),
			...(f.baseline === undefined ? {} : { baseline: round(f.baseline) })
		}))
	};
	writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
	return file;
}
