import type { entriesZhCN } from './entries.zh-CN.ts';

export const entriesEn: Record<keyof typeof entriesZhCN, string> = {};
