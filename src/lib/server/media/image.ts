/**
 * The only module that imports sharp. Everything a child or teacher uploads is hostile until
 * proven otherwise: the format is decided from the decoded header, limits are checked before a
 * single pixel is decoded, and every rendition is re-encoded from bare pixels so no metadata
 * (EXIF, GPS, XMP, ICC, comments) can survive.
 */
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';

// libvips' operation cache keeps decoded images around for reuse we never get (each upload is
// seen once); on a 4 GB server that memory is worth more elsewhere.
sharp.cache(false);

// Allow-list the loaders instead of block-listing the dangerous ones: SVG (scripts, external
// entities), PDF, GIF, TIFF, ImageMagick, FITS, raw camera formats and whatever a future libvips
// adds all stay unreachable. Only buffer loaders: we never decode from a path.
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
	operation: [
		'VipsForeignLoadPngBuffer',
		'VipsForeignLoadJpegBuffer',
		'VipsForeignLoadWebpBuffer',
		'VipsForeignLoadHeifBuffer'
	]
});

export const IMAGE_LIMITS = {
	maxBytes: 20 * 1024 * 1024,
	maxPixels: 50_000_000,
	minShortSide: 200,
	maxAspect: 6
} as const;

export const RENDITION_SIZES = { thumb: 400, display: 1600, placeholder: 100 } as const;

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'avif';
export type RejectionReason =
	'format' | 'tooBig' | 'tooManyPixels' | 'tooSmall' | 'aspect' | 'corrupt';

export interface ImageInfo {
	ok: true;
	format: ImageFormat;
	/** Upright size, after the EXIF orientation is applied. */
	width: number;
	height: number;
	bytes: number;
	hasAlpha: boolean;
}

export interface ImageRejection {
	ok: false;
	reason: RejectionReason;
	/** For logs only: may quote the decoder and is not translated. */
	detail: string;
}

export class ImageRejectedError extends Error {
	readonly reason: RejectionReason;
	constructor(rejection: ImageRejection) {
		super(`image rejected (${rejection.reason}): ${rejection.detail}`);
		this.name = 'ImageRejectedError';
		this.reason = rejection.reason;
	}
}

export interface Rendition {
	data: Buffer;
	width: number;
	height: number;
	format: 'webp' | 'jpeg' | 'png';
	contentType: string;
}

export interface Renditions {
	source: ImageInfo;
	thumbWebp: Rendition;
	displayWebp: Rendition;
	displayJpeg: Rendition;
	/** Full-size private copy: PNG for lossless or transparent sources, JPEG for photos. */
	original: Rendition;
	/** Base64 thumbhash of the upright image. */
	thumbhash: string;
	/** `#rrggbb`. */
	dominantColor: string;
}

// 'error' refuses truncated and undecodable data but lets through the harmless warnings many
// phone cameras produce ('warning' would refuse some real photos).
const FAIL_ON = 'error';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * When the decoder gives up, tell "a damaged photo, try again" apart from "not a photo at all"
 * by the signature of the formats we accept.
 */
function looksAccepted(bytes: Buffer): boolean {
	const isWebp =
		bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
		bytes.subarray(8, 12).toString('latin1') === 'WEBP';
	return (
		isWebp ||
		bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) ||
		bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)
	);
}

function reject(reason: RejectionReason, detail: string): ImageRejection {
	return { ok: false, reason, detail };
}

