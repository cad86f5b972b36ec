/** Outputs of the `app.*` methods. */
export interface AppVersion {
  name: 'Redlens';
  version: string;
  /** Which shell hosts core: the Electron main process or the web host. */
  host: 'electron' | 'web';
  platform: string;
}
