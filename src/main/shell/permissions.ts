/**
 * Folio's page needs no browser permission (camera, notifications, geolocation, HID, …): every
 * request is denied and every check answers false, so remote content can never be granted one.
 */
import type { Session } from 'electron';

/** Denies all permission requests and checks on `session`. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