function message(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

type Limits = { [K in keyof typeof IMAGE_LIMITS]: number };

/** Header-only checks: no pixel is decoded, so a 60000×60000 "PNG" costs microseconds. */
async function readHeader(
	bytes: Buffer,
	limits: Limits = IMAGE_LIMITS
): Promise<ImageInfo | ImageRejection> {
	if (bytes.length === 0) return reject('corrupt', 'empty file');
	if (bytes.length > limits.maxBytes) return reject('tooBig', `${bytes.length} bytes`);

	let meta: Metadata;
	try {
		// The pixel limit is checked below with a clear reason instead of sharp's error text.
		meta = await sharp(bytes, { failOn: FAIL_ON, limitInputPixels: false }).metadata();
	} catch (err) {
		return reject(looksAccepted(bytes) ? 'corrupt' : 'format', message(err));
	}

	let format: ImageFormat;
	if (meta.format === 'png' || meta.format === 'jpeg' || meta.format === 'webp') {
		format = meta.format;
	} else if (meta.format === 'heif' && meta.compression === 'av1') {
		// The bundled libheif decodes AV1 only: an HEIC (HEVC) photo would fail later anyway.
		format = 'avif';
	} else {
		return reject('format', `decoded format ${meta.format}`);
	}

	const { width, height } = meta;
	if (!width || !height) return reject('corrupt', 'no dimensions');
	if (width * height > limits.maxPixels) {
		return reject('tooManyPixels', `${width}×${height}`);
	}
	const shortSide = Math.min(width, height);
	const longSide = Math.max(width, height);
	if (shortSide < limits.minShortSide) return reject('tooSmall', `${width}×${height}`);
	if (longSide / shortSide > limits.maxAspect) return reject('aspect', `${width}×${height}`);

	const swap = (meta.orientation ?? 1) >= 5;
	return {
		ok: true,
		format,
		width: swap ? height : width,
		height: swap ? width : height,
		bytes: bytes.length,
		hasAlpha: meta.hasAlpha
	};
}

function decoder(bytes: Buffer, maxPixels: number = IMAGE_LIMITS.maxPixels): Sharp {
	return sharp(bytes, { failOn: FAIL_ON, limitInputPixels: maxPixels });
}

/**
 * Decides whether an upload is an image we accept, from its bytes alone (never its name or
 * Content-Type). Checks the header first, then decodes a small version so a truncated file is
 * refused at receipt rather than later in the queue; JPEG shrink-on-load keeps that cheap.
 */
export async function inspectImage(bytes: Buffer): Promise<ImageInfo | ImageRejection> {
	const header = await readHeader(bytes);
	if (!header.ok) return header;
	try {
		await decoder(bytes).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
	} catch (err) {
		return reject('corrupt', message(err));
	}
	return header;
}

function toHex(n: number): string {
	return Math.max(0, Math.min(255, Math.round(n)))
		.toString(16)
		.padStart(2, '0');
}

async function encode(pipeline: Sharp, format: Rendition['format']): Promise<Rendition> {
	const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height, format, contentType: `image/${format}` };
}

/**
 * Makes every rendition from one sharp pipeline: one input with the limits and auto-orientation,
 * fanned out with `clone()`; sharp converts to sRGB on output. libvips still reads the input once per
 * output, which lets JPEG shrink-on-load make the small renditions cheap; materialising the
 * decoded pixels once instead measured 10–15 % slower and holds up to 200 MB per image.
 * Nothing is copied from the file but pixels: no `withMetadata`/`keep*`, so EXIF, GPS, XMP,
 * ICC and comments are dropped, and bytes after the image end never reach an output.
 * Throws `ImageRejectedError` for input `inspectImage` refuses.
 */
export async function makeRenditions(bytes: Buffer): Promise<Renditions> {
	const source = await readHeader(bytes);
	if (!source.ok) throw new ImageRejectedError(source);

	const base = decoder(bytes).rotate();
	const fit = (size: number) =>
		base.clone().resize(size, size, { fit: 'inside', withoutEnlargement: true });
	// Lossless sources (drawings) stay lossless; re-encoding a photo as PNG would triple it.
	const isLossless = source.format === 'png' || source.hasAlpha;

	let outputs: [Rendition, Rendition, Rendition, Rendition, { data: Buffer; info: OutputInfo }];
	try {
		outputs = await Promise.all([
			encode(fit(RENDITION_SIZES.thumb).webp({ quality: 78, effort: 4 }), 'webp'),
			encode(fit(RENDITION_SIZES.display).webp({ quality: 82, effort: 4 }), 'webp'),
			encode(
				// JPEG has no alpha: transparent drawing paper becomes white paper, as on screen.
				fit(RENDITION_SIZES.display)
					.flatten({ background: '#ffffff' })
					.jpeg({ quality: 82, mozjpeg: true, progressive: true }),
				'jpeg'
			),
			isLossless
				? encode(base.clone().png({ compressionLevel: 6, adaptiveFiltering: false }), 'png')
				: // No mozjpeg here: its trellis search takes ~17 s on a noisy 12 MP photo, for a
					// file only organizers ever download.
					encode(base.clone().jpeg({ quality: 92, optimiseCoding: true }), 'jpeg'),
			fit(RENDITION_SIZES.placeholder).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
		]);
	} catch (err) {
		// The header was fine, so the pixel data is what failed (truncated, damaged).
		throw new ImageRejectedError(reject('corrupt', message(err)));
	}
	const [thumbWebp, displayWebp, displayJpeg, original, placeholder] = outputs;

	const hash = rgbaToThumbHash(placeholder.info.width, placeholder.info.height, placeholder.data);
	const { dominant } = await sharp(placeholder.data, {
		raw: { width: placeholder.info.width, height: placeholder.info.height, channels: 4 }
	}).stats();

	return {
		source: { ...source, width: original.width, height: original.height },
		thumbWebp,
		displayWebp,
		displayJpeg,
		original,
		thumbhash: Buffer.from(hash).toString('base64'),
		dominantColor: `#${toHex(dominant.r)}${toHex(dominant.g)}${toHex(dominant.b)}`
	};
}

/**
 * The preview a studio save carries. The studio draws it at most 400 px wide from the board;
 * anything much bigger is not one of ours, so the limits are tight and the decode is cheap.
 */
