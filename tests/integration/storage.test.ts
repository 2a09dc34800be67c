import { createHash, randomUUID } from 'node:crypto';
import {
	copyFile,
	mkdtemp,
	readdir,
	readFile,
	rename,
	rm,
	stat,
	writeFile
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	createLocalStore,
	createS3Store,
	InvalidKeyError,
	publicObjectPolicy,
	serveObject,
	type ObjectStore,
	type S3StorageConfig
} from '../../src/lib/server/storage/index.ts';
import { setServicesForTesting, type Services } from '../../src/lib/server/services.ts';
import { GET, HEAD } from '../../src/routes/objects/[...key]/+server.ts';
import { startS3Server, type S3TestServer } from './helpers/s3.ts';

interface StoreFixture {
	store: ObjectStore;
	/** A store of the same kind whose backing cannot work. */
	broken: ObjectStore;
	/** Downloads whatever `browserUrl` handed out, the way a browser would. */
	fetchBrowserUrl(url: string): Promise<Buffer>;
	/** Everything the store could have touched outside its own root, to prove nothing escaped. */
	surroundings(): Promise<string[]>;
	cleanup(): Promise<void>;
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of body) chunks.push(chunk);
	return Buffer.concat(chunks);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return all;
}

/** 6 MiB of non-repeating bytes in 64 KiB chunks: more than one 5 MiB multipart part. */
function sixMegabytes(): { stream: Readable; sha256: () => string; size: number } {
	const hash = createHash('sha256');
	const chunkSize = 64 * 1024;
	const chunks = 96;
	async function* generate() {
		for (let i = 0; i < chunks; i++) {
			const chunk = createHash('sha512').update(`chunk ${i}`).digest();
			const bytes = Buffer.alloc(chunkSize, chunk);
			hash.update(bytes);
			yield bytes;
		}
	}
	return {
		stream: Readable.from(generate()),
		sha256: () => hash.digest('hex'),
		size: chunks * chunkSize
	};
}

