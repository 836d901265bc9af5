/** Scan levels (clearance): what the scheduler and runner use, and the service the core wires. */
export { levelOf, eligiblePks } from './repository';
export { LevelService } from './service';
