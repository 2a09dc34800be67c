import { DOCUMENT_VERSION } from './document.ts';

/**
 * Migration table: `migrations[n]` turns a version-n document into a version-(n+1) one. Each
 * step receives whatever the previous one produced (still unvalidated) and must return a plain
 * JSON value; the final result is validated as the current version by `parseDocument`.
 *
 * Version 1 is the first stored format, so the table is empty. When v2 lands, add
 * `1: (v1) => v2` here and bump `DOCUMENT_VERSION`; old drafts in IndexedDB and on the server
 * then upgrade on load, and v1 code meeting a v2 document reports 'future-version'.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export type MigrationTable = Readonly<Record<number, Migration>>;

export const MIGRATIONS: MigrationTable = {};

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
