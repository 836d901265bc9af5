/** Scan levels (clearance): declared and inherited levels, recalculation, explanations, organisation clearance. */
export const levelsContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LevelsResults {}
