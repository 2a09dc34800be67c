import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
