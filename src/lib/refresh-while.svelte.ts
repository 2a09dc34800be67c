import { invalidate } from '$app/navigation';

/**
 * Reloads the data behind `dependency` (a `depends()` key of the page's load) every few seconds
 * while `isWaiting` says something is still being prepared, e.g. pictures in the image queue,
 * and stops on its own once nothing is. Call from a component's script.
 */
export function refreshWhile(
	dependency: `app:${string}`,
	isWaiting: () => boolean,
	everyMs = 3000
): void {
	$effect(() => {
		if (!isWaiting()) return;
		const timer = setTimeout(() => void invalidate(dependency), everyMs);
		return () => clearTimeout(timer);
	});
}
