/**
 * Public exhibition URLs, safe for the browser. They carry the exhibition's slug and an entry's
 * public handle only — never an internal id — so a shared link names nothing private.
 */

/** Slugs: lower-case words joined by hyphens (what `slugify` makes and the organizer may edit). */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])$/;

/** Handles: 10 symbols from an alphabet without look-alikes (see public-entry.repository.ts). */
export const HANDLE_PATTERN = /^[acdefhjkmnpqrtuvwxy34679]{10}$/;

export function isSlug(value: string): boolean {
	return SLUG_PATTERN.test(value);
}

export function isHandle(value: string): boolean {
	return HANDLE_PATTERN.test(value);
}

export function exhibitionPath(slug: string): string {
	return `/exhibitions/${encodeURIComponent(slug)}`;
}

export function artworkPath(slug: string, handle: string): string {
	return `${exhibitionPath(slug)}/${encodeURIComponent(handle)}`;
}

/** Absolute link for sharing, QR codes and Open Graph tags. */
export function publicArtworkUrl(origin: string, slug: string, handle: string): string {
	return new URL(artworkPath(slug, handle), origin).href;
}
