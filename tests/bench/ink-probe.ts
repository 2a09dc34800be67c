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
			return received.length + consumed.length + painted.length;
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
