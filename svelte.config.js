import { readFileSync, writeFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { serverDefaultsModule } from './src/lib/server/server-defaults.ts';

/**
 * adapter-node, plus Sprout's defaults for the settings it reads before our code runs: its
 * handler reads BODY_SIZE_LIMIT as it loads. The defaults module is imported first in
 * build/index.js (on its first line, so source-map lines stay true) and so runs first.
 */
/** @returns {import('@sveltejs/kit').Adapter} */
function nodeWithDefaults() {
	const base = adapter({ precompress: true });
	return {
		...base,
		/** @param {import('@sveltejs/kit').Builder} builder */
		async adapt(builder) {
			await base.adapt(builder);
			writeFileSync('build/server-defaults.js', serverDefaultsModule());
			const entry = 'build/index.js';
			writeFileSync(entry, `import './server-defaults.js'; ${readFileSync(entry, 'utf8')}`);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: nodeWithDefaults(),
		// hooks.server.ts refuses cross-site form and JSON posts alike, with a translated message;
		// SvelteKit's own check would answer form posts first, in English only. '*' hands the
		// check to the hook (it is not "trust everyone": the hook refuses other origins).
		csrf: { trustedOrigins: ['*'] },
		csp: {
			// Hashes, not nonces: SvelteKit's inline start-up script is then allowed by its own
			// digest, so a public page's HTML is the same for every visitor and can be kept and
			// revalidated (src/lib/server/exhibition/page-cache.ts) without reusing a nonce.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// Presigned S3 URLs live on the bucket's own host.
				'img-src': ['self', 'data:', 'blob:', 'https:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
