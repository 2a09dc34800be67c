// Organizer charts as SVG strings rendered on the server: they show without JavaScript, print,
// and cost the judge-facing bundle nothing. Every label is escaped (judge names are typed by
// people) and each chart names itself for screen readers through <title> and <desc>; the
// numbers a chart shows are also in the table the page puts beside it.

export interface ChartOptions {
	/** Unique on the page: prefixes the ids that aria-labelledby points to. */
	id: string;
	/** Short name, read first by screen readers (already translated). */
	title: string;
	/** One or two sentences saying what the chart shows and what to look for (translated). */
	description: string;
	/** viewBox width; the SVG scales to its container. Default 640. */
	width?: number;
	/** Formats axis numbers, e.g. with the reader's locale. */
	format?: (value: number) => string;
}

const INK = '#1f2a24';
const MUTED = '#5b6b61';
const GRID = '#d5ddd7';
const ACCENT = '#2f7d4f';
const ACCENT_SOFT = '#a9d3b8';
const WARN = '#b4531f';

/** Text and attribute escaping for everything that did not come from this file. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const n = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : 0);
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');
const defaultFormat = (v: number) => (Math.round(v * 100) / 100).toString();

function frame(opts: ChartOptions, width: number, height: number, body: string): string {
	const id = safeId(opts.id);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="100%" ` +
		`role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="12">` +
		`<title id="${id}-title">${escapeXml(opts.title)}</title>` +
		`<desc id="${id}-desc">${escapeXml(opts.description)}</desc>` +
		body +
		`</svg>`
	);
}

function quantile(sorted: readonly number[], q: number): number {
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/**
 * One row per judge: every score as a dot, the middle half as a box, the median as a bar, and
 * the panel's overall mean as a dashed line through all rows — a harsh judge's box sits left of
 * it, a lenient judge's right, a judge using a narrow range has a short box.
 */
export function judgeDistributionSvg(
	judges: readonly { label: string; scores: readonly number[] }[],
	opts: ChartOptions & {
		min?: number;
		max?: number;
		/** Names the dashed line of the panel's mean, e.g. "mean of all judges" (translated). */
		meanLabel?: string;
	}
): string {
	const width = opts.width ?? 640;
	const min = opts.min ?? 0;
	const max = opts.max ?? 1;
	const format = opts.format ?? defaultFormat;
	const left = 150;
	const right = 20;
	const rowHeight = 28;
	const top = opts.meanLabel ? 20 : 12;
	const height = top + judges.length * rowHeight + 30;
	const x = (v: number) =>
		left + ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * (width - left - right);

	let body = '';
	for (let t = 0; t <= 4; t++) {
		const v = min + ((max - min) * t) / 4;
		body +=
			`<line x1="${n(x(v))}" y1="${top}" x2="${n(x(v))}" y2="${n(height - 26)}" stroke="${GRID}"/>` +
			`<text x="${n(x(v))}" y="${n(height - 10)}" text-anchor="middle" fill="${MUTED}">${escapeXml(format(v))}</text>`;
	}
	const all = judges.flatMap((j) => j.scores);
	judges.forEach((judge, row) => {
		const cy = top + row * rowHeight + rowHeight / 2;
		const label = judge.label.length > 22 ? `${judge.label.slice(0, 21)}…` : judge.label;
		body += `<text x="${left - 8}" y="${n(cy + 4)}" text-anchor="end" fill="${INK}">${escapeXml(label)}</text>`;
		const sorted = [...judge.scores].filter(Number.isFinite).sort((a, b) => a - b);
		if (sorted.length === 0) return;
		const q1 = quantile(sorted, 0.25);
		const q3 = quantile(sorted, 0.75);
		const med = quantile(sorted, 0.5);
		body +=
			`<rect x="${n(x(q1))}" y="${n(cy - 8)}" width="${n(Math.max(1, x(q3) - x(q1)))}" height="16" ` +
			`fill="${ACCENT_SOFT}" stroke="${ACCENT}"/>` +
			`<line x1="${n(x(med))}" y1="${n(cy - 9)}" x2="${n(x(med))}" y2="${n(cy + 9)}" stroke="${INK}" stroke-width="2"/>`;
		for (const s of sorted) {
			body += `<circle cx="${n(x(s))}" cy="${n(cy)}" r="2.5" fill="${ACCENT}" fill-opacity="0.6"/>`;
		}
	});
	if (all.length > 0) {
		const mean = all.reduce((sum, v) => sum + v, 0) / all.length;
		body += `<line x1="${n(x(mean))}" y1="${top}" x2="${n(x(mean))}" y2="${n(height - 26)}" stroke="${WARN}" stroke-dasharray="4 3"/>`;
		if (opts.meanLabel) {
			body += `<text x="${n(x(mean) + 4)}" y="${top - 6}" fill="${WARN}" font-size="11">${escapeXml(opts.meanLabel)}</text>`;
		}
	}
	return frame(opts, width, height, body);
}

