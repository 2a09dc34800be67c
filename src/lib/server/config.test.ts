import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseSize } from './config.ts';

/** The ConfigError a bad environment raises, so a test can check which variable it names. */
function configError(env: Record<string, string | undefined>): ConfigError {
	try {
		parseConfig(env);
	} catch (err) {
		if (err instanceof ConfigError) return err;
		throw err;
	}
	throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

const S3_KEYS = { S3_ACCESS_KEY_ID: 'AKIA-test', S3_SECRET_ACCESS_KEY: 'very-secret' };

describe('parseConfig', () => {
	it('runs on the embedded defaults with an empty environment', () => {
		const config = parseConfig({});
		expect(config.database).toEqual({
			kind: 'sqlite',
			file: path.resolve('./data/sprout.db'),
			url: 'sqlite:./data/sprout.db'
		});
		expect(config.storage).toEqual({ kind: 'local', dir: path.resolve('./data/objects') });
		expect(config.origin).toBeUndefined();
		expect(config.bodySizeLimit).toBe(32 * 1024 * 1024);
		expect(config.port).toBe(3000);
		expect(config.isProduction).toBe(false);
		expect(config.workerConcurrency).toBe(1);
		expect(config.voteSecret).toBeUndefined();
	});

	it('arms fault injection only for the fault tests, and refuses it anywhere else', () => {
		expect(parseConfig({}).faults).toBeNull();
		expect(parseConfig({ SPROUT_FAULTS: '1', NODE_ENV: 'test' }).faults).toBeNull();
		const armed = { SPROUT_FAULTS: '1', NODE_ENV: 'test' };
		expect(
			parseConfig({
				...armed,
				SPROUT_FAULT_KILL_AT: 'submit.stored',
				SPROUT_FAULT_LEASE_MS: '3000'
			}).faults
		).toEqual({ killAt: 'submit.stored', pauseMs: 60_000, leaseMs: 3000 });
		// Left in a deployment's environment: start-up stops, naming the variable.
		for (const env of [
			{ SPROUT_FAULT_KILL_AT: 'submit.stored' },
			{ SPROUT_FAULTS: '1', SPROUT_FAULT_KILL_AT: 'submit.stored' },
			{ SPROUT_FAULTS: '1', NODE_ENV: 'production', SPROUT_FAULT_RECEIPT_MS: '10' },
			{ NODE_ENV: 'test', SPROUT_FAULT_PAUSE_AT: 'entry-job.rendered' }
		])
			expect(configError(env).variable).toMatch(/^SPROUT_FAULT_/);
		expect(configError({ ...armed, SPROUT_FAULT_KILL_AT: 'somewhere' }).variable).toBe(
			'SPROUT_FAULT_KILL_AT'
		);
		expect(configError({ ...armed, SPROUT_FAULT_LEASE_MS: '0' }).variable).toBe(
			'SPROUT_FAULT_LEASE_MS'
		);
	});

	it('reads VOTE_SECRET, refusing a short one without echoing it', () => {
		const key = 'k'.repeat(40);
		expect(parseConfig({ VOTE_SECRET: ` ${key} ` }).voteSecret).toBe(key);
		const err = configError({ VOTE_SECRET: 'short-secret' });
		expect(err.variable).toBe('VOTE_SECRET');
		expect(err.message).not.toContain('short-secret');
	});

	it('reads the worker concurrency, 0 meaning a web-only instance, and refuses nonsense', () => {
		expect(parseConfig({ WORKER_CONCURRENCY: '0' }).workerConcurrency).toBe(0);
		expect(parseConfig({ WORKER_CONCURRENCY: ' 3 ' }).workerConcurrency).toBe(3);
		for (const bad of ['-1', '1.5', 'two', '99']) {
			expect(configError({ WORKER_CONCURRENCY: bad }).variable).toBe('WORKER_CONCURRENCY');
		}
	});

	it('treats blank values as unset', () => {
		const config = parseConfig({ DATABASE_URL: '  ', PORT: '', BODY_SIZE_LIMIT: ' ', ORIGIN: '' });
		expect(config.database.kind).toBe('sqlite');
		expect(config.port).toBe(3000);
		expect(config.bodySizeLimit).toBe(32 * 1024 * 1024);
		expect(config.origin).toBeUndefined();
	});

	it('reads a SQLite path, relative or absolute, and keeps :memory: as is', () => {
		expect(parseConfig({ DATABASE_URL: 'sqlite:./var/app.db' }).database).toMatchObject({
			kind: 'sqlite',
			file: path.resolve('./var/app.db')
		});
		expect(parseConfig({ DATABASE_URL: 'sqlite:///srv/sprout.db' }).database).toMatchObject({
			file: '/srv/sprout.db'
		});
		expect(parseConfig({ DATABASE_URL: 'sqlite::memory:' }).database).toMatchObject({
			file: ':memory:'
		});
		expect(configError({ DATABASE_URL: 'sqlite:' }).variable).toBe('DATABASE_URL');
	});

	it('reads a PostgreSQL URL with either scheme', () => {
		for (const url of ['postgres://sprout@db/sprout', 'postgresql://root@%2Fvar%2Frun/x']) {
			expect(parseConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
		}
	});

	it('names DATABASE_URL and the expected shape when it is wrong', () => {
		for (const bad of ['mysql://x@y/z', 'sprout.db', 'postgres://[bad']) {
			const err = configError({ DATABASE_URL: bad });
			expect(err.variable).toBe('DATABASE_URL');
			expect(err.message).toMatch(/^DATABASE_URL: expected /);
			expect(err.message).toContain(JSON.stringify(bad));
		}
	});

	it('switches to S3 with a bucket and both keys', () => {
		const config = parseConfig({
			S3_ENDPOINT: 'http://127.0.0.1:9000',
			S3_BUCKET: 'artworks',
			...S3_KEYS
		});
		expect(config.storage).toEqual({
			kind: 's3',
			endpoint: 'http://127.0.0.1:9000',
			bucket: 'artworks',
			region: 'us-east-1',
			accessKeyId: 'AKIA-test',
			secretAccessKey: 'very-secret',
			// A custom endpoint (MinIO, Garage, s3rver) usually needs path-style addressing.
			forcePathStyle: true
		});
		const aws = parseConfig({ S3_BUCKET: 'artworks', S3_REGION: 'eu-west-3', ...S3_KEYS });
		expect(aws.storage).toMatchObject({
			kind: 's3',
			endpoint: undefined,
			region: 'eu-west-3',
			forcePathStyle: false
		});
	});

	it('refuses an S3 configuration without bucket, keys or a usable endpoint', () => {
		expect(configError({ S3_ENDPOINT: 'http://s3.local', ...S3_KEYS }).variable).toBe('S3_BUCKET');
		expect(configError({ S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 'x' }).variable).toBe(
			'S3_ACCESS_KEY_ID'
		);
		expect(configError({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'x' }).variable).toBe(
			'S3_SECRET_ACCESS_KEY'
		);
		expect(
			configError({ S3_BUCKET: 'b', S3_ENDPOINT: 'ftp://s3.local', ...S3_KEYS }).variable
		).toBe('S3_ENDPOINT');
		expect(configError({ S3_BUCKET: 'b', S3_ENDPOINT: 'not a url', ...S3_KEYS }).variable).toBe(
			'S3_ENDPOINT'
		);
	});

	it('never echoes the S3 secret key in its error', () => {
		const err = configError({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'x', S3_SECRET_ACCESS_KEY: ' ' });
		expect(err.variable).toBe('S3_SECRET_ACCESS_KEY');
		expect(err.message).toContain('got nothing');
	});

	it('parses S3_FORCE_PATH_STYLE as a boolean', () => {
		const withStyle = (value: string) =>
			parseConfig({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: value, ...S3_KEYS }).storage;
		for (const yes of ['true', 'TRUE', '1', 'yes']) {
			expect(withStyle(yes)).toMatchObject({ forcePathStyle: true });
		}
		for (const no of ['false', '0', 'No'])
			expect(withStyle(no)).toMatchObject({ forcePathStyle: false });
		const err = configError({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe', ...S3_KEYS });
		expect(err.variable).toBe('S3_FORCE_PATH_STYLE');
		expect(
			parseConfig({
				S3_BUCKET: 'b',
				S3_ENDPOINT: 'https://s3.example.org',
				S3_FORCE_PATH_STYLE: 'false',
				...S3_KEYS
			}).storage
		).toMatchObject({ forcePathStyle: false });
	});

	it('logs JSON lines unless LOG_FORMAT=text, and refuses anything else', () => {
		expect(parseConfig({}).logFormat).toBe('json');
		expect(parseConfig({ LOG_FORMAT: ' Text ' }).logFormat).toBe('text');
		expect(configError({ LOG_FORMAT: 'xml' }).variable).toBe('LOG_FORMAT');
	});

	it('reads BODY_SIZE_LIMIT in bytes, K, M or G', () => {
		expect(parseConfig({ BODY_SIZE_LIMIT: '16M' }).bodySizeLimit).toBe(16 * 1024 * 1024);
		expect(parseConfig({ BODY_SIZE_LIMIT: '512K' }).bodySizeLimit).toBe(512 * 1024);
		expect(parseConfig({ BODY_SIZE_LIMIT: '512k' }).bodySizeLimit).toBe(512 * 1024);
		expect(parseConfig({ BODY_SIZE_LIMIT: '1G' }).bodySizeLimit).toBe(1024 ** 3);
		expect(parseConfig({ BODY_SIZE_LIMIT: '1000' }).bodySizeLimit).toBe(1000);
		for (const bad of ['16MB', 'lots', '-1', '1.5M']) {
			expect(configError({ BODY_SIZE_LIMIT: bad }).variable).toBe('BODY_SIZE_LIMIT');
		}
		expect(() => parseSize('X', '2T')).toThrow(/^X: expected a size/);
	});

	it('refuses a PORT that is not a port number', () => {
		expect(parseConfig({ PORT: '8080' }).port).toBe(8080);
		for (const bad of ['abc', '0', '65536', '80.5', '-1']) {
			const err = configError({ PORT: bad });
			expect(err.variable).toBe('PORT');
			expect(err.message).toContain(JSON.stringify(bad));
		}
	});

	it('checks ORIGIN is a URL and reads NODE_ENV', () => {
		expect(parseConfig({ ORIGIN: 'https://sprout.example.org' }).origin).toBe(
			'https://sprout.example.org'
		);
		expect(configError({ ORIGIN: 'sprout.example.org' }).variable).toBe('ORIGIN');
		expect(parseConfig({ NODE_ENV: 'production' }).isProduction).toBe(true);
	});
});
