import { describe, expect, it } from 'vitest';
import {
	checkpointsToKeep,
	isPrefixOf,
	planRender,
	shouldCheckpoint,
	snapshotCoverage,
	snapshotMatches,
	snapshotMetaOf,
	type Checkpoint
} from './checkpoints.ts';
import type { Op } from './document.ts';

const makeOps = (n: number): Op[] =>
	Array.from({ length: n }, (_, i) => ({
		type: 'fill',
		id: `f${i}`,
		x: 0,
		y: 0,
		color: '#000000',
		tolerance: 0
	}));

const policy = { interval: 10, max: 3 };

describe('checkpoints', () => {
	const ops = makeOps(50);

	it('recognises a painted prefix by op identity, not by equal content', () => {
		expect(isPrefixOf({ ops, count: 20 }, ops.slice(0, 30))).toBe(true);
		expect(isPrefixOf({ ops, count: 20 }, ops.slice(0, 10))).toBe(false);
		const lookalike = [...ops];
		lookalike[5] = { ...(ops[5] as Op) };
		expect(isPrefixOf({ ops, count: 20 }, lookalike)).toBe(false);
		expect(isPrefixOf({ ops, count: 4 }, lookalike)).toBe(true);
	});

	it('keeps drawing on the current bitmap when ops were only appended', () => {
		expect(planRender({ ops: ops.slice(0, 40), count: 40 }, [], ops)).toEqual({
			source: 'current',
			from: 40
		});
	});

	it('after an undo, restores the nearest valid checkpoint below the new end', () => {
		const checkpoints: Checkpoint[] = [
			{ ops, count: 10, seq: 0 },
			{ ops, count: 20, seq: 1 },
			{ ops, count: 40, seq: 2 }
		];
		const undone = ops.slice(0, 35);
		expect(planRender({ ops, count: 50 }, checkpoints, undone)).toEqual({
			source: 'checkpoint',
			index: 1,
			from: 20
		});
	});

	it('skips checkpoints painted from different ops and falls back to blank', () => {
		const other = makeOps(50);
		const checkpoints: Checkpoint[] = [{ ops: other, count: 10, seq: 0 }];
		expect(planRender({ ops: other, count: 50 }, checkpoints, ops)).toEqual({
			source: 'blank',
			from: 0
		});
	});

	it('prefers a checkpoint further along than the current bitmap', () => {
		const checkpoints: Checkpoint[] = [{ ops, count: 30, seq: 0 }];
		expect(planRender({ ops, count: 10 }, checkpoints, ops)).toMatchObject({
			source: 'checkpoint',
			from: 30
		});
	});

	it('asks for a checkpoint every interval ops, once', () => {
		expect(shouldCheckpoint(0, [], ops, policy)).toBe(false);
		expect(shouldCheckpoint(9, [], ops, policy)).toBe(false);
		expect(shouldCheckpoint(10, [], ops, policy)).toBe(true);
		expect(shouldCheckpoint(10, [{ ops, count: 10, seq: 0 }], ops, policy)).toBe(false);
		expect(shouldCheckpoint(10, [{ ops: makeOps(10), count: 10, seq: 0 }], ops, policy)).toBe(true);
	});

	it('keeps the valid checkpoints nearest the end, then the newest invalid ones', () => {
		const stale = makeOps(50);
		const checkpoints: Checkpoint[] = [
			{ ops, count: 10, seq: 0 },
			{ ops, count: 20, seq: 1 },
			{ ops: stale, count: 30, seq: 2 },
			{ ops, count: 40, seq: 3 },
			{ ops: stale, count: 10, seq: 4 }
		];
		expect(checkpointsToKeep(checkpoints, ops, policy)).toEqual([0, 1, 3]);
		expect(checkpointsToKeep(checkpoints, ops, { interval: 10, max: 4 })).toEqual([0, 1, 3, 4]);
	});
});

describe('stored bitmap snapshots', () => {
	const ops = makeOps(30);
	const doc = { ops, width: 1600, height: 1200 };
	const meta = snapshotMetaOf(doc);

	it('match a document with the same op count, last op and board size', () => {
		expect(meta).toMatchObject({ ops: 30, lastOpId: 'f29', width: 1600, height: 1200 });
		expect(snapshotMatches(meta, { ...doc, ops: ops.slice() })).toBe(true);
	});

	it('do not match after an undo, a new op, a different last op or other paper', () => {
		expect(snapshotMatches(meta, { ...doc, ops: ops.slice(0, 29) })).toBe(false);
		expect(snapshotMatches(meta, { ...doc, ops: makeOps(31) })).toBe(false);
		const redrawn = [...ops.slice(0, 29), { ...(ops[29] as Op), id: 'other' }];
		expect(snapshotMatches(meta, { ...doc, ops: redrawn })).toBe(false);
		expect(snapshotMatches(meta, { ...doc, width: 1200, height: 1600 })).toBe(false);
	});

	it('never stand in for an empty picture', () => {
		const empty = { ops: [], width: 1600, height: 1200 };
		expect(snapshotMatches(snapshotMetaOf(empty), empty)).toBe(false);
	});

	it('cover the first ops of a document drawn on since (a save whose snapshot came later)', () => {
		const later = { ...doc, ops: [...ops, ...makeOps(40).slice(30)] };
		expect(snapshotCoverage(meta, later)).toBe(30);
		expect(snapshotMatches(meta, later)).toBe(false);
		expect(snapshotCoverage(meta, { ...doc, ops: ops.slice() })).toBe(30);
	});

	it('cover nothing once an op they show was undone, removed or replaced (stale)', () => {
		// Undone, then drawn again: same count, different last op.
		const redrawn = [...ops.slice(0, 29), { ...(ops[29] as Op), id: 'other' }];
		expect(snapshotCoverage(meta, { ...doc, ops: [...redrawn, ...makeOps(3)] })).toBe(0);
		// An op in the middle removed and a new one drawn: the last shown id comes back at the
		// same place only if another op took the removed one's, and the ids' hash tells.
		const shifted = [...ops.slice(0, 10), { ...(ops[10] as Op), id: 'x' }, ...ops.slice(11)];
		expect(snapshotCoverage(meta, { ...doc, ops: shifted })).toBe(0);
		expect(snapshotCoverage(meta, { ...doc, ops: ops.slice(0, 29) })).toBe(0);
		expect(snapshotCoverage(meta, { ...doc, width: 1200, height: 1600 })).toBe(0);
		expect(snapshotCoverage({ ...meta, idsHash: 'forged' }, doc)).toBe(0);
	});

	it('from older drafts (no ids hash) are used only for exactly their document', () => {
		const old = { ops: 30, lastOpId: 'f29', width: 1600, height: 1200 };
		expect(snapshotCoverage(old, doc)).toBe(30);
		expect(snapshotCoverage(old, { ...doc, ops: [...ops, ...makeOps(31).slice(30)] })).toBe(0);
	});
});
