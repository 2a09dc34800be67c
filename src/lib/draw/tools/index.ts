import type { ShapeKind, StrokeTool } from '../document.ts';
import { EyedropperTool } from './eyedropper.ts';
import { FillTool } from './fill.ts';
import { PenTool } from './pen.ts';
import { ShapeTool } from './shape.ts';
import { StampTool } from './stamp.ts';
import { TextTool } from './text.ts';
import type { Tool } from './types.ts';

export type ToolName = StrokeTool | ShapeKind | 'fill' | 'stamp' | 'text' | 'eyedropper';

export const TOOL_NAMES: readonly ToolName[] = [
	'pencil',
	'brush',
	'marker',
	'crayon',
	'eraser',
	'line',
	'rect',
	'ellipse',
	'fill',
	'stamp',
	'text',
	'eyedropper'
];

export function createTool(name: ToolName): Tool {
	switch (name) {
		case 'pencil':
		case 'brush':
		case 'marker':
		case 'crayon':
		case 'eraser':
			return new PenTool(name);
		case 'line':
		case 'rect':
		case 'ellipse':
			return new ShapeTool(name);
		case 'fill':
			return new FillTool();
		case 'stamp':
			return new StampTool();
		case 'text':
			return new TextTool();
		case 'eyedropper':
			return new EyedropperTool();
	}
}
