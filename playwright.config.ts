import { defineConfig, devices } from '@playwright/test';

/** E2E_PORT lets two runs on one machine (a developer's and CI's) stay apart. */
const E2E_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? '4173'}`;

/**
 * Browser tests against the built server (`npm run build` first). tests/scripts/e2e-server.ts
 * seeds a throw-away SQLite database under .reports/e2e/ and starts `node build` on port 4173 (E2E_PORT to change).
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
		baseURL: E2E_ORIGIN,
		locale: 'en-US',
		// Recording a trace slowed every UI step by 10–30 %; CI retries a failed test once, with one.
		trace: 'on-first-retry',
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
		url: `${E2E_ORIGIN}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe'
	}
});
