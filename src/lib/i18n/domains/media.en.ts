import type { mediaZhCN } from './media.zh-CN.ts';

export const mediaEn: Record<keyof typeof mediaZhCN, string> = {};
