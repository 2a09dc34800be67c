/**
 * Who may enter each signed-in area: the one table both the hook (which gates whole path
 * prefixes) and every load, action and endpoint (`requireArea`) read, so they cannot disagree.
 * Services still decide the finer questions (whose class, whose contest).
 */
import type { SessionUser } from './session.ts';

export const AREAS = {
	/** Teachers, and admin organizers who look after every class. */
	classroom: (user: SessionUser) =>
		user.role === 'teacher' || (user.role === 'organizer' && user.isAdmin),
	judge: (user: SessionUser) => user.role === 'judge' || user.role === 'organizer',
	admin: (user: SessionUser) => user.role === 'organizer'
} as const satisfies Record<string, (user: SessionUser) => boolean>;

export type Area = keyof typeof AREAS;

/** The area a path belongs to (`/classroom/…` → 'classroom'), if it is one of them. */
export function areaOf(path: string): Area | null {
	for (const area of Object.keys(AREAS) as Area[]) {
		const prefix = `/${area}`;
		if (path === prefix || path.startsWith(prefix + '/')) return area;
	}
	return null;
}

export function mayEnter(area: Area, user: SessionUser): boolean {
	return AREAS[area](user);
}
