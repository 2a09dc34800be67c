/**
 * The keyed values behind the vote: the browser's voter cookie, the voter key stored with a vote,
 * and the daily network hash. All are HMACs under the vote secret, so none can be forged or
 * reversed without it, and none says who someone is.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

function mac(secret: string, purpose: string, value: string): Buffer {
	return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest();
}

const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{22}$/;

/** A new random voter id (128 bits) and its signed cookie value `id.signature`. */
export function newVoterCookie(secret: string): { id: string; value: string } {
	const id = randomBytes(16).toString('base64url');
	return { id, value: `${id}.${signVoter(secret, id)}` };
}

function signVoter(secret: string, id: string): string {
	return mac(secret, 'voter-cookie', id).subarray(0, 16).toString('base64url');
}

/** The voter id inside a cookie value, or null when it is missing, malformed or not ours. */
export function readVoterCookie(secret: string, value: string | undefined): string | null {
	if (!value) return null;
	const [id, signature, extra] = value.split('.');
	if (extra !== undefined || !id || !signature) return null;
	if (!VOTER_ID.test(id) || !SIGNATURE.test(signature)) return null;
	const expected = Buffer.from(signVoter(secret, id));
	const given = Buffer.from(signature);
	return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/**
 * What a vote row stores: a keyed hash of the voter id, so a leaked database cannot be matched
 * against cookies without the secret as well.
 */
export function voterKey(secret: string, voterId: string): string {
	return mac(secret, 'voter-key', voterId).subarray(0, 16).toString('hex');
}

/**
 * The network a request came from: IPv4 as is, IPv6 by its /64 (one household or school gets
 * one /64 and rotates addresses inside it).
 */
export function networkOf(ip: string): string {
	if (isIP(ip) === 6) {
		const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
		if (mapped) return mapped[1]!;
		const [head] = ip.split('%');
		const parts = expandIpv6(head!);
		return parts.slice(0, 4).join(':') + '::/64';
	}
	return ip;
}

function expandIpv6(ip: string): string[] {
	const [left, right] = ip.split('::') as [string, string | undefined];
	const l = left ? left.split(':') : [];
	const r = right ? right.split(':') : [];
	const fill = right === undefined ? [] : Array(8 - l.length - r.length).fill('0');
	return [...l, ...fill, ...r].map((p) => p.toLowerCase().padStart(4, '0'));
}

/**
 * Salted, truncated hash of the network: the salt is derived from the secret and the UTC day,
 * so hashes from two days cannot be linked, and 40 bits are enough to tell the networks voting
 * in one contest apart while far too few to look an address up.
 */
export function networkHash(secret: string, ip: string, now: number): string {
	const day = new Date(now).toISOString().slice(0, 10);
	const salt = mac(secret, 'network-salt', day);
	return createHmac('sha256', salt).update(networkOf(ip)).digest('hex').slice(0, 10);
}
