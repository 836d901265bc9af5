/** Defaults shared by the runner's modules (kept apart so they import no engine code). */
export const BASE_IMAGE_DEFAULT = 'localhost/kattegat-base:bookworm';

/** Resource limits of one container unless the manifest says otherwise. */
export const DEFAULT_LIMITS = { memoryMb: 512, cpus: 1, pids: 128, timeoutSeconds: 300 } as const;

/** Container-side paths of the I/O protocol (see container.ts). */
export const INPUT_DIR = '/in';
export const INPUT_FILE = '/in/input.json';
export const OUTPUT_DIR = '/out';
export const OUTPUT_INDEX = 'mime-types.json';

/** The unprivileged user containers run as unless the manifest asks otherwise (Debian's nobody). */
export const DEFAULT_USER = '65534:65534';