export const DRAWING_THUMB_LIMITS = {
	maxBytes: 300 * 1024,
	maxPixels: 1_000_000,
	minShortSide: 1,
	maxAspect: 20,
	size: 400
} as const;

/**
 * Re-encodes a studio thumbnail from its pixels alone (WebP, at most 400 px, upright, no
 * metadata), so what is stored and later served to the child and the teacher is an image we
 * made, never the bytes the browser sent. Throws `ImageRejectedError` for anything else.
 */
export async function makeDrawingThumbnail(bytes: Buffer): Promise<Rendition> {
	const header = await readHeader(bytes, DRAWING_THUMB_LIMITS);
	if (!header.ok) throw new ImageRejectedError(header);
	const { size, maxPixels } = DRAWING_THUMB_LIMITS;
	try {
		return await encode(
			decoder(bytes, maxPixels)
				.rotate()
				.resize(size, size, { fit: 'inside', withoutEnlargement: true })
				.webp({ quality: 80, effort: 4 }),
			'webp'
		);
	} catch (err) {
		throw new ImageRejectedError(reject('corrupt', message(err)));
	}
}

export const TEMPLATE_SIZES = {
	/** Templates are drawn at twice the board, so lines stay crisp when the child zooms in. */
	scale: 2,
	thumbWidth: 320,
	/**
	 * Paper lighter than this darkness (0–255, ~8 %) becomes fully transparent: scans and phone
	 * photos of white paper are never quite white, and that grey would tint every fill.
	 */
	paperThreshold: 20
} as const;

export interface ColouringTemplate {
	/** Black line art whose alpha is the darkness of the original: PNG, 2× the board. */
	lineArt: Rendition;
	/** The page on white, 320 px wide, for the studio's picker: WebP. */
	thumb: Rendition;
}

/**
 * Turns an uploaded colouring page (line art on paper) into a template for a board of
 * `board.width × board.height`: upright, on white, grey, fitted whole ('contain', centred, white
 * margins) into exactly twice the board, then black ink whose alpha is 255 − luminance, so the
 * child's colours show through the paper and stay under the lines. Same hostile-input rules as
 * entries (format from the bytes, size and pixel limits, no metadata kept).
 * Throws `ImageRejectedError` for input the pipeline refuses.
 */
export async function makeColouringTemplate(
	bytes: Buffer,
	board: { width: number; height: number }
): Promise<ColouringTemplate> {
	const source = await readHeader(bytes);
	if (!source.ok) throw new ImageRejectedError(source);
	const width = board.width * TEMPLATE_SIZES.scale;
	const height = board.height * TEMPLATE_SIZES.scale;

	let grey: { data: Buffer; info: OutputInfo };
	try {
		grey = await decoder(bytes)
			.rotate()
			.flatten({ background: '#ffffff' })
			.greyscale()
			.resize(width, height, { fit: 'contain', position: 'centre', background: '#ffffff' })
			// One band of luminance; `greyscale` alone may keep three equal ones.
			.extractChannel(0)
			.raw()
			.toBuffer({ resolveWithObject: true });
	} catch (err) {
		throw new ImageRejectedError(reject('corrupt', message(err)));
	}

	// Grey + alpha, two bytes a pixel: grey stays 0 (black ink), alpha is the darkness. The
	// thumbnail shows the same ink on clean white, so the picker looks like what the child gets.
	const pixels = width * height;
	const inkAlpha = Buffer.alloc(pixels * 2);
	const onWhite = Buffer.alloc(pixels);
	for (let i = 0; i < pixels; i++) {
		const darkness = 255 - grey.data[i]!;
		const alpha = darkness < TEMPLATE_SIZES.paperThreshold ? 0 : darkness;
		inkAlpha[i * 2 + 1] = alpha;
		onWhite[i] = 255 - alpha;
	}
	const [lineArt, thumb] = await Promise.all([
		encode(
			sharp(inkAlpha, { raw: { width, height, channels: 2 } })
				.toColourspace('b-w')
				.png({ compressionLevel: 9, adaptiveFiltering: true }),
			'png'
		),
		encode(
			sharp(onWhite, { raw: { width, height, channels: 1 } })
				.resize(TEMPLATE_SIZES.thumbWidth)
				.webp({ quality: 80, effort: 4 }),
			'webp'
		)
	]);
	return { lineArt, thumb };
}

/**
 * PNG of raw RGBA pixels we painted ourselves (the demo's drawings), as the studio exports;
 * with `width`, scaled down to that width (the studio's small drawing thumbnail).
 */
export async function encodeRgbaPng(
	pixels: { data: Uint8ClampedArray; width: number; height: number },
	options: { width?: number } = {}
): Promise<Buffer> {
	const { width, height } = pixels;
	const raw = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
	let pipeline = sharp(raw, { raw: { width, height, channels: 4 } });
	if (options.width) pipeline = pipeline.resize(options.width);
	return pipeline.png({ compressionLevel: 6 }).toBuffer();
}
