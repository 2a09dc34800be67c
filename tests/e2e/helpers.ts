// Shared helpers for the browser tests. Not a spec file: Playwright only collects *.spec.ts.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import http from 'node:http';

/**
 * The demo data of src/lib/server/db/seed.ts (copied, not imported: the seed module pulls in
 * the server's database and argon2 code, which the test runner has no business loading).
 */
export const DEMO = {
	organizer: { email: 'organizer@sprout.test', password: 'sprout-organizer-2026' },
	teacher: { email: 'teacher@sprout.test', password: 'sprout-teacher-2026' },
	judge: { email: 'judge@sprout.test', password: 'sprout-judge-2026' },
	school: '绿苗希望小学',
	classroom: { name: '四年级二班', code: 'GREEN2' },
	/**
	 * Who uses which demo child, so that no test locks out a child another test needs:
	 *   小明 7   child-join (picture sign-in, JS)
	 *   美美 18  child-join (PIN)
	 *   阿杰 3   child-join (no-JavaScript flow)
	 *   Chloé 5  child-join (one wrong try, then the right one)
	 *   Lina 21  a11y (studio page, keyboard sign-in)
	 *   小红 12  a11y (secret page, only visited)
	 */
	students: {
		xiaoming: { pseudonym: '小明 7', pictures: ['Leaf', 'Sun', 'Fish'] },
		xiaohong: { pseudonym: '小红 12', pictures: ['Tree', 'Water drop', 'Bee'] },
		ajie: { pseudonym: '阿杰 3', pictures: ['Planet', 'Planet', 'Bird'] },
		lina: { pseudonym: 'Lina 21', pictures: ['Cloud', 'Leaf', 'Recycling'] },
		chloe: { pseudonym: 'Chloé 5', pictures: ['Sun', 'Flower', 'Tree'] },
		meimei: { pseudonym: '美美 18', pin: '2468' }
	}
} as const;

/**
 * Where a spec's screenshots go: under test-results/ (ignored by git) so a fresh machine needs no
 * particular folder; SPROUT_SHOTS_DIR points them elsewhere for people reviewing the pages.
 */
export function shotsDir(name: string): string {
	return `${process.env.SPROUT_SHOTS_DIR ?? 'test-results/shots'}/${name}`;
}

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? '4173'}`;

export type AdultRole = 'organizer' | 'teacher' | 'judge';

/**
 * Waits until Svelte has hydrated the page (the language select in the layout has its change
 * handler). Text typed before that is wiped by hydration (see the known-bug test in
 * child-join.spec.ts), and a click before it is a plain form post: both are real, but a test
 * that wants the enhanced page must wait. Falls back to "network idle" should Svelte's
 * internals change.
 */
export async function waitForHydration(page: Page): Promise<void> {
	// A page served without hydration (`csr = false`, e.g. the exhibition grid) has no
	// SvelteKit start script: waiting for it only burned the 5 s fallback below.
	const hydrates = await page.evaluate(() =>
		[...document.scripts].some((s) => (s.textContent ?? '').includes('__sveltekit_'))
	);
	if (!hydrates) return;
	await page
		.waitForFunction(
			() => {
				const select = document.getElementById('lang-select');
				return (
					!!select && Object.getOwnPropertySymbols(select).some((s) => s.description === 'events')
				);
			},
			undefined,
			{ timeout: 5_000 }
		)
		.catch(() => page.waitForLoadState('networkidle'));
}

/** page.goto, then waits for hydration. */
export async function open(page: Page, path: string) {
	const response = await page.goto(path);
	await waitForHydration(page);
	return response;
}

/** Signs an adult in through the real form and waits for the landing page. */
export async function signInAdult(page: Page, role: AdultRole, next?: string): Promise<void> {
	const { email, password } = DEMO[role];
	await open(page, next ? `/login?next=${encodeURIComponent(next)}` : '/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

type Cookie = Awaited<ReturnType<BrowserContext['cookies']>>[number];
const adultSessions = new Map<AdultRole, Cookie[]>();

/**
 * Puts a signed-in adult's session cookie into `context`. Signs in through the form once per
 * role and worker, then reuses the session (argon2 is slow on purpose). Tests that sign out
 * must use signInAdult instead: signing out would end the shared session.
 */
export async function useAdult(
	browser: Browser,
	context: BrowserContext,
	role: AdultRole
): Promise<void> {
	let cookies = adultSessions.get(role);
	if (!cookies) {
		const other = await newEnglishContext(browser);
		await signInAdult(await other.newPage(), role);
		cookies = (await other.cookies()).filter((c) => c.name === 'sprout_session');
		expect(cookies).toHaveLength(1);
		await other.close();
		adultSessions.set(role, cookies);
	}
	await context.addCookies(cookies);
}

/** Opens a demo (or any) class's picking page and taps the child's avatar tile. */
export async function openStudent(page: Page, code: string, pseudonym: string): Promise<void> {
	await open(page, `/join/${code}`);
	await page.getByRole('link', { name: pseudonym, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Hello, ${pseudonym}!` })).toBeVisible();
	await waitForHydration(page);
}

