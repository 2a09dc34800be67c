import type { StrokePath } from '../paint.ts';
import type { StrokePass } from '../stroke-geometry.ts';

/**
 * A stroke's polygons (see `strokePasses`) as paths, to fill once or many times. Browser and
 * worker only: Node has no `Path2D`, which is why `paint.ts` takes ready-made paths.
 */
export function toStrokePaths(passes: readonly StrokePass[]): StrokePath[] {
	return passes.map((pass) => {
		const path = new Path2D();
		const [first, ...rest] = pass.outline;
		if (first) {
			path.moveTo(first[0], first[1]);
			for (const [x, y] of rest) path.lineTo(x, y);
			path.closePath();
		}
		return { path, alpha: pass.alpha };
	});
}
