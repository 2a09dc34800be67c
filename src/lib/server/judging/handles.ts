// Judges see entries only through opaque handles ("A7K3"): short enough to say aloud or write
// on a paper sheet, unlinkable between judges (each judge's handles come from their own HMAC
// input), and carrying nothing about the child, school or entry id.
import { createHmac } from 'node:crypto';

/**
 * 24 symbols without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G… only 6 stays, G is out).
 * 24⁴ = 331,776 handles per judge: collisions within a judge's few hundred entries are rare,
 * and resolved below.
 */
export const HANDLE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY34679';
const LENGTH = 4;
const SPACE = HANDLE_ALPHABET.length ** LENGTH;

/**
 * HMAC-SHA256(secret, judgeId ∥ entryId) reduced to 4 symbols. The secret (per round, kept on
 * the server) makes handles unguessable: knowing an entry id does not reveal its handle.
 */
export function judgeHandle(secret: string, judgeId: string, entryId: string): string {
	const digest = createHmac('sha256', secret).update(`${judgeId}\u0000${entryId}`).digest();
	// 48 bits modulo 331,776: the bias is below 10⁻⁹.
	let value = digest.readUIntBE(0, 6) % SPACE;
	let handle = '';
	for (let i = 0; i < LENGTH; i++) {
		handle = (HANDLE_ALPHABET[value % HANDLE_ALPHABET.length] as string) + handle;
		value = Math.floor(value / HANDLE_ALPHABET.length);
	}
	return handle;
}

/**
 * Handles for one judge's entries, unique among themselves and among `taken` (handles this
 * judge already holds for other entries, which must keep theirs). On a collision the later
 * entry (in sorted id order, so the result does not depend on list order) is rehashed with a
 * counter until free.
 */
export function assignHandles(
	secret: string,
	judgeId: string,
	entryIds: readonly string[],
	taken: Iterable<string> = []
): Map<string, string> {
	const used = new Set(taken);
	const handles = new Map<string, string>();
	for (const entryId of [...new Set(entryIds)].sort()) {
		let handle = judgeHandle(secret, judgeId, entryId);
		for (let n = 1; used.has(handle); n++) handle = judgeHandle(secret, judgeId, `${entryId}#${n}`);
		used.add(handle);
		handles.set(entryId, handle);
	}
	return handles;
}
