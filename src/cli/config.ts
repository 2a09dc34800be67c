import { ConfigError, getConfig, type Config } from '../lib/server/config.ts';

/** The configuration, or a one-line explanation and exit code 2 — never a stack trace. */
export function configOrExit(): Config {
	try {
		return getConfig();
	} catch (err) {
		if (!(err instanceof ConfigError)) throw err;
		console.error(`Configuration error — ${err.message}`);
		process.exit(2);
	}
}
