import type { reviewZhCN } from './review.zh-CN.ts';

export const reviewFr: Record<keyof typeof reviewZhCN, string> = {};