/** Taps the pictures in order (buttons are labelled by the picture's English name). */
export async function tapPictures(page: Page, pictures: readonly string[]): Promise<void> {
	for (const name of pictures) {
		await page.getByRole('button', { name, exact: true }).click();
	}
}

/** Picture-password sign-in of a child; ends on /studio. */
export async function signInChild(
	page: Page,
	code: string,
	pseudonym: string,
	pictures: readonly string[]
): Promise<void> {
	await openStudent(page, code, pseudonym);
	await tapPictures(page, pictures);
	await expect(page).toHaveURL(/\/studio$/);
	await expect(page.getByRole('heading', { level: 1, name: `Hello, ${pseudonym}!` })).toBeVisible();
}

export interface CreatedStudent {
	firstName: string;
	pseudonym: string;
	/** English picture names in order, or null for a PIN. */
	pictures: string[] | null;
}

export interface CreatedClass {
	id: string;
	code: string;
	name: string;
	students: CreatedStudent[];
}

let classCounter = 0;

/**
 * As the (already signed-in) teacher: creates a class in the demo school and pastes the names.
 * Returns the class with each child's pseudonym and picture password read from the roster.
 */
export async function createClass(page: Page, names: string[]): Promise<CreatedClass> {
	const name = `E2E ${Date.now().toString(36)}-${++classCounter}`;
	await open(page, '/classroom');
	await page.getByLabel('Class name').fill(name);
	await page.getByLabel('School').selectOption({ label: `${DEMO.school} · 云南 大理` });
	await page.getByRole('button', { name: 'New class' }).click();
	await expect(page).toHaveURL(/\/classroom\/[^/?]+\?created=1$/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await waitForHydration(page);
	const id = new URL(page.url()).pathname.split('/')[2]!;
	const code = (await page.locator('.head .code strong').textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{6}$/);
	if (names.length > 0) {
		await page.getByRole('textbox', { name: 'Add students' }).fill(names.join('\n'));
		await page.getByRole('button', { name: 'Add students' }).click();
		await expect(page.getByText(`${names.length} students added.`)).toBeVisible();
	}
	return { id, code, name, students: await readRoster(page) };
}

/** Reads the roster table of a class page as the teacher sees it. */
export async function readRoster(page: Page): Promise<CreatedStudent[]> {
	const rows = page.locator('table tbody tr');
	const students: CreatedStudent[] = [];
	for (const row of await rows.all()) {
		const cells = row.locator('td');
		const pseudonym = (await cells.nth(0).innerText()).trim();
		const firstName = (await cells.nth(1).innerText()).trim();
		const labels = await cells
			.nth(2)
			.getByRole('img')
			.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
		students.push({ firstName, pseudonym, pictures: labels.length ? labels : null });
	}
	return students;
}

/** Runs axe (WCAG 2 A + AA) and fails listing every serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const report = bad
		.map(
			(v) =>
				`[${v.impact}] ${v.id}: ${v.help}\n` +
				v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary ?? ''}`).join('\n')
		)
		.join('\n');
	expect(bad, `axe violations on ${what}:\n${report}`).toEqual([]);
}

/** True when the page has no horizontal scrollbar at the current viewport. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
	const size = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(
		size.scroll,
		`${what} scrolls sideways: scrollWidth ${size.scroll} > clientWidth ${size.client}`
	).toBeLessThanOrEqual(size.client);
}

/** A second, independent browser (e.g. a child's PC while the teacher works on another). */
export async function newEnglishContext(
	browser: Browser,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: BASE_URL,
		locale: 'en-US',
		viewport: { width: 1366, height: 768 },
		...options
	});
}

export interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/**
 * A request sent exactly as written: no URL normalisation (fetch and Playwright resolve
 * `%2e%2e` and `..` before sending) and no default headers such as Accept-Language. `from`
 * sends it from another loopback address (e.g. 127.0.0.2), as another computer would.
 */
