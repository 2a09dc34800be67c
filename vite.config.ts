import { sveltekit } from '@sveltejs/kit/vite';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * In the browser, the i18n module reads its catalogs from `catalogs.client.ts`, which loads
 * one language at a time; the server, tests and scripts keep `catalogs.ts` (all at once).
 */
function clientCatalogs(): Plugin {
	return {
		name: 'sprout:client-catalogs',
		enforce: 'pre',
		resolveId(source, importer, options) {
			if (options?.ssr || source !== './catalogs.ts' || !importer) return null;
			if (!importer.replaceAll('\\', '/').endsWith('/src/lib/i18n/index.ts')) return null;
			return path.join(path.dirname(importer), 'catalogs.client.ts');
		}
	};
}

export default defineConfig({
	plugins: [clientCatalogs(), sveltekit()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			},
			// Slow fault and deployment tests: only in `npm run test:faults` (which sets the variable).
			...(process.env.SPROUT_FAULTS === '1'
				? [
						{
							extends: true,
							test: {
								name: 'faults',
								include: ['tests/faults/**/*.test.ts'],
								environment: 'node',
								testTimeout: 600_000,
								hookTimeout: 120_000,
								fileParallelism: false
							}
						}
					]
				: [])
		]
	}
});
