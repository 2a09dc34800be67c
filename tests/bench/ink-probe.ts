/**
 * Input-to-paint instrumentation, installed with `page.addInitScript` before any page script.
 * Nothing in the app is changed; the probe only wraps browser APIs:
 *
 * - Every pointer sample (including coalesced ones) while a button is down is "received".
 * - A sample is "consumed" when the app has it in its scene: the naive baseline adds each
 *   sample to a Konva.Line in its pointermove handler and says so with `__inkProbe.consume()`;
 *   an app that batches input per frame and hands the batch on by asking for another frame
 *   consumes it with that request.
 * - A canvas draw call inside an animation-frame callback paints every sample consumed before
 *   that callback, and every sample that arrived before the callback started: the studio takes
 *   its whole input queue in its frame callback and draws the live stroke right there. The
 *   latency is measured to the end of that frame (a message posted from the frame runs once it
 *   has been rendered).
 * - Ink drawn by a worker (the studio's OffscreenCanvas tiles): every message the page posts to
 *   a worker carries a sequence number (an extra `__inkProbe` field on object messages), and
 *   takes with it every sample received so far. `installWorkerInkProbe`, evaluated in the
 *   worker, sees each canvas draw there: it paints every message the worker had received when
 *   the draw's task (or animation frame) began, and is on screen once that task has ended and
 *   its canvases are committed. The worker reports the last such sequence number and the time
 *   over a BroadcastChannel; times are compared on the shared clock (`timeOrigin`).
 *
 * Must be self-contained: Playwright serialises the function's source.
 */
export interface InkProbe {
	/** Forgets earlier samples and records pointer samples from now on. */
	start(): void;
	stop(): void;
	/** Baseline only: everything received so far is in the scene graph now. */
	consume(): void;
	/** Samples not painted yet. */
	pending(): number;
	/** Workers that have the worker half of the probe installed. */
	workerProbes(): number;
	/**
	 * Input-to-paint latency of every painted sample, the end time of each frame that showed new
	 * ink, and the time of the first sample.
	 */
	result(): { latencies: number[]; paintEnds: number[]; firstInput: number };
	/** Resolves with ms from the next click to the end of the first frame that draws after it. */
	armClick(): Promise<number>;
}

declare global {
	interface Window {
		__inkProbe: InkProbe;
	}
}

export function installInkProbe(): void {
	interface Consumed {
		ts: number;
		by: number;
	}
	const originalRaf = window.requestAnimationFrame.bind(window);
	let depth = 0;
	let callbackSeq = 0;
	let currentCallback = 0;
	let snapshot = 0;
	let received: number[] = [];
	let consumed: Consumed[] = [];
	let painted: number[] = [];
	let framePosted = false;
	let drewAfterClick = false;
	let recording = false;
	let firstInput = Number.NaN;
	let armedAt: number | null = null;
	let armedResolve: ((ms: number) => void) | null = null;
	const latencies: number[] = [];
	const paintEnds: number[] = [];
	const channel = new MessageChannel();
	/** Samples handed to a worker, with the sequence number of the message that took them. */
	let inWorker: { ts: number; seq: number }[] = [];
	let workerSeq = 0;
	let workerProbes = 0;

	const originalPost = Worker.prototype.postMessage as (...args: unknown[]) => void;
	Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
		const seq = ++workerSeq;
		const data = args[0];
		if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
			args[0] = { ...(data as object), __inkProbe: seq };
		}
		if (recording) {
			for (const ts of received) inWorker.push({ ts, seq });
			for (const c of consumed) inWorker.push({ ts: c.ts, seq });
			received = [];
			consumed = [];
			snapshot = 0;
		}
		originalPost.apply(this, args);
	};
	const broadcast = new BroadcastChannel('__inkProbe');
	broadcast.onmessage = (e: MessageEvent<{ hello?: true; through?: number; at?: number }>) => {
		if (e.data.hello) {
			workerProbes++;
			return;
		}
		const through = e.data.through as number;
		const end = (e.data.at as number) - performance.timeOrigin;
		const keep: typeof inWorker = [];
		let painted = 0;
		for (const sample of inWorker) {
			if (sample.seq <= through) {
				latencies.push(end - sample.ts);
				painted++;
			} else {
				keep.push(sample);
			}
		}
		inWorker = keep;
		if (painted > 0) paintEnds.push(end);
	};

	channel.port1.onmessage = () => {
		framePosted = false;
		const now = performance.now();
		if (painted.length > 0) {
			for (const ts of painted) latencies.push(now - ts);
			paintEnds.push(now);
			painted = [];
		}
		if (drewAfterClick && armedResolve && armedAt !== null) {
			armedResolve(now - armedAt);
			armedResolve = null;
			armedAt = null;
			drewAfterClick = false;
		}
	};

	function endOfFrame(): void {
		if (framePosted) return;
		framePosted = true;
		channel.port2.postMessage(0);
	}

	function onDraw(): void {
		if (depth === 0) return;
		if (armedAt !== null && armedAt >= 0) drewAfterClick = true;
		if (snapshot > 0) {
			for (const ts of received.splice(0, snapshot)) painted.push(ts);
			snapshot = 0;
		}
		if (consumed.length > 0) {
			const keep: Consumed[] = [];
			for (const c of consumed) {
				if (c.by < currentCallback) painted.push(c.ts);
				else keep.push(c);
			}
			consumed = keep;
		}
		endOfFrame();
	}

	window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
		if (depth > 0 && snapshot > 0) {
			for (const ts of received.splice(0, snapshot)) consumed.push({ ts, by: currentCallback });
			snapshot = 0;
		}
		return originalRaf((time) => {
			const outer = currentCallback;
			depth++;
			currentCallback = ++callbackSeq;
			snapshot = received.length;
			try {
				callback(time);
			} finally {
				depth--;
				snapshot = 0;
				currentCallback = outer;
			}
		});
	};

	const proto = CanvasRenderingContext2D.prototype as unknown as Record<
		string,
		(...args: unknown[]) => unknown
	>;
	for (const name of ['fill', 'stroke', 'drawImage', 'putImageData', 'fillRect']) {
		const original = proto[name] as (...args: unknown[]) => unknown;
		proto[name] = function (this: unknown, ...args: unknown[]) {
			onDraw();
			return original.apply(this, args);
		};
	}

	window.addEventListener(
		'pointermove',
		(e) => {
			if (!recording || e.buttons === 0) return;
			const samples = e.getCoalescedEvents?.() ?? [];
			for (const s of samples.length > 0 ? samples : [e]) {
				if (Number.isNaN(firstInput)) firstInput = s.timeStamp;
				received.push(s.timeStamp);
			}
		},
		{ capture: true }
	);
	// The app ends a stroke synchronously on pointerup (flush, commit, batchDraw), as the
	// baseline does on every move: what is left is in the scene before the next frame.
	window.addEventListener(
		'pointerup',
		() => {
			if (!recording) return;
			for (const ts of received) consumed.push({ ts, by: -1 });
			received = [];
		},
		{ capture: true }
	);
	window.addEventListener(
		'click',
		(e) => {
			if (armedResolve && armedAt === -1) armedAt = e.timeStamp;
		},
		{ capture: true }
	);

	window.__inkProbe = {
		start() {
			received = [];
			consumed = [];
			painted = [];
			inWorker = [];
			latencies.length = 0;
			paintEnds.length = 0;
			firstInput = Number.NaN;
			recording = true;
		},
		stop() {
			recording = false;
		},
		consume() {
			for (const ts of received) consumed.push({ ts, by: -1 });
			received = [];
		},
		pending() {
			return received.length + consumed.length + painted.length + inWorker.length;
		},
		workerProbes() {
			return workerProbes;
		},
		result() {
			return { latencies: latencies.slice(), paintEnds: paintEnds.slice(), firstInput };
		},
		armClick() {
			armedAt = -1;
			drewAfterClick = false;
			return new Promise<number>((resolve) => (armedResolve = resolve));
		}
	};
}

