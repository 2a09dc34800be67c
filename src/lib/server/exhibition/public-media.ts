/**
 * How a public page names a work's pictures: always under the work's public URL
 * (`/exhibitions/<slug>/<handle>/<variant>`), whose route asks the public rule on every request,
 * so a withdrawn or hidden work's saved picture URLs stop answering at once. The content-addressed
 * storage keys never reach the browser.
 */
import { thumbHashToDataURL } from 'thumbhash';
import { artworkPath } from '$lib/exhibition/paths.ts';
import {
	entryMediaUrl,
	ENTRY_MEDIA_VARIANTS,
	type EntryMediaVariant
} from '../entries/media-access.ts';
import type { MediaDescriptor } from '../media/media.service.ts';

export interface PublicImage {
	/** JPEG fallback (the widest browser support). */
	src: string;
	/** WebP renditions with their widths, for `<source srcset>`. */
	srcsetWebp: string;
	/** The large WebP, for zoom and Open Graph. */
	large: string;
	width: number;
	height: number;
	/** CSS colour laid under the picture until it arrives. */
	color: string;
	/** Base64 thumbhash, decoded to a tiny PNG only where one picture matters (artwork page). */
	thumbhash: string;
}

function parse(media: string | MediaDescriptor | null): MediaDescriptor | null {
	if (!media) return null;
	if (typeof media !== 'string') return media;
	try {
		return JSON.parse(media) as MediaDescriptor;
	} catch {
		return null;
	}
}

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * The picture set of a work. `base` is the work's public path, or null for the signed-in
 * organizer/teacher views, which go through the private, per-viewer media route by entry id.
 */
export function publicImage(
	media: string | MediaDescriptor | null,
	base: string | null,
	entryId?: string
): PublicImage | null {
	const descriptor = parse(media);
	if (!descriptor?.variants?.length) return null;
	const url = (variant: EntryMediaVariant) =>
		base ? `${base}/${variant}` : entryMediaUrl(entryId ?? '', variant);
	const find = (variant: EntryMediaVariant) =>
		descriptor.variants.find((v) => v.name === ENTRY_MEDIA_VARIANTS[variant]);
	const thumb = find('thumb.webp');
	const display = find('display.webp');
	const jpeg = find('display.jpg');
	const srcset = [
		thumb ? `${url('thumb.webp')} ${thumb.width}w` : null,
		display ? `${url('display.webp')} ${display.width}w` : null
	].filter(Boolean);
	return {
		src: jpeg ? url('display.jpg') : url('display.webp'),
		srcsetWebp: srcset.join(', '),
		large: display ? url('display.webp') : url('display.jpg'),
		width: descriptor.width,
		height: descriptor.height,
		color: COLOR.test(descriptor.dominantColor) ? descriptor.dominantColor : '#e8efe6',
		thumbhash: descriptor.thumbhash ?? ''
	};
}

export function publicImageOf(media: MediaDescriptor | null, slug: string, handle: string) {
	return publicImage(media, artworkPath(slug, handle));
}

/** A tiny PNG data URL of the thumbhash, or '' when there is none or it is malformed. */
export function placeholderOf(thumbhash: string): string {
	if (!thumbhash) return '';
	try {
		return thumbHashToDataURL(Uint8Array.from(Buffer.from(thumbhash, 'base64')));
	} catch {
		return '';
	}
}
