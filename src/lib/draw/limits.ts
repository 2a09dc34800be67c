import type { Command } from './commands.ts';
import { pointCount, type DrawDocument } from './document.ts';

/** Beyond these the editor slows to a crawl on a classroom PC, so they are refused outright. */
export const LIMITS = {
	maxOps: 20_000,
	maxStrokePoints: 100_000,
	maxTotalPoints: 5_000_000,
	maxTextLength: 500,
	minBoard: 16,
	maxBoard: 4096
} as const;

/**
 * Whether applying `commands` keeps the document within the limits `parseDocument` enforces,
 * so the editor never produces a drawing that could not be loaded again.
 */
export function fitsLimits(doc: DrawDocument, commands: readonly Command[]): boolean {
	const added = commands.flatMap((c) => (c.type === 'addOp' ? [c.op] : []));
	if (added.length === 0) return true;
	if (doc.ops.length + added.length > LIMITS.maxOps) return false;
	let total = 0;
	for (const op of [...doc.ops, ...added]) if (op.type === 'stroke') total += pointCount(op);
	return total <= LIMITS.maxTotalPoints;
}
