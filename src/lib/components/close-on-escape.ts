/**
 * For a `<details>` used as a popover: Escape closes it and puts focus back on its summary,
 * as it does for any other popup a keyboard user opens.
 */
export function closeOnEscape(details: HTMLDetailsElement) {
	function onkeydown(e: KeyboardEvent): void {
		if (e.key !== 'Escape' || !details.open) return;
		e.preventDefault();
		details.open = false;
		details.querySelector('summary')?.focus();
	}
	details.addEventListener('keydown', onkeydown);
	return { destroy: () => details.removeEventListener('keydown', onkeydown) };
}
