import type { mediaZhCN } from './media.zh-CN.ts';

export const mediaFr: Record<keyof typeof mediaZhCN, string> = {};
