import S3rver from '@20minutes/s3rver';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface S3TestServer {
	endpoint: string;
	bucket: string;
	accessKeyId: string;
	secretAccessKey: string;
	stop(): Promise<void>;
}

/** A real S3 HTTP endpoint on loopback with one empty bucket, backed by a temp folder. */
export async function startS3Server(): Promise<S3TestServer> {
	const directory = await mkdtemp(path.join(tmpdir(), 'sprout-s3rver-'));
	const bucket = 'sprout-test';
	const server = new S3rver({
		address: '127.0.0.1',
		port: 0,
		silent: true,
		directory,
		// Bucket-level requests from the current SDK fail s3rver's signature check otherwise.
		allowMismatchedSignatures: true,
		configureBuckets: [{ name: bucket }]
	});
	const { address, port } = await server.run();
	return {
		endpoint: `http://${address}:${port}`,
		bucket,
		accessKeyId: 'S3RVER',
		secretAccessKey: 'S3RVER',
		async stop() {
			await server.close();
			await rm(directory, { recursive: true, force: true });
		}
	};
}
