import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: true }),
		// The CSRF origin check stays on (default); JSON endpoints check Origin themselves.
		alias: { $server: 'src/lib/server' }
	}
};

export default config;
