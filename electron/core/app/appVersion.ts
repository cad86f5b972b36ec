import { version } from '../../../package.json';

/** The version users see; one source of truth: package.json. */
export const APP_VERSION: string = version;