/**
 * Reliability (SSR) against the number of comparisons so far, with the target as a dashed line:
 * the organizer sees how far there is to go and whether more comparisons still help.
 */
export function reliabilitySvg(
	points: readonly { comparisons: number; ssr: number }[],
	opts: ChartOptions & { target?: number; targetLabel?: string }
): string {
	const width = opts.width ?? 640;
	const height = 240;
	const format = opts.format ?? defaultFormat;
	const target = opts.target ?? 0.8;
	const left = 44;
	const right = 16;
	const top = 12;
	const bottom = 30;
	const sorted = [...points]
		.filter((p) => Number.isFinite(p.comparisons) && Number.isFinite(p.ssr))
		.sort((a, b) => a.comparisons - b.comparisons);
	const maxX = Math.max(1, ...sorted.map((p) => p.comparisons));
	const x = (c: number) => left + (c / maxX) * (width - left - right);
	const y = (r: number) => top + (1 - Math.min(1, Math.max(0, r))) * (height - top - bottom);

	let body = '';
	for (let t = 0; t <= 4; t++) {
		const r = t / 4;
		body +=
			`<line x1="${left}" y1="${n(y(r))}" x2="${n(width - right)}" y2="${n(y(r))}" stroke="${GRID}"/>` +
			`<text x="${left - 6}" y="${n(y(r) + 4)}" text-anchor="end" fill="${MUTED}">${escapeXml(format(r))}</text>`;
	}
	// Whole comparisons on the x axis: quarter ticks, rounded, without repeats on short axes.
	const ticks = [...new Set([0, 1, 2, 3, 4].map((t) => Math.round((maxX * t) / 4)))];
	for (const c of ticks) {
		const anchor = c === 0 ? 'start' : c === maxX ? 'end' : 'middle';
		body += `<text x="${n(x(c))}" y="${n(height - 8)}" text-anchor="${anchor}" fill="${MUTED}">${escapeXml(format(c))}</text>`;
	}
	// The label sits at the left, above the line: early reliability is low, so no point hides it.
	body +=
		`<line x1="${left}" y1="${n(y(target))}" x2="${n(width - right)}" y2="${n(y(target))}" stroke="${WARN}" stroke-dasharray="5 4"/>` +
		(opts.targetLabel
			? `<text x="${left + 6}" y="${n(y(target) - 6)}" fill="${WARN}">${escapeXml(opts.targetLabel)}</text>`
			: '');
	if (sorted.length > 0) {
		const path = sorted
			.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(x(p.comparisons))} ${n(y(p.ssr))}`)
			.join(' ');
		body += `<path d="${path}" fill="none" stroke="${ACCENT}" stroke-width="2"/>`;
		for (const p of sorted) {
			body += `<circle cx="${n(x(p.comparisons))}" cy="${n(y(p.ssr))}" r="3" fill="${ACCENT}"/>`;
		}
	}
	return frame(opts, width, height, body);
}

/** Done out of total per band (or per judge), as horizontal bars with the figures written out. */
export function progressSvg(
	bands: readonly { label: string; done: number; total: number }[],
	opts: ChartOptions
): string {
	const width = opts.width ?? 640;
	const format = opts.format ?? ((v: number) => String(Math.round(v)));
	const left = 150;
	const right = 90;
	const rowHeight = 30;
	const top = 8;
	const height = top * 2 + bands.length * rowHeight;
	const span = width - left - right;

	let body = '';
	bands.forEach((band, row) => {
		const y = top + row * rowHeight;
		const total = Math.max(0, band.total);
		const done = Math.min(total, Math.max(0, band.done));
		const share = total > 0 ? done / total : 0;
		const label = band.label.length > 22 ? `${band.label.slice(0, 21)}…` : band.label;
		body +=
			`<text x="${left - 8}" y="${n(y + 19)}" text-anchor="end" fill="${INK}">${escapeXml(label)}</text>` +
			`<rect x="${left}" y="${n(y + 6)}" width="${n(span)}" height="18" fill="${GRID}" rx="3"/>` +
			`<rect x="${left}" y="${n(y + 6)}" width="${n(span * share)}" height="18" fill="${ACCENT}" rx="3"/>` +
			`<text x="${n(left + span + 8)}" y="${n(y + 19)}" fill="${INK}">${escapeXml(`${format(done)} / ${format(total)}`)}</text>`;
	});
	return frame(opts, width, height, body);
}
