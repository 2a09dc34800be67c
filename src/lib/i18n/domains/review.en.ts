import type { reviewZhCN } from './review.zh-CN.ts';

export const reviewEn: Record<keyof typeof reviewZhCN, string> = {};
