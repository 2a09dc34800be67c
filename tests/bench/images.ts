// Image pipeline throughput: `makeRenditions` against bare sharp making the same renditions
// in the same run (sharp's own clone fan-out from the input buffer, no checks, no raw decode).
// Writes .bench/images.json in the shape described in /work/shared/BENCH.md.
//
// The "class at the bell" figures (bell_*) need the submission endpoint and are not measured
// here yet.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { makeRenditions, RENDITION_SIZES } from '../../src/lib/server/media/image.ts';
import { measureCertificates } from './certificates.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_RATIO = 0.9;

interface Figure {
	id: string;
	value: number;
	unit: string;
	target: string;
	baseline?: number;
	ratio?: number;
}

/** A 1600×1200 opaque drawing: paper, a few discs and thick strokes, like a studio export. */
async function drawingPng(): Promise<Buffer> {
	const width = 1600;
	const height = 1200;
	const px = Buffer.alloc(width * height * 3, 0xf8);
	const paint = (x: number, y: number, [r, g, b]: number[]) => {
		if (x < 0 || y < 0 || x >= width || y >= height) return;
		const i = (y * width + x) * 3;
		px[i] = r!;
		px[i + 1] = g!;
		px[i + 2] = b!;
	};
	const colours = [
		[46, 125, 50],
		[251, 192, 45],
		[30, 136, 229],
		[229, 57, 53]
	];
	for (let d = 0; d < 12; d++) {
		const cx = (d * 397) % width;
		const cy = (d * 251) % height;
		const r = 60 + ((d * 37) % 140);
		for (let y = cy - r; y <= cy + r; y++) {
			for (let x = cx - r; x <= cx + r; x++) {
				if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) paint(x, y, colours[d % 4]!);
			}
		}
	}
	for (let s = 0; s < 40; s++) {
		for (let t = 0; t < 1200; t++) {
			const x = Math.round(50 + t + 80 * Math.sin((t + s * 31) / 60));
			const y = Math.round(30 * s + 40 * Math.cos((t + s * 17) / 90));
			for (let w = 0; w < 6; w++) paint(x, y + w, colours[(s + 1) % 4]!);
		}
	}
	return sharp(px, { raw: { width, height, channels: 3 } })
		.png()
		.toBuffer();
}

/** A 12 MP (4000×3000) photo-like JPEG: soft texture with gradients, camera quality. */
async function photoJpeg(): Promise<Buffer> {
	const width = 4000;
	const height = 3000;
	const noise = await sharp({
		create: {
			width,
			height,
			channels: 3,
			background: '#808080',
			noise: { type: 'gaussian', mean: 128, sigma: 40 }
		}
	})
		.blur(2)
		.raw()
		.toBuffer();
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 3;
			noise[i] = Math.min(255, (noise[i]! >> 1) + Math.round((x / width) * 120));
			noise[i + 1] = Math.min(255, (noise[i + 1]! >> 1) + Math.round((y / height) * 120));
		}
	}
	return sharp(noise, { raw: { width, height, channels: 3 } })
		.jpeg({ quality: 90 })
		.toBuffer();
}

/** The same renditions with bare sharp, the way its documentation suggests. */
async function bareSharp(input: Buffer, lossless: boolean): Promise<void> {
	const base = sharp(input).rotate();
	const fit = (size: number): Sharp =>
		base.clone().resize(size, size, { fit: 'inside', withoutEnlargement: true });
	const [, , , , small] = await Promise.all([
		fit(RENDITION_SIZES.thumb).webp({ quality: 78, effort: 4 }).toBuffer(),
		fit(RENDITION_SIZES.display).webp({ quality: 82, effort: 4 }).toBuffer(),
		fit(RENDITION_SIZES.display)
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true, progressive: true })
			.toBuffer(),
		lossless
			? base.clone().png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer()
			: base.clone().jpeg({ quality: 92, optimiseCoding: true }).toBuffer(),
		fit(RENDITION_SIZES.placeholder).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
	]);
	rgbaToThumbHash(small.info.width, small.info.height, small.data);
	await sharp(small.data, {
		raw: { width: small.info.width, height: small.info.height, channels: 4 }
	}).stats();
}

/** A 5,000-stroke drawing at A3 300 dpi, in a process of its own (see print-render-probe.ts). */
function printRender(): Figure[] {
	const probe = path.resolve(import.meta.dirname, 'print-render-probe.ts');
	const out = execFileSync(process.execPath, [probe, String(Math.min(RUNS, 3))], {
		encoding: 'utf8'
	});
	const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
		ms: number;
		rssMb: number;
		loopDelayMs: number;
		size: string;
	};
	console.log(`print render ${r.size}: worst event-loop delay ${Math.round(r.loopDelayMs)} ms`);
	return [
		{ id: 'print_render_ms', value: round(r.ms), unit: 'ms', target: 'report' },
		{ id: 'print_render_rss_mb', value: round(r.rssMb), unit: 'MB', target: '< 1024' }
	];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

function median(values: number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function measure(id: string, input: Buffer, lossless: boolean): Promise<Figure> {
	// Warm-up: first calls pay for library initialisation and page faults.
	await makeRenditions(input);
	await bareSharp(input, lossless);
	const ours: number[] = [];
	const bare: number[] = [];
	// Interleaved so drift on a shared machine hits both sides alike.
	// Which side goes first alternates, so neither always runs right after the other's garbage.
	for (let i = 0; i < RUNS; i++) {
		if (i % 2) bare.push(await time(() => bareSharp(input, lossless)));
		ours.push(await time(() => makeRenditions(input)));
		if (i % 2 === 0) bare.push(await time(() => bareSharp(input, lossless)));
	}
	const value = median(ours);
	const baseline = median(bare);
	return {
		id,
		value: round(value),
		unit: 'ms',
		target: `ratio >= ${TARGET_RATIO}`,
		baseline: round(baseline),
		ratio: round(baseline / value, 3)
	};
}

const drawing = await drawingPng();
const photo = await photoJpeg();
const figures: Figure[] = [
	await measure('pipeline_drawing_ms', drawing, true),
	await measure('pipeline_photo_ms', photo, false),
	...printRender()
];

console.log(`images bench: median of ${RUNS} runs after a warm-up (node ${process.version})`);
console.table(
	figures.map((f) => ({
		figure: f.id,
		'sprout ms': f.value,
		'bare sharp ms': f.baseline,
		ratio: f.ratio,
		target: f.target,
		pass: f.ratio === undefined ? '' : f.ratio >= TARGET_RATIO ? 'yes' : 'NO'
	}))
);
const certificateFigures = await measureCertificates();
console.table(
	certificateFigures.map((f) => ({ figure: f.id, value: `${f.value} ${f.unit}`, target: f.target }))
);
console.log('not measured yet: bell_* figures (need the submission endpoint)');

const out = path.resolve('.bench/images.json');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(
	out,
	JSON.stringify(
		{
			name: 'images',
			when: new Date().toISOString(),
			node: process.version,
			figures: [...figures, ...certificateFigures]
		},
		null,
		'\t'
	) + '\n'
);
console.log(`wrote ${out}`);
