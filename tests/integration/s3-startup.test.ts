// An operator's first start on S3: a missing bucket or refused credentials must say which
// setting to fix, not the SDK's "UnknownError" for a HEAD without a body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Store } from '../../src/lib/server/storage/s3-store.ts';
import { startS3Server, type S3TestServer } from './helpers/s3.ts';

describe('S3 start-up check', () => {
	let server: S3TestServer;
	const config = () => ({
		kind: 's3' as const,
		endpoint: server.endpoint,
		bucket: server.bucket,
		region: 'us-east-1',
		accessKeyId: server.accessKeyId,
		secretAccessKey: server.secretAccessKey,
		forcePathStyle: true
	});
	beforeAll(async () => {
		server = await startS3Server();
	});
	afterAll(() => server?.stop());

	it('passes for the configured bucket', async () => {
		await expect(createS3Store(config()).ping()).resolves.toBeUndefined();
	});

	it('names the missing bucket and the variable to fix', async () => {
		const store = createS3Store({ ...config(), bucket: 'no-such-bucket' });
		await expect(store.ping()).rejects.toThrow(
			/bucket "no-such-bucket" at http:\/\/127\.0\.0\.1:\d+ does not exist.*S3_BUCKET/
		);
	});

	it('says the credentials were refused', async () => {
		const store = createS3Store({ ...config(), accessKeyId: 'WRONG-KEY' });
		await expect(store.ping()).rejects.toThrow(/refused the credentials.*S3_ACCESS_KEY_ID/);
	});
});
