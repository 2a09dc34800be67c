/**
 * Operator logs: one JSON object per line on stdout (stderr for errors), so journald, Docker or
 * any log shipper can filter by field. `LOG_FORMAT=text` prints the same fields for a human.
 *
 * What goes in: ids, routes (`/join/[code]`, never the filled-in path, which can hold a class
 * code or a reset token), methods, statuses, durations and error messages. What never does:
 * children's names or pseudonyms, query strings, request bodies, cookies.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type LogFormat = 'json' | 'text';

export function logFormat(env: Record<string, string | undefined> = process.env): LogFormat {
	return env.LOG_FORMAT?.trim().toLowerCase() === 'text' ? 'text' : 'json';
}

/** One line, without its newline. */
export function formatLogLine(
	format: LogFormat,
	level: LogLevel,
	msg: string,
	fields: LogFields,
	now = new Date()
): string {
	const defined = Object.entries(fields).filter(([, v]) => v !== undefined);
	if (format === 'json')
		return JSON.stringify({ time: now.toISOString(), level, msg, ...Object.fromEntries(defined) });
	const rest = defined.map(
		([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : v}`
	);
	return [now.toISOString(), level.toUpperCase(), msg, ...rest].join(' ');
}

export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
	const line = formatLogLine(logFormat(), level, msg, fields);
	if (level === 'error') process.stderr.write(line + '\n');
	else process.stdout.write(line + '\n');
}

/** A short message for a thrown value: never the value's own fields, which may hold input. */
export function errorText(error: unknown): string {
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The proxy's request id when it sends a sane one (so lines match across hops), else a new one. */
export function requestIdFrom(header: string | null): string {
	return header && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
