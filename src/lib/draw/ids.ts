const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random op ids. `crypto.randomUUID` needs a secure context, which a classroom server on a
 * plain-http LAN address is not; `getRandomValues` works everywhere.
 */
export function createId(length = 16): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
	return id;
}
