import type { DrawDocument, Op, StrokeOp } from '../document.ts';
import type { Renderer, View } from '../renderer.ts';

export type RendererCall =
	| { method: 'renderDocument'; doc: DrawDocument }
	| { method: 'commitOp'; op: Op }
	| { method: 'beginLiveStroke'; op: StrokeOp }
	| { method: 'updateLiveStroke'; op: StrokeOp }
	| { method: 'endLiveStroke' }
	| { method: 'showPreview'; op: Op | null }
	| { method: 'setView'; view: View }
	| { method: 'thumbnail'; maxWidth: number }
	| { method: 'destroy' };

/** Records what the editor asks for, so tests can assert on it without a canvas. */
export class FakeRenderer implements Renderer {
	calls: RendererCall[] = [];
	/** What `sampleColor` answers; null means "off the board". */
	color: string | null = '#336699';
	view: View = { scale: 1, x: 0, y: 0 };
	width = 1600;
	height = 1200;

	methods(): string[] {
		return this.calls.map((call) => call.method);
	}

	reset(): void {
		this.calls = [];
	}

	renderDocument(doc: DrawDocument): void {
		this.width = doc.width;
		this.height = doc.height;
		this.calls.push({ method: 'renderDocument', doc });
	}

	commitOp(op: Op): void {
		this.calls.push({ method: 'commitOp', op });
	}

	beginLiveStroke(op: StrokeOp): void {
		this.calls.push({ method: 'beginLiveStroke', op });
	}

	updateLiveStroke(op: StrokeOp): void {
		this.calls.push({ method: 'updateLiveStroke', op });
	}

	endLiveStroke(): void {
		this.calls.push({ method: 'endLiveStroke' });
	}

	showPreview(op: Op | null): void {
		this.calls.push({ method: 'showPreview', op });
	}

	setView(view: View): void {
		this.view = view;
		this.calls.push({ method: 'setView', view });
	}

	toBoardPoint(x: number, y: number): { x: number; y: number } {
		return { x: (x - this.view.x) / this.view.scale, y: (y - this.view.y) / this.view.scale };
	}

	sampleColor(x: number, y: number): string | null {
		if (x < 0 || y < 0 || x >= this.width || y >= this.height) return null;
		return this.color;
	}

	thumbnail(maxWidth: number): string | null {
		this.calls.push({ method: 'thumbnail', maxWidth });
		return 'data:image/jpeg;base64,';
	}

	async exportPng(): Promise<Blob> {
		return new Blob([], { type: 'image/png' });
	}

	destroy(): void {
		this.calls.push({ method: 'destroy' });
	}
}
