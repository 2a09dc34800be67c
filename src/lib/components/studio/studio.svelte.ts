import type { Editor, EditorSnapshot } from '$lib/draw/editor';
import type { DrawDocument } from '$lib/draw/document';
import type { Renderer, View } from '$lib/draw/renderer';
import type { StampTransform } from '$lib/draw/commands';
import type { ToolName } from '$lib/draw/tools/index';
import type { PointerInput } from '$lib/draw/tools/types';
import { stepSize, MAX_SIZE, MIN_SIZE } from '$lib/components/studio/shortcuts';

/** The renderer as the page sees it: the Konva one, which can also follow its container's size. */
export interface ResizableRenderer extends Renderer {
	resize(width: number, height: number): void;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 8;
/** Room around the paper when fitted, so its edge and shadow stay visible. */
const FIT_MARGIN = 16;
export const MIN_FONT_SIZE = 16;
export const MAX_FONT_SIZE = 240;
/** Opacity slider, in percent: below 10 % a child sees nothing happen and thinks it is broken. */
export const OPACITY_RANGE = { min: 10, max: 100, step: 5 } as const;
/**
 * Paint bucket tolerance (the core accepts 0–255). Past 128 a fill leaks through most outlines,
 * which children read as "the bucket broke my drawing".
 */
export const TOLERANCE_RANGE = { min: 0, max: 128, step: 8 } as const;
const HEX_COLOR = /^#[0-9a-f]{6}$/;

/**
 * UI state of one open drawing: mirrors the editor's snapshots into `$state` for the toolbars
 * and owns the view (zoom and pan). `DrawingCanvas` attaches the editor once Konva is loaded;
 * before that every action is a no-op and `snapshot` is null.
 */
export class StudioState {
	#snapshot = $state.raw<EditorSnapshot | null>(null);
	#view = $state.raw<View>({ scale: 1, x: 0, y: 0 });
	#isFitted = true;
	#viewport = { width: 0, height: 0 };
	#editor: Editor | null = null;
	#renderer: ResizableRenderer | null = null;
	#unsubscribe: (() => void) | null = null;
	#revision = 0;
	#onDocumentChange: (doc: DrawDocument) => void;
	#announcement = $state('');
	#focusPaper: (() => void) | null = null;

	constructor(onDocumentChange: (doc: DrawDocument) => void = () => {}) {
		this.#onDocumentChange = onDocumentChange;
	}

	get snapshot(): EditorSnapshot | null {
		return this.#snapshot;
	}

	get view(): View {
		return this.#view;
	}

	/** What the page's live region says now (a keyboard action's result, the description). */
	get announcement(): string {
		return this.#announcement;
	}

	announce(text: string): void {
		// The same words twice must still be read: a no-break space makes the text change.
		this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
	}

	/** The paper registers how to take focus; a label typed in the bar hands focus back. */
	setPaperFocus(focus: (() => void) | null): void {
		this.#focusPaper = focus;
	}

	focusPaper(): void {
		this.#focusPaper?.();
	}

	/** The slider's value: font size for text, brush or outline size otherwise. */
	get sizeValue(): number {
		const s = this.#snapshot;
		if (!s) return 0;
		return s.tool === 'text' ? s.fontSize : s.size;
	}

	get sizeRange(): { min: number; max: number } {
		return this.#snapshot?.tool === 'text'
			? { min: MIN_FONT_SIZE, max: MAX_FONT_SIZE }
			: { min: MIN_SIZE, max: MAX_SIZE };
	}

	/** The pen's opacity as the slider shows it: a whole percentage. */
	get opacityPercent(): number {
		return Math.round((this.#snapshot?.opacity ?? 1) * 100);
	}

	/** The paper (document background) colour, `#rrggbb`. */
	get paper(): string {
		return this.#snapshot?.doc.background ?? '#ffffff';
	}

	attach(editor: Editor, renderer: ResizableRenderer, width: number, height: number): void {
		this.detach();
		this.#editor = editor;
		this.#renderer = renderer;
		this.#viewport = { width, height };
		this.#revision = editor.getSnapshot().revision;
		this.#unsubscribe = editor.subscribe((snapshot) => {
			this.#snapshot = snapshot;
			if (snapshot.revision !== this.#revision) {
				this.#revision = snapshot.revision;
				this.#onDocumentChange(snapshot.doc);
			}
		});
		this.fit();
	}

	/** Destroys the editor and its renderer (Konva stage and canvases). */
	detach(): void {
		this.#unsubscribe?.();
		this.#unsubscribe = null;
		this.#editor?.destroy();
		this.#editor = null;
		this.#renderer = null;
		this.#snapshot = null;
	}

	getDocument(): DrawDocument | null {
		return this.#editor?.getDocument() ?? null;
	}

