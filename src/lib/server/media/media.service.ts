/**
 * Decides which renditions an upload gets and where they live; `image.ts` does the pixels.
 * Keys are content-addressed by the normalized original, so the same artwork submitted twice
 * (a retried upload, a double click) lands on the same objects.
 */
import { createHash } from 'node:crypto';
import type { ObjectStore } from '../storage/object-store.ts';
import {
	IMAGE_LIMITS,
	ImageRejectedError,
	makeRenditions,
	type Rendition,
	type Renditions
} from './image.ts';

/** Not under `public/`, so `/objects/` never serves it; serving is authorized elsewhere. */
export const MEDIA_PREFIX = 'media/';

export type VariantName = 'thumb' | 'display' | 'display-jpeg' | 'original';

export interface MediaVariant {
	name: VariantName;
	key: string;
	width: number;
	height: number;
	contentType: string;
	bytes: number;
}

export interface MediaDescriptor {
	/** `media/<sha256 of the normalized original>/` */
	keyPrefix: string;
	width: number;
	height: number;
	thumbhash: string;
	dominantColor: string;
	variants: MediaVariant[];
}

export class MediaNotFoundError extends Error {
	constructor(key: string) {
		super(`upload not found: ${key}`);
		this.name = 'MediaNotFoundError';
	}
}

const EXTENSIONS: Record<Rendition['format'], string> = { webp: 'webp', jpeg: 'jpg', png: 'png' };

/** Reads at most `limit + 1` bytes, so a huge object is refused without buffering it all. */
async function readLimited(store: ObjectStore, key: string, limit: number): Promise<Buffer> {
	const object = await store.get(key);
	if (!object) throw new MediaNotFoundError(key);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of object.body) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
		size += bytes.length;
		if (size > limit) {
			object.body.destroy();
			throw new ImageRejectedError({ ok: false, reason: 'tooBig', detail: `over ${limit} bytes` });
		}
		chunks.push(bytes);
	}
	return Buffer.concat(chunks, size);
}

function planVariants(renditions: Renditions): { name: VariantName; rendition: Rendition }[] {
	return [
		{ name: 'original', rendition: renditions.original },
		{ name: 'thumb', rendition: renditions.thumbWebp },
		{ name: 'display', rendition: renditions.displayWebp },
		{ name: 'display-jpeg', rendition: renditions.displayJpeg }
	];
}

/**
 * Turns a private original upload into the full rendition set. Either every variant is stored
 * or none this call created remains: objects that already existed (the same artwork processed
 * before, perhaps still referenced by another entry) are left alone on failure.
 * Throws `ImageRejectedError` for input the pipeline refuses.
 */
export async function processUpload(
	store: ObjectStore,
	originalKey: string
): Promise<MediaDescriptor> {
	const bytes = await readLimited(store, originalKey, IMAGE_LIMITS.maxBytes);
	const renditions = await makeRenditions(bytes);
	const hash = createHash('sha256').update(renditions.original.data).digest('hex');
	const keyPrefix = `${MEDIA_PREFIX}${hash}/`;

	const written: string[] = [];
	const variants: MediaVariant[] = [];
	try {
		for (const { name, rendition } of planVariants(renditions)) {
			const key = `${keyPrefix}${name}.${EXTENSIONS[rendition.format]}`;
			const existing = await store.head(key);
			// Encoders are deterministic for the same pixels, but only trust a complete object.
			if (!existing || existing.size !== rendition.data.length) {
				await store.put(key, rendition.data, {
					contentType: rendition.contentType,
					contentLength: rendition.data.length
				});
				written.push(key);
			}
			variants.push({
				name,
				key,
				width: rendition.width,
				height: rendition.height,
				contentType: rendition.contentType,
				bytes: rendition.data.length
			});
		}
	} catch (err) {
		await Promise.allSettled(written.map((key) => store.delete(key)));
		throw err;
	}

	return {
		keyPrefix,
		width: renditions.source.width,
		height: renditions.source.height,
		thumbhash: renditions.thumbhash,
		dominantColor: renditions.dominantColor,
		variants
	};
}
