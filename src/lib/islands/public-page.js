// The only script of public pages served without hydration (`csr = false`): what those pages
// need of JavaScript, and nothing else. Plain JS, loaded with `defer` from our own origin (the
// CSP allows no inline script), and every part also works without it.

/**
 * The page-weight meter: what this visit cost the network, from the browser's own resource
 * timing (bytes that crossed the wire; cached files count 0). Lazy pictures arrive as the
 * visitor scrolls, so it follows them.
 * @param {HTMLElement} meter
 */
function startPageWeight(meter) {
	const template = meter.dataset.pageWeight || '';
	const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
	const text = meter.querySelector('[data-kb]');
	const measure = () => {
		let bytes = 0;
		for (const type of ['navigation', 'resource'])
			for (const entry of performance.getEntriesByType(type))
				bytes += /** @type {PerformanceResourceTiming} */ (entry).transferSize || 0;
		const kb = number.format(Math.max(1, Math.round(bytes / 1024)));
		if (text) text.textContent = template.replace('{kb}', kb);
		meter.hidden = false;
	};
	const later = () => setTimeout(measure, 300);
	if (document.readyState === 'complete') later();
	else addEventListener('load', later, { once: true });
	if (typeof PerformanceObserver === 'function')
		new PerformanceObserver(measure).observe({ type: 'resource', buffered: false });
}

for (const meter of document.querySelectorAll('[data-page-weight]'))
	startPageWeight(/** @type {HTMLElement} */ (meter));

// The language menu changes the language as soon as one is picked (the hydrated pages do the
// same; without any script its button is shown instead).
for (const select of document.querySelectorAll('select[data-autosubmit]'))
	/** @type {HTMLSelectElement} */ (select).addEventListener('change', () =>
		/** @type {HTMLSelectElement} */ (select).form?.requestSubmit()
	);
