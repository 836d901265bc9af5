/**
 * Desktop notifications through the Web Notification API (works in Electron's renderer and in a
 * browser on the headless host). Permission is only ever asked from a user gesture; the user's
 * choice is remembered in localStorage.
 */
const PREF_KEY = 'kat.notifications';

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export function notifyPermission(): NotifyPermission {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
  return window.Notification.permission;
}

export function readNotifyPref(): boolean {
  try {
    return window.localStorage.getItem(PREF_KEY) === 'on' && notifyPermission() === 'granted';
  } catch {
    return false;
  }
}

export function writeNotifyPref(on: boolean): void {
  try {
    window.localStorage.setItem(PREF_KEY, on ? 'on' : 'off');
  } catch {
    /* storage unavailable: the choice lasts this session */
  }
}

/** Asks for permission (call from a click handler); resolves to whether notifications may be shown. */
export async function requestNotifyPermission(): Promise<boolean> {
  const now = notifyPermission();
  if (now === 'unsupported' || now === 'denied') return false;
  if (now === 'granted') return true;
  return (await window.Notification.requestPermission()) === 'granted';
}

/** Shows a notification; a click focuses the app and runs onClick. */
export function showNotification(title: string, body: string, onClick?: () => void): void {
  if (notifyPermission() !== 'granted') return;
  try {
    const n = new window.Notification(title, { body, tag: `kat-${title}` });
    n.onclick = () => {
      window.focus();
      onClick?.();
      n.close();
    };
  } catch {
    /* some platforms refuse page notifications: nothing else to do */
  }
}