export function rawRequest(
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: Number(new URL(BASE_URL).port),
				path,
				method: options.method ?? 'GET',
				headers: options.headers ?? {},
				...(options.from ? { localAddress: options.from } : {})
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		if (options.body) req.write(options.body);
		req.end();
	});
}

export const DAY = 86_400_000;

/** "YYYY-MM-DDTHH:mm" as a Shanghai wall clock shows `ms`: what the datetime-local input takes. */
export function shanghai(ms: number): string {
	return new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Asia/Shanghai',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	})
		.format(new Date(ms))
		.replace(' ', 'T');
}

/** As the signed-in organizer: creates a contest open from yesterday for 30 days; its id. */
export async function openContest(page: Page, title: string, theme = '保护森林'): Promise<string> {
	await open(page, '/admin/contests/new');
	const chinese = page.getByRole('group', { name: '中文 Chinese (required)' });
	await chinese.getByLabel('Title').fill(title);
	await chinese.getByLabel('Theme').fill(theme);
	await page.getByRole('textbox', { name: 'Age bands' }).fill('6-8\n9-11');
	await page.getByLabel('Opens').fill(shanghai(Date.now() - DAY));
	await page.getByLabel('Closes').fill(shanghai(Date.now() + 30 * DAY));
	await page.getByRole('button', { name: 'Create contest' }).click();
	await expect(page).toHaveURL(/\/admin\/contests\/[^/?]+\?created=1$/);
	await waitForHydration(page);
	const stage = page.getByRole('region', { name: 'Stage' });
	await stage.getByRole('button', { name: 'Open contest' }).click();
	await expect(stage.getByRole('status')).toHaveText('The contest is now “Open”.');
	return new URL(page.url()).pathname.split('/').at(-1)!;
}

export const LOCKED = 'Too many tries. Raise your hand and ask your teacher to reset it.';

/**
 * Guesses wrong until the child is locked: 10 wrong tries answer "Not quite!" (posted straight
 * to the form action from the child's browser, to keep the test quick), the 11th, tapped on
 * the page, "Too many tries" (the child's own limit, 10, comes before the device's, 20).
 * Only for children of classes a test created itself.
 */
export async function lockOut(
	browser: Browser,
	code: string,
	child: CreatedStudent,
	{ tapEleventh = true } = {}
): Promise<void> {
	const wrong = child.pictures![0] === 'Bee' ? ['Bird', 'Bird', 'Bird'] : ['Bee', 'Bee', 'Bee'];
	const context = await newEnglishContext(browser);
	const kid = await context.newPage();
	await openStudent(kid, code, child.pseudonym);
	for (let i = 1; i <= 10; i++) {
		const response = await kid.request.post(kid.url(), {
			form: { secret: wrong.join('-').toLowerCase() },
			headers: { origin: BASE_URL, accept: 'text/html', 'accept-language': 'en' },
			maxRedirects: 0
		});
		expect(response.status(), `wrong try ${i}`).toBe(400);
		expect(await response.text()).toContain('Not quite! Try again.');
	}
	if (tapEleventh) {
		await tapPictures(kid, wrong);
		await expect(kid.getByRole('alert')).toHaveText(LOCKED);
	}
	await context.close();
}

/** Draws one stroke on a new drawing and waits until the server has a copy of it. */
export async function drawAndSave(page: Page): Promise<string> {
	await page.getByRole('link', { name: 'New drawing' }).click();
	await expect(page).toHaveURL(/\/studio\/draw\/[a-z0-9]+$/);
	const id = new URL(page.url()).pathname.split('/').pop()!;
	await waitForHydration(page);
	await expect(page.getByRole('button', { name: 'Pencil', exact: true })).toBeEnabled();
	const box = (await page.getByRole('application', { name: 'Drawing paper' }).boundingBox())!;
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;
	await page.mouse.move(cx - 150, cy);
	await page.mouse.down();
	await page.mouse.move(cx + 150, cy + 40, { steps: 20 });
	await page.mouse.up();
	await expect
		.poll(
			() =>
				page.evaluate(async (drawingId) => {
					const res = await fetch('/studio/api/drawings', { cache: 'no-store' });
					const list = (await res.json()) as { id: string }[];
					return list.some((d) => d.id === drawingId);
				}, id),
			{ timeout: 15_000 }
		)
		.toBe(true);
	return id;
}
