/**
 * Sends an entry over a slow, flaky school link: XMLHttpRequest for real upload progress, the
 * same idempotency key on every try (so a retry never makes a second entry), backoff on
 * network errors and 5xx, and a pause while the browser is offline.
 */

export interface EntryMeta {
	contestId: string;
	age: number;
	title: string;
	about: string;
	drawingId: string;
}

export type UploadEvent =
	| { kind: 'progress'; fraction: number }
	| { kind: 'offline' }
	| { kind: 'retrying'; seconds: number };

export type UploadResult =
	{ ok: true; id: string; status: string } | { ok: false; status: number; error: string };

const MAX_DELAY_MS = 30_000;

function sendOnce(
	meta: EntryMeta,
	image: Blob,
	key: string,
	onProgress: (fraction: number) => void
): Promise<{ status: number; body: Record<string, unknown> } | 'network'> {
	return new Promise((resolve) => {
		const form = new FormData();
		form.append('meta', JSON.stringify(meta));
		form.append('image', image, 'drawing.png');
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/studio/api/entries');
		xhr.setRequestHeader('Idempotency-Key', key);
		xhr.responseType = 'json';
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable) onProgress(e.loaded / e.total);
		};
		xhr.onload = () =>
			resolve({ status: xhr.status, body: (xhr.response ?? {}) as Record<string, unknown> });
		xhr.onerror = () => resolve('network');
		xhr.ontimeout = () => resolve('network');
		xhr.send(form);
	});
}

function waitOnline(): Promise<void> {
	return new Promise((resolve) =>
		window.addEventListener('online', () => resolve(), { once: true })
	);
}

/**
 * `key` comes from the submission queue, which keeps it across reloads; `onNewKey` lets the
 * queue store the fresh key the server asked for.
 */
export async function uploadEntry(
	meta: EntryMeta,
	image: Blob,
	key: string,
	onEvent: (event: UploadEvent) => void,
	onNewKey: (key: string) => void | Promise<void> = () => {}
): Promise<UploadResult> {
	let renewedKey = false;
	for (let attempt = 0; ; attempt++) {
		if (!navigator.onLine) {
			onEvent({ kind: 'offline' });
			await waitOnline();
		}
		const res = await sendOnce(meta, image, key, (fraction) =>
			onEvent({ kind: 'progress', fraction })
		);
		if (res !== 'network' && res.status < 500) {
			const error = typeof res.body.error === 'string' ? res.body.error : 'entries.error.unknown';
			// The child changed the title or picture since the last try: this is a new submission.
			if (res.status === 422 && error === 'entries.error.keyReused' && !renewedKey) {
				renewedKey = true;
				key = crypto.randomUUID();
				await onNewKey(key);
				attempt = -1;
				continue;
			}
			// The same submission is still being received from an earlier try: ask again soon.
			if (res.status !== 409 || error !== 'entries.error.inFlight') {
				if (res.status === 200 || res.status === 201)
					return { ok: true, id: String(res.body.id), status: String(res.body.status) };
				return { ok: false, status: res.status, error };
			}
		}
		if (!navigator.onLine) continue;
		const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 5));
		const jittered = Math.round(delay * (0.75 + Math.random() * 0.5));
		onEvent({ kind: 'retrying', seconds: Math.ceil(jittered / 1000) });
		await new Promise((r) => setTimeout(r, jittered));
	}
}
