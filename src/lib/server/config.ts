/**
 * The one place that reads the environment. Parsed once at start-up; a bad value stops the
 * server with a message naming the variable, because a half-configured server that starts
 * anyway fails later in ways that are much harder to read.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FAULT_POINTS, type FaultPoint } from './faults.ts';
import { SERVER_DEFAULTS } from './server-defaults.ts';

export type DatabaseConfig =
	{ kind: 'sqlite'; file: string; url: string } | { kind: 'postgres'; url: string };

export type StorageConfig =
	| { kind: 'local'; dir: string }
	| {
			kind: 's3';
			endpoint: string | undefined;
			bucket: string;
			region: string;
			accessKeyId: string;
			secretAccessKey: string;
			forcePathStyle: boolean;
	  };

export interface Config {
	database: DatabaseConfig;
	storage: StorageConfig;
	origin: string | undefined;
	bodySizeLimit: number;
	port: number;
	isProduction: boolean;
	/**
	 * Image jobs this process runs at once (WORKER_CONCURRENCY, default 1). 0 makes a web-only
	 * instance: with several instances behind a load balancer, any of them may run the worker.
	 */
	workerConcurrency: number;
	/** Log lines as JSON (default, for log shippers) or text (for a person at a terminal). */
	logFormat: 'json' | 'text';
	/** The organizing NGO's name, printed on certificates (NGO_NAME, default "Sprout"). */
	ngoName: string;
	/**
	 * Key for the people's-choice voter cookies and proof-of-work challenges (VOTE_SECRET, at
	 * least 32 characters). Unset: a random key per process (see voting/secret.ts), fine for one
	 * instance; several instances behind a load balancer must share one.
	 */
	voteSecret: string | undefined;
	/** Fault injection for the fault tests (faults.ts); null everywhere else. */
	faults: FaultConfig | null;
}

export interface FaultConfig {
	/** SPROUT_FAULT_KILL_AT: the process kills itself with SIGKILL when it passes this point. */
	killAt?: FaultPoint;
	/** SPROUT_FAULT_PAUSE_AT and SPROUT_FAULT_PAUSE_MS (default 60 s): it waits there. */
	pauseAt?: FaultPoint;
	pauseMs: number;
	/** SPROUT_FAULT_LEASE_MS: the image jobs' lease instead of 60 s. */
	leaseMs?: number;
	/** SPROUT_FAULT_RECEIPT_MS: when a receipt counts as abandoned, instead of 60 s. */
	receiptMs?: number;
}

export class ConfigError extends Error {
	readonly variable: string;
	constructor(variable: string, expected: string, got: string | undefined) {
		super(
			`${variable}: expected ${expected}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`
		);
		this.name = 'ConfigError';
		this.variable = variable;
	}
}

type Env = Record<string, string | undefined>;

const SIZE = /^(\d+)([KMG]?)$/i;

/** Same syntax as adapter-node's BODY_SIZE_LIMIT ("16M", "512K", bytes). */
export function parseSize(name: string, value: string): number {
	const m = SIZE.exec(value.trim());
	if (!m) throw new ConfigError(name, 'a size such as 16M, 512K or a number of bytes', value);
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase()]!;
	return Number(m[1]) * unit;
}

function parseDatabase(env: Env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim() || 'sqlite:./data/sprout.db';
	if (url.startsWith('sqlite:')) {
		const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
		if (!file) throw new ConfigError('DATABASE_URL', 'sqlite:<path to file>', url);
		return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file), url };
	}
	if (/^postgres(ql)?:\/\//.test(url)) {
		try {
			new URL(url);
		} catch {
			throw new ConfigError('DATABASE_URL', 'a valid postgres:// URL', url);
		}
		return { kind: 'postgres', url };
	}
	throw new ConfigError('DATABASE_URL', 'sqlite:<file> or postgres://user@host/db', url);
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	if (/^(1|true|yes)$/i.test(value)) return true;
	if (/^(0|false|no)$/i.test(value)) return false;
	throw new ConfigError(name, 'true or false', value);
}

function parseStorage(env: Env): StorageConfig {
	const bucket = env.S3_BUCKET?.trim();
	const endpoint = env.S3_ENDPOINT?.trim() || undefined;
	if (!bucket && !endpoint) {
		return { kind: 'local', dir: path.resolve(env.STORAGE_DIR?.trim() || './data/objects') };
	}
	if (!bucket) throw new ConfigError('S3_BUCKET', 'a bucket name when S3_ENDPOINT is set', bucket);
	if (endpoint) {
		try {
			const u = new URL(endpoint);
			if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
		} catch {
			throw new ConfigError('S3_ENDPOINT', 'an http(s):// URL', endpoint);
		}
	}
	const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
	const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
	if (!accessKeyId) throw new ConfigError('S3_ACCESS_KEY_ID', 'an access key id', accessKeyId);
	if (!secretAccessKey) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'a secret key', undefined);
	return {
		kind: 's3',
		endpoint,
		bucket,
		region: env.S3_REGION?.trim() || 'us-east-1',
		accessKeyId,
		secretAccessKey,
		forcePathStyle: parseBoolean('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE, !!endpoint)
	};
}

