/** Tasks, the container runner and raw files. */
export const scansContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScansResults {}
