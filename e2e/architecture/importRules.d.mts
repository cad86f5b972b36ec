export interface KnownCycle {
  name: string;
  why?: string;
  cycle: string[];
}
export const RULE_SET: { forbidden: { name: string; comment: string }[] };
export const KNOWN_CYCLES: KnownCycle[];
export function featureOf(file: string): string | undefined;
export function cycleProblems(edges: Map<string, string>, known: KnownCycle[]): string[];
export function checkImports(options?: { baseDir?: string; known?: KnownCycle[] }): Promise<string[]>;