/**
 * The worker half of the probe, evaluated in each worker the page starts (Playwright
 * `worker.evaluate`). Self-contained for the same reason as `installInkProbe`.
 */
export function installWorkerInkProbe(): void {
	type Handler = ((e: MessageEvent) => void) | null;
	const scope = self as unknown as {
		onmessage: Handler;
		requestAnimationFrame?: (callback: (time: number) => void) => number;
	};
	const broadcast = new BroadcastChannel('__inkProbe');
	let lastSeq = 0;
	/** What a draw now paints: messages received before the current task or frame began. */
	let through = 0;
	let rafDepth = 0;
	let posted = false;
	const note = (e: MessageEvent) => {
		const seq = (e.data as { __inkProbe?: unknown } | null)?.__inkProbe;
		if (typeof seq === 'number' && seq > lastSeq) lastSeq = seq;
		if (rafDepth === 0) through = lastSeq;
	};
	// The app's handler is wrapped so the sequence number is known before it draws.
	let appHandler: Handler = scope.onmessage;
	scope.onmessage = null;
	const wrapped = (e: MessageEvent) => {
		note(e);
		appHandler?.call(scope, e);
	};
	Object.defineProperty(scope, 'onmessage', {
		configurable: true,
		get: () => appHandler,
		set: (handler: Handler) => (appHandler = handler)
	});
	addEventListener('message', wrapped);
	const channel = new MessageChannel();
	// A message posted while drawing runs in a later task, after the canvases were committed.
	channel.port1.onmessage = (e: MessageEvent<number>) => {
		posted = false;
		broadcast.postMessage({ through: e.data, at: performance.timeOrigin + performance.now() });
	};
	const originalRaf = scope.requestAnimationFrame?.bind(scope);
	if (originalRaf) {
		scope.requestAnimationFrame = (callback) =>
			originalRaf((time) => {
				rafDepth++;
				through = lastSeq;
				try {
					callback(time);
				} finally {
					rafDepth--;
				}
			});
	}
	const proto = OffscreenCanvasRenderingContext2D.prototype as unknown as Record<
		string,
		(...args: unknown[]) => unknown
	>;
	for (const name of ['fill', 'stroke', 'drawImage', 'putImageData', 'fillRect']) {
		const original = proto[name] as (...args: unknown[]) => unknown;
		proto[name] = function (this: unknown, ...args: unknown[]) {
			if (!posted) {
				posted = true;
				channel.port2.postMessage(through);
			}
			return original.apply(this, args);
		};
	}
	broadcast.postMessage({ hello: true });
}
