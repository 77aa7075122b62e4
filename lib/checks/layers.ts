/** The five layers a check belongs to, and the severities a finding can have. */
export const LAYERS = ["node", "network", "secrets", "pod", "container"] as const;
export type Layer = (typeof LAYERS)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];
