export const CHROMIUM_ARGS: string[];
export function findChromium(): string | undefined;
export function missingPrerequisites(): string[];
export function missingPackages(): string[];
