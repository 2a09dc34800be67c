/**
 * Defaults for settings adapter-node reads itself, when its handler module loads: before any of
 * Sprout's code runs. The build writes them into `build/` ahead of the server (svelte.config.js),
 * so they hold however the server starts: `npm start`, `node build`, systemd, a container.
 */
export const SERVER_DEFAULTS = {
	/** adapter-node's own default (512K) refuses a child's drawing. */
	BODY_SIZE_LIMIT: '32M'
} as const;

/** The module the build puts first in `build/index.js`: fills in what the environment leaves unset. */
export function serverDefaultsModule(): string {
	return (
		"// Written by the build (svelte.config.js): Sprout's defaults for adapter-node settings.\n" +
		`for (const [name, value] of Object.entries(${JSON.stringify(SERVER_DEFAULTS)})) {\n` +
		'\tif (!process.env[name]?.trim()) process.env[name] = value;\n' +
		'}\n'
	);
}
