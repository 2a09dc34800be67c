import type { Op } from './document.ts';

/**
 * Bitmap checkpoint policy, kept pure so it can be tested without a canvas.
 *
 * The renderer flattens finished ops into one bitmap. Undo changes the op list, and repainting
 * 5,000 strokes from scratch takes far longer than the 100 ms undo budget, so the renderer keeps
 * a few bitmap copies ("checkpoints") taken every `interval` ops and repaints only the ops after
 * the best one. Because commands share unchanged op objects, a checkpoint is still valid for a
 * document exactly when the document's first `count` ops are the same objects it was painted
 * from — a pointer comparison, no hashing.
 */

export interface PaintedPrefix {
	/** The op list the bitmap was painted from (only the first `count` matter). */
	ops: readonly Op[];
	/** Number of ops painted. */
	count: number;
}

export interface Checkpoint extends PaintedPrefix {
	/** Creation order; newer invalid checkpoints are likelier to become valid again on redo. */
	seq: number;
}

export interface CheckpointPolicy {
	/** Take a checkpoint each time the painted count reaches a multiple of this. */
	interval: number;
	/** Each checkpoint is a full art-board bitmap (~7.7 MB at 1600×1200), so keep few. */
	max: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { interval: 25, max: 4 };

export function isPrefixOf(painted: PaintedPrefix, ops: readonly Op[]): boolean {
	if (painted.count > ops.length) return false;
	if (painted.ops === ops) return true;
	for (let i = painted.count - 1; i >= 0; i--) {
		if (painted.ops[i] !== ops[i]) return false;
	}
	return true;
}

export type RenderPlan =
	/** Keep the current bitmap and paint ops from `from` to the end. */
	| { source: 'current'; from: number }
	/** Restore `checkpoints[index]`, then paint from `from`. */
	| { source: 'checkpoint'; index: number; from: number }
	/** Clear the bitmap and paint everything. */
	| { source: 'blank'; from: 0 };

/** Picks whatever starting bitmap leaves the fewest ops to repaint. */
export function planRender(
	current: PaintedPrefix,
	checkpoints: readonly Checkpoint[],
	ops: readonly Op[]
): RenderPlan {
	let plan: RenderPlan = { source: 'blank', from: 0 };
	if (isPrefixOf(current, ops)) plan = { source: 'current', from: current.count };
	checkpoints.forEach((checkpoint, index) => {
		if (checkpoint.count > plan.from && isPrefixOf(checkpoint, ops)) {
			plan = { source: 'checkpoint', index, from: checkpoint.count };
		}
	});
	return plan;
}

export function shouldCheckpoint(
	count: number,
	checkpoints: readonly Checkpoint[],
	ops: readonly Op[],
	policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY
): boolean {
	if (count === 0 || count % policy.interval !== 0) return false;
	return !checkpoints.some((c) => c.count === count && isPrefixOf(c, ops));
}

/**
 * Which checkpoints to keep (by index) once there are more than `policy.max`: the valid ones
 * nearest the end of the document first (undo usually goes back a few steps), then the newest
 * invalid ones (an undone op may be redone).
 */
export function checkpointsToKeep(
	checkpoints: readonly Checkpoint[],
	ops: readonly Op[],
	policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY
): number[] {
	const ranked = checkpoints
		.map((checkpoint, index) => ({ checkpoint, index, valid: isPrefixOf(checkpoint, ops) }))
		.sort((a, b) => {
			if (a.valid !== b.valid) return a.valid ? -1 : 1;
			if (a.valid) return b.checkpoint.count - a.checkpoint.count;
			return b.checkpoint.seq - a.checkpoint.seq;
		});
	return ranked
		.slice(0, policy.max)
		.map((r) => r.index)
		.sort((a, b) => a - b);
}

/**
 * What a stored raster snapshot of the flattened bitmap was painted from. Ops are never edited
 * in place and ids are unique, so the ids of the painted ops identify them: `idsHash` hashes
 * them all (older snapshots have only the count and the last id, and are used only for exactly
 * that document). The board size guards against a snapshot of other paper. The paper colour is
 * not part of the bitmap, so it may differ.
 */
export interface SnapshotMeta {
	ops: number;
	lastOpId: string | null;
	width: number;
	height: number;
	idsHash?: string;
}

interface SnapshotSubject {
	ops: readonly Op[];
	width: number;
	height: number;
}

/** FNV-1a (32 bits) over the first `count` op ids, each ended by a newline. */
export function hashOpIds(ops: readonly Op[], count = ops.length): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < count; i++) {
		const id = (ops[i] as Op).id;
		for (let j = 0; j < id.length; j++) {
			hash = Math.imul(hash ^ id.charCodeAt(j), 0x01000193);
		}
		hash = Math.imul(hash ^ 10, 0x01000193);
	}
	return `${count}:${(hash >>> 0).toString(16)}`;
}

export function snapshotMetaOf(doc: SnapshotSubject): SnapshotMeta {
	return {
		ops: doc.ops.length,
		lastOpId: doc.ops.at(-1)?.id ?? null,
		width: doc.width,
		height: doc.height,
		idsHash: hashOpIds(doc.ops)
	};
}

/**
 * How many of `doc`'s first ops a stored snapshot already shows: all of them, some of them (the
 * snapshot of an earlier save; the rest is painted over it), or 0 when it must not be used
 * (other paper, other ops, an undone op, or an older snapshot of anything but exactly `doc`).
 */
export function snapshotCoverage(meta: SnapshotMeta, doc: SnapshotSubject): number {
	const count = meta.ops;
	if (count <= 0 || count > doc.ops.length) return 0;
	if (meta.width !== doc.width || meta.height !== doc.height) return 0;
	if ((doc.ops[count - 1] as Op).id !== meta.lastOpId) return 0;
	if (meta.idsHash === undefined) return count === doc.ops.length ? count : 0;
	return hashOpIds(doc.ops, count) === meta.idsHash ? count : 0;
}

/** True when a snapshot can stand in for painting every op of `doc`. */
export function snapshotMatches(meta: SnapshotMeta, doc: SnapshotSubject): boolean {
	return doc.ops.length > 0 && snapshotCoverage(meta, doc) === doc.ops.length;
}
