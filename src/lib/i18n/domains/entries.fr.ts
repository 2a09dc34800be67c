import type { entriesZhCN } from './entries.zh-CN.ts';

export const entriesFr: Record<keyof typeof entriesZhCN, string> = {};
