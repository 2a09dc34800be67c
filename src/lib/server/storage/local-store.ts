import { createHash, randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
	assertValidKey,
	assertValidPrefix,
	InvalidKeyError,
	isValidKey,
	type ListedObject,
	type ObjectInfo,
	type ObjectStore
} from './object-store.ts';

/**
 * What the sidecar knows about one version of an object. `ino`, `size` and `mtimeMs` tie it to
 * the data file it was written with: sidecar and data are renamed into place one after the
 * other, so a crash or a reader in between can see a sidecar that belongs to other bytes.
 * A restored backup changes inodes too; then the content hash decides.
 */
interface Sidecar {
	contentType: string;
	etag: string;
	size: number;
	ino: number;
	mtimeMs: number;
}

function belongsTo(sidecar: Sidecar, stats: Stats): boolean {
	return (
		sidecar.ino === stats.ino && sidecar.size === stats.size && sidecar.mtimeMs === stats.mtimeMs
	);
}

const FALLBACK_TYPE = 'application/octet-stream';

function errorCode(error: unknown): unknown {
	return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** Nothing there, or a folder where a file would be: either way, no object. */
function isNoFile(error: unknown): boolean {
	const code = errorCode(error);
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

async function* hashing(
	body: Buffer | Uint8Array | Readable,
	progress: { hash: ReturnType<typeof createHash>; size: number }
): AsyncGenerator<Uint8Array> {
	for await (const chunk of body instanceof Uint8Array ? [body] : body) {
		const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		progress.hash.update(bytes);
		progress.size += bytes.byteLength;
		yield bytes;
	}
}

function etagOf(hash: ReturnType<typeof createHash>): string {
	return `"${hash.digest('hex').slice(0, 32)}"`;
}

async function writeSynced(file: string, content: AsyncIterable<Uint8Array> | string) {
	const handle = await open(file, 'wx');
	try {
		await handle.writeFile(content);
		await handle.sync();
		return await handle.stat();
	} finally {
		await handle.close();
	}
}

async function openFile(file: string): Promise<{ handle: FileHandle; stats: Stats } | undefined> {
	let handle: FileHandle;
	try {
		handle = await open(file, 'r');
	} catch (error) {
		if (isNoFile(error)) return undefined;
		throw error;
	}
	const stats = await handle.stat().catch(async (error) => {
		await handle.close();
		throw error;
	});
	if (stats.isFile()) return { handle, stats };
	await handle.close();
	return undefined;
}

async function readSidecar(file: string): Promise<Sidecar | undefined> {
	try {
		return JSON.parse(await readFile(file, 'utf8')) as Sidecar;
	} catch {
		return undefined;
	}
}

const commits = new Map<string, Promise<void>>();

/** Two puts of one key must not interleave their renames, or data and sidecar would mismatch. */
function serialised(file: string, task: () => Promise<void>): Promise<void> {
	const run = (commits.get(file) ?? Promise.resolve()).then(task);
	const tail = run.catch(() => {});
	commits.set(file, tail);
	void tail.then(() => {
		if (commits.get(file) === tail) commits.delete(file);
	});
	return run;
}

async function removeFile(file: string): Promise<void> {
	try {
		await unlink(file);
	} catch (error) {
		if (!isNoFile(error)) throw error;
	}
}

/** Objects as plain files under `dir`; `.tmp/` and `.meta/` can never clash with keys. */
export function createLocalStore(dir: string): ObjectStore {
	const root = path.resolve(dir);
	const tmpDir = path.join(root, '.tmp');
	const metaRoot = path.join(root, '.meta');

	function within(base: string, key: string, suffix = ''): string {
		const full = path.resolve(base, ...key.split('/')) + suffix;
		if (!full.startsWith(base + path.sep)) throw new InvalidKeyError(key);
		return full;
	}

	function locate(key: string) {
		assertValidKey(key);
		return { data: within(root, key), meta: within(metaRoot, key, '.json') };
	}

	async function describe(key: string, file: { handle: FileHandle; stats: Stats }) {
		const { stats, handle } = file;
		const metaFile = within(metaRoot, key, '.json');
		const sidecar = await readSidecar(metaFile);
		const base = { key, size: stats.size, lastModified: stats.mtime };
		if (sidecar && belongsTo(sidecar, stats)) {
			return { ...base, contentType: sidecar.contentType, etag: sidecar.etag };
		}
		const hash = createHash('sha256');
		for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) {
			hash.update(chunk as Buffer);
		}
		const etag = etagOf(hash);
		if (!sidecar || sidecar.etag !== etag) return { ...base, contentType: FALLBACK_TYPE, etag };
		const { size, ino, mtimeMs } = stats;
		// Best effort: a read-only copy still serves, it just hashes again next time.
		await rebind(within(root, key), metaFile, { ...sidecar, size, ino, mtimeMs }).catch(() => {});
		return { ...base, contentType: sidecar.contentType, etag };
	}

	/** Points a sidecar whose hash still matches at the data file's new identity. */
	async function rebind(dataFile: string, metaFile: string, sidecar: Sidecar) {
		const tmpMeta = path.join(tmpDir, `${randomUUID()}.json`);
		try {
			await serialised(dataFile, async () => {
				const current = await stat(dataFile);
				if (!belongsTo(sidecar, current)) return;
				await writeSynced(tmpMeta, JSON.stringify(sidecar));
				await rename(tmpMeta, metaFile);
			});
		} finally {
			await removeFile(tmpMeta);
		}
	}

	async function* walk(
		folder: string,
		prefix: string,
		keyBase: string
	): AsyncGenerator<ListedObject> {
		const entries = await readdir(folder, { withFileTypes: true }).catch((error) =>
			isNoFile(error) ? [] : Promise.reject(error)
		);
		const named = entries
			.filter((entry) => !entry.name.startsWith('.'))
			.map((entry) => ({ entry, order: entry.isDirectory() ? `${entry.name}/` : entry.name }))
			.sort((a, b) => (a.order < b.order ? -1 : 1));
		for (const { entry } of named) {
			const key = keyBase ? `${keyBase}/${entry.name}` : entry.name;
			const full = path.join(folder, entry.name);
			if (entry.isDirectory() && `${key}/`.startsWith(prefix)) yield* walk(full, prefix, key);
			if (!entry.isFile() || !key.startsWith(prefix) || !isValidKey(key)) continue;
			const file = await openFile(full);
			if (!file) continue;
			try {
				const info = await describe(key, file);
				yield { key, size: info.size, etag: info.etag, lastModified: info.lastModified };
			} finally {
				await file.handle.close();
			}
		}
	}

	return {
		kind: 'local',

		async put(key, body, options): Promise<ObjectInfo> {
			const { data, meta } = locate(key);
			await mkdir(tmpDir, { recursive: true });
			const tmpData = path.join(tmpDir, randomUUID());
			const tmpMeta = `${tmpData}.json`;
			try {
				const progress = { hash: createHash('sha256'), size: 0 };
				const stats = await writeSynced(tmpData, hashing(body, progress));
				if (options.contentLength !== undefined && options.contentLength !== progress.size) {
					throw new Error(
						`expected ${options.contentLength} bytes for ${key}, got ${progress.size}`
					);
				}
				const etag = etagOf(progress.hash);
				const { size, ino, mtimeMs } = stats;
				const sidecar: Sidecar = { contentType: options.contentType, etag, size, ino, mtimeMs };
				await writeSynced(tmpMeta, JSON.stringify(sidecar));
				await mkdir(path.dirname(meta), { recursive: true });
				await mkdir(path.dirname(data), { recursive: true });
				// Sidecar first: until the data file lands, the key does not exist for readers.
				await serialised(data, async () => {
					await rename(tmpMeta, meta);
					await rename(tmpData, data);
				});
				return {
					key,
					size: stats.size,
					contentType: options.contentType,
					etag,
					lastModified: stats.mtime
				};
			} finally {
				await Promise.all([removeFile(tmpData), removeFile(tmpMeta)]);
			}
		},

		async get(key) {
			const { data } = locate(key);
			const file = await openFile(data);
			if (!file) return undefined;
			try {
				const info = await describe(key, file);
				return { info, body: file.handle.createReadStream({ start: 0 }) };
			} catch (error) {
				await file.handle.close();
				throw error;
			}
		},

		async head(key) {
			const { data } = locate(key);
			const file = await openFile(data);
			if (!file) return undefined;
			try {
				return await describe(key, file);
			} finally {
				await file.handle.close();
			}
		},

		async delete(key) {
			const { data, meta } = locate(key);
			await serialised(data, async () => {
				await removeFile(data);
				await removeFile(meta);
			});
		},

		async *list(prefix) {
			assertValidPrefix(prefix);
			const folderKey = prefix.slice(0, Math.max(prefix.lastIndexOf('/'), 0));
			yield* walk(folderKey ? within(root, folderKey) : root, prefix, folderKey);
		},

		async browserUrl(key) {
			assertValidKey(key);
			return `/objects/${key}`;
		},

		async ping() {
			await mkdir(tmpDir, { recursive: true });
			const probe = path.join(tmpDir, `ping-${randomUUID()}`);
			await writeSynced(probe, '');
			await unlink(probe);
		}
	};
}
