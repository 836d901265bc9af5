import type { ErrorPayload } from '../../common/errors';

/** The only two IPC channels between the renderer and the main process. */
export const CALL_CHANNEL = 'kat:call';
export const EVENT_CHANNEL = 'kat:event';

/** What 'kat:call' answers: never a thrown error across IPC. */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };
