/**
 * Where an entry's pictures are. Renditions live under content-addressed keys that are never
 * public: `/media/entries/<entryId>/<variant>` asks entry-access.ts about the viewer every time.
 */
import type { MediaDescriptor, VariantName } from '../media/media.service.ts';

/** URL file names and the rendition each one serves. */
export const ENTRY_MEDIA_VARIANTS = {
	'thumb.webp': 'thumb',
	'display.webp': 'display',
	'display.jpg': 'display-jpeg'
} as const satisfies Record<string, VariantName>;

export type EntryMediaVariant = keyof typeof ENTRY_MEDIA_VARIANTS;

export function isEntryMediaVariant(value: string): value is EntryMediaVariant {
	return Object.hasOwn(ENTRY_MEDIA_VARIANTS, value);
}

export function entryMediaUrl(entryId: string, variant: EntryMediaVariant): string {
	return `/media/entries/${encodeURIComponent(entryId)}/${variant}`;
}

/** The stored rendition behind a URL variant, once the entry has been processed. */
export function renditionOf(
	media: string | null,
	variant: EntryMediaVariant
): { key: string; contentType: string } | null {
	if (!media) return null;
	let descriptor: MediaDescriptor;
	try {
		descriptor = JSON.parse(media) as MediaDescriptor;
	} catch {
		return null;
	}
	const found = descriptor.variants?.find((v) => v.name === ENTRY_MEDIA_VARIANTS[variant]);
	return found ? { key: found.key, contentType: found.contentType } : null;
}