async function* failingAfter(bytes: number): AsyncGenerator<Buffer> {
	yield Buffer.alloc(bytes, 7);
	throw new Error('client went away');
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function objectStoreContract(name: string, setup: () => Promise<StoreFixture>) {
	describe(`ObjectStore contract: ${name}`, () => {
		let fixture: StoreFixture;
		let store: ObjectStore;
		let p: string;

		beforeAll(async () => {
			fixture = await setup();
			store = fixture.store;
		});
		afterAll(async () => {
			await fixture?.cleanup();
		});
		beforeEach(() => {
			p = `run-${randomUUID()}/`;
		});

		it('puts a buffer and gets back the same bytes, content type and etag', async () => {
			const bytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
			const put = await store.put(`${p}a.svg`, bytes, { contentType: 'image/svg+xml' });
			expect(put).toMatchObject({
				key: `${p}a.svg`,
				size: bytes.length,
				contentType: 'image/svg+xml'
			});
			expect(put.etag).toMatch(/^"[^"]+"$/);
			expect(put.lastModified).toBeInstanceOf(Date);

			const got = await store.get(`${p}a.svg`);
			expect(got).toBeDefined();
			expect(await readAll(got!.body)).toEqual(bytes);
			expect(got!.info).toMatchObject({
				key: `${p}a.svg`,
				size: bytes.length,
				contentType: 'image/svg+xml',
				etag: put.etag
			});
		});

		it('accepts a Uint8Array that is not a Buffer', async () => {
			const bytes = new Uint8Array([0, 1, 2, 250, 255]);
			await store.put(`${p}raw.bin`, bytes, { contentType: 'application/octet-stream' });
			const got = await store.get(`${p}raw.bin`);
			expect(new Uint8Array(await readAll(got!.body))).toEqual(bytes);
		});

		it('heads an object without its bytes, and misses cleanly', async () => {
			const put = await store.put(`${p}h.txt`, Buffer.from('hello'), {
				contentType: 'text/plain; charset=utf-8'
			});
			const info = await store.head(`${p}h.txt`);
			expect(info).toMatchObject({
				key: `${p}h.txt`,
				size: 5,
				contentType: 'text/plain; charset=utf-8',
				etag: put.etag
			});
			expect(info!.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000);
			expect(await store.head(`${p}missing.txt`)).toBeUndefined();
			expect(await store.get(`${p}missing.txt`)).toBeUndefined();
		});

		it('round-trips a 6 MiB stream of unknown length byte for byte', async () => {
			const source = sixMegabytes();
			const put = await store.put(`${p}big.bin`, source.stream, { contentType: 'image/png' });
			expect(put.size).toBe(source.size);

			const got = await store.get(`${p}big.bin`);
			const back = await readAll(got!.body);
			expect(back.length).toBe(source.size);
			expect(createHash('sha256').update(back).digest('hex')).toBe(source.sha256());
			expect(got!.info).toMatchObject({
				size: source.size,
				contentType: 'image/png',
				etag: put.etag
			});
		});

		it('takes a stream of known length', async () => {
			const bytes = Buffer.from('known length body');
			const put = await store.put(`${p}known.txt`, Readable.from([bytes]), {
				contentType: 'text/plain',
				contentLength: bytes.length
			});
			expect(put.size).toBe(bytes.length);
			expect(await readAll((await store.get(`${p}known.txt`))!.body)).toEqual(bytes);
		});

		it('overwrites an object with new bytes, type and etag', async () => {
			const first = await store.put(`${p}o`, Buffer.from('first'), { contentType: 'text/plain' });
			const second = await store.put(`${p}o`, Buffer.from('second version'), {
				contentType: 'image/webp'
			});
			expect(second.etag).not.toBe(first.etag);
			const got = await store.get(`${p}o`);
			expect((await readAll(got!.body)).toString()).toBe('second version');
			expect(got!.info).toMatchObject({ size: 14, contentType: 'image/webp', etag: second.etag });
		});

		it('leaves no object behind when the body stream fails', async () => {
			await expect(
				store.put(`${p}broken`, Readable.from(failingAfter(1024)), { contentType: 'image/png' })
			).rejects.toThrow();
			expect(await store.head(`${p}broken`)).toBeUndefined();
		});

		it('keeps the old object when an overwrite fails', async () => {
			const old = await store.put(`${p}keep`, Buffer.from('old'), { contentType: 'text/plain' });
			await expect(
				store.put(`${p}keep`, Readable.from(failingAfter(1024)), { contentType: 'image/png' })
			).rejects.toThrow();
			const got = await store.get(`${p}keep`);
			expect((await readAll(got!.body)).toString()).toBe('old');
			expect(got!.info.etag).toBe(old.etag);
		});

		it('deletes, and deleting a missing key is fine', async () => {
			await store.put(`${p}d`, Buffer.from('x'), { contentType: 'text/plain' });
			await store.delete(`${p}d`);
			expect(await store.get(`${p}d`)).toBeUndefined();
			expect(await store.head(`${p}d`)).toBeUndefined();
			await expect(store.delete(`${p}d`)).resolves.toBeUndefined();
			await expect(store.delete(`${p}never/existed`)).resolves.toBeUndefined();
		});

		it('lists exactly the keys under a prefix', async () => {
			const keys = ['list/a', 'list/b/c', 'list/b-d', 'list/z', 'lister', 'other/x'];
			const etags = new Map<string, string>();
			for (const key of keys) {
				const put = await store.put(`${p}${key}`, Buffer.from(key), { contentType: 'text/plain' });
				etags.set(put.key, put.etag);
			}
			const listed = await collect(store.list(`${p}list/`));
			// Sorted here because s3rver lists in folder-walk order; real S3 and the local store don't.
			expect(listed.map((o) => o.key).sort()).toEqual(
				['list/a', 'list/b-d', 'list/b/c', 'list/z'].map((k) => `${p}${k}`)
			);
			for (const object of listed) {
				expect(object.etag).toBe(etags.get(object.key));
				expect(object.size).toBe(object.key.length - p.length);
				expect(object.lastModified).toBeInstanceOf(Date);
			}
			const partial = await collect(store.list(`${p}list`));
			expect(partial.map((o) => o.key)).toContain(`${p}lister`);
			expect(partial).toHaveLength(5);
			expect(await collect(store.list(`${p}nothing/`))).toEqual([]);
		});

		it('rejects invalid keys everywhere and writes nothing outside its root', async () => {
			const before = await fixture.surroundings();
			const body = Buffer.from('pwned');
			for (const key of ['../etc/passwd', 'a/../../b', '/abs', '..', 'a/./b', '.meta/x']) {
				await expect(store.put(key, body, { contentType: 'text/plain' })).rejects.toThrow(
					InvalidKeyError
				);
				await expect(store.get(key)).rejects.toThrow(InvalidKeyError);
				await expect(store.head(key)).rejects.toThrow(InvalidKeyError);
				await expect(store.delete(key)).rejects.toThrow(InvalidKeyError);
				await expect(store.browserUrl(key)).rejects.toThrow(InvalidKeyError);
			}
			await expect(collect(store.list('../'))).rejects.toThrow(InvalidKeyError);
			expect(await fixture.surroundings()).toEqual(before);
		});

		it('hands out a browser URL that fetches the object', async () => {
			const bytes = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
			await store.put(`${p}public/pic.png`, bytes, { contentType: 'image/png' });
			const url = await store.browserUrl(`${p}public/pic.png`);
			expect(await fixture.fetchBrowserUrl(url)).toEqual(bytes);
		});

		it('pings when healthy and rejects when its backing is unusable', async () => {
			await expect(store.ping()).resolves.toBeUndefined();
			await expect(fixture.broken.ping()).rejects.toThrow();
		});

		describe('served by serveObject', () => {
			const request = (headers: Record<string, string> = {}, method = 'GET') =>
				new Request('http://sprout.test/objects/x', { method, headers });

			it('streams the object with hardened, immutable caching headers', async () => {
				const bytes = Buffer.from('<html><script>alert(1)</script></html>');
				const put = await store.put(`${p}s.html`, bytes, { contentType: 'text/html' });
				const response = await serveObject(store, `${p}s.html`, request(), { immutable: true });
				expect(response.status).toBe(200);
				expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
				expect(Object.fromEntries(response.headers)).toMatchObject({
					'content-type': 'text/html',
					'content-length': String(bytes.length),
					etag: put.etag,
					'x-content-type-options': 'nosniff',
					'cache-control': 'public, max-age=31536000, immutable',
					'cross-origin-resource-policy': 'same-origin'
				});
				expect(response.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
				expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
			});

			it('marks mutable objects for revalidation', async () => {
				await store.put(`${p}m.txt`, Buffer.from('m'), { contentType: 'text/plain' });
				const response = await serveObject(store, `${p}m.txt`, request(), { immutable: false });
				expect(response.headers.get('cache-control')).toBe('private, no-cache');
				expect(await response.text()).toBe('m');
			});

			it('answers 304 to a matching If-None-Match, and 200 to a stale one', async () => {
				const put = await store.put(`${p}c.txt`, Buffer.from('c'), { contentType: 'text/plain' });
				const fresh = await serveObject(
					store,
					`${p}c.txt`,
					request({ 'If-None-Match': put.etag }),
					{
						immutable: true
					}
				);
				expect(fresh.status).toBe(304);
				expect(fresh.body).toBeNull();
				expect(fresh.headers.get('etag')).toBe(put.etag);
				const listed = await serveObject(
					store,
					`${p}c.txt`,
					request({ 'If-None-Match': `"other", W/${put.etag}` }),
					{ immutable: true }
				);
				expect(listed.status).toBe(304);
				const stale = await serveObject(store, `${p}c.txt`, request({ 'If-None-Match': '"old"' }), {
					immutable: true
				});
				expect(stale.status).toBe(200);
				expect(await stale.text()).toBe('c');
			});

			it('answers HEAD with headers only', async () => {
				await store.put(`${p}head.txt`, Buffer.from('12345'), { contentType: 'text/plain' });
				const response = await serveObject(store, `${p}head.txt`, request({}, 'HEAD'), {
					immutable: false
				});
				expect(response.status).toBe(200);
				expect(response.body).toBeNull();
				expect(response.headers.get('content-length')).toBe('5');
				expect(response.headers.get('content-type')).toBe('text/plain');
			});

			it('answers 404 in plain text for missing and invalid keys', async () => {
				for (const key of [`${p}missing`, '../etc/passwd', 'a//b', '%2e%2e/x']) {
					const response = await serveObject(store, key, request(), { immutable: true });
					expect(response.status).toBe(404);
					expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
					expect(await response.text()).toBe('Not found');
				}
			});
		});
	});
}

objectStoreContract('local', async () => {
	const parent = await mkdtemp(path.join(tmpdir(), 'sprout-local-store-'));
	const root = path.join(parent, 'root');
	const notAFolder = path.join(parent, 'not-a-folder');
	await writeFile(notAFolder, 'a file where a folder should be');
	const store = createLocalStore(root);
	return {
		store,
		broken: createLocalStore(path.join(notAFolder, 'objects')),
		async fetchBrowserUrl(url) {
			expect(url).toMatch(/^\/objects\//);
			const key = url.slice('/objects/'.length);
			const response = await serveObject(store, key, new Request(`http://sprout.test${url}`), {
				immutable: false
			});
			expect(response.status).toBe(200);
			return Buffer.from(await response.arrayBuffer());
		},
		async surroundings() {
			return (await readdir(parent, { recursive: true })).filter((f) => !f.startsWith('root'));
		},
		cleanup: () => rm(parent, { recursive: true, force: true })
	};
});

objectStoreContract('s3', async () => {
	const server = await startS3Server();
	const config = {
		kind: 's3' as const,
		endpoint: server.endpoint,
		bucket: server.bucket,
		region: 'us-east-1',
		accessKeyId: server.accessKeyId,
		secretAccessKey: server.secretAccessKey,
		forcePathStyle: true
	};
	const store = createS3Store(config);
	const port = await closedPort();
	return {
		store,
		broken: createS3Store({ ...config, endpoint: `http://127.0.0.1:${port}` }),
		async fetchBrowserUrl(url) {
			expect(url).toMatch(/X-Amz-Signature=/);
			const response = await fetch(url);
			expect(response.status).toBe(200);
			return Buffer.from(await response.arrayBuffer());
		},
		async surroundings() {
			return (await collect(store.list(''))).map((o) => o.key).filter((k) => !k.startsWith('run-'));
		},
		cleanup: () => server.stop()
	};
});

describe('local store specifics', () => {
	let parent: string;
	beforeEach(async () => {
		parent = await mkdtemp(path.join(tmpdir(), 'sprout-local-'));
		return () => rm(parent, { recursive: true, force: true });
	});

	it('gives its own /objects/ path as the browser URL', async () => {
		const store = createLocalStore(parent);
		expect(await store.browserUrl('public/a/b.png')).toBe('/objects/public/a/b.png');
	});

	// The local store makes each overwrite atomic itself (temp file, sidecar, rename). On S3 the
	// service guarantees it for every PUT; s3rver, the stand-in used here, keeps body and
	// metadata in two files and can interleave concurrent writers, which no real bucket does.
	it('keeps data and metadata together under concurrent overwrites', async () => {
		const store = createLocalStore(parent);
		const puts = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				store.put('public/race', Buffer.from(`version ${i} `.repeat(i + 1)), {
					contentType: `image/x-v${i}`
				})
			)
		);
		const got = await store.get('public/race');
		const text = (await readAll(got!.body)).toString();
		const winner = puts[Number(/^version (\d)/.exec(text)![1])]!;
		expect(got!.info).toMatchObject({
			etag: winner.etag,
			contentType: winner.contentType,
			size: text.length
		});
	});

	it('leaves no temp files after successful and failed writes', async () => {
		const store = createLocalStore(parent);
		await store.put('a.txt', Buffer.from('a'), { contentType: 'text/plain' });
		await expect(
			store.put('b.txt', Readable.from(failingAfter(10)), { contentType: 'text/plain' })
		).rejects.toThrow('client went away');
		await expect(
			store.put('c.txt', Buffer.from('abc'), { contentType: 'text/plain', contentLength: 2 })
		).rejects.toThrow(/expected 2 bytes/);
		expect(await readdir(path.join(parent, '.tmp'))).toEqual([]);
		expect(await readdir(parent)).toEqual(['.meta', '.tmp', 'a.txt'].sort());
	});

	it('trusts the bytes over a sidecar that belongs to another version', async () => {
		const store = createLocalStore(parent);
		const put = await store.put('x.txt', Buffer.from('original'), { contentType: 'text/plain' });
		// Same size on purpose. A crash between the sidecar and data renames leaves this behind.
		await writeFile(path.join(parent, 'elsewhere'), 'replaced');
		await rename(path.join(parent, 'elsewhere'), path.join(parent, 'x.txt'));
		const info = await store.head('x.txt');
		expect(info!.etag).not.toBe(put.etag);
		expect(info!.etag).toBe(
			`"${createHash('sha256').update('replaced').digest('hex').slice(0, 32)}"`
		);
		expect(info!.contentType).toBe('application/octet-stream');
	});

	it('keeps type and etag when a restored backup gives files new inodes and times', async () => {
		const store = createLocalStore(parent);
		const put = await store.put('y.png', Buffer.from('png bytes'), { contentType: 'image/png' });
		await copyFile(path.join(parent, 'y.png'), path.join(parent, 'copy'));
		await rename(path.join(parent, 'copy'), path.join(parent, 'y.png'));
		expect(await store.head('y.png')).toMatchObject({ contentType: 'image/png', etag: put.etag });
		const sidecar = JSON.parse(await readFile(path.join(parent, '.meta', 'y.png.json'), 'utf8'));
		expect(sidecar.ino).toBe((await stat(path.join(parent, 'y.png'))).ino);
	});

	it('lists in S3 key order and hides its own bookkeeping folders', async () => {
		const store = createLocalStore(parent);
		for (const key of ['b/c', 'b-d', 'a', 'b.e/f', 'b0']) {
			await store.put(key, Buffer.from(key), { contentType: 'text/plain' });
		}
		expect((await collect(store.list(''))).map((o) => o.key)).toEqual([
			'a',
			'b-d',
			'b.e/f',
			'b/c',
			'b0'
		]);
	});
});

describe('s3 store specifics', () => {
	let server: S3TestServer;
	let config: S3StorageConfig;
	beforeAll(async () => {
		server = await startS3Server();
		config = {
			kind: 's3',
			endpoint: server.endpoint,
			bucket: server.bucket,
			region: 'us-east-1',
			accessKeyId: server.accessKeyId,
			secretAccessKey: server.secretAccessKey,
			forcePathStyle: true
		};
	});
	afterAll(() => server?.stop());

	it('sends streams of unknown length as multipart uploads, and buffers as one PUT', async () => {
		const send = vi.spyOn(S3Client.prototype, 'send');
		try {
			const store = createS3Store(config);
			await store.put('big', sixMegabytes().stream, { contentType: 'image/png' });
			await store.put('small', Buffer.from('small'), { contentType: 'image/png' });
			// s3rver answers multipart uploads with a plain MD5 ETag, so watch the requests instead.
			expect(send.mock.calls.map(([command]) => command.constructor.name)).toEqual([
				'CreateMultipartUploadCommand',
				'UploadPartCommand',
				'UploadPartCommand',
				'CompleteMultipartUploadCommand',
				'PutObjectCommand'
			]);
		} finally {
			send.mockRestore();
		}
	});

	it('presigns browser URLs for the requested lifetime', async () => {
		const url = new URL(await createS3Store(config).browserUrl('public/x.png', 60));
		expect(url.pathname).toBe(`/${server.bucket}/public/x.png`);
		expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
	});

	it('reports a missing bucket instead of a missing object', async () => {
		const store = createS3Store({ ...config, bucket: 'no-such-bucket' });
		await expect(store.get('a')).rejects.toThrow();
		await expect(store.ping()).rejects.toThrow();
	});
});

describe('GET/HEAD /objects/[...key]', () => {
	const hash = 'c0ffee'.repeat(10) + 'abcd';
	let parent: string;
	let store: ObjectStore;
	beforeAll(async () => {
		parent = await mkdtemp(path.join(tmpdir(), 'sprout-route-'));
		store = createLocalStore(parent);
		setServicesForTesting({ store } as unknown as Services);
		for (const key of ['public/a/thumb.webp', `public/a/${hash}.webp`, 'private/a/original.png']) {
			await store.put(key, Buffer.from(key), { contentType: 'image/webp' });
		}
	});
	afterAll(async () => {
		setServicesForTesting(undefined);
		await rm(parent, { recursive: true, force: true });
	});

	async function call(handler: typeof GET, key: string, method = 'GET') {
		const request = new Request(`http://sprout.test/objects/${key}`, { method });
		return handler({ params: { key }, request } as unknown as Parameters<typeof GET>[0]);
	}

	it('serves public objects, immutably only when content-addressed', async () => {
		const plain = await call(GET, 'public/a/thumb.webp');
		expect(plain.status).toBe(200);
		expect(plain.headers.get('cache-control')).toBe('private, no-cache');
		expect(await plain.text()).toBe('public/a/thumb.webp');
		const hashed = await call(GET, `public/a/${hash}.webp`);
		expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(await hashed.text()).toBe(`public/a/${hash}.webp`);
	});

	it('answers HEAD without a body', async () => {
		const response = await call(HEAD, 'public/a/thumb.webp', 'HEAD');
		expect(response.status).toBe(200);
		expect(response.body).toBeNull();
	});

	it('does not expose private, missing or malformed keys', async () => {
		for (const key of ['private/a/original.png', 'public/a/none.webp', 'public/../private/a']) {
			expect((await call(GET, key)).status).toBe(404);
		}
	});
});

describe('publicObjectPolicy', () => {
	const hash = 'ab'.repeat(32);

	it('serves public keys, immutably only when named by a content hash', () => {
		expect(publicObjectPolicy('public/entries/1/thumb.webp')).toEqual({ immutable: false });
		expect(publicObjectPolicy(`public/entries/1/${hash}.webp`)).toEqual({ immutable: true });
		expect(publicObjectPolicy(`public/entries/1/thumb-${hash}.webp`)).toEqual({ immutable: true });
	});

	it('does not treat other hex runs as content hashes', () => {
		expect(publicObjectPolicy(`public/${hash}/thumb.webp`)).toEqual({ immutable: false });
		expect(publicObjectPolicy(`public/x/${hash.slice(1)}.webp`)).toEqual({ immutable: false });
		expect(publicObjectPolicy(`public/x/${hash}a.webp`)).toEqual({ immutable: false });
	});

	it('refuses private and invalid keys', () => {
		expect(publicObjectPolicy('private/entries/1/original.png')).toBeUndefined();
		expect(publicObjectPolicy(`originals/${hash}.png`)).toBeUndefined();
		expect(publicObjectPolicy('public')).toBeUndefined();
		expect(publicObjectPolicy('public/../private/x')).toBeUndefined();
		expect(publicObjectPolicy('publicity/x')).toBeUndefined();
	});
});
