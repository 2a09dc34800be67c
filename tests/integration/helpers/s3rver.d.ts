// The package ships no types; this covers only what the tests use.
declare module '@20minutes/s3rver' {
	import type { AddressInfo } from 'node:net';

	interface S3rverOptions {
		address?: string;
		port?: number;
		silent?: boolean;
		directory?: string;
		resetOnClose?: boolean;
		allowMismatchedSignatures?: boolean;
		vhostBuckets?: boolean;
		configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
	}

	export default class S3rver {
		constructor(options?: S3rverOptions);
		run(): Promise<AddressInfo>;
		close(): Promise<void>;
	}
}
