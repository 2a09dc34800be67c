import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the built server (`npm run build` first). tests/scripts/e2e-server.ts
 * seeds a throw-away SQLite database under .reports/e2e/ and starts `node build` on port 4173.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	timeout: 30_000,
	// Not under test-results/: Playwright empties that folder when it starts.
	reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
	use: {
		baseURL: 'http://127.0.0.1:4173',
		locale: 'en-US',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				viewport: { width: 1366, height: 768 },
				launchOptions: {
					// Never `playwright install`: use the distribution's Chromium.
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						'--disable-quic'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node tests/scripts/e2e-server.ts',
		url: 'http://127.0.0.1:4173/healthz',
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe'
	}
});
