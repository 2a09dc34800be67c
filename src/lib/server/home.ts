import type { SessionStudent, SessionUser } from './auth/session.ts';

/** Where each kind of person lands after signing in. */
export function homeFor(user: SessionUser | null, student: SessionStudent | null): string {
	if (student) return '/studio';
	if (!user) return '/';
	if (user.role === 'teacher') return '/classroom';
	if (user.role === 'judge') return '/judge';
	return '/admin';
}
