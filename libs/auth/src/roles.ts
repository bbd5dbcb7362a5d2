export const ROLES = ['admin', 'pps-editor', 'llo-office', 'teacher'] as const;
export type Role = (typeof ROLES)[number];
