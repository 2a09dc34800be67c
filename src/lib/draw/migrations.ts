import { DOCUMENT_VERSION } from './document.ts';

/**
 * Migration table: `migrations[n]` turns a version-n document into a version-(n+1) one. Each
 * step receives whatever the previous one produced (still unvalidated) and must return a plain
 * JSON value; the final result is validated as the current version by `parseDocument`.
 *
 * Old drafts in IndexedDB and on the server upgrade on load, and older code meeting a newer
 * document reports 'future-version' instead of dropping what it does not know.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export type MigrationTable = Readonly<Record<number, Migration>>;

export const MIGRATIONS: MigrationTable = {
	// v2 added the optional colouring page (`template`); a v1 drawing is on blank paper.
	1: (v1) => ({ ...v1, version: 2 })
};

export type MigrationResult =
	{ ok: true; doc: Record<string, unknown> } | { ok: false; reason: 'corrupt' | 'future-version' };

export function migrateDocument(
	doc: Record<string, unknown>,
	migrations: MigrationTable = MIGRATIONS,
	target: number = DOCUMENT_VERSION
): MigrationResult {
	let current = doc;
	const raw = current.version;
	if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
		return { ok: false, reason: 'corrupt' };
	}
	let version = raw;
	if (version > target) return { ok: false, reason: 'future-version' };
	while (version < target) {
		const step: Migration | undefined = migrations[version];
		if (!step) return { ok: false, reason: 'corrupt' };
		try {
			current = step(current);
		} catch {
			return { ok: false, reason: 'corrupt' };
		}
		// A step that forgets to bump the version would loop forever.
		if (current.version !== version + 1) return { ok: false, reason: 'corrupt' };
		version = version + 1;
	}
	return { ok: true, doc: current };
}
