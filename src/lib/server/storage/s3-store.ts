import {
	DeleteObjectCommand,
	GetObjectCommand,
	HeadBucketCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client,
	S3ServiceException
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import type { StorageConfig } from '../config.ts';
import {
	assertValidKey,
	assertValidPrefix,
	type ObjectInfo,
	type ObjectStore
} from './object-store.ts';

export type S3StorageConfig = Extract<StorageConfig, { kind: 's3' }>;

export interface S3StoreOptions {
	/** How long `ping` waits before calling the store unreachable. */
	pingTimeoutMs?: number;
}

function isNotFound(error: unknown): boolean {
	if (!(error instanceof S3ServiceException)) return false;
	// A missing bucket is misconfiguration, not a missing object: let it surface.
	if (error.name === 'NoSuchBucket') return false;
	return (
		error.name === 'NoSuchKey' ||
		error.name === 'NotFound' ||
		error.$metadata.httpStatusCode === 404
	);
}

/**
 * HEAD responses carry no body, so the SDK can only say "UnknownError" or "NotFound": an operator
 * starting Sprout for the first time needs to know which setting to fix. Network failures keep
 * their own error (the outage logic recognises them).
 */
function explainPingFailure(error: unknown, config: S3StorageConfig): unknown {
	const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
	const where = `bucket "${config.bucket}" at ${config.endpoint ?? 'AWS'}`;
	const explain = (text: string) => new Error(`S3: ${text}`, { cause: error });
	if (status === 404 || (error as Error)?.name === 'NoSuchBucket')
		return explain(`${where} does not exist: create it first (S3_BUCKET).`);
	if (status === 401 || status === 403)
		return explain(
			`${where} refused the credentials (HTTP ${status}): check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the bucket's policy.`
		);
	if (status === 301 || status === 400)
		return explain(`${where} answered HTTP ${status}: check S3_REGION and S3_FORCE_PATH_STYLE.`);
	return error;
}

/** S3 quotes ETags, some S3-compatible stores do not; a missing one would break caching. */
function quoteEtag(etag: string | undefined): string {
	if (!etag) throw new Error('S3 response carried no ETag');
	return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
}

async function* counting(body: Readable, counter: { size: number }): AsyncGenerator<Uint8Array> {
	for await (const chunk of body) {
		const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		counter.size += bytes.byteLength;
		yield bytes;
	}
}

export function createS3Store(config: S3StorageConfig, options: S3StoreOptions = {}): ObjectStore {
	const Bucket = config.bucket;
	const client = new S3Client({
		region: config.region,
		endpoint: config.endpoint,
		forcePathStyle: config.forcePathStyle,
		credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
		// The default CRC32 aws-chunked trailers are rejected or mangled by S3-compatible stores.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED'
	});

	async function upload(key: string, body: Readable, contentType: string) {
		const counter = { size: 0 };
		const params = { Bucket, Key: key, ContentType: contentType };
		const result = await new Upload({
			client,
			params: { ...params, Body: Readable.from(counting(body, counter)) }
		}).done();
		return { etag: result.ETag, size: counter.size };
	}

	async function putWhole(
		key: string,
		body: Uint8Array | Readable,
		contentType: string,
		size: number
	) {
		const params = { Bucket, Key: key, ContentType: contentType, ContentLength: size };
		const result = await client.send(new PutObjectCommand({ ...params, Body: body }));
		return { etag: result.ETag, size };
	}

	return {
		kind: 's3',

		async put(key, body, { contentType, contentLength }): Promise<ObjectInfo> {
			assertValidKey(key);
			const size = body instanceof Uint8Array ? body.byteLength : contentLength;
			const written =
				size === undefined
					? await upload(key, body as Readable, contentType)
					: await putWhole(key, body, contentType, size);
			// PutObject answers without LastModified; our clock is within one request of S3's.
			return {
				key,
				size: written.size,
				contentType,
				etag: quoteEtag(written.etag),
				lastModified: new Date()
			};
		},

		async get(key) {
			assertValidKey(key);
			try {
				const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
				if (!(result.Body instanceof Readable)) throw new Error('S3 body is not a Node stream');
				const info: ObjectInfo = {
					key,
					size: result.ContentLength ?? 0,
					contentType: result.ContentType ?? 'application/octet-stream',
					etag: quoteEtag(result.ETag),
					lastModified: result.LastModified ?? new Date(0)
				};
				return { info, body: result.Body };
			} catch (error) {
				if (isNotFound(error)) return undefined;
				throw error;
			}
		},

		async head(key) {
			assertValidKey(key);
			try {
				const result = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
				return {
					key,
					size: result.ContentLength ?? 0,
					contentType: result.ContentType ?? 'application/octet-stream',
					etag: quoteEtag(result.ETag),
					lastModified: result.LastModified ?? new Date(0)
				};
			} catch (error) {
				if (isNotFound(error)) return undefined;
				throw error;
			}
		},

		async delete(key) {
			assertValidKey(key);
			await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
		},

		async *list(prefix) {
			assertValidPrefix(prefix);
			let ContinuationToken: string | undefined;
			do {
				const page = await client.send(
					new ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken })
				);
				for (const item of page.Contents ?? []) {
					if (!item.Key) continue;
					yield {
						key: item.Key,
						size: item.Size ?? 0,
						etag: quoteEtag(item.ETag),
						lastModified: item.LastModified ?? new Date(0)
					};
				}
				ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
			} while (ContinuationToken);
		},

		async browserUrl(key, expiresInSeconds = 300) {
			assertValidKey(key);
			const command = new GetObjectCommand({ Bucket, Key: key });
			return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
		},

		async ping() {
			const abortSignal = AbortSignal.timeout(options.pingTimeoutMs ?? 5000);
			try {
				await client.send(new HeadBucketCommand({ Bucket }), { abortSignal });
			} catch (error) {
				throw explainPingFailure(error, config);
			}
		}
	};
}
