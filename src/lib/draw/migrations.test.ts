import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION } from './document.ts';
import { migrateDocument, MIGRATIONS, type MigrationTable } from './migrations.ts';
import { parseDocument } from './parse-document.ts';

/**
 * A made-up "v0" shape (nested point arrays, strokes only, no timing) standing in for a real
 * older format, to prove the table, chaining and validation work end to end.
 */
const v0ToV1: MigrationTable = {
	0: (doc) => ({
		version: 1,
		width: doc.w,
		height: doc.h,
		background: '#ffffff',
		ops: (doc.strokes as { id: string; color: string; points: number[][] }[]).map((s) => ({
			type: 'stroke',
			id: s.id,
			tool: 'brush',
			color: s.color,
			size: 10,
			opacity: 1,
			points: s.points.flatMap(([x, y], i) => [x, y, 0.5, i * 16])
		}))
	})
};

const v0 = {
	version: 0,
	w: 800,
	h: 600,
	strokes: [
		{
			id: 'old',
			color: '#123456',
			points: [
				[1, 2],
				[3, 4]
			]
		}
	]
};

describe('migrateDocument', () => {
	it('has a migration for every version older than the current one', () => {
		for (let v = 1; v < DOCUMENT_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function');
		expect(MIGRATIONS[DOCUMENT_VERSION]).toBeUndefined();
	});

	it('upgrades an older document and then validates it', () => {
		const result = parseDocument(v0, { ...MIGRATIONS, ...v0ToV1 });
		expect(result).toEqual({
			ok: true,
			doc: {
				version: DOCUMENT_VERSION,
				width: 800,
				height: 600,
				background: '#ffffff',
				ops: [
					{
						type: 'stroke',
						id: 'old',
						tool: 'brush',
						color: '#123456',
						size: 10,
						opacity: 1,
						points: [1, 2, 0.5, 0, 3, 4, 0.5, 16]
					}
				]
			}
		});
	});

	it('chains steps in order up to the target version', () => {
		const seen: number[] = [];
		const table: MigrationTable = {
			0: (doc) => (seen.push(0), { ...doc, version: 1, a: true }),
			1: (doc) => (seen.push(1), { ...doc, version: 2, b: doc.a })
		};
		expect(migrateDocument({ version: 0 }, table, 2)).toEqual({
			ok: true,
			doc: { version: 2, a: true, b: true }
		});
		expect(seen).toEqual([0, 1]);
	});

	it('leaves a current document untouched', () => {
		const doc = { version: DOCUMENT_VERSION, x: 1 };
		expect(migrateDocument(doc)).toEqual({ ok: true, doc });
	});

	it('reports corrupt when a step is missing, throws, or forgets to bump the version', () => {
		expect(migrateDocument({ version: 0 }, {})).toEqual({ ok: false, reason: 'corrupt' });
		const throwing: MigrationTable = {
			0: () => {
				throw new Error('bad');
			}
		};
		expect(migrateDocument({ version: 0 }, throwing)).toEqual({ ok: false, reason: 'corrupt' });
		const stuck: MigrationTable = { 0: (doc) => doc };
		expect(migrateDocument({ version: 0 }, stuck)).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('reports future-version for a newer document and corrupt for a nonsense version', () => {
		expect(migrateDocument({ version: DOCUMENT_VERSION + 1 })).toEqual({
			ok: false,
			reason: 'future-version'
		});
		expect(migrateDocument({ version: '1' })).toEqual({ ok: false, reason: 'corrupt' });
		expect(migrateDocument({ version: -1 })).toEqual({ ok: false, reason: 'corrupt' });
	});
});