	resize(width: number, height: number): void {
		// The observer also reports sub-pixel layout shifts (a status text changing width):
		// resizing the stage reallocates and repaints every canvas, so only real changes count.
		if (width === this.#viewport.width && height === this.#viewport.height) return;
		this.#viewport = { width, height };
		this.#renderer?.resize(width, height);
		if (this.#isFitted) this.fit();
	}

	fit(): void {
		const doc = this.getDocument();
		const { width, height } = this.#viewport;
		if (!doc || width <= 0 || height <= 0) return;
		const scale = Math.max(
			MIN_SCALE,
			Math.min((width - 2 * FIT_MARGIN) / doc.width, (height - 2 * FIT_MARGIN) / doc.height)
		);
		this.#setView({
			scale,
			x: (width - doc.width * scale) / 2,
			y: (height - doc.height * scale) / 2
		});
		this.#isFitted = true;
	}

	/** Zooms around a point in container pixels (the centre by default). */
	zoomBy(factor: number, at?: { x: number; y: number }): void {
		const { scale, x, y } = this.#view;
		const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
		const cx = at?.x ?? this.#viewport.width / 2;
		const cy = at?.y ?? this.#viewport.height / 2;
		const k = next / scale;
		this.#setView({ scale: next, x: cx - (cx - x) * k, y: cy - (cy - y) * k });
		this.#isFitted = false;
	}

	panBy(dx: number, dy: number): void {
		this.#setView({ ...this.#view, x: this.#view.x + dx, y: this.#view.y + dy });
		this.#isFitted = false;
	}

	/** Container pixels → art-board pixels. */
	toBoard(x: number, y: number): { x: number; y: number } {
		return this.#renderer?.toBoardPoint(x, y) ?? { x, y };
	}

	pointer(input: PointerInput): void {
		this.#editor?.pointer(input);
	}

	pointerBatch(inputs: readonly PointerInput[]): void {
		this.#editor?.pointerBatch(inputs);
	}

	setTool(tool: ToolName): void {
		this.#editor?.setTool(tool);
	}

	setColor(color: string): void {
		this.#editor?.setColor(color);
	}

	setSizeValue(value: number): void {
		const { min, max } = this.sizeRange;
		const size = Math.round(Math.min(max, Math.max(min, value)));
		if (this.#snapshot?.tool === 'text') this.#editor?.setStyle({ fontSize: size });
		else this.#editor?.setSize(size);
	}

	stepSize(step: -1 | 1): void {
		if (this.#snapshot?.tool === 'text') this.setSizeValue(this.sizeValue + step * 8);
		else this.setSizeValue(stepSize(this.sizeValue, step));
	}

	setOpacityPercent(percent: number): void {
		if (!Number.isFinite(percent)) return;
		const { min, max } = OPACITY_RANGE;
		this.#editor?.setOpacity(Math.round(Math.min(max, Math.max(min, percent))) / 100);
	}

	setTolerance(tolerance: number): void {
		if (!Number.isFinite(tolerance)) return;
		const { min, max } = TOLERANCE_RANGE;
		this.#editor?.setStyle({ tolerance: Math.round(Math.min(max, Math.max(min, tolerance))) });
	}

	/**
	 * Changes the paper as one undo step. The same colour again changes nothing (and adds no
	 * step); anything but `#rrggbb` is ignored, as the document parser would refuse it.
	 */
	setPaper(color: string): void {
		const paper = color.toLowerCase();
		if (!HEX_COLOR.test(paper) || paper === this.paper.toLowerCase()) return;
		this.#editor?.setBackground(paper);
	}

	setFilled(filled: boolean): void {
		this.#editor?.setStyle({ filled });
	}

	setStamp(stampId: string): void {
		this.#editor?.setStyle({ stampId });
	}

	transformStamp(change: StampTransform): void {
		this.#editor?.transformStamp(change);
	}

	setText(text: string): void {
		this.#editor?.setText(text);
	}

	finishTool(): void {
		this.#editor?.finishTool();
	}

	cancelTool(): void {
		this.#editor?.cancelTool();
	}

	undo(): void {
		this.#editor?.undo();
	}

	redo(): void {
		this.#editor?.redo();
	}

	clear(): void {
		this.#editor?.clear();
	}

	async exportPng(scale = 2, onProgress?: (fraction: number) => void): Promise<Blob> {
		if (!this.#renderer) throw new Error('The editor is not ready');
		this.#editor?.finishTool();
		return this.#renderer.exportPng(scale, onProgress);
	}

	/**
	 * A small JPEG of the finished ops for the draft list (the stroke in progress is left out).
	 * Costs a full-board pixel copy, so callers throttle it.
	 */
	makeThumbnail(maxWidth = 240): string | null {
		return this.#renderer?.thumbnail(maxWidth) ?? null;
	}

	#setView(view: View): void {
		this.#view = view;
		this.#renderer?.setView(view);
	}
}
