/**
 * Who may see an entry's pictures, and where they are. Renditions live under content-addressed
 * keys that are never public: `/media/entries/<entryId>/<variant>` checks the viewer every time.
 */
import type { SessionStudent, SessionUser } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import type { MediaDescriptor, VariantName } from '../media/media.service.ts';
import { findEntryOwner } from './entry.repository.ts';

export type EntryMediaViewer = { student: SessionStudent } | { user: SessionUser };

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

const ENTRY_ID = /^[a-z0-9]{1,40}$/;

/** The owner child, a teacher managing the child's class, or an organizer. */
export async function canViewEntryMedia(
	db: Db,
	viewer: EntryMediaViewer,
	entryId: string
): Promise<boolean> {
	if (!ENTRY_ID.test(entryId)) return false;
	const owner = await findEntryOwner(db, entryId);
	if (!owner) return false;
	if ('student' in viewer) return owner.student_id === viewer.student.id;
	const { user } = viewer;
	if (user.role === 'organizer') return true;
	return user.role === 'teacher' && owner.teacher_id === user.id;
}

/** The stored rendition behind a URL variant, once the entry has been processed. */
export async function findEntryRendition(
	db: Db,
	entryId: string,
	variant: EntryMediaVariant
): Promise<{ key: string; contentType: string } | null> {
	if (!ENTRY_ID.test(entryId)) return null;
	const owner = await findEntryOwner(db, entryId);
	if (!owner?.media) return null;
	let media: MediaDescriptor;
	try {
		media = JSON.parse(owner.media) as MediaDescriptor;
	} catch {
		return null;
	}
	const found = media.variants?.find((v) => v.name === ENTRY_MEDIA_VARIANTS[variant]);
	return found ? { key: found.key, contentType: found.contentType } : null;
}
