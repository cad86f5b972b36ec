/**
 * The renderer is served from app://redlens/ rather than file://: a real origin, so CSP 'self',
 * the IPC sender check and the navigation guards compare one exact origin instead of a path
 * prefix, and only files inside the built renderer folder can be read through it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'redlens';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