function parseCount(name: string, value: string | undefined, fallback: number, max: number) {
	const text = value?.trim();
	if (!text) return fallback;
	const n = Number(text);
	if (!/^\d+$/.test(text) || n > max)
		throw new ConfigError(name, `a whole number from 0 to ${max}`, text);
	return n;
}

function parseLogFormat(value: string | undefined): 'json' | 'text' {
	const text = value?.trim().toLowerCase();
	if (!text) return 'json';
	if (text === 'json' || text === 'text') return text;
	throw new ConfigError('LOG_FORMAT', 'json or text', value!);
}

function parseNgoName(value: string | undefined): string {
	const name = value?.trim().replace(/\s+/g, ' ') || 'Sprout';
	if (name.length > 120)
		throw new ConfigError('NGO_NAME', 'a name of at most 120 characters', name);
	return name;
}

function parseSecret(name: string, value: string | undefined): string | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	// A short key can be brute-forced offline from one signed cookie.
	if (text.length < 32) throw new ConfigError(name, 'at least 32 random characters', '(too short)');
	return text;
}

function parseFaultPoint(name: string, value: string | undefined): FaultPoint | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (!(FAULT_POINTS as readonly string[]).includes(text))
		throw new ConfigError(name, FAULT_POINTS.join(', '), text);
	return text as FaultPoint;
}

function parseMs(name: string, value: string | undefined): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (!/^\d{1,7}$/.test(text) || Number(text) < 1)
		throw new ConfigError(name, 'milliseconds from 1 to 9999999', text);
	return Number(text);
}

/**
 * The fault tests' settings. Refused unless SPROUT_FAULTS=1 and NODE_ENV=test: one left in a
 * deployment's environment by mistake stops start-up instead of killing children's uploads.
 */
function parseFaults(env: Env): FaultConfig | null {
	const first = Object.keys(env)
		.filter((k) => k.startsWith('SPROUT_FAULT_') && env[k]?.trim())
		.sort()[0];
	if (!first) return null;
	if (env.SPROUT_FAULTS !== '1' || env.NODE_ENV !== 'test')
		throw new ConfigError(
			first,
			'nothing outside the fault tests (they also set SPROUT_FAULTS=1 and NODE_ENV=test)',
			env[first]
		);
	const pauseAt = parseFaultPoint('SPROUT_FAULT_PAUSE_AT', env.SPROUT_FAULT_PAUSE_AT);
	return {
		killAt: parseFaultPoint('SPROUT_FAULT_KILL_AT', env.SPROUT_FAULT_KILL_AT),
		pauseAt,
		pauseMs: parseMs('SPROUT_FAULT_PAUSE_MS', env.SPROUT_FAULT_PAUSE_MS) ?? 60_000,
		leaseMs: parseMs('SPROUT_FAULT_LEASE_MS', env.SPROUT_FAULT_LEASE_MS),
		receiptMs: parseMs('SPROUT_FAULT_RECEIPT_MS', env.SPROUT_FAULT_RECEIPT_MS)
	};
}

export function parseConfig(env: Env): Config {
	const origin = env.ORIGIN?.trim() || undefined;
	if (origin) {
		try {
			new URL(origin);
		} catch {
			throw new ConfigError('ORIGIN', 'the public URL, e.g. https://sprout.example.org', origin);
		}
	}
	const portText = env.PORT?.trim() || '3000';
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 1 || port > 65535)
		throw new ConfigError('PORT', 'a port number between 1 and 65535', portText);
	return {
		database: parseDatabase(env),
		storage: parseStorage(env),
		origin,
		bodySizeLimit: parseSize(
			'BODY_SIZE_LIMIT',
			env.BODY_SIZE_LIMIT?.trim() || SERVER_DEFAULTS.BODY_SIZE_LIMIT
		),
		port,
		isProduction: env.NODE_ENV === 'production',
		workerConcurrency: parseCount('WORKER_CONCURRENCY', env.WORKER_CONCURRENCY, 1, 16),
		logFormat: parseLogFormat(env.LOG_FORMAT),
		ngoName: parseNgoName(env.NGO_NAME),
		voteSecret: parseSecret('VOTE_SECRET', env.VOTE_SECRET),
		faults: parseFaults(env)
	};
}

let cached: Config | undefined;

/** Loads `.env` when present (Node ≥ 22 can do it natively) and parses once. */
export function getConfig(): Config {
	if (cached) return cached;
	if (existsSync('.env')) process.loadEnvFile('.env');
	cached = parseConfig(process.env);
	return cached;
}
