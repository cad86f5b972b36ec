export function findChromium(): string | undefined;
export function missingPrerequisites(): string[];
