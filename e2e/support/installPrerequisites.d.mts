export type InstallPlan =
  | { kind: 'nothing' }
  | { kind: 'print'; command: string }
  | { kind: 'install'; sudo: boolean; ask: boolean; command: string };
export function installPlan(facts: {
  packages: string[];
  uid: number;
  sudoWithoutPassword: boolean;
  hasAptGet: boolean;
  ci: boolean;
  interactive: boolean;
}): InstallPlan;
export function installMissingPackages(packages: string[], env?: NodeJS.ProcessEnv): Promise<boolean>;
